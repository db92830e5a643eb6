//! Doing an exercise: the paper, the answers kept as typed (on this device at once, on the
//! server shortly after, and again when the network comes back), instant checking when the
//! teacher allows it, and handing in, scored by the server.

use super::char_bar::{CharBar, Target};
use super::draft::{Draft, KeptSitting};
use super::errors::{describe, is_offline, when_loaded};
use super::items::{Answers, Fields, ItemView};
use super::spoken::AnswerPlace;
use crate::api::exercises::doing::{hand_in, handed_in_work, open_assignment, save_answers};
use crate::api::exercises::{ExerciseError, Receipt, Sitting};
use crate::api::retry::wait_ms;
use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, t, use_locale};
use domain::exercise::{ItemId, Outcome, Paper, Response, score};
use domain::ids::{AccountId, AssignmentId, AttemptId};
use domain::locale::hundredths;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How long typing may pause before the answers are sent: a save per pause, not per key.
const SEND_AFTER_MS: u32 = 600;
/// How often answers kept on the device are offered again while the network is away.
const RETRY_OFFLINE_MS: u32 = 5_000;

#[component]
pub fn Player(assignment: AssignmentId) -> impl IntoView {
    let account = crate::shell::use_session().info().map(|i| i.account);
    let kept = account.map(|account| KeptSitting::of(account, assignment));
    let sitting = LocalResource::new(move || open(assignment, kept));
    view! {
        <p class="back"><a href="/exercises">{t(M::Back)}</a></p>
        {when_loaded(sitting, move |(sitting, from_device)| view! { <Sheet sitting from_device kept/> })}
    }
}

/// The sitting as the server gives it, kept on the device; without network, the one kept (and
/// true: it comes from the device).
async fn open(
    assignment: AssignmentId,
    kept: Option<KeptSitting>,
) -> Result<(Sitting, bool), ExerciseError> {
    match open_assignment(assignment).await {
        Ok(sitting) => {
            if let Some(kept) = kept {
                kept.opened(&sitting);
            }
            Ok((sitting, false))
        }
        Err(e) if is_offline(&e) => match kept.and_then(KeptSitting::load) {
            Some(sitting) => Ok((sitting, true)),
            None => Err(e),
        },
        Err(e) => Err(e),
    }
}

/// A child's work handed in, for a parent: the same sheet, shown as handed in.
#[component]
pub fn Work(assignment: AssignmentId, pupil: AccountId) -> impl IntoView {
    let sitting = LocalResource::new(move || handed_in_work(assignment, pupil));
    view! {
        <p class="back"><a href="/exercises">{t(M::Back)}</a></p>
        {when_loaded(sitting, |sitting| view! { <Sheet sitting from_device=false kept=None/> })}
    }
}

/// Where the answers are.
#[derive(Clone, Debug, PartialEq)]
enum Saving {
    /// The server has them.
    Saved,
    Sending,
    /// On this device only: the network is away; they go when it is back.
    OnDevice,
    /// The server refused them (closed, handed in from another tab…).
    Refused(ExerciseError),
}

/// Sends the answers: one request at a time, the latest answers each time.
#[derive(Clone, Copy)]
struct Sender {
    attempt: AttemptId,
    kept: Option<KeptSitting>,
    response: RwSignal<Response>,
    state: RwSignal<Saving>,
    /// Bumped on every change: a pause is over when no change came during it.
    changes: StoredValue<u64>,
    busy: StoredValue<bool>,
    again: StoredValue<bool>,
    /// Handed in: nothing more is sent, and an answer to a save sent before is not shown.
    finished: StoredValue<bool>,
}

impl Sender {
    fn new(
        attempt: AttemptId,
        kept: Option<KeptSitting>,
        response: RwSignal<Response>,
        state: Saving,
    ) -> Self {
        Sender {
            attempt,
            kept,
            response,
            state: RwSignal::new(state),
            changes: StoredValue::new(0),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
            finished: StoredValue::new(false),
        }
    }

    /// The attempt is handed in: saves waiting for a pause are dropped.
    fn finish(self) {
        self.finished.set_value(true);
        self.changes.update_value(|n| *n += 1);
        self.state.set(Saving::Saved);
    }

    /// An answer changed: kept on the device now, sent after a pause.
    fn changed(self) {
        Draft::of(self.attempt).keep(&self.response.get_untracked());
        let change = self.changes.get_value() + 1;
        self.changes.set_value(change);
        spawn_local(async move {
            wait_ms(SEND_AFTER_MS).await;
            if self.changes.try_get_value() == Some(change) {
                self.send().await;
            }
        });
    }

    async fn send(self) {
        if self.finished.try_get_value() != Some(false) {
            return;
        }
        if self.busy.get_value() {
            self.again.set_value(true);
            return;
        }
        self.busy.set_value(true);
        loop {
            self.again.set_value(false);
            let sent = self.response.get_untracked();
            self.state.set(Saving::Sending);
            let state = match save_answers(self.attempt, sent.clone()).await {
                Ok(()) => {
                    Draft::of(self.attempt).saved(&sent);
                    if let Some(kept) = self.kept {
                        kept.saved(self.attempt, &sent);
                    }
                    crate::offline::confirmed(crate::components::idle::now());
                    Saving::Saved
                }
                Err(e) if is_offline(&e) => Saving::OnDevice,
                Err(e) => Saving::Refused(e),
            };
            // Handed in meanwhile: the hand-in carried these answers; this answer is stale.
            if self.finished.try_get_value() != Some(false) {
                break;
            }
            // The component may be gone (the pupil left the page): the draft stays for later.
            if self.state.try_set(state.clone()).is_some() || !self.again.get_value() {
                if state == Saving::OnDevice {
                    self.retry_later();
                }
                break;
            }
        }
        let _ = self.busy.try_set_value(false);
    }

    fn retry_later(self) {
        spawn_local(async move {
            wait_ms(RETRY_OFFLINE_MS).await;
            if self.state.try_get_untracked() == Some(Saving::OnDevice) {
                self.send().await;
            }
        });
    }
}

#[component]
fn Sheet(sitting: Sitting, from_device: bool, kept: Option<KeptSitting>) -> impl IntoView {
    let locale = use_locale();
    let Sitting {
        attempt,
        school,
        number,
        paper,
        response: on_server,
        rules,
        key,
        handed_in,
        outcome,
    } = sitting;
    let draft = Draft::of(attempt);
    // A draft is what the server does not have yet: it wins, and is sent at once.
    let (start, unsent) = match (handed_in, draft.load()) {
        (None, Some(kept)) if kept != on_server => (kept, true),
        (None, _) => (on_server, false),
        (Some(_), _) => {
            draft.forget();
            (on_server, false)
        }
    };
    let response = RwSignal::new(start);
    let sender = Sender::new(attempt, kept, response, Saving::Saved);
    if handed_in.is_some() {
        sender.finish();
    }
    if unsent {
        spawn_local(sender.send());
    }
    // Sends at once when the network is back, rather than at the next retry.
    let online = window_event_listener(leptos::ev::online, move |_| {
        if sender.state.get_untracked() == Saving::OnDevice {
            spawn_local(sender.send());
        }
    });
    on_cleanup(move || online.remove());

    let receipt = RwSignal::new(handed_in.map(|at| Receipt { at, outcome }));
    // Whether the assignment is still open is the server's to say: a save or a hand-in past the
    // due date is refused, and the refusal is shown.
    let locked = Signal::derive(move || receipt.with(Option::is_some));
    let answers = Answers {
        response,
        changed: Callback::new(move |()| sender.changed()),
        locked,
        place: Some(AnswerPlace { attempt, school }),
    };

    // Instant feedback, when the teacher sends the key: the same scoring as the server's.
    let key = StoredValue::new(key);
    let checking = RwSignal::new(false);
    let checked: Memo<Option<Outcome>> = Memo::new(move |_| {
        if !checking.get() || receipt.with(Option::is_some) {
            return None;
        }
        key.with_value(|key| {
            key.as_ref()
                .and_then(|key| score(key, &response.get()).ok())
        })
    });
    let shown: Memo<Option<Outcome>> = Memo::new(move |_| {
        receipt
            .with(|r| r.as_ref().and_then(|r| r.outcome.clone()))
            .or_else(|| checked.get())
    });
    let mark = move |item: ItemId| {
        Signal::derive(move || {
            shown.with(|o| {
                o.as_ref()
                    .and_then(|o| o.items.iter().find(|i| i.item == item).cloned())
            })
        })
    };

    let Paper {
        title,
        language,
        statement,
        items,
    } = paper;
    let item_ids = StoredValue::new(items.iter().map(|i| i.id.clone()).collect::<Vec<ItemId>>());
    let unanswered = move || {
        response.with(|r| {
            item_ids.with_value(|ids| {
                ids.iter()
                    .filter(|id| r.answers.get(*id).is_none_or(|a| a.is_empty()))
                    .count()
            })
        })
    };
    let statement = statement.map(|s| domain::markdown::render(&s).into_string());
    let target = Target::new();
    let has_key = key.with_value(Option::is_some);

    let handing = RwSignal::new(false);
    let hand_in_error = RwSignal::new(None::<ExerciseError>);
    let hand_in_now = move |_| {
        handing.set(true);
        hand_in_error.set(None);
        spawn_local(async move {
            let answers = response.get_untracked();
            match hand_in(attempt, answers).await {
                Ok(done) => {
                    Draft::of(attempt).forget();
                    if let Some(kept) = kept {
                        kept.forget();
                    }
                    if receipt.try_set(Some(done)).is_none() {
                        sender.finish();
                    }
                }
                Err(e) => {
                    let _ = hand_in_error.try_set(Some(e));
                }
            }
            let _ = handing.try_set(false);
        });
    };

    view! {
        <article class="sheet" lang=language.as_str().to_owned()>
            <header class="card sheet-head">
                <h1>{title}</h1>
                <p class="meta">
                    {t(M::Attempt { number })}
                    {move || rules.due.map(|due| view! { " · " {M::Due { due }.text(locale.lang())} })}
                </p>
                {statement.map(|html| view! { <div class="statement" inner_html=html></div> })}
                {from_device.then(|| view! { <p class="opened-here" role="status">{t(M::OpenedHere)}</p> })}
            </header>
            {move || (!locked.get()).then(|| view! { <CharBar target/> })}
            <Fields target lang=language.as_str().to_owned()>
                {items.into_iter().enumerate().map(|(i, item)| {
                    let mark = mark(item.id.clone());
                    view! { <ItemView item number=i + 1 answers mark/> }
                }).collect_view()}
            </Fields>
            <footer class="card sheet-foot">
                <SavingState state=sender.state.into()/>
                {move || match receipt.get() {
                    Some(done) => view! { <Handed receipt=done/> }.into_any(),
                    None => view! {
                        <p class="unanswered">{move || M::Unanswered {
                            count: i64::try_from(unanswered()).unwrap_or(i64::MAX),
                        }.text(locale.lang())}</p>
                        {has_key.then(|| view! {
                            <button type="button" class="secondary check" on:click=move |_| checking.set(true)>
                                {t(M::Check)}
                            </button>
                            {move || checked.get().map(|o| view! {
                                <p class="provisional">{provisional(locale.lang(), &o)}</p>
                            })}
                        })}
                        <button type="button" class="primary hand-in"
                            prop:disabled=move || handing.get()
                            on:click=hand_in_now>{t(M::HandIn)}</button>
                        {move || hand_in_error.get().map(|e| {
                            let text = if is_offline(&e) {
                                M::HandInOffline.text(locale.lang())
                            } else {
                                describe(locale.lang(), &e)
                            };
                            view! { <p class="error-banner" role="alert">{text}</p> }
                        })}
                    }.into_any(),
                }}
            </footer>
        </article>
    }
}

fn provisional(lang: domain::lang::Lang, outcome: &Outcome) -> String {
    M::Provisional {
        earned: hundredths(lang, i64::from(outcome.earned.hundredths())),
        max: hundredths(lang, i64::from(outcome.max.hundredths())),
    }
    .text(lang)
}

/// Where the answers are, said quietly to screen readers as it changes.
#[component]
fn SavingState(state: Signal<Saving>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <p class="saving" aria-live="polite" data-state=move || match state.get() {
            Saving::Saved => "saved",
            Saving::Sending => "sending",
            Saving::OnDevice => "on-device",
            Saving::Refused(_) => "refused",
        }>
            {move || {
                let lang = locale.lang();
                match state.get() {
                    Saving::Saved => M::Saved.text(lang),
                    Saving::Sending => M::Saving.text(lang),
                    Saving::OnDevice => M::SavedHere.text(lang),
                    Saving::Refused(e) => describe(lang, &e),
                }
            }}
        </p>
    }
}

/// Handed in: when, and the score when the pupil may see it now.
#[component]
fn Handed(receipt: Receipt) -> impl IntoView {
    let locale = use_locale();
    let Receipt { at, outcome } = receipt;
    view! {
        <div class="handed-in" role="status">
            <p>{t(M::HandedInAt { at })}</p>
            {match outcome {
                Some(o) => view! {
                    <p class="score">
                        <strong>{move || {
                            let lang = locale.lang();
                            M::YourScore {
                                earned: hundredths(lang, i64::from(o.earned.hundredths())),
                                max: hundredths(lang, i64::from(o.max.hundredths())),
                            }.text(lang)
                        }}</strong>
                    </p>
                    {(o.awaiting_teacher.hundredths() > 0).then(|| view! {
                        <p>{move || M::AwaitingTeacher {
                            points: hundredths(locale.lang(), i64::from(o.awaiting_teacher.hundredths())),
                        }.text(locale.lang())}</p>
                    })}
                }.into_any(),
                None => view! { <p>{t(M::ScoreLater)}</p> }.into_any(),
            }}
        </div>
    }
}

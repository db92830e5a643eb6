//! The free answers handed in, for the teacher who gave the exercise to score: points within
//! the item's, counted at once in the pupil's score; the last change can be undone.

use super::{number, points};
use crate::api::exercises::results::mark_answer;
use crate::api::exercises::{ExerciseError, FreeAnswer, ItemColumn};
use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, t, use_locale};
use domain::exercise::{ItemId, Points};
use domain::file::URL_PREFIX;
use domain::ids::AttemptId;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The last change, to undo it: the points the answer had before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastMark {
    attempt: AttemptId,
    item: ItemId,
    before: Option<Points>,
    undone: bool,
}

/// Kept above the results, which are read again after each change.
#[derive(Clone, Copy)]
pub struct MarkState {
    last: RwSignal<Option<LastMark>>,
    error: RwSignal<Option<ExerciseError>>,
}

impl MarkState {
    pub fn new() -> MarkState {
        MarkState {
            last: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }
}

fn send(
    state: MarkState,
    reload: impl Fn() + Send + Sync + 'static,
    attempt: AttemptId,
    item: ItemId,
    to: Option<Points>,
    then: Option<LastMark>,
) {
    state.error.set(None);
    spawn_local(async move {
        match mark_answer(attempt, item, to).await {
            Ok(_) => {
                state.last.set(then);
                reload();
            }
            Err(e) => state.error.set(Some(e)),
        }
    });
}

#[component]
pub fn ToMark(
    items: Vec<ItemColumn>,
    free_answers: Vec<FreeAnswer>,
    state: MarkState,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale();
    let undo = move |_| {
        if let Some(last) = state.last.get_untracked() {
            let item = last.item.clone();
            send(
                state,
                reload,
                last.attempt,
                item,
                last.before,
                Some(LastMark {
                    undone: true,
                    ..last
                }),
            );
        }
    };
    view! {
        <section class="card to-mark" aria-labelledby="to-mark-title">
            <h2 id="to-mark-title">{t(M::ToMark)}</h2>
            {move || state.last.get().map(|last| view! {
                <p class="notice" role="status">
                    {if last.undone { t(M::MarkUndone).into_any() } else { view! {
                        {t(M::MarkDone)} " "
                        <button type="button" class="secondary small undo-mark" on:click=undo>{t(M::Undo)}</button>
                    }.into_any() }}
                </p>
            })}
            {move || state.error.get().map(|e| view! {
                <p class="error-banner" role="alert">{super::super::errors::describe(locale.lang(), &e)}</p>
            })}
            {if free_answers.is_empty() {
                view! { <p>{t(M::NothingToMark)}</p> }.into_any()
            } else {
                view! {
                    <ul class="free-answers">
                        {free_answers.into_iter().map(|answer| {
                            let position = items.iter().position(|i| i.id == answer.item).unwrap_or(0);
                            view! { <Answer answer position state reload/> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Answer(
    answer: FreeAnswer,
    position: usize,
    state: MarkState,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale();
    let FreeAnswer {
        attempt,
        number: attempt_number,
        first_name,
        last_name,
        item,
        text,
        audio,
        max,
        given,
        ..
    } = answer;
    let field = format!("mark-{attempt}-{item}");
    let label_for = field.clone();
    let typed = RwSignal::new(
        given
            .map(|g| points(locale.0.get_untracked(), g))
            .unwrap_or_default(),
    );
    let invalid = RwSignal::new(false);
    let name = format!("{first_name} {last_name}");
    let recorded_by = name.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(to) = Points::parse(typed.get_untracked().trim()) else {
            invalid.set(true);
            return;
        };
        invalid.set(false);
        let last = LastMark {
            attempt,
            item: item.clone(),
            before: given,
            undone: false,
        };
        send(state, reload, attempt, item.clone(), Some(to), Some(last));
    };
    view! {
        <li class="free-answer" data-attempt=attempt.to_string()>
            <h3>{move || M::MarkWho {
                name: name.clone(),
                attempt: attempt_number,
                number: number(position),
            }.text(locale.lang())}</h3>
            {(!text.trim().is_empty()).then(|| view! { <blockquote class="free-text">{text}</blockquote> })}
            {audio.map(|file| {
                let name = recorded_by;
                view! {
                    <audio class="answer-audio" controls preload="metadata"
                        src=format!("{URL_PREFIX}{file}")
                        aria-label=move || M::MarkRecording { name: name.clone() }.text(locale.lang())></audio>
                }
            })}
            <p class="mark-state">{move || {
                let lang = locale.lang();
                match given {
                    Some(g) => M::MarkGiven { points: points(lang, g), max: points(lang, max) }.text(lang),
                    None => M::MarkAwaiting.text(lang),
                }
            }}</p>
            <form class="mark-form" on:submit=submit>
                <label for=label_for>{move || M::MarkPoints { max: points(locale.lang(), max) }.text(locale.lang())}</label>
                <input id=field type="text" inputmode="decimal" class="mark-points"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                <button type="submit" class="primary small">{t(M::MarkSave)}</button>
            </form>
            {move || invalid.get().then(|| view! { <p class="field-error">{t(M::PointsInvalid)}</p> })}
        </li>
    }
}

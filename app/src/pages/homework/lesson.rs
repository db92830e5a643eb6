//! A lesson's page of the cahier de textes: what was done (its teacher writes it, every save
//! kept), the homework set from it (set, changed, removed and brought back by its teacher), read
//! by the class.

use super::review_path;
use super::shown::{HomeworkText, Markdown};
use crate::api::homework::lesson::{lesson, remove_homework, save_entry, save_homework};
use crate::api::homework::{Day, HomeworkError, HomeworkInput, HomeworkView, LessonLog};
use crate::components::area_error::{area_banner, when_loaded};
use crate::i18n::msg::Homework as M;
use crate::i18n::{Message, t, use_locale};
use domain::homework::{HandInPolicy, Minutes, Occurrence};
use domain::ids::HomeworkId;
use domain::locale;
use domain::timetable::{ClockTime, day};
use leptos::prelude::*;

#[component]
pub fn LessonPage(occurrence: Occurrence) -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let page = LocalResource::new(move || {
        reload.track();
        crate::api::retry::patiently(move || lesson(occurrence))
    });
    view! {
        <h1>{t(M::LessonTitle)}</h1>
        {when_loaded::<LessonLog, HomeworkError, _>(page, move |log| view! {
            <Loaded log reload/>
        })}
    }
}

#[component]
fn Loaded(log: LessonLog, reload: RwSignal<u32>) -> impl IntoView {
    let locale = use_locale();
    let lesson = log.lesson.clone();
    let heading = {
        let lesson = lesson.clone();
        move || {
            format!(
                "{} · {} · {} {}",
                lesson.subject,
                lesson.group,
                locale::long_date(locale.lang(), lesson.date),
                lesson.starts
            )
        }
    };
    let occurrence = lesson.occurrence;
    let writes = log.may_write;
    let entry_text = log.entry.as_ref().map(|e| e.text.clone());
    let saves = log.entry.as_ref().map_or(0, |e| e.saves);
    view! {
        <p class="lead" id="lesson-heading">{heading}</p>
        {log.cancelled.then(|| view! { <p class="badge warn" role="status">{t(M::CancelledLesson)}</p> })}
        <section class="card" aria-labelledby="done-heading">
            <h2 id="done-heading">{t(M::DoneInClass)}</h2>
            {if writes {
                view! { <EntryForm occurrence text=entry_text.unwrap_or_default() saves/> }.into_any()
            } else {
                match entry_text {
                    Some(text) => view! { <Markdown text/> }.into_any(),
                    None => view! { <p class="meta">{t(M::NoEntry)}</p> }.into_any(),
                }
            }}
        </section>
        <section class="card" aria-labelledby="set-heading">
            <h2 id="set-heading">{t(M::Set)}</h2>
            {if log.homework.is_empty() {
                view! { <p class="meta">{t(M::NoneSet)}</p> }.into_any()
            } else {
                view! {
                    <ul class="lessons homework-list">
                        {log.homework.into_iter().map(|h| view! { <SetHomework h writes occurrence reload/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(writes && !log.cancelled).then(|| {
                let due = log.default_due.map(|d| (d.due.0, Some(d.due_time)));
                view! { <HomeworkForm occurrence set_on=lesson.date due editing=None reload/> }
            })}
        </section>
    }
}

#[component]
fn EntryForm(occurrence: Occurrence, text: String, saves: i64) -> impl IntoView {
    let locale = use_locale();
    let text = RwSignal::new(text);
    let error = RwSignal::new(None::<HomeworkError>);
    let saved = RwSignal::new(false);
    let save = Action::new_local(move |text: &String| {
        let text = text.clone();
        async move {
            // The page is not read again: the text on screen is what was saved.
            match save_entry(occurrence, text, vec![]).await {
                Ok(_) => {
                    error.set(None);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <form class="stack" on:submit=move |ev| {
            ev.prevent_default();
            saved.set(false);
            save.dispatch(text.get_untracked());
        }>
            <label for="entry-text">{t(M::EntryLabel)}</label>
            <textarea id="entry-text" rows="6" prop:value=text.get_untracked()
                on:input=move |ev| { saved.set(false); text.set(event_target_value(&ev)); }></textarea>
            {area_banner(error)}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>{t(M::SaveEntry)}</button>
                <span role="status" class="meta">
                    {move || saved.get().then(|| M::Saved.text(locale.lang()))}
                </span>
            </div>
            {(saves > 1).then(|| view! {
                <p class="meta">{move || M::Edited { count: locale::number(locale.lang(), saves - 1) }.text(locale.lang())}</p>
            })}
        </form>
    }
}

/// A homework set from the lesson: its text; for its teacher, change, remove (or bring back)
/// and the hand-ins.
#[component]
fn SetHomework(
    h: HomeworkView,
    writes: bool,
    occurrence: Occurrence,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let id = h.id;
    let removed = h.removed;
    let editing = RwSignal::new(false);
    let error = RwSignal::new(None::<HomeworkError>);
    let toggle = Action::new_local(move |removed: &bool| {
        let removed = *removed;
        async move {
            match remove_homework(id, removed).await {
                Ok(()) => reload.update(|n| *n += 1),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let online = h.homework.is_online();
    let set_on = h.lesson.date;
    let due = Some((
        h.homework.due(),
        h.homework.due_time().and_then(|t| {
            ClockTime::new(u8::try_from(t.hour()).ok()?, u8::try_from(t.minute()).ok()?)
        }),
    ));
    let shown = h.clone();
    view! {
        <li class="homework" class:removed=removed>
            {removed.then(|| view! { <span class="badge">{t(M::Removed)}</span> })}
            <HomeworkText homework=shown/>
            {writes.then(|| view! {
                <div class="actions">
                    {online.then(|| view! { <a href=review_path(id)>{t(M::OpenReview)}</a> })}
                    {(!removed).then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| editing.update(|e| *e = !*e)>{t(M::Edit)}</button>
                        <button type="button" class="secondary" on:click=move |_| { toggle.dispatch(true); }>{t(M::Remove)}</button>
                    })}
                    {removed.then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| { toggle.dispatch(false); }>{t(M::Restore)}</button>
                    })}
                </div>
                {area_banner(error)}
                {move || editing.get().then(|| {
                    view! { <HomeworkForm occurrence set_on due editing=Some(h.clone()) reload/> }
                })}
            })}
        </li>
    }
}

/// Sets a homework (or saves a new version of `editing`): what, for when (the next lesson by
/// default), how long, handed in online or not.
#[component]
fn HomeworkForm(
    occurrence: Occurrence,
    set_on: domain::timetable::Date,
    due: Option<(domain::timetable::Date, Option<ClockTime>)>,
    editing: Option<HomeworkView>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let id: Option<HomeworkId> = editing.as_ref().map(|h| h.id);
    let start = editing.as_ref().map(|h| &h.homework);
    let what = RwSignal::new(start.map(|h| h.what().to_owned()).unwrap_or_default());
    let due_day = RwSignal::new(
        due.map(|(d, _)| day::iso(d))
            .unwrap_or_else(|| day::iso(day::next(set_on))),
    );
    let due_time = RwSignal::new(
        start
            .map_or(due.and_then(|(_, t)| t), |h| {
                h.due_time().and_then(|t| {
                    ClockTime::new(u8::try_from(t.hour()).ok()?, u8::try_from(t.minute()).ok()?)
                })
            })
            .map(|t| t.to_string())
            .unwrap_or_default(),
    );
    let minutes = RwSignal::new(
        start
            .and_then(|h| h.minutes())
            .map(|m| m.get().to_string())
            .unwrap_or_default(),
    );
    let (online0, resubmit0) = match start.map(|h| h.hand_in()) {
        Some(HandInPolicy::Online { resubmit }) => (true, resubmit),
        _ => (false, true),
    };
    let online = RwSignal::new(online0);
    let resubmit = RwSignal::new(resubmit0);
    let error = RwSignal::new(None::<HomeworkError>);
    let save = Action::new_local(move |input: &HomeworkInput| {
        let input = input.clone();
        async move {
            match save_homework(occurrence, id, input).await {
                Ok(_) => {
                    error.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(due) = day::parse(&due_day.get_untracked()) else {
            error.set(Some(HomeworkError::App(crate::error::AppError::Invalid(
                vec![],
            ))));
            return;
        };
        let input = HomeworkInput {
            what: what.get_untracked(),
            due: Day(due),
            due_time: due_time.get_untracked().parse().ok(),
            minutes: minutes
                .get_untracked()
                .trim()
                .parse::<u16>()
                .ok()
                .and_then(|m| Minutes::new(m).ok()),
            hand_in: if online.get_untracked() {
                HandInPolicy::Online {
                    resubmit: resubmit.get_untracked(),
                }
            } else {
                HandInPolicy::None
            },
            attachments: editing
                .as_ref()
                .map(|h| h.homework.attachments().to_vec())
                .unwrap_or_default(),
        };
        save.dispatch(input);
    };
    let key = id.map_or_else(|| "new".to_owned(), |i| i.to_string());
    let field = move |name: &str| format!("homework-{name}-{key}");
    view! {
        <form class="stack homework-form" on:submit=submit>
            <h3>{if id.is_some() { t(M::Edit).into_any() } else { t(M::New).into_any() }}</h3>
            <label for=field("what")>{t(M::What)}</label>
            <textarea id=field("what") rows="3" prop:value=what.get_untracked()
                on:input=move |ev| what.set(event_target_value(&ev))></textarea>
            <div>
                <label>{t(M::Due)}
                    <input type="date" id=field("due") prop:value=due_day.get_untracked()
                        on:input=move |ev| due_day.set(event_target_value(&ev))/>
                </label>
                <label>{t(M::DueTime)}
                    <input type="time" id=field("time") prop:value=due_time.get_untracked()
                        on:input=move |ev| due_time.set(event_target_value(&ev))/>
                </label>
                <label>{t(M::Minutes)}
                    <input type="number" min="1" max="600" id=field("minutes") prop:value=minutes.get_untracked()
                        on:input=move |ev| minutes.set(event_target_value(&ev))/>
                </label>
            </div>
            <label class="check">
                <input type="checkbox" id=field("online") prop:checked=online.get_untracked()
                    on:change=move |ev| online.set(event_target_checked(&ev))/>
                {t(M::Online)}
            </label>
            {move || online.get().then(|| view! {
                <label class="check">
                    <input type="checkbox" id=field("resubmit") prop:checked=resubmit.get_untracked()
                        on:change=move |ev| resubmit.set(event_target_checked(&ev))/>
                    {t(M::Resubmit)}
                </label>
            })}
            {area_banner(error)}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>
                    {if id.is_some() { t(M::SaveChanges).into_any() } else { t(M::Save).into_any() }}
                </button>
            </div>
        </form>
    }
}

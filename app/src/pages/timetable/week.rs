//! A week of lessons, Monday to Saturday: each day's lessons by start, what changed shown as
//! such (cancelled, moved, another room, a substitute, an extra lesson), today marked. The
//! previous and next weeks are a button, an arrow key or a swipe away; on a narrow screen the
//! days stack, each a day view of its own.

use crate::api::homework::week::my_week;
use crate::api::homework::{Entry, HomeworkError, PupilHomework, Waiting, WeekWithHomework};
use crate::api::timetable::week::week_of;
use crate::api::timetable::{Day, WeekLesson, Whom};
use crate::components::area_error::when_loaded;
use crate::i18n::msg::{Homework as H, Timetable as M};
use crate::i18n::{Message, t, use_locale};
use crate::pages::homework::{lesson_path, review_path, work_path};
use domain::lang::Lang;
use domain::locale;
use domain::timetable::day;
use domain::timetable::{Date, DatedSlot, Status};
use leptos::ev;
use leptos::prelude::*;

/// Today in Paris, as the device's clock says.
fn today() -> Date {
    locale::local(crate::components::idle::now()).date()
}

/// How far a finger must travel sideways, in CSS pixels, for a swipe to turn the week.
const SWIPE: i32 = 60;

/// The week `day` falls in: with its cahier de textes and homework in one call for a person
/// (`homework/my_week`), its lessons only for a group or a room.
async fn load(whom: Whom, day: Day) -> Result<WeekWithHomework, HomeworkError> {
    match whom {
        Whom::Pupil(_) | Whom::Teacher(_) => my_week(whom, day).await,
        Whom::Group(_) | Whom::Room(_) => match week_of(whom, day).await {
            Ok(week) => Ok(WeekWithHomework {
                week,
                entries: vec![],
                homework: vec![],
                waiting: vec![],
            }),
            Err(crate::api::area_error::AreaError::App(e)) => Err(e.into()),
            Err(crate::api::area_error::AreaError::Area(_)) => {
                Err(crate::error::AppError::Internal.into())
            }
        },
    }
}

/// The day the address asks for (`?day=2026-09-21`), else today.
fn asked_day() -> Date {
    let query = leptos_router::hooks::use_location().search.get_untracked();
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("day="))
        .and_then(day::parse)
        .unwrap_or_else(today)
}

#[component]
pub fn WeekOf(whom: Whom) -> impl IntoView {
    let locale = use_locale();
    let monday = RwSignal::new(day::monday(asked_day()));
    let week = LocalResource::new(move || {
        let monday = monday.get();
        crate::api::retry::patiently(move || load(whom, Day(monday)))
    });
    let turn = move |weeks: i64| monday.update(|m| *m = day::plus(*m, 7 * weeks));
    let keys = move |e: ev::KeyboardEvent| match e.key().as_str() {
        "ArrowLeft" => {
            e.prevent_default();
            turn(-1);
        }
        "ArrowRight" => {
            e.prevent_default();
            turn(1);
        }
        _ => {}
    };
    let touch_x = StoredValue::new(None::<i32>);
    let touch_start = move |e: ev::TouchEvent| touch_x.set_value(finger_x(&e));
    let touch_end = move |e: ev::TouchEvent| {
        let end = finger_x(&e);
        if let (Some(start), Some(end)) = (touch_x.get_value(), end) {
            if end - start >= SWIPE {
                turn(-1);
            } else if start - end >= SWIPE {
                turn(1);
            }
        }
        touch_x.set_value(None);
    };
    let heading = move || {
        let lang = locale.lang();
        M::WeekOf {
            day: locale::long_date(lang, monday.get()),
        }
        .text(lang)
    };
    view! {
        <section class="week" tabindex="0" aria-labelledby="week-heading" aria-describedby="week-keys"
            on:keydown=keys on:touchstart=touch_start on:touchend=touch_end>
            <div class="week-bar">
                <button type="button" class="secondary" on:click=move |_| turn(-1)>
                    <span aria-hidden="true">"‹ "</span>{t(M::Previous)}
                </button>
                <h2 id="week-heading" aria-live="polite">{heading}</h2>
                <button type="button" class="secondary" on:click=move |_| turn(1)>
                    {t(M::Next)}<span aria-hidden="true">" ›"</span>
                </button>
                <button type="button" class="link"
                    disabled=move || monday.get() == day::monday(today())
                    on:click=move |_| monday.set(day::monday(today()))>
                    {t(M::ThisWeek)}
                </button>
            </div>
            <p id="week-keys" class="visually-hidden">{t(M::Keys)}</p>
            {when_loaded::<WeekWithHomework, HomeworkError, _>(week, move |w| view! { <Days my=w whom/> })}
        </section>
    }
}

/// Where the finger that started or ended a touch is, across the screen.
#[cfg(feature = "csr")]
fn finger_x(e: &ev::TouchEvent) -> Option<i32> {
    e.changed_touches().item(0).map(|t| t.client_x())
}

/// The server renders no page: no finger ever reaches it.
#[cfg(not(feature = "csr"))]
fn finger_x(_: &ev::TouchEvent) -> Option<i32> {
    None
}

/// The six days of a week, each with its lessons and the homework due on it; a teacher's
/// hand-ins waiting first.
#[component]
fn Days(my: WeekWithHomework, whom: Whom) -> impl IntoView {
    let locale = use_locale();
    let today = today();
    let week = my.week;
    let teacher = matches!(whom, Whom::Teacher(_));
    let pupil = match whom {
        Whom::Pupil(p) => Some(p),
        _ => None,
    };
    let entries = my.entries;
    let homework = my.homework;
    let waiting = my.waiting;
    let days = (0..6).map(|offset| {
        let date = day::plus(week.monday, offset);
        let lessons: Vec<(WeekLesson, Option<Entry>)> = week
            .lessons
            .iter()
            .filter(|l| l.occurrence.when.date() == date)
            .map(|l| {
                let entry = entries
                    .iter()
                    .find(|e| e.lesson.occurrence == l.occurrence.source)
                    .cloned();
                (l.clone(), entry)
            })
            .collect();
        let due: Vec<PupilHomework> = homework
            .iter()
            .filter(|h| h.homework.homework.due() == date)
            .cloned()
            .collect();
        let is_today = date == today;
        view! {
            <li class="week-day" class:today=is_today aria-current=is_today.then_some("date")>
                <h3>
                    {move || locale::long_date(locale.lang(), date)}
                    {is_today.then(|| view! { " " <span class="badge">{t(M::Today)}</span> })}
                </h3>
                {if lessons.is_empty() {
                    view! { <p class="meta">{t(M::NoLesson)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="lessons">
                            {lessons.into_iter().map(|(lesson, entry)| view! { <LessonCard lesson entry teacher/> }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                {(!due.is_empty()).then(|| view! {
                    <ul class="lessons due">
                        {due.into_iter().map(|h| view! { <Due h pupil/> }).collect_view()}
                    </ul>
                })}
            </li>
        }
    });
    view! {
        {(!waiting.is_empty()).then(|| view! { <WaitingList waiting/> })}
        <ol class="week-days">{days.collect_view()}</ol>
    }
}

/// Homework due on a day, on a pupil's week: what, where it stands, the way to the work.
#[component]
fn Due(h: PupilHomework, pupil: Option<domain::ids::AccountId>) -> impl IntoView {
    let locale = use_locale();
    let what = domain::markdown::render(h.homework.homework.what()).into_string();
    let status = h.status;
    let id = h.homework.id;
    view! {
        <li class="due-item">
            <p class="meta">
                <strong>{h.homework.lesson.subject.clone()}</strong>
                {status.map(|s| {
                    let (text, class) = crate::pages::homework::status_text(locale.lang(), s);
                    view! { " " <span class=class>{text}</span> }
                })}
            </p>
            <div class="markdown" inner_html=what></div>
            {pupil.map(|p| view! { <a href=work_path(id, p)>{t(H::OpenWork)}</a> })}
        </li>
    }
}

/// A teacher's homework with hand-ins not given back yet.
#[component]
fn WaitingList(waiting: Vec<Waiting>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="card waiting" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">{t(H::Waiting)}</h2>
            <ul>
                {waiting.into_iter().map(|w| {
                    let count = w.handed_in;
                    view! {
                        <li>
                            <a href=review_path(w.homework.id)>
                                {format!("{} · {}", w.homework.lesson.subject, w.homework.lesson.group)}
                            </a>
                            " · " {move || H::WaitingCount { count }.text(locale.lang())}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn LessonCard(lesson: WeekLesson, entry: Option<Entry>, teacher: bool) -> impl IntoView {
    let locale = use_locale();
    let o = &lesson.occurrence;
    let path = lesson_path(o.source);
    let past = o.starts <= crate::components::idle::now();
    let taught = matches!(
        o.status,
        Status::Normal | Status::Changed { .. } | Status::Extra
    );
    // A teacher fills the cahier of a lesson that took place; the class reads what was written.
    let cahier = match (&entry, teacher) {
        (Some(e), _) => {
            let html = domain::markdown::render(&e.text).into_string();
            Some(
                view! {
                    <details class="entry">
                        <summary>{t(H::DoneInClass)}</summary>
                        <div class="markdown" inner_html=html></div>
                        <a href=path.clone()>{t(H::OpenLesson)}</a>
                    </details>
                }
                .into_any(),
            )
        }
        (None, true) if taught => Some(
            view! {
                <a href=path.clone() class:badge=past>
                    {if past { t(H::Fill).into_any() } else { t(H::OpenLesson).into_any() }}
                </a>
            }
            .into_any(),
        ),
        (None, _) => None,
    };
    let hours = format!(
        "{}–{}",
        locale::time_of_day(o.starts),
        locale::time_of_day(o.ends)
    );
    let status = o.status.clone();
    let class = match &status {
        Status::Normal => "lesson",
        Status::Cancelled | Status::MovedAway { .. } => "lesson off",
        Status::Changed { .. } | Status::Extra => "lesson changed",
    };
    let notes = move || notes(locale.lang(), &status);
    let room = lesson.room.clone();
    let people = if lesson.teachers.is_empty() {
        lesson.group.clone()
    } else {
        format!("{} · {}", lesson.group, lesson.teachers.join(", "))
    };
    view! {
        <li class=class>
            <p class="lesson-time">{hours}</p>
            <p class="lesson-subject"><strong>{lesson.subject.clone()}</strong></p>
            <p class="meta">{people}</p>
            // Rooms are named as schools write them ("Salle 101", "B12", "CDI").
            {room.map(|room| view! { <p class="meta">{room}</p> })}
            {move || {
                let notes = notes();
                (!notes.is_empty()).then(|| view! {
                    <ul class="lesson-notes">
                        {notes.into_iter().map(|n| view! { <li class="badge">{n}</li> }).collect_view()}
                    </ul>
                })
            }}
            {cahier}
        </li>
    }
}

/// What is not as usual about a lesson, in words.
fn notes(lang: Lang, status: &Status) -> Vec<String> {
    let when =
        |slot: &DatedSlot| format!("{} {}", locale::long_date(lang, slot.date()), slot.start());
    match status {
        Status::Normal => vec![],
        Status::Cancelled => vec![M::Cancelled.text(lang)],
        Status::MovedAway { to } => vec![M::MovedAway { when: when(to) }.text(lang)],
        Status::Changed {
            moved_from,
            room_changed,
            substitute,
        } => {
            let mut notes = Vec::new();
            if let Some(from) = moved_from {
                notes.push(M::MovedFrom { when: when(from) }.text(lang));
            }
            if *room_changed {
                notes.push(M::RoomChanged.text(lang));
            }
            if *substitute {
                notes.push(M::Substitute.text(lang));
            }
            notes
        }
        Status::Extra => vec![M::Extra.text(lang)],
    }
}

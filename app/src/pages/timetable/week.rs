//! A week of lessons, Monday to Saturday: each day's lessons by start, what changed shown as
//! such (cancelled, moved, another room, a substitute, an extra lesson), today marked. The
//! previous and next weeks are a button, an arrow key or a swipe away; on a narrow screen the
//! days stack, each a day view of its own.

use crate::api::timetable::week::week_of;
use crate::api::timetable::{Day, TimetableError, Week, WeekLesson, Whom};
use crate::components::area_error::when_loaded;
use crate::i18n::msg::Timetable as M;
use crate::i18n::{Message, t, use_locale};
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

#[component]
pub fn WeekOf(whom: Whom) -> impl IntoView {
    let locale = use_locale();
    let monday = RwSignal::new(day::monday(today()));
    let week = LocalResource::new(move || {
        let monday = monday.get();
        crate::api::retry::patiently(move || week_of(whom, Day(monday)))
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
            {when_loaded::<Week, TimetableError, _>(week, move |w| view! { <Days week=w/> })}
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

/// The six days of a week, each with its lessons.
#[component]
fn Days(week: Week) -> impl IntoView {
    let locale = use_locale();
    let today = today();
    let days = (0..6).map(|offset| {
        let date = day::plus(week.monday, offset);
        let lessons: Vec<WeekLesson> = week
            .lessons
            .iter()
            .filter(|l| l.occurrence.when.date() == date)
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
                            {lessons.into_iter().map(|lesson| view! { <LessonCard lesson/> }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </li>
        }
    });
    view! { <ol class="week-days">{days.collect_view()}</ol> }
}

#[component]
fn LessonCard(lesson: WeekLesson) -> impl IntoView {
    let locale = use_locale();
    let o = &lesson.occurrence;
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

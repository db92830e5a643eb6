//! Timetables in the browser, downloaded when first opened:
//! - `/timetable`: one's week: a pupil's own, a teacher's own, each child's for a parent (a
//!   choice when one is several of these), and their private calendar feeds;
//! - `/timetable/pupil/:id`, `/timetable/teacher/:id`, `/timetable/group/:id`,
//!   `/timetable/room/:id`: someone's or something's week, for those allowed to see it.

mod errors;
mod feeds;
mod week;

use crate::api::home::{Child, load_home};
use crate::api::timetable::Whom;
use crate::components::error_banner::ErrorBanner;
use crate::i18n::msg::{self, Timetable as M};
use crate::i18n::{AnyMessage, full_name, t};
use crate::shell::use_session;
use domain::ids::{AccountId, GroupId, RoomId};
use domain::profile::Profile;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A screen of the area, from its address.
enum Screen {
    Mine,
    Of(Whom),
    Unknown,
}

impl Screen {
    fn of(path: &str) -> Screen {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let id = |raw: &str| raw.parse::<i64>().ok();
        let whom = match parts.as_slice() {
            ["timetable"] => return Screen::Mine,
            ["timetable", "pupil", i] => id(i).map(|i| Whom::Pupil(AccountId::new(i))),
            ["timetable", "teacher", i] => id(i).map(|i| Whom::Teacher(AccountId::new(i))),
            ["timetable", "group", i] => id(i).map(|i| Whom::Group(GroupId::new(i))),
            ["timetable", "room", i] => id(i).map(|i| Whom::Room(RoomId::new(i))),
            _ => None,
        };
        whom.map_or(Screen::Unknown, Screen::Of)
    }
}

#[component]
pub fn TimetablePage() -> impl IntoView {
    let location = use_location();
    let homework = Memo::new(move |_| {
        location
            .pathname
            .get()
            .starts_with(crate::pages::homework::HOME)
    });
    move || {
        if homework.get() {
            view! { <crate::pages::homework::HomeworkPage/> }.into_any()
        } else {
            view! { <Timetables/> }.into_any()
        }
    }
}

/// The timetable's own screens.
#[component]
fn Timetables() -> impl IntoView {
    let location = use_location();
    move || match Screen::of(&location.pathname.get()) {
        Screen::Mine => view! { <Mine/> }.into_any(),
        Screen::Of(whom) => view! {
            <h1>{t(msg::Home::ServiceTimetable)}</h1>
            <week::WeekOf whom/>
        }
        .into_any(),
        Screen::Unknown => view! { <crate::pages::not_found::NotFound/> }.into_any(),
    }
}

/// Whose own week one has: as a pupil, as a teacher, or none (a parent, staff).
#[derive(Clone, Copy)]
enum Mine {
    Pupil(AccountId),
    Teacher(AccountId),
    Nothing,
}

impl Mine {
    /// From the profiles one has in one's schools (`Home::schools`).
    fn of(profiles: impl Fn(Profile) -> bool, me: Option<AccountId>) -> Mine {
        match me {
            Some(me) if profiles(Profile::Pupil) => Mine::Pupil(me),
            Some(me) if profiles(Profile::Teacher) => Mine::Teacher(me),
            _ => Mine::Nothing,
        }
    }
}

/// Whose weeks one follows: one's own, then each child's.
fn choices(me: Mine, children: &[Child]) -> Vec<(Whom, AnyMessage)> {
    let mut choices: Vec<(Whom, AnyMessage)> = Vec::new();
    match me {
        Mine::Pupil(me) => choices.push((Whom::Pupil(me), M::Mine.into())),
        Mine::Teacher(me) => choices.push((Whom::Teacher(me), M::Mine.into())),
        Mine::Nothing => {}
    }
    for child in children {
        let name = full_name(&child.first_name, &child.last_name);
        choices.push((Whom::Pupil(child.id), M::OfChild { name }.into()));
    }
    choices
}

/// One's own week, or a child's: the first of them shown, the others a choice away.
#[component]
fn Mine() -> impl IntoView {
    let home = LocalResource::new(|| crate::api::retry::patiently(load_home));
    let session = use_session();
    view! {
        <h1>{t(msg::Home::ServiceTimetable)}</h1>
        <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
            {move || home.get().map(|r| match r {
                Ok(home) => {
                    let has = |p| home.schools.iter().any(|s| s.profiles.contains(&p));
                    let me = Mine::of(has, session.info().map(|i| i.account));
                    let choices = choices(me, &home.children);
                    view! { <Chosen choices/> <feeds::Feeds/> }.into_any()
                }
                Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Chosen(choices: Vec<(Whom, AnyMessage)>) -> impl IntoView {
    let Some(&(first, _)) = choices.first() else {
        return view! { <p>{t(M::NothingToShow)}</p> }.into_any();
    };
    let chosen = RwSignal::new(first);
    let locale = crate::i18n::use_locale();
    let several = choices.len() > 1;
    // A pupil's or a parent's list of homework, a link away.
    let pupils = choices.iter().any(|(w, _)| matches!(w, Whom::Pupil(_)));
    view! {
        {pupils.then(|| view! {
            <p><a href=crate::pages::homework::HOME>{t(msg::Homework::All)}</a></p>
        })}
        {several.then(|| view! {
            <div class="week-whose" role="group" aria-label=t(M::Whose)>
                {choices.into_iter().map(|(whom, label)| view! {
                    <button type="button" class="secondary"
                        aria-pressed=move || (chosen.get() == whom).to_string()
                        on:click=move |_| chosen.set(whom)>
                        {move || label.text(locale.lang())}
                    </button>
                }).collect_view()}
            </div>
        })}
        {move || {
            let whom = chosen.get();
            view! { <week::WeekOf whom/> }
        }}
    }
    .into_any()
}

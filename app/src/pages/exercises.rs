//! Exercises in the browser, downloaded when first opened (the teachers' screens, writing and
//! results, in a module of their own that pupils and parents never download):
//! - `/exercises`: the lists (a pupil's to do, a parent's view of each child's, a teacher's own);
//! - `/exercises/do/:assignment`: doing one, answers kept as typed;
//! - `/exercises/new/:school`, `/exercises/edit/:exercise`: writing one, and giving it;
//! - `/exercises/import/:school`: one made from a file of questions (GIFT, Moodle XML, QTI);
//! - `/exercises/results/:assignment`: who did what.

mod char_bar;
mod download;
mod draft;
pub(crate) mod editor;
mod errors;
mod exchange_text;
mod import;
mod items;
pub(crate) mod list;
pub(crate) mod media;
mod player;
pub(crate) mod results;
mod spoken;

use crate::i18n::{msg, t};
use crate::shell::SessionState;
use domain::ids::{AccountId, AssignmentId, ExerciseId, SchoolId};
use editor::Opened;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_split_helpers::wasm_split;

/// A screen of the area, from its address.
enum Screen {
    Lists,
    Do(AssignmentId),
    /// A child's work handed in, for a parent.
    Work(AssignmentId, AccountId),
    Write(Opened),
    Import(SchoolId),
    Results(AssignmentId),
    Unknown,
}

impl Screen {
    fn of(path: &str) -> Screen {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let id = |raw: &str| raw.parse::<i64>().ok();
        match parts.as_slice() {
            ["exercises"] => Screen::Lists,
            ["exercises", "do", raw] => {
                id(raw).map_or(Screen::Unknown, |id| Screen::Do(AssignmentId::new(id)))
            }
            ["exercises", "work", assignment, pupil] => match (id(assignment), id(pupil)) {
                (Some(assignment), Some(pupil)) => {
                    Screen::Work(AssignmentId::new(assignment), AccountId::new(pupil))
                }
                _ => Screen::Unknown,
            },
            ["exercises", "new", raw] => id(raw).map_or(Screen::Unknown, |id| {
                Screen::Write(Opened::New(SchoolId::new(id)))
            }),
            ["exercises", "edit", raw] => id(raw).map_or(Screen::Unknown, |id| {
                Screen::Write(Opened::Existing(ExerciseId::new(id)))
            }),
            ["exercises", "import", raw] => {
                id(raw).map_or(Screen::Unknown, |id| Screen::Import(SchoolId::new(id)))
            }
            ["exercises", "results", raw] => {
                id(raw).map_or(Screen::Unknown, |id| Screen::Results(AssignmentId::new(id)))
            }
            _ => Screen::Unknown,
        }
    }
}

#[component]
pub fn ExercisesPage() -> impl IntoView {
    let location = use_location();
    let session = crate::shell::use_session();
    // This area works offline: whoever the server says is here is kept for a reload without
    // network, and the worker keeps the files this page has loaded.
    Effect::new(move |_| {
        if let SessionState::SignedIn(info) = session.0.get() {
            crate::offline::keep(&info, crate::components::idle::now());
        }
    });
    crate::offline::register_worker();
    let offline = move || matches!(session.0.get(), SessionState::Offline(_));
    let screen = move || match Screen::of(&location.pathname.get()) {
        Screen::Lists => view! { <list::Lists/> }.into_any(),
        Screen::Do(assignment) => view! { <player::Player assignment/> }.into_any(),
        Screen::Work(assignment, pupil) => view! { <player::Work assignment pupil/> }.into_any(),
        Screen::Write(_) | Screen::Import(_) | Screen::Results(_) => {
            view! { <TeacherScreens/> }.into_any()
        }
        Screen::Unknown => view! { <crate::pages::not_found::NotFound/> }.into_any(),
    };
    view! {
        <Show when=offline>
            <p class="offline-banner" role="status">{t(msg::Exercises::Offline)}</p>
        </Show>
        {screen}
    }
}

/// Writing an exercise, giving it, reading its results: fetched on first use.
#[component]
fn TeacherScreens() -> impl IntoView {
    let loading = || view! { <p class="loading" aria-busy="true">{crate::i18n::t(crate::i18n::msg::Common::Loading)}</p> };
    view! {
        <Suspense fallback=loading>
            {Suspend::new(async { crate::pages::lazy::shown(teacher_view().await) })}
        </Suspense>
    }
}

#[wasm_split(exercises_teacher, fallible)]
fn teacher_view() -> Result<AnyView, crate::pages::lazy::AreaUnavailable> {
    Ok(view! { <TeacherPage/> }.into_any())
}

/// The teachers' screens, chosen from the address like the others.
#[component]
fn TeacherPage() -> impl IntoView {
    let location = use_location();
    move || match Screen::of(&location.pathname.get()) {
        Screen::Write(opened) => view! { <editor::Editor opened/> }.into_any(),
        Screen::Import(school) => view! { <import::Import school/> }.into_any(),
        Screen::Results(assignment) => view! { <results::Results assignment/> }.into_any(),
        _ => ().into_any(),
    }
}

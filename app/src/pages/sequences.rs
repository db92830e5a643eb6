//! Pedagogical sequences in the browser, downloaded when first opened (the teachers' screens,
//! writing, following and the library, in a module of their own that pupils and parents never
//! download):
//! - `/sequences`: the lists (a pupil's, a parent's view of each child's, a teacher's own);
//! - `/sequences/go/:assignment`: going through one, step by step;
//! - `/sequences/follow/:assignment/:pupil`: a pupil's way through it, for a parent;
//! - `/sequences/new/:school`, `/sequences/edit/:sequence`: writing one, and giving it;
//! - `/sequences/results/:assignment`: how far everyone is;
//! - `/sequences/library`, `/sequences/library/:sequence`: the shared library, and copying.

mod archive;
mod editor;
mod errors;
mod journey;
mod library;
mod list;
mod names;
mod results;
mod to_finish;

use domain::ids::{AccountId, SchoolId, SequenceAssignmentId, SequenceId};
use editor::Opened;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_split_helpers::wasm_split;

/// A screen of the area, from its address.
enum Screen {
    Lists,
    Go(SequenceAssignmentId),
    Follow(SequenceAssignmentId, AccountId),
    Write(Opened),
    Results(SequenceAssignmentId),
    Library,
    Published(SequenceId),
    Unknown,
}

impl Screen {
    fn of(path: &str) -> Screen {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let id = |raw: &str| raw.parse::<i64>().ok();
        let given = |raw: &str| id(raw).map(SequenceAssignmentId::new);
        let screen = match parts.as_slice() {
            ["sequences"] => Some(Screen::Lists),
            ["sequences", "go", a] => given(a).map(Screen::Go),
            ["sequences", "follow", a, p] => given(a)
                .zip(id(p).map(AccountId::new))
                .map(|(a, p)| Screen::Follow(a, p)),
            ["sequences", "new", s] => id(s).map(|s| Screen::Write(Opened::New(SchoolId::new(s)))),
            ["sequences", "edit", s] => {
                id(s).map(|s| Screen::Write(Opened::Existing(SequenceId::new(s))))
            }
            ["sequences", "results", a] => given(a).map(Screen::Results),
            ["sequences", "library"] => Some(Screen::Library),
            ["sequences", "library", s] => id(s).map(|s| Screen::Published(SequenceId::new(s))),
            _ => None,
        };
        screen.unwrap_or(Screen::Unknown)
    }
}

/// The sequences a pupil has to finish, for their home: fetched with the sequences' module, after
/// the home page; nothing is shown if it does not come.
#[component]
pub fn ToFinishOnHome() -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move { to_finish_view().await.ok() })}
        </Suspense>
    }
}

#[wasm_split(sequences, fallible)]
fn to_finish_view() -> Result<AnyView, crate::pages::lazy::AreaUnavailable> {
    Ok(view! { <to_finish::ToFinish/> }.into_any())
}

#[component]
pub fn SequencesPage() -> impl IntoView {
    let location = use_location();
    move || match Screen::of(&location.pathname.get()) {
        Screen::Lists => view! { <list::Lists/> }.into_any(),
        Screen::Go(assignment) => view! { <journey::Journey assignment pupil=None/> }.into_any(),
        Screen::Follow(assignment, pupil) => {
            view! { <journey::Journey assignment pupil=Some(pupil)/> }.into_any()
        }
        Screen::Write(_) | Screen::Results(_) | Screen::Library | Screen::Published(_) => {
            view! { <TeacherScreens/> }.into_any()
        }
        Screen::Unknown => view! { <crate::pages::not_found::NotFound/> }.into_any(),
    }
}

/// Writing a sequence, following it, the library: fetched on first use.
#[component]
fn TeacherScreens() -> impl IntoView {
    let loading = || view! { <p class="loading" aria-busy="true">{crate::i18n::t(crate::i18n::msg::Common::Loading)}</p> };
    view! {
        <Suspense fallback=loading>
            {Suspend::new(async { crate::pages::lazy::shown(teacher_view().await) })}
        </Suspense>
    }
}

/// A teacher's "import an archive" on her list of a school: it comes with the teachers' module,
/// which pupils never fetch; nothing is shown if it does not come.
#[component]
pub fn ImportOnList(school: SchoolId) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move { import_maker().await.ok().map(|made| made(school)) })}
        </Suspense>
    }
}

#[wasm_split(sequences_teacher, fallible)]
fn import_maker() -> Result<fn(SchoolId) -> AnyView, crate::pages::lazy::AreaUnavailable> {
    Ok(|school| view! { <archive::ImportArchive school/> }.into_any())
}

#[wasm_split(sequences_teacher, fallible)]
fn teacher_view() -> Result<AnyView, crate::pages::lazy::AreaUnavailable> {
    Ok(view! { <TeacherPage/> }.into_any())
}

/// The teachers' screens, chosen from the address like the others.
#[component]
fn TeacherPage() -> impl IntoView {
    let location = use_location();
    move || match Screen::of(&location.pathname.get()) {
        Screen::Write(opened) => view! { <editor::Editor opened/> }.into_any(),
        Screen::Results(assignment) => view! { <results::Results assignment/> }.into_any(),
        Screen::Library => view! { <library::Library/> }.into_any(),
        Screen::Published(id) => view! { <library::Published id/> }.into_any(),
        _ => ().into_any(),
    }
}

//! Exercises in the browser, one downloaded module:
//! - `/exercises`: the lists (a pupil's to do, a parent's view of each child's, a teacher's own);
//! - `/exercises/do/:assignment`: doing one, answers kept as typed.

mod char_bar;
mod draft;
mod errors;
mod items;
mod list;
mod player;

use domain::ids::AssignmentId;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A screen of the area, from its address.
enum Screen {
    Lists,
    Do(AssignmentId),
    Unknown,
}

impl Screen {
    fn of(path: &str) -> Screen {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let id = |raw: &str| raw.parse::<i64>().ok();
        match parts.as_slice() {
            ["exercises"] => Screen::Lists,
            ["exercises", "do", raw] => id(raw).map_or(Screen::Unknown, |id| {
                Screen::Do(AssignmentId::new(id))
            }),
            _ => Screen::Unknown,
        }
    }
}

#[component]
pub fn ExercisesPage() -> impl IntoView {
    let location = use_location();
    move || match Screen::of(&location.pathname.get()) {
        Screen::Lists => view! { <list::Lists/> }.into_any(),
        Screen::Do(assignment) => view! { <player::Player assignment/> }.into_any(),
        Screen::Unknown => view! { <crate::pages::not_found::NotFound/> }.into_any(),
    }
}

//! Exercises in the browser: the lists (a pupil's to do, a parent's view of each child's, a
//! teacher's own) and doing one, with answers kept as typed. One downloaded module, opened at
//! `/exercises` or straight at `/exercises/:assignment`.

mod char_bar;
mod draft;
mod errors;
mod items;
mod list;
mod player;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ExercisesPage() -> impl IntoView {
    let params = use_params_map();
    let assignment = move || params.with(|p| p.get("assignment"));
    move || match assignment() {
        None => view! { <list::Lists/> }.into_any(),
        Some(raw) => match raw.parse::<i64>() {
            Ok(id) => view! { <player::Player assignment=domain::ids::AssignmentId::new(id)/> }
                .into_any(),
            Err(_) => view! { <crate::pages::not_found::NotFound/> }.into_any(),
        },
    }
}

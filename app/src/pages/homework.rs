//! The cahier de textes and homework in the browser, in the timetable's module (my week shows
//! them; one area's loader and routes in the first visit serve both), under `/timetable/homework`:
//! - `…/homework`: one's homework by day or by subject (a pupil's own, each child's for a
//!   parent);
//! - `…/homework/lesson/<lesson>/<date>` and `…/homework/extra/<change>`: a lesson's page of
//!   the cahier de textes, which its teacher writes and sets homework from;
//! - `…/homework/work/<homework>/<pupil>`: a pupil's work on a homework (the pupil hands it
//!   in, a parent or the teacher reads it);
//! - `…/homework/review/<homework>`: the teacher's table of hand-ins, given back from there.

mod errors;
mod lesson;
mod list;
mod review;
mod shown;

pub use shown::status_text;
mod work;

use crate::api::homework::Day;
use domain::homework::Occurrence;
use domain::ids::{AccountId, HomeworkId, LessonChangeId, LessonId};
use domain::timetable::day;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Where the area's screens are.
pub const HOME: &str = "/timetable/homework";

/// A screen of the area, from its address (its first segment, `timetable`, skipped).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Screen {
    List,
    Lesson(Occurrence),
    Work(HomeworkId, AccountId),
    Review(HomeworkId),
    Unknown,
}

impl Screen {
    fn of(path: &str) -> Screen {
        let parts: Vec<&str> = path.trim_matches('/').split('/').skip(1).collect();
        let id = |raw: &str| raw.parse::<i64>().ok();
        let screen = match parts.as_slice() {
            ["homework"] => Some(Screen::List),
            ["homework", "lesson", lesson, date] => {
                id(lesson).zip(day::parse(date)).map(|(lesson, date)| {
                    Screen::Lesson(Occurrence::Weekly {
                        lesson: LessonId::new(lesson),
                        date,
                    })
                })
            }
            ["homework", "extra", change] => {
                id(change).map(|c| Screen::Lesson(Occurrence::Extra(LessonChangeId::new(c))))
            }
            ["homework", "work", homework, pupil] => id(homework)
                .zip(id(pupil))
                .map(|(h, p)| Screen::Work(HomeworkId::new(h), AccountId::new(p))),
            ["homework", "review", homework] => {
                id(homework).map(|h| Screen::Review(HomeworkId::new(h)))
            }
            _ => None,
        };
        screen.unwrap_or(Screen::Unknown)
    }
}

/// Where a lesson's page of the cahier de textes is.
pub fn lesson_path(occurrence: Occurrence) -> String {
    match occurrence {
        Occurrence::Weekly { lesson, date } => {
            format!("{HOME}/lesson/{lesson}/{}", day::iso(date))
        }
        Occurrence::Extra(change) => format!("{HOME}/extra/{change}"),
    }
}

/// Where a pupil's work on a homework is.
pub fn work_path(homework: HomeworkId, pupil: AccountId) -> String {
    format!("{HOME}/work/{homework}/{pupil}")
}

pub fn review_path(homework: HomeworkId) -> String {
    format!("{HOME}/review/{homework}")
}

/// A day as the server reads it.
fn on(date: domain::timetable::Date) -> Day {
    Day(date)
}

#[component]
pub fn HomeworkPage() -> impl IntoView {
    let location = use_location();
    let screen = Memo::new(move |_| Screen::of(&location.pathname.get()));
    move || match screen.get() {
        Screen::List => view! { <list::MyHomework/> }.into_any(),
        Screen::Lesson(occurrence) => view! { <lesson::LessonPage occurrence/> }.into_any(),
        Screen::Work(homework, pupil) => view! { <work::WorkPage homework pupil/> }.into_any(),
        Screen::Review(homework) => view! { <review::ReviewPage homework/> }.into_any(),
        Screen::Unknown => view! { <crate::pages::not_found::NotFound/> }.into_any(),
    }
}

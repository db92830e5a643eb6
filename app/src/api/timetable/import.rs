//! Lessons imported from a spreadsheet (one lesson per line, the columns of
//! `domain::timetable::import::COLUMNS`): read by `domain::timetable::read_lessons`, its names
//! resolved in the school by `domain::timetable::resolve` (an unknown room is created, but only
//! on confirmation). The report says line by line what was refused; with `confirmed` and nothing
//! refused, every lesson is written in one transaction, or none. The file is read again on
//! confirmation, never trusted from a previous report.

use super::TimetableError;
use domain::ids::SchoolId;
use domain::timetable::{Clash, ImportRefusal};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportLine {
    /// The line of the file (1 is the header).
    pub line: usize,
    /// Empty: the lesson is taken.
    pub refusals: Vec<ImportRefusal>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub lines: Vec<ImportLine>,
    /// Rooms the file names that the school does not have: created with the lessons.
    pub new_rooms: Vec<String>,
    /// Clashes between the lessons taken (`LessonKey::Draft(i)`: the lesson of line
    /// `taken[i]`) or with lessons already there; they need `confirmed`.
    pub clashes: Vec<Clash>,
    /// The line of each lesson taken, in order.
    pub taken: Vec<usize>,
    /// Whether the lessons were written (all of them); otherwise nothing was.
    pub written: bool,
}

#[server(endpoint = "timetable/import", input = Json)]
pub async fn import_lessons(
    school: SchoolId,
    text: String,
    confirmed: bool,
) -> Result<ImportOutcome, TimetableError> {
    use super::TimetableProblem;
    use domain::timetable::{lesson_clashes, read_lessons, resolve};
    let what = "timetable/import";
    let me = super::lessons::server::manager(what, school).await?;
    if text.len() > super::calendar::MAX_CALENDAR_BYTES {
        return Err(TimetableProblem::TooLarge.into());
    }
    let year = me.ctx.school_year();
    let report = read_lessons(&text, year).map_err(TimetableProblem::Spreadsheet)?;
    let store = &me.ctx.store;
    let resolved = resolve(&report, &store.school_names(school, year).await?, year);
    let mut teachers: Vec<_> = resolved
        .lessons
        .iter()
        .flat_map(|(_, l)| l.lesson.teachers().as_slice().to_vec())
        .collect();
    teachers.sort();
    teachers.dedup();
    let saved = store.clash_candidates(school, year, &teachers).await?;
    let shared = store.shared_groups(school, year).await?;
    let drafts: Vec<_> = resolved
        .lessons
        .iter()
        .map(|(_, l)| (None, l.for_clash_check()))
        .collect();
    let clashes = lesson_clashes(&drafts, &saved, |a, b| shared.contains(&(a, b)));
    let written = confirmed && resolved.is_clean();
    if written {
        let lessons: Vec<_> = resolved.lessons.iter().map(|(_, l)| l.clone()).collect();
        let now = me.ctx.now();
        match store
            .import_lessons(school, &resolved.new_rooms, &lessons, me.info.account, now)
            .await
        {
            Err(crate::ports::StoreError::Conflict) => {
                return Err(TimetableProblem::LessonTwice.into());
            }
            other => {
                other?;
            }
        }
    }
    Ok(ImportOutcome {
        lines: resolved
            .lines
            .into_iter()
            .map(|(line, refusals)| ImportLine { line, refusals })
            .collect(),
        new_rooms: resolved
            .new_rooms
            .iter()
            .map(|(name, _)| name.as_str().to_owned())
            .collect(),
        clashes,
        taken: resolved.lessons.iter().map(|(line, _)| *line).collect(),
        written,
    })
}

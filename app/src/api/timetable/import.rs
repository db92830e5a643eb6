//! Lessons imported from a spreadsheet (one lesson per line, the columns of
//! `domain::timetable::import::COLUMNS`): read by `domain::timetable::read_lessons`, then each
//! name resolved in the school (a subject by code or name, a class or group of the year by name,
//! teachers by login, rooms by name: an unknown room is created, but only on confirmation). The
//! report says line by line what was refused; with `confirmed` and nothing refused, every lesson
//! is written in one transaction, or none.

use super::TimetableError;
use domain::ids::SchoolId;
use domain::timetable::{Clash, LessonError, Refusal};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// Why a line of the spreadsheet cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportRefusal {
    /// As read (`domain::timetable::Refusal`).
    Read(Refusal),
    /// No subject of the school has this code or name.
    Subject(String),
    /// No class or group of the school this year has this name.
    Group(String),
    /// No teacher of the school has this login.
    Teacher(String),
    Lesson(LessonError),
}

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
    /// Clashes between the lessons taken (`LessonKey::Draft(i)`: the lesson of `taken[i]`) or
    /// with lessons already there; they need `confirmed`.
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
    use domain::timetable::{lesson_clashes, read_lessons};
    let what = "timetable/import";
    let me = super::lessons::server::manager(what, school).await?;
    if text.len() > super::calendar::MAX_CALENDAR_BYTES {
        return Err(TimetableProblem::TooLarge.into());
    }
    let year = me.ctx.school_year();
    let report = read_lessons(&text, year).map_err(TimetableProblem::Spreadsheet)?;
    let store = &me.ctx.store;
    let names = store.school_names(school, year).await?;
    let resolved = server::resolve(&report, &names, year);
    let mut outcome = ImportOutcome {
        lines: resolved.lines,
        new_rooms: resolved
            .new_rooms
            .iter()
            .map(|(name, _)| name.as_str().to_owned())
            .collect(),
        clashes: vec![],
        taken: resolved.lessons.iter().map(|(line, _)| *line).collect(),
        written: false,
    };
    let clean = outcome.lines.iter().all(|l| l.refusals.is_empty());
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
        .map(|(_, l)| (None, server::with_draft_room(l)))
        .collect();
    outcome.clashes = lesson_clashes(&drafts, &saved, |a, b| shared.contains(&(a, b)));
    if confirmed && clean {
        let lessons: Vec<_> = resolved.lessons.into_iter().map(|(_, l)| l).collect();
        match store
            .import_lessons(
                school,
                &resolved.new_rooms,
                &lessons,
                me.info.account,
                me.ctx.now(),
            )
            .await
        {
            Err(crate::ports::StoreError::Conflict) => {
                return Err(TimetableProblem::LessonTwice.into());
            }
            other => {
                other?;
            }
        }
        outcome.written = true;
    }
    Ok(outcome)
}

#[cfg(feature = "ssr")]
mod server {
    use super::{ImportLine, ImportRefusal};
    use crate::ports::{ImportedLesson, SchoolNames};
    use domain::ids::RoomId;
    use domain::school::Label;
    use domain::school_calendar::SchoolYear;
    use domain::sequence::search_key;
    use domain::timetable::{ImportReport, Lesson, LessonLine, LessonSpec, Teachers};

    pub(super) struct Resolved {
        pub lines: Vec<ImportLine>,
        /// Each new room once, by its folded name.
        pub new_rooms: Vec<(Label, String)>,
        pub lessons: Vec<(usize, ImportedLesson)>,
    }

    pub(super) fn resolve(
        report: &ImportReport,
        names: &SchoolNames,
        year: SchoolYear,
    ) -> Resolved {
        let mut out = Resolved {
            lines: vec![],
            new_rooms: vec![],
            lessons: vec![],
        };
        for line in &report.lines {
            let refusals = match &line.outcome {
                Err(refusals) => refusals.iter().cloned().map(ImportRefusal::Read).collect(),
                Ok(read) => match lesson(read, names, year, &mut out.new_rooms) {
                    Ok(lesson) => {
                        out.lessons.push((line.line, lesson));
                        vec![]
                    }
                    Err(refusals) => refusals,
                },
            };
            out.lines.push(ImportLine {
                line: line.line,
                refusals,
            });
        }
        out
    }

    fn lesson(
        read: &LessonLine,
        names: &SchoolNames,
        year: SchoolYear,
        new_rooms: &mut Vec<(Label, String)>,
    ) -> Result<ImportedLesson, Vec<ImportRefusal>> {
        let mut refusals = vec![];
        let key = search_key(&read.subject);
        let subject = names
            .subjects
            .iter()
            .find(|(_, code, name)| {
                code.eq_ignore_ascii_case(read.subject.trim()) || search_key(name) == key
            })
            .map(|(id, ..)| *id);
        if subject.is_none() {
            refusals.push(ImportRefusal::Subject(read.subject.clone()));
        }
        let key = search_key(&read.group);
        let group = names
            .groups
            .iter()
            .find(|(_, name)| search_key(name) == key)
            .map(|(id, _)| *id);
        if group.is_none() {
            refusals.push(ImportRefusal::Group(read.group.clone()));
        }
        let mut teachers = vec![];
        for login in &read.teachers {
            match names.teachers.iter().find(|(_, l)| l == login.as_str()) {
                Some((id, _)) => teachers.push(*id),
                None => refusals.push(ImportRefusal::Teacher(login.as_str().to_owned())),
            }
        }
        let (mut room, mut new_room) = (None, None);
        if let Some(name) = &read.room {
            let key = search_key(name);
            if let Some((id, _)) = names.rooms.iter().find(|(_, n)| search_key(n) == key) {
                room = Some(*id);
            } else if let Some(i) = new_rooms.iter().position(|(_, k)| *k == key) {
                new_room = Some(i);
            } else if let (Ok(label), false) = (Label::try_from(name.clone()), key.is_empty()) {
                new_rooms.push((label, key));
                new_room = Some(new_rooms.len() - 1);
            }
        }
        let (Some(subject), Some(group), true) = (subject, group, refusals.is_empty()) else {
            return Err(refusals);
        };
        let teachers = Teachers::new(teachers).map_err(|_| {
            vec![ImportRefusal::Read(
                domain::timetable::Refusal::TooManyTeachers,
            )]
        })?;
        let spec = LessonSpec {
            subject,
            teachers,
            group,
            room,
            slot: read.slot,
            alternation: read.alternation,
            from: read.from,
            until: read.until,
        };
        let lesson = Lesson::new(year, spec).map_err(|e| vec![ImportRefusal::Lesson(e)])?;
        Ok(ImportedLesson { lesson, new_room })
    }

    /// The lesson as the clash check sees it: a new room by a stand-in id of its own, so that
    /// two lessons of the file in one new room clash too.
    pub(super) fn with_draft_room(l: &ImportedLesson) -> Lesson {
        match l.new_room {
            None => l.lesson.clone(),
            Some(i) => {
                let stand_in = RoomId::new(-1 - i64::try_from(i).unwrap_or(0));
                let spec = LessonSpec {
                    room: Some(stand_in),
                    ..l.lesson.spec().clone()
                };
                Lesson::new(l.lesson.year(), spec).unwrap_or_else(|_| l.lesson.clone())
            }
        }
    }
}

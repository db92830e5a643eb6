//! The names of an imported spreadsheet ([`super::read_lessons`]) resolved in one school: a
//! subject by its code or its name, a class or group of the year by its name, teachers by their
//! login, a room by its name. Names are compared folded ([`crate::sequence::search_key`]: case,
//! accents and punctuation aside), as a secretary types them; codes and logins exactly, case
//! aside. A room the school does not have is to be created with the lessons, once, however many
//! lines name it; anything else unknown refuses the line.

use super::import::{ImportReport, LessonLine, Refusal};
use super::lesson::{Lesson, LessonError, LessonSpec, Teachers, TeachersError};
use crate::ids::{AccountId, GroupId, RoomId, SubjectId};
use crate::school::Label;
use crate::school_calendar::SchoolYear;
use crate::sequence::search_key;
use serde::{Deserialize, Serialize};

/// What a school's names are: its subjects (code, name), its classes and groups of the year,
/// its teachers' logins, its rooms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchoolNames {
    pub subjects: Vec<(SubjectId, String, String)>,
    pub groups: Vec<(GroupId, String)>,
    pub teachers: Vec<(AccountId, String)>,
    pub rooms: Vec<(RoomId, String)>,
}

/// Why a line of the spreadsheet cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportRefusal {
    /// As read ([`Refusal`]).
    Read(Refusal),
    /// No subject of the school has this code or name.
    Subject(String),
    /// No class or group of the school this year has this name.
    Group(String),
    /// No teacher of the school has this login.
    Teacher(String),
    /// A login named twice once resolved, or too many.
    Teachers(TeachersError),
    /// A room's name that cannot be a room's (too long, control characters).
    Room(String),
    Lesson(LessonError),
}

/// A lesson of the file, resolved; in a new room (`new_room`: its place in
/// [`Resolution::new_rooms`]) its lesson has no room until the room is created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedLesson {
    pub lesson: Lesson,
    pub new_room: Option<usize>,
}

impl ResolvedLesson {
    /// The lesson as the clash check sees it: a new room by a stand-in id of its own (negative,
    /// never stored), so that two lessons of the file in one new room clash too.
    pub fn for_clash_check(&self) -> Lesson {
        let Some(i) = self.new_room else {
            return self.lesson.clone();
        };
        let stand_in = RoomId::new(-1 - i64::try_from(i).unwrap_or(i64::MAX - 1));
        let spec = LessonSpec {
            room: Some(stand_in),
            ..self.lesson.spec().clone()
        };
        Lesson::new(self.lesson.year(), spec).unwrap_or_else(|_| self.lesson.clone())
    }
}

/// The file's lines, each taken or refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolution {
    /// Every line of the file, with what refuses it (nothing: taken).
    pub lines: Vec<(usize, Vec<ImportRefusal>)>,
    /// The lessons taken, with their line.
    pub lessons: Vec<(usize, ResolvedLesson)>,
    /// Rooms to create, each once (its name as first written, and folded).
    pub new_rooms: Vec<(Label, String)>,
}

impl Resolution {
    pub fn is_clean(&self) -> bool {
        self.lines.iter().all(|(_, refusals)| refusals.is_empty())
    }
}

/// Resolves every line of `report` in a school of `year`.
pub fn resolve(report: &ImportReport, names: &SchoolNames, year: SchoolYear) -> Resolution {
    let mut out = Resolution::default();
    for line in &report.lines {
        let refusals = match &line.outcome {
            Err(refusals) => refusals.iter().cloned().map(ImportRefusal::Read).collect(),
            Ok(read) => match resolve_line(read, names, year, &mut out.new_rooms) {
                Ok(lesson) => {
                    out.lessons.push((line.line, lesson));
                    vec![]
                }
                Err(refusals) => refusals,
            },
        };
        out.lines.push((line.line, refusals));
    }
    out
}

fn resolve_line(
    read: &LessonLine,
    names: &SchoolNames,
    year: SchoolYear,
    new_rooms: &mut Vec<(Label, String)>,
) -> Result<ResolvedLesson, Vec<ImportRefusal>> {
    let mut refusals = vec![];
    let key = search_key(&read.subject);
    let code = read.subject.trim();
    let subject = names
        .subjects
        .iter()
        .find(|(_, c, _)| c.eq_ignore_ascii_case(code))
        .or_else(|| names.subjects.iter().find(|(_, _, n)| search_key(n) == key))
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
        match names
            .teachers
            .iter()
            .find(|(_, l)| l.eq_ignore_ascii_case(login.as_str()))
        {
            Some((id, _)) => teachers.push(*id),
            None => refusals.push(ImportRefusal::Teacher(login.as_str().to_owned())),
        }
    }
    let (room, new_room) = match &read.room {
        None => (None, None),
        Some(name) => match room_of(name, names, new_rooms) {
            Ok(found) => found,
            Err(refusal) => {
                refusals.push(refusal);
                (None, None)
            }
        },
    };
    let (Some(subject), Some(group), true) = (subject, group, refusals.is_empty()) else {
        return Err(refusals);
    };
    let teachers = Teachers::new(teachers).map_err(|e| vec![ImportRefusal::Teachers(e)])?;
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
    Ok(ResolvedLesson { lesson, new_room })
}

/// A known room, or the new room of that name (added the first time).
fn room_of(
    name: &str,
    names: &SchoolNames,
    new_rooms: &mut Vec<(Label, String)>,
) -> Result<(Option<RoomId>, Option<usize>), ImportRefusal> {
    let key = search_key(name);
    if let Some((id, _)) = names.rooms.iter().find(|(_, n)| search_key(n) == key) {
        return Ok((Some(*id), None));
    }
    if let Some(i) = new_rooms.iter().position(|(_, k)| *k == key) {
        return Ok((None, Some(i)));
    }
    match Label::try_from(name.to_owned()) {
        Ok(label) if !key.is_empty() => {
            new_rooms.push((label, key));
            Ok((None, Some(new_rooms.len() - 1)))
        }
        _ => Err(ImportRefusal::Room(name.to_owned())),
    }
}

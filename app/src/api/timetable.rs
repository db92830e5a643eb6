//! Timetables: the week everyone opens every day (`week`: a pupil's, a child's, a teacher's, a
//! group's or a room's, in one call), and what staff set up: weekly lessons with their clash
//! check (`lessons`), the changes of one date (`changes`), rooms (`rooms`), the calendar of
//! holidays and weeks A/B (`calendar`), and lessons imported from a spreadsheet (`import`); a
//! person's private calendar feeds of their week or their child's (`feeds`). The
//! rules are `domain::timetable`'s; these functions read, authorize, and hand over.

pub mod calendar;
pub mod changes;
mod error;
pub mod feeds;
pub mod import;
pub mod lessons;
pub mod rooms;
pub mod week;

pub use error::{TimetableError, TimetableProblem};

use domain::ids::{AccountId, GroupId, LessonId, RoomId};
use domain::timetable::Date;
use domain::timetable::day;
use domain::timetable::{Lesson, Occurrence};
use serde::{Deserialize, Serialize};

/// A date as sent (`2026-11-25`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Day(#[serde(with = "day::serde_iso")] pub Date);

/// Whose week: a pupil (one's own, a child's), a teacher, a class or group, a room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Whom {
    Pupil(AccountId),
    Teacher(AccountId),
    Group(GroupId),
    Room(RoomId),
}

/// A week, Monday to Saturday, as "my week" shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Week {
    #[serde(with = "day::serde_iso")]
    pub monday: Date,
    /// By date and start; cancelled and moved-away occurrences stay, to be shown as such.
    pub lessons: Vec<WeekLesson>,
}

/// One occurrence with the names the page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekLesson {
    pub occurrence: Occurrence,
    pub subject: String,
    pub group: String,
    pub room: Option<String>,
    /// Who teaches it, substitutes included, as "First Last".
    pub teachers: Vec<String>,
}

/// Whose lessons a staff member lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonsOf {
    Group(GroupId),
    Teacher(AccountId),
}

/// A weekly lesson as the editor lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonEntry {
    pub id: LessonId,
    pub lesson: Lesson,
    pub subject: String,
    pub group: String,
    pub room: Option<String>,
    pub teachers: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Room {
    pub id: RoomId,
    pub name: String,
}

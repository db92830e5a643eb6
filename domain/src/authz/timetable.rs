//! Timetables (`app/src/api/timetable/`): everyone reads the week they live: a pupil their own,
//! a parent their children's (links that count), a teacher their own lessons, where they
//! substitute too; the school's staff (`Staff`, `SchoolAdmin`) read any class, group, teacher or
//! room of their school and alone set the timetable up: lessons, changes, rooms, holidays and
//! weeks A/B. A teacher does not edit the timetable.
//!
//! A private calendar feed (`timetable/feeds`) is read without a session, by whoever holds its
//! address: only the person whose week it is (a pupil, a teacher) or a parent of the pupil may
//! turn one on, never staff for someone else, and the rule is asked again, of the feed's owner
//! as they stand now, each time the feed is read.

use super::Caller;
use crate::ids::{AccountId, SchoolId};
use crate::profile::Profile;

/// Whose week is read, with the schools it concerns (from storage, never from the request).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekOf<'a> {
    /// A pupil's classes and groups; `schools`: where they are a pupil.
    Pupil {
        pupil: AccountId,
        schools: &'a [SchoolId],
    },
    /// A teacher's lessons; `schools`: where they teach.
    Teacher {
        teacher: AccountId,
        schools: &'a [SchoolId],
    },
    /// A class or group of a school.
    Group(SchoolId),
    /// A room of a school.
    Room(SchoolId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// Read a week.
    ReadWeek(WeekOf<'a>),
    /// Read or change what a school's timetable is made of: its lessons, changes, rooms,
    /// holidays and weeks A/B.
    Manage(SchoolId),
    /// Turn on or off, or read through its address, a private calendar feed of a week: a
    /// pupil's or a teacher's (a group's or a room's has none).
    Feed(WeekOf<'a>),
}

impl Action<'_> {
    pub fn school(&self) -> Option<SchoolId> {
        match *self {
            Action::Manage(school)
            | Action::ReadWeek(WeekOf::Group(school))
            | Action::ReadWeek(WeekOf::Room(school))
            | Action::Feed(WeekOf::Group(school) | WeekOf::Room(school)) => Some(school),
            // A person's week spans the schools they are in: the audit names none.
            Action::ReadWeek(WeekOf::Pupil { .. } | WeekOf::Teacher { .. })
            | Action::Feed(WeekOf::Pupil { .. } | WeekOf::Teacher { .. }) => None,
        }
    }
}

pub(super) fn allowed(caller: &Caller, action: Action<'_>) -> bool {
    match action {
        Action::ReadWeek(WeekOf::Pupil { pupil, schools }) => {
            (pupil == caller.account && schools.iter().any(|s| caller.has(Profile::Pupil, *s)))
                || caller.children.contains(&pupil)
                || schools.iter().any(|s| manages(caller, *s))
        }
        Action::ReadWeek(WeekOf::Teacher { teacher, schools }) => {
            (teacher == caller.account && schools.iter().any(|s| caller.has(Profile::Teacher, *s)))
                || schools.iter().any(|s| manages(caller, *s))
        }
        Action::ReadWeek(WeekOf::Group(school) | WeekOf::Room(school)) | Action::Manage(school) => {
            manages(caller, school)
        }
        // One's own week, or one's child's: what the person lives, never what staff oversee.
        Action::Feed(WeekOf::Pupil { pupil, schools }) => {
            (pupil == caller.account && schools.iter().any(|s| caller.has(Profile::Pupil, *s)))
                || caller.children.contains(&pupil)
        }
        Action::Feed(WeekOf::Teacher { teacher, schools }) => {
            teacher == caller.account && schools.iter().any(|s| caller.has(Profile::Teacher, *s))
        }
        Action::Feed(WeekOf::Group(_) | WeekOf::Room(_)) => false,
    }
}

/// Staff of the school: its vie scolaire and its administrators (not the platform's, who runs
/// schools, not their timetables).
pub fn manages(caller: &Caller, school: SchoolId) -> bool {
    caller.has(Profile::Staff, school) || caller.has(Profile::SchoolAdmin, school)
}

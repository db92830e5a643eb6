//! The cahier de textes and homework (`app/src/api/homework/`): a lesson's teachers (its
//! substitute on the day included) write what was done in it and set homework from it; the
//! homework's author alone changes it, reads the group's hand-ins and gives them back. A class's
//! or group's cahier de textes is read by its pupils and their parents, its teachers of the year
//! and the school's staff (the head of school, the vie scolaire); a pupil's list of homework, with where each
//! stands, by the pupil, their parents and the school's staff. A hand-in is the pupil's work:
//! read by the pupil, their parents and the teacher who set the homework, nobody else.

use super::Caller;
use super::timetable::manages;
use crate::ids::{AccountId, GroupId, SchoolId};
use crate::profile::Profile;

/// What a decision needs to know about one lesson as it takes place on a day (from the
/// timetable, never from the request).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonFacts<'a> {
    pub school: SchoolId,
    pub group: GroupId,
    /// Who teaches it that day: its teachers, or its substitute.
    pub teachers: &'a [AccountId],
}

/// What a decision needs to know about a homework.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HomeworkFacts {
    pub school: SchoolId,
    pub group: GroupId,
    /// `None` once the author's account is gone: then nobody reviews it.
    pub author: Option<AccountId>,
}

/// A class or group whose cahier de textes is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupFacts {
    pub school: SchoolId,
    pub group: GroupId,
    /// One of the caller's children (`Caller::children`) is a pupil of it this year, as
    /// storage says: a parent reads their child's class's cahier de textes.
    pub child_in_it: bool,
}

/// A pupil's hand-in of a homework (existing or about to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HandInFacts {
    pub homework: HomeworkFacts,
    pub pupil: AccountId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// Write what was done in a lesson and set homework from it.
    Teach(LessonFacts<'a>),
    /// Read a class's or group's cahier de textes and homework (and the files they show).
    ReadGroup(GroupFacts),
    /// Read a pupil's homework with where each stands; `schools`: where they are a pupil.
    ReadPupil {
        pupil: AccountId,
        schools: &'a [SchoolId],
    },
    /// Write one's hand-in (a draft, the work handed in) and tick a homework done.
    Work(&'a HandInFacts),
    /// Read a pupil's hand-in and what the teacher gave back.
    ReadHandIn(&'a HandInFacts),
    /// Change or remove a homework, read all its hand-ins, give them back, download them.
    Review(&'a HomeworkFacts),
}

impl Action<'_> {
    pub fn school(&self) -> Option<SchoolId> {
        match *self {
            Action::Teach(lesson) => Some(lesson.school),
            Action::ReadGroup(group) => Some(group.school),
            // A pupil's list spans the schools they are in.
            Action::ReadPupil { .. } => None,
            Action::Work(hand_in) | Action::ReadHandIn(hand_in) => Some(hand_in.homework.school),
            Action::Review(homework) => Some(homework.school),
        }
    }
}

pub(super) fn allowed(caller: &Caller, action: Action<'_>) -> bool {
    match action {
        Action::Teach(lesson) => {
            caller.has(Profile::Teacher, lesson.school) && lesson.teachers.contains(&caller.account)
        }
        Action::ReadGroup(GroupFacts {
            school,
            group,
            child_in_it,
        }) => {
            (caller.has(Profile::Pupil, school) && caller.groups.contains(&group))
                || (child_in_it && !caller.children.is_empty())
                || (caller.has(Profile::Teacher, school) && caller.teaches.contains(&group))
                || manages(caller, school)
        }
        Action::ReadPupil { pupil, schools } => {
            (pupil == caller.account && schools.iter().any(|s| caller.has(Profile::Pupil, *s)))
                || caller.children.contains(&pupil)
                || schools.iter().any(|s| manages(caller, *s))
        }
        Action::Work(hand_in) => {
            hand_in.pupil == caller.account
                && caller.has(Profile::Pupil, hand_in.homework.school)
                && caller.groups.contains(&hand_in.homework.group)
        }
        Action::ReadHandIn(hand_in) => {
            (hand_in.pupil == caller.account && caller.has(Profile::Pupil, hand_in.homework.school))
                || caller.children.contains(&hand_in.pupil)
                || reviews(caller, &hand_in.homework)
        }
        Action::Review(homework) => reviews(caller, homework),
    }
}

/// The teacher who set it, while they teach in its school.
fn reviews(caller: &Caller, homework: &HomeworkFacts) -> bool {
    homework.author == Some(caller.account) && caller.has(Profile::Teacher, homework.school)
}

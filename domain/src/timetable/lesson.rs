//! A weekly lesson: a subject taught to a class or group by its teachers, in a room, in a slot of
//! the week, every week or every other one, between two dates of a school year.

use super::day;
use super::slot::Slot;
use super::week::Alternation;
use crate::ids::{AccountId, GroupId, RoomId, SubjectId};
use crate::school_calendar::SchoolYear;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The most teachers a lesson may have (co-teaching, a language assistant…).
pub const MAX_TEACHERS: usize = 8;

/// Who teaches: at least one teacher, none twice, in the order given.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<AccountId>", into = "Vec<AccountId>")]
pub struct Teachers(Vec<AccountId>);

/// Why a list of teachers cannot teach a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum TeachersError {
    #[error("a lesson needs a teacher")]
    None,
    #[error("a teacher is named twice")]
    Twice,
    #[error("at most {MAX_TEACHERS} teachers")]
    TooMany,
}

impl Teachers {
    pub fn new(teachers: Vec<AccountId>) -> Result<Self, TeachersError> {
        if teachers.is_empty() {
            return Err(TeachersError::None);
        }
        if teachers.len() > MAX_TEACHERS {
            return Err(TeachersError::TooMany);
        }
        if teachers
            .iter()
            .enumerate()
            .any(|(i, t)| teachers[..i].contains(t))
        {
            return Err(TeachersError::Twice);
        }
        Ok(Self(teachers))
    }

    /// One teacher.
    pub fn one(teacher: AccountId) -> Self {
        Self(vec![teacher])
    }

    pub fn as_slice(&self) -> &[AccountId] {
        &self.0
    }

    pub fn contains(&self, teacher: AccountId) -> bool {
        self.0.contains(&teacher)
    }

    /// The teachers both lists name.
    pub fn shared_with<'a>(&'a self, other: &'a Teachers) -> impl Iterator<Item = AccountId> + 'a {
        self.0.iter().copied().filter(|t| other.contains(*t))
    }
}

impl TryFrom<Vec<AccountId>> for Teachers {
    type Error = TeachersError;
    fn try_from(teachers: Vec<AccountId>) -> Result<Self, Self::Error> {
        Teachers::new(teachers)
    }
}

impl From<Teachers> for Vec<AccountId> {
    fn from(teachers: Teachers) -> Self {
        teachers.0
    }
}

/// What a lesson is made of, before it is checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonSpec {
    pub subject: SubjectId,
    pub teachers: Teachers,
    pub group: GroupId,
    pub room: Option<RoomId>,
    pub slot: Slot,
    pub alternation: Alternation,
    /// The first day it may take place (the rentrée, or the day an option starts).
    #[serde(with = "day::serde_iso")]
    pub from: Date,
    /// The last day it may take place (the end of the year, or of a term's option).
    #[serde(with = "day::serde_iso")]
    pub until: Date,
}

/// Why a lesson cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum LessonError {
    #[error("the last day is before the first")]
    UntilBeforeFrom,
    #[error("its days are not within the school year")]
    OutsideYear,
}

/// A weekly lesson of a school year, checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawLesson", into = "RawLesson")]
pub struct Lesson {
    year: SchoolYear,
    spec: LessonSpec,
}

impl Lesson {
    pub fn new(year: SchoolYear, spec: LessonSpec) -> Result<Self, LessonError> {
        if spec.until < spec.from {
            return Err(LessonError::UntilBeforeFrom);
        }
        if !day::in_year(year, spec.from) || !day::in_year(year, spec.until) {
            return Err(LessonError::OutsideYear);
        }
        Ok(Self { year, spec })
    }

    /// The lesson for the whole of its year.
    pub fn whole_year(year: SchoolYear, spec: LessonSpec) -> Result<Self, LessonError> {
        let spec = LessonSpec {
            from: day::first_of(year),
            until: day::last_of(year),
            ..spec
        };
        Self::new(year, spec)
    }

    pub fn year(&self) -> SchoolYear {
        self.year
    }

    pub fn spec(&self) -> &LessonSpec {
        &self.spec
    }

    pub fn subject(&self) -> SubjectId {
        self.spec.subject
    }

    pub fn teachers(&self) -> &Teachers {
        &self.spec.teachers
    }

    pub fn group(&self) -> GroupId {
        self.spec.group
    }

    pub fn room(&self) -> Option<RoomId> {
        self.spec.room
    }

    pub fn slot(&self) -> Slot {
        self.spec.slot
    }

    pub fn alternation(&self) -> Alternation {
        self.spec.alternation
    }

    pub fn from(&self) -> Date {
        self.spec.from
    }

    pub fn until(&self) -> Date {
        self.spec.until
    }

    /// Whether `date` is within its dates and on its weekday (weeks A/B and holidays aside).
    pub fn falls_on(&self, date: Date) -> bool {
        self.spec.from <= date
            && date <= self.spec.until
            && date.weekday() == self.spec.slot.day().to_civil()
    }

    /// Whether both run on some common day of their date ranges.
    pub fn dates_meet(&self, other: &Lesson) -> bool {
        self.spec.from <= other.spec.until && other.spec.from <= self.spec.until
    }
}

#[derive(Serialize, Deserialize)]
struct RawLesson {
    year: i32,
    #[serde(flatten)]
    spec: LessonSpec,
}

impl TryFrom<RawLesson> for Lesson {
    type Error = LessonError;
    fn try_from(raw: RawLesson) -> Result<Self, Self::Error> {
        Lesson::new(SchoolYear::starting(raw.year), raw.spec)
    }
}

impl From<Lesson> for RawLesson {
    fn from(lesson: Lesson) -> Self {
        RawLesson {
            year: lesson.year.first(),
            spec: lesson.spec,
        }
    }
}

//! Changes on one date: an occurrence of a weekly lesson cancelled, moved (another day, time or
//! room), taught by a substitute; or an extra lesson that happens once.
//!
//! A change names the occurrence it changes by its lesson and the date it would have taken place
//! on, so that moving an occurrence twice is editing one change, never chaining two.
//!
//! One-offs (an extra lesson, an occurrence moved to another day) are placed by staff on purpose
//! and show on the day they are put, even in holidays or on a public holiday (revision courses
//! of the spring holidays, a Saturday make-up lesson); only Sundays are refused. The clash check
//! still applies to them.

use super::day;
use super::lesson::Teachers;
use super::slot::{ClockTime, SchoolWeekday, Slot, SlotError};
use crate::ids::{GroupId, LessonId, RoomId, SubjectId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A date and a span of wall-clock time on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawDatedSlot", into = "RawDatedSlot")]
pub struct DatedSlot {
    date: Date,
    slot: Slot,
}

impl DatedSlot {
    pub fn new(date: Date, start: ClockTime, end: ClockTime) -> Result<Self, SlotError> {
        let weekday = SchoolWeekday::of(date.weekday())?;
        Ok(Self {
            date,
            slot: Slot::new(weekday, start, end)?,
        })
    }

    pub fn date(self) -> Date {
        self.date
    }

    pub fn start(self) -> ClockTime {
        self.slot.start()
    }

    pub fn end(self) -> ClockTime {
        self.slot.end()
    }

    pub fn slot(self) -> Slot {
        self.slot
    }
}

#[derive(Serialize, Deserialize)]
struct RawDatedSlot {
    #[serde(with = "day::serde_iso")]
    date: Date,
    start: ClockTime,
    end: ClockTime,
}

impl TryFrom<RawDatedSlot> for DatedSlot {
    type Error = SlotError;
    fn try_from(raw: RawDatedSlot) -> Result<Self, Self::Error> {
        DatedSlot::new(raw.date, raw.start, raw.end)
    }
}

impl From<DatedSlot> for RawDatedSlot {
    fn from(d: DatedSlot) -> Self {
        RawDatedSlot {
            date: d.date,
            start: d.start(),
            end: d.end(),
        }
    }
}

/// What happens to one occurrence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Alteration {
    Cancelled,
    /// Any of: another date and time, another room, other teachers (a substitute).
    Changed {
        moved_to: Option<DatedSlot>,
        room: Option<RoomId>,
        teachers: Option<Teachers>,
    },
}

/// Why a change cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ChangeError {
    #[error("the change changes nothing")]
    Nothing,
    /// The lesson does not take place on that date (another weekday, the other week, holidays,
    /// outside its dates): there is no occurrence to change.
    #[error("the lesson does not take place on that date")]
    NoSuchOccurrence,
}

/// A change to the occurrence of `lesson` on `date`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawOccurrenceChange", into = "RawOccurrenceChange")]
pub struct OccurrenceChange {
    lesson: LessonId,
    date: Date,
    alteration: Alteration,
}

impl OccurrenceChange {
    pub fn new(lesson: LessonId, date: Date, alteration: Alteration) -> Result<Self, ChangeError> {
        if let Alteration::Changed {
            moved_to: None,
            room: None,
            teachers: None,
        } = alteration
        {
            return Err(ChangeError::Nothing);
        }
        Ok(Self {
            lesson,
            date,
            alteration,
        })
    }

    pub fn cancel(lesson: LessonId, date: Date) -> Self {
        Self {
            lesson,
            date,
            alteration: Alteration::Cancelled,
        }
    }

    pub fn lesson(&self) -> LessonId {
        self.lesson
    }

    /// The date the occurrence would have taken place on.
    pub fn date(&self) -> Date {
        self.date
    }

    pub fn alteration(&self) -> &Alteration {
        &self.alteration
    }
}

#[derive(Serialize, Deserialize)]
struct RawOccurrenceChange {
    lesson: LessonId,
    #[serde(with = "day::serde_iso")]
    date: Date,
    alteration: Alteration,
}

impl TryFrom<RawOccurrenceChange> for OccurrenceChange {
    type Error = ChangeError;
    fn try_from(raw: RawOccurrenceChange) -> Result<Self, Self::Error> {
        OccurrenceChange::new(raw.lesson, raw.date, raw.alteration)
    }
}

impl From<OccurrenceChange> for RawOccurrenceChange {
    fn from(c: OccurrenceChange) -> Self {
        RawOccurrenceChange {
            lesson: c.lesson,
            date: c.date,
            alteration: c.alteration,
        }
    }
}

/// A lesson that takes place once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraLesson {
    pub subject: SubjectId,
    pub teachers: Teachers,
    pub group: GroupId,
    pub room: Option<RoomId>,
    pub when: DatedSlot,
}

/// A change on a date, as staff save it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonChange {
    Occurrence(OccurrenceChange),
    Extra(ExtraLesson),
}

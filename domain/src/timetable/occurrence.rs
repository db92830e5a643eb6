//! The concrete lessons of some days (computed by [`super::Timetable`]): the weekly lessons that
//! take place on them (their weekday, their dates, their week A or B, school days only), with the
//! changes of those days applied and the extra lessons added, each at its instants in Paris.
//!
//! A change stays visible: a cancelled occurrence is listed as cancelled, a moved one is listed
//! twice (where it was, as moved away; where it goes, as moved here), so "my week" can highlight
//! what is not as usual.

use super::change::DatedSlot;
use super::day;
use super::lesson::Teachers;
use crate::ids::{AccountId, GroupId, LessonChangeId, LessonId, RoomId, SubjectId};
use crate::time::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What an occurrence comes from: a weekly lesson on the date it would take place, or an extra
/// lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Weekly {
        lesson: LessonId,
        #[serde(with = "day::serde_iso")]
        date: Date,
    },
    Extra(LessonChangeId),
}

/// How an occurrence differs from the usual, for the interface to highlight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Normal,
    Cancelled,
    /// Where it usually is; it takes place at `to` instead.
    MovedAway {
        to: DatedSlot,
    },
    /// It takes place, but not as usual: moved here from `moved_from`, in another room, or
    /// taught by a substitute (any of them).
    Changed {
        moved_from: Option<DatedSlot>,
        room_changed: bool,
        substitute: bool,
    },
    Extra,
}

/// One lesson on one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    pub source: Source,
    pub subject: SubjectId,
    pub group: GroupId,
    /// Who teaches it (a substitute when there is one).
    pub teachers: Teachers,
    /// The usual teachers of a lesson a substitute takes, so that they see it too.
    pub replaced: Option<Teachers>,
    pub room: Option<RoomId>,
    pub when: DatedSlot,
    pub starts: Timestamp,
    pub ends: Timestamp,
    pub status: Status,
}

impl Occurrence {
    /// Whether it takes place where it is listed (not cancelled, not moved away).
    pub fn takes_place(&self) -> bool {
        !matches!(self.status, Status::Cancelled | Status::MovedAway { .. })
    }

    /// Whether it is not as usual.
    pub fn is_change(&self) -> bool {
        self.status != Status::Normal
    }

    /// Whether it is for one of a pupil's classes and groups.
    pub fn for_groups(&self, groups: &[GroupId]) -> bool {
        groups.contains(&self.group)
    }

    /// Whether it is in a teacher's timetable: teaching it, or replaced in it.
    pub fn for_teacher(&self, teacher: AccountId) -> bool {
        self.teachers.contains(teacher)
            || self.replaced.as_ref().is_some_and(|t| t.contains(teacher))
    }

    pub fn in_room(&self, room: RoomId) -> bool {
        self.room == Some(room)
    }
}

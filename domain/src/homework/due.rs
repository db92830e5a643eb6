//! When a homework is due by default, and how long it should take.

use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

/// The default due day of a homework: the first lesson of the same subject for the same class
/// or group after the day it is set, outside the holidays. Returns that lesson's day and start
/// (the start becomes [`super::Homework::due_time`], so work is due when the lesson begins).
///
/// `lessons` are the group's coming lessons of the subject as the timetable lists them (any
/// order, cancelled ones already left out); `holidays` are inclusive ranges of days. The
/// holidays are checked here too, so a timetable that lists its weekly slots through a holiday
/// still gives the right day. `None` when no lesson is left (the end of the year): the teacher
/// picks a day.
pub fn next_lesson(
    set_on: Date,
    lessons: &[(Date, Time)],
    holidays: &[(Date, Date)],
) -> Option<(Date, Time)> {
    let on_holiday = |day: Date| holidays.iter().any(|&(from, to)| from <= day && day <= to);
    lessons
        .iter()
        .copied()
        .filter(|&(day, _)| day > set_on && !on_holiday(day))
        .min()
}

/// How long a homework should take, as the teacher estimates it: 1 minute to 10 hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct Minutes(u16);

/// Not an estimate a teacher can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("an estimate is between 1 and {} minutes", Minutes::MAX)]
pub struct InvalidMinutes;

impl Minutes {
    /// Ten hours: more is a project, not a homework, and a typo more likely than a plan.
    pub const MAX: u16 = 600;

    pub fn new(minutes: u16) -> Result<Minutes, InvalidMinutes> {
        if (1..=Self::MAX).contains(&minutes) {
            Ok(Minutes(minutes))
        } else {
            Err(InvalidMinutes)
        }
    }

    pub const fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for Minutes {
    type Error = InvalidMinutes;
    fn try_from(minutes: u16) -> Result<Minutes, InvalidMinutes> {
        Minutes::new(minutes)
    }
}

impl From<Minutes> for u16 {
    fn from(minutes: Minutes) -> u16 {
        minutes.0
    }
}

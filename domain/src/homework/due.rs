//! How long a homework should take. When it is due by default is the timetable's rule
//! ([`crate::timetable::Timetable::next_lesson`]), which knows the lessons, weeks A/B and changes.

use serde::{Deserialize, Serialize};

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

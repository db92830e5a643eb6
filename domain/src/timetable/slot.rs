//! When a weekly lesson takes place: a school weekday and a wall-clock span in Paris.
//!
//! Times are wall-clock times, never instants: a lesson at 08:00 stays at 08:00 across the
//! daylight-saving changes, and becomes an instant only for one date (see
//! [`super::Occurrence`]).

use crate::coded::coded_enum;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The shortest lesson a slot may hold, in minutes: below it, a typing error is likelier.
pub const MIN_MINUTES: u16 = 5;

/// A wall-clock time of day to the minute, 00:00 to 23:59.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct ClockTime(u16);

/// Not a time of day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("not a time of day (08:05 or 8h05 expected): {0:?}")]
pub struct NotATime(pub String);

impl ClockTime {
    pub fn new(hour: u8, minute: u8) -> Option<Self> {
        (hour < 24 && minute < 60).then(|| Self(u16::from(hour) * 60 + u16::from(minute)))
    }

    /// Minutes since midnight.
    pub const fn minutes(self) -> u16 {
        self.0
    }

    pub const fn hour(self) -> u8 {
        // At most 23: fits.
        (self.0 / 60) as u8
    }

    pub const fn minute(self) -> u8 {
        (self.0 % 60) as u8
    }

    /// As `jiff` holds a time of day (a deadline is computed from it).
    pub fn to_civil(self) -> jiff::civil::Time {
        jiff::civil::Time::new(
            i8::try_from(self.hour()).unwrap_or(0),
            i8::try_from(self.minute()).unwrap_or(0),
            0,
            0,
        )
        .unwrap_or(jiff::civil::Time::midnight())
    }
}

impl TryFrom<u16> for ClockTime {
    type Error = NotATime;
    fn try_from(minutes: u16) -> Result<Self, Self::Error> {
        if minutes < 24 * 60 {
            Ok(Self(minutes))
        } else {
            Err(NotATime(minutes.to_string()))
        }
    }
}

impl From<ClockTime> for u16 {
    fn from(time: ClockTime) -> u16 {
        time.0
    }
}

/// `08:05`.
impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// `08:05`, `8:05`, `08h05`, `8H05` and `8h` (French writes the hour alone for `:00`).
impl FromStr for ClockTime {
    type Err = NotATime;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wrong = || NotATime(s.to_owned());
        let text = s.trim();
        let (hour, minute) = text.split_once([':', 'h', 'H']).ok_or_else(wrong)?;
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        let minute_ok = minute.len() == 2 || (minute.is_empty() && !text.contains(':'));
        if hour.is_empty() || hour.len() > 2 || !digits(hour) || !minute_ok || !digits(minute) {
            return Err(wrong());
        }
        let hour: u8 = hour.parse().map_err(|_| wrong())?;
        let minute: u8 = if minute.is_empty() {
            0
        } else {
            minute.parse().map_err(|_| wrong())?
        };
        Self::new(hour, minute).ok_or_else(wrong)
    }
}

coded_enum! {
    /// A day lessons may fall on: Monday to Saturday (some schools teach on Saturday morning).
    /// Sunday is not one, so a Sunday lesson cannot be written down.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum SchoolWeekday (unknown: SlotError = SlotError::Weekday) {
        Monday = "mon",
        Tuesday = "tue",
        Wednesday = "wed",
        Thursday = "thu",
        Friday = "fri",
        Saturday = "sat",
    }
}

impl SchoolWeekday {
    /// The weekday of a date; Sunday is refused.
    pub fn of(weekday: jiff::civil::Weekday) -> Result<Self, SlotError> {
        use jiff::civil::Weekday as W;
        Ok(match weekday {
            W::Monday => Self::Monday,
            W::Tuesday => Self::Tuesday,
            W::Wednesday => Self::Wednesday,
            W::Thursday => Self::Thursday,
            W::Friday => Self::Friday,
            W::Saturday => Self::Saturday,
            W::Sunday => return Err(SlotError::Sunday),
        })
    }

    pub fn to_civil(self) -> jiff::civil::Weekday {
        use jiff::civil::Weekday as W;
        match self {
            Self::Monday => W::Monday,
            Self::Tuesday => W::Tuesday,
            Self::Wednesday => W::Wednesday,
            Self::Thursday => W::Thursday,
            Self::Friday => W::Friday,
            Self::Saturday => W::Saturday,
        }
    }

    /// Days after Monday (0 to 5).
    pub fn offset(self) -> i64 {
        i64::from(self.to_civil().to_monday_zero_offset())
    }
}

/// Why a slot cannot be written down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SlotError {
    #[error("no lessons on Sunday")]
    Sunday,
    #[error("unknown weekday code")]
    Weekday,
    #[error("the end is not after the start")]
    EndNotAfterStart,
    #[error("a lesson lasts at least {MIN_MINUTES} minutes")]
    TooShort,
}

/// A weekday and a span of wall-clock time, `start` included and `end` excluded: a lesson
/// 08:00–09:00 and one 09:00–10:00 follow each other without overlapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawSlot", into = "RawSlot")]
pub struct Slot {
    day: SchoolWeekday,
    start: ClockTime,
    end: ClockTime,
}

impl Slot {
    pub fn new(day: SchoolWeekday, start: ClockTime, end: ClockTime) -> Result<Self, SlotError> {
        if end <= start {
            return Err(SlotError::EndNotAfterStart);
        }
        if end.minutes() - start.minutes() < MIN_MINUTES {
            return Err(SlotError::TooShort);
        }
        Ok(Self { day, start, end })
    }

    pub fn day(self) -> SchoolWeekday {
        self.day
    }

    pub fn start(self) -> ClockTime {
        self.start
    }

    pub fn end(self) -> ClockTime {
        self.end
    }

    /// Whether both take place on the same weekday at one moment at least.
    pub fn overlaps(self, other: Slot) -> bool {
        self.day == other.day && spans_overlap((self.start, self.end), (other.start, other.end))
    }
}

/// Whether two half-open spans of one day share a minute.
pub(crate) fn spans_overlap(a: (ClockTime, ClockTime), b: (ClockTime, ClockTime)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// A slot as it travels; read back through [`Slot::new`].
#[derive(Serialize, Deserialize)]
struct RawSlot {
    day: SchoolWeekday,
    start: ClockTime,
    end: ClockTime,
}

impl TryFrom<RawSlot> for Slot {
    type Error = SlotError;
    fn try_from(raw: RawSlot) -> Result<Self, Self::Error> {
        Slot::new(raw.day, raw.start, raw.end)
    }
}

impl From<Slot> for RawSlot {
    fn from(slot: Slot) -> Self {
        RawSlot {
            day: slot.day,
            start: slot.start,
            end: slot.end,
        }
    }
}

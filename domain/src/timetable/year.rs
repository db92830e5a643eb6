//! The days of a school year on which lessons take place: not Sundays, not the school's holidays
//! (imported from the open-data calendar of its zone, then edited by its administrator), not
//! public holidays.

use super::day;
use super::public_holidays::PublicHoliday;
use crate::school_calendar::SchoolYear;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The longest name a holiday may have, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// A range of days without lessons (Vacances de la Toussaint, a bridge), both ends included.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawHoliday", into = "RawHoliday")]
pub struct Holiday {
    name: String,
    first_day: Date,
    last_day: Date,
}

/// Why a holiday cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum HolidayError {
    #[error("a holiday needs a name")]
    NoName,
    #[error("a holiday's name has at most {MAX_NAME_CHARS} characters")]
    NameTooLong,
    #[error("the last day is before the first")]
    LastBeforeFirst,
}

impl Holiday {
    pub fn new(name: &str, first_day: Date, last_day: Date) -> Result<Self, HolidayError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(HolidayError::NoName);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(HolidayError::NameTooLong);
        }
        if last_day < first_day {
            return Err(HolidayError::LastBeforeFirst);
        }
        Ok(Self {
            name: name.to_owned(),
            first_day,
            last_day,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn first_day(&self) -> Date {
        self.first_day
    }

    pub fn last_day(&self) -> Date {
        self.last_day
    }

    pub fn contains(&self, date: Date) -> bool {
        self.first_day <= date && date <= self.last_day
    }
}

#[derive(Serialize, Deserialize)]
struct RawHoliday {
    name: String,
    #[serde(with = "day::serde_iso")]
    first_day: Date,
    #[serde(with = "day::serde_iso")]
    last_day: Date,
}

impl TryFrom<RawHoliday> for Holiday {
    type Error = HolidayError;
    fn try_from(raw: RawHoliday) -> Result<Self, Self::Error> {
        Holiday::new(&raw.name, raw.first_day, raw.last_day)
    }
}

impl From<Holiday> for RawHoliday {
    fn from(h: Holiday) -> Self {
        RawHoliday {
            name: h.name,
            first_day: h.first_day,
            last_day: h.last_day,
        }
    }
}

/// Why a year's holidays cannot be saved together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum YearError {
    /// The holiday (by its place in the list) has days outside the school year.
    #[error("holiday {0} is not within the school year")]
    OutsideYear(usize),
    /// Two holidays (by their places) share days: one of them is a typing error.
    #[error("holidays {0} and {1} overlap")]
    Overlap(usize, usize),
}

/// A school year with its holidays, answering which days have lessons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawSchoolDays", into = "RawSchoolDays")]
pub struct SchoolDays {
    year: SchoolYear,
    /// In date order, without overlap.
    holidays: Vec<Holiday>,
}

impl SchoolDays {
    pub fn new(year: SchoolYear, mut holidays: Vec<Holiday>) -> Result<Self, YearError> {
        if let Some(i) = holidays
            .iter()
            .position(|h| !day::in_year(year, h.first_day) || !day::in_year(year, h.last_day))
        {
            return Err(YearError::OutsideYear(i));
        }
        for (i, a) in holidays.iter().enumerate() {
            for (j, b) in holidays.iter().enumerate().skip(i + 1) {
                if a.first_day <= b.last_day && b.first_day <= a.last_day {
                    return Err(YearError::Overlap(i, j));
                }
            }
        }
        holidays.sort_by_key(|h| h.first_day);
        Ok(Self { year, holidays })
    }

    pub fn year(&self) -> SchoolYear {
        self.year
    }

    /// The holidays in date order.
    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }

    /// The first day of the year (1st of August).
    pub fn first_day(&self) -> Date {
        day::first_of(self.year)
    }

    /// The last day of the year (31st of July).
    pub fn last_day(&self) -> Date {
        day::last_of(self.year)
    }

    /// The holiday `date` falls in.
    pub fn holiday(&self, date: Date) -> Option<&Holiday> {
        self.holidays.iter().find(|h| h.contains(date))
    }

    /// Whether weekly lessons take place on `date`: a day of this year, not a Sunday, not in a
    /// holiday, not a public holiday.
    pub fn is_school_day(&self, date: Date) -> bool {
        day::in_year(self.year, date)
            && !day::is_sunday(date)
            && self.holiday(date).is_none()
            && PublicHoliday::on(date).is_none()
    }
}

/// As it travels: the year by the civil year it starts in, read back through [`SchoolDays::new`].
#[derive(Serialize, Deserialize)]
struct RawSchoolDays {
    year: i32,
    holidays: Vec<Holiday>,
}

impl TryFrom<RawSchoolDays> for SchoolDays {
    type Error = YearError;
    fn try_from(raw: RawSchoolDays) -> Result<Self, Self::Error> {
        SchoolDays::new(SchoolYear::starting(raw.year), raw.holidays)
    }
}

impl From<SchoolDays> for RawSchoolDays {
    fn from(days: SchoolDays) -> Self {
        RawSchoolDays {
            year: days.year.first(),
            holidays: days.holidays,
        }
    }
}

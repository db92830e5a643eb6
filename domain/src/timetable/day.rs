//! Days as the timetable handles them: civil dates in Paris (`jiff::civil::Date`), read from the
//! two ways people write them, sent to the browser as `2026-11-25`, and the bounds of a school
//! year as days.
//!
//! Dates are read and written by hand rather than by jiff's ISO 8601 parser and printer, which
//! would weigh on the browser download for this one shape (as in [`crate::calendar`]).

use crate::school_calendar::SchoolYear;
use jiff::civil::{Date, Weekday};

pub use crate::calendar::{iso, serde_iso};

/// `2026-11-25` (a date field, the open-data file) or `25/11/2026` (a French spreadsheet).
pub fn parse(text: &str) -> Option<Date> {
    let text = text.trim();
    let Some((d, rest)) = text.split_once('/') else {
        return crate::calendar::parse_iso(text);
    };
    let (m, y) = rest.split_once('/')?;
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    if y.len() != 4 || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// The Monday of the week `date` falls in: weeks are named by their Monday.
pub fn monday(date: Date) -> Date {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(jiff::Span::new().days(back))
        .unwrap_or(date)
}

/// The day after, or the same day at the end of time (no school year gets there).
pub fn next(date: Date) -> Date {
    date.tomorrow().unwrap_or(date)
}

/// `date` moved by `days` (negative: back), kept at the ends of jiff's range.
pub fn plus(date: Date, days: i64) -> Date {
    date.checked_add(jiff::Span::new().days(days))
        .unwrap_or(date)
}

/// The first day of a school year: the 1st of August.
pub fn first_of(year: SchoolYear) -> Date {
    civil(year.first(), 8, 1)
}

/// The last day of a school year: the 31st of July after.
pub fn last_of(year: SchoolYear) -> Date {
    civil(year.first().saturating_add(1), 7, 31)
}

/// Whether `date` belongs to the school year.
pub fn in_year(year: SchoolYear, date: Date) -> bool {
    first_of(year) <= date && date <= last_of(year)
}

/// The school year a date belongs to.
pub fn year_of(date: Date) -> SchoolYear {
    let first = i32::from(date.year());
    if date.month() >= 8 {
        SchoolYear::starting(first)
    } else {
        SchoolYear::starting(first - 1)
    }
}

pub fn is_sunday(date: Date) -> bool {
    date.weekday() == Weekday::Sunday
}

fn civil(year: i32, month: i8, day: i8) -> Date {
    let year = i16::try_from(year.clamp(-9999, 9999)).unwrap_or(1970);
    Date::new(year, month, day).unwrap_or(Date::MIN)
}

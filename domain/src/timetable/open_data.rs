//! The holidays of a zone read from the official open-data calendar ("Vacances scolaires par
//! zones", data.gouv.fr, as packaged by `vacances-scolaires-france`): a CSV of one row per day,
//! `date,vacances_zone_a,vacances_zone_b,vacances_zone_c,nom_vacances`, `True`/`False`.
//!
//! The file counts a holiday from its first free day to the last day before classes start again:
//! the Toussaint 2026 is `2026-10-17` (a Saturday) to `2026-11-01` (a Sunday); the Ascension
//! bridge of 2027 runs Thursday to Saturday. The official calendar says the same thing in other
//! words: "fin des cours samedi 17 octobre", holidays starting *after* that day's classes. So a
//! school with Saturday-morning lessons still teaches on the Saturday the file starts a holiday
//! with; [`Saturday::Taught`] moves such a start to the Sunday. The Saturdays and Sundays that
//! end a holiday are free for everyone and stay in it; Sundays have no lessons anyway.
//!
//! Corsica (académie de Corse) has a calendar of its own that the file does not hold: the import
//! offers zones A, B and C, and the holidays stay editable by the school's administrator.

use super::day;
use super::year::{Holiday, HolidayError};
use crate::coded::coded_enum;
use crate::school_calendar::SchoolYear;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// The header the file starts with.
pub const HEADER: &str = "date,vacances_zone_a,vacances_zone_b,vacances_zone_c,nom_vacances";

coded_enum! {
    /// A holiday zone of metropolitan France.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Zone (unknown: UnknownZone = UnknownZone) {
        A = "a",
        B = "b",
        C = "c",
    }
}

/// A zone code this version does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown holiday zone")]
pub struct UnknownZone;

/// Whether the school teaches on Saturday morning, which decides the first day of a holiday the
/// file starts on a Saturday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Saturday {
    Free,
    Taught,
}

/// Why the file gave no holidays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum OpenDataError {
    #[error("not the open-data holiday calendar (header {HEADER} expected)")]
    Header,
    /// The line (from 1, the header being 1) is not a day of the calendar.
    #[error("line {0} is not a day of the calendar")]
    Line(usize),
    /// The file does not hold every day of the school year.
    #[error("the file does not cover the school year")]
    NotCovered,
    #[error("a holiday of the file cannot be kept: {0}")]
    Holiday(HolidayError),
}

/// One day of the file.
struct Row {
    date: Date,
    free: bool,
    name: String,
}

/// The holidays of `zone` within `year`, in date order: consecutive free days of one name make
/// one holiday, cut at the year's bounds (the summer that ends in August and the one that starts
/// in July are two holidays of the year).
pub fn holidays(
    text: &str,
    zone: Zone,
    year: SchoolYear,
    saturday: Saturday,
) -> Result<Vec<Holiday>, OpenDataError> {
    let rows = rows(text, zone)?;
    let (first, last) = (day::first_of(year), day::last_of(year));
    let covers = |d: Date| rows.iter().any(|r| r.date == d);
    if !covers(first) || !covers(last) {
        return Err(OpenDataError::NotCovered);
    }
    let mut ranges: Vec<(String, Date, Date)> = Vec::new();
    for row in rows.iter().filter(|r| r.free) {
        match ranges.last_mut() {
            Some((name, _, end)) if day::next(*end) == row.date && *name == row.name => {
                *end = row.date;
            }
            _ => ranges.push((row.name.clone(), row.date, row.date)),
        }
    }
    let mut kept = Vec::new();
    for (name, mut start, end) in ranges {
        if saturday == Saturday::Taught && start.weekday() == Weekday::Saturday {
            start = day::next(start);
        }
        let (start, end) = (start.max(first), end.min(last));
        if start <= end {
            kept.push(Holiday::new(&name, start, end).map_err(OpenDataError::Holiday)?);
        }
    }
    Ok(kept)
}

/// The file's days, in order, with whether `zone` is free on each.
fn rows(text: &str, zone: Zone) -> Result<Vec<Row>, OpenDataError> {
    let mut lines = text.trim_start_matches('\u{FEFF}').lines();
    if lines.next().map(str::trim) != Some(HEADER) {
        return Err(OpenDataError::Header);
    }
    let column = match zone {
        Zone::A => 1,
        Zone::B => 2,
        Zone::C => 3,
    };
    let mut rows: Vec<Row> = Vec::new();
    for (i, text) in lines.enumerate() {
        let line = i + 2;
        let text = text.trim_end_matches('\r');
        if text.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = text.split(',').collect();
        let wrong = || OpenDataError::Line(line);
        let [date, a, b, c, name] = fields[..] else {
            return Err(wrong());
        };
        let date = day::parse(date)
            .filter(|_| !date.contains('/'))
            .ok_or_else(wrong)?;
        let mut free = [false; 3];
        for (slot, value) in free.iter_mut().zip([a, b, c]) {
            *slot = match value {
                "True" | "true" => true,
                "False" | "false" => false,
                _ => return Err(wrong()),
            };
        }
        let free = free[column - 1];
        if rows.last().is_some_and(|r| r.date >= date) || (free && name.trim().is_empty()) {
            return Err(wrong());
        }
        rows.push(Row {
            date,
            free,
            name: name.trim().to_owned(),
        });
    }
    Ok(rows)
}

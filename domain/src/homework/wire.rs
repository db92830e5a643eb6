//! How homework's dates and times travel as JSON: `"2026-11-25"` and `"08:30"`, read by hand
//! (like `crate::calendar`) rather than with jiff's ISO 8601 parser, which would weigh on the
//! browser's download for these two shapes.

use super::{HandInPolicy, Homework, HomeworkProblem, Minutes};
use crate::file::FileId;
use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

/// `2026-11-25`.
pub fn format_date(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A date written as [`format_date`] writes it.
pub fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month = parts.next().filter(|m| m.len() == 2)?.parse().ok()?;
    let day = parts.next().filter(|d| d.len() == 2)?.parse().ok()?;
    Date::new(year, month, day).ok()
}

/// `08:30`: minutes are what a timetable and a deadline need.
pub fn format_time(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// A time written as [`format_time`] writes it.
pub fn parse_time(text: &str) -> Option<Time> {
    let (hour, minute) = text.split_once(':')?;
    if hour.len() != 2 || minute.len() != 2 {
        return None;
    }
    Time::new(hour.parse().ok()?, minute.parse().ok()?, 0, 0).ok()
}

/// `#[serde(with = "wire::date")]`.
pub mod date {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_date(&text).ok_or_else(|| D::Error::custom("not a date (2026-11-25)"))
    }
}

/// A homework's fields as they travel; read back through [`Homework::new`]'s checks (the day
/// it was set is not travelling, so that one check is the server's, on saving).
#[derive(Serialize, Deserialize)]
pub struct HomeworkFields {
    what: String,
    due: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    due_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    minutes: Option<Minutes>,
    hand_in: HandInPolicy,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    attachments: Vec<FileId>,
}

/// Why travelling fields are not a homework.
#[derive(Debug, thiserror::Error)]
pub enum HomeworkFieldsError {
    #[error("not a date: {0:?}")]
    Date(String),
    #[error("not a time: {0:?}")]
    Time(String),
    #[error("{0:?}")]
    Invalid(Vec<HomeworkProblem>),
}

impl TryFrom<HomeworkFields> for Homework {
    type Error = HomeworkFieldsError;
    fn try_from(f: HomeworkFields) -> Result<Homework, HomeworkFieldsError> {
        let due = parse_date(&f.due).ok_or(HomeworkFieldsError::Date(f.due))?;
        let due_time = match f.due_time {
            Some(t) => Some(parse_time(&t).ok_or(HomeworkFieldsError::Time(t))?),
            None => None,
        };
        Homework::new(
            f.what,
            due,
            due,
            due_time,
            f.minutes,
            f.hand_in,
            f.attachments,
        )
        .map_err(HomeworkFieldsError::Invalid)
    }
}

impl From<Homework> for HomeworkFields {
    fn from(h: Homework) -> HomeworkFields {
        HomeworkFields {
            what: h.what,
            due: format_date(h.due),
            due_time: h.due_time.map(format_time),
            minutes: h.minutes,
            hand_in: h.hand_in,
            attachments: h.attachments,
        }
    }
}

//! How homework's dates and times travel as JSON: `"2026-11-25"` and `"08:30"`, read by hand
//! (like `crate::calendar`) rather than with jiff's ISO 8601 parser, which would weigh on the
//! browser's download for these two shapes.

use super::{HandInPolicy, Homework, HomeworkProblem, Minutes};
use crate::file::FileId;
use jiff::civil::Time;
use serde::{Deserialize, Serialize};

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
        let due = crate::calendar::parse_iso(&f.due).ok_or(HomeworkFieldsError::Date(f.due))?;
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
            due: crate::calendar::iso(h.due),
            due_time: h.due_time.map(format_time),
            minutes: h.minutes,
            hand_in: h.hand_in,
            attachments: h.attachments,
        }
    }
}

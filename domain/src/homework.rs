//! The cahier de textes and homework: what was done in each lesson, the work set for a later
//! day, a pupil's hand-in of it and the teacher's return, and the states a pupil's list and a
//! teacher's table show.
//!
//! - [`LogEntry`] is what was done in one lesson occurrence ([`Occurrence`]); every save of it
//!   (and of a [`Homework`]) is kept as a [`Revision`] in a [`History`].
//! - [`Homework`] is what to do for which day; its [`Homework::deadline`] is the instant an
//!   online hand-in is late after, in Paris time.
//! - [`HandIn`] is a pupil's work and where it stands (draft, handed in, returned with a
//!   comment and maybe a [`Mark`]); [`pupil_status`] and [`Summary`] are what lists show.
//! - [`Upload`] is the bookkeeping of a large file sent in chunks, resumed after a drop.
//! - [`zip_names`] names the files of a class's hand-ins in one zip.
//!
//! Texts are Markdown kept as typed and shown through [`crate::markdown::render`] only.
//! Who may do what (a teacher edits their own entries, a pupil hands in their own work) is
//! decided in `authz`; the rules here say what a change is, not who makes it.
//! Lesson occurrences come from the timetable area as plain values (ids, dates, instants), so
//! this module does not depend on it.

mod due;
mod hand_in;
mod history;
mod mark;
mod status;
mod upload;
mod wire;
mod zip_names;

#[cfg(test)]
mod tests;

pub use due::{InvalidMinutes, Minutes};
pub use hand_in::{
    HandIn, HandInError, HandedFile, MAX_COMMENT_CHARS, MAX_FILES, MAX_HAND_IN_BYTES,
    MAX_TEXT_CHARS, Return, Work, WorkProblem,
};
pub use history::{History, HistoryError, LogEntry, Revision};
pub use mark::{InvalidMark, Mark, OutOf};
pub use status::{PupilStatus, Summary, UnknownStatus, pupil_status};
pub use upload::{Chunk, MAX_CHUNK_BYTES, MIN_CHUNK_BYTES, Upload, UploadError};
pub use zip_names::{MAX_NAME_CHARS, ZipNames, zip_names};

use crate::file::FileId;
use crate::time::Timestamp;
use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

/// A cahier de textes entry's text, in characters: a lesson's account, not a course.
pub const MAX_LOG_CHARS: usize = 20_000;
/// What to do for a homework, in characters.
pub const MAX_WHAT_CHARS: usize = 10_000;
/// Files attached to an entry or a homework (worksheets, pictures of the board).
pub const MAX_ATTACHMENTS: usize = 10;

/// One lesson as it took place: an occurrence of a weekly lesson on a day, or a one-off lesson
/// (an extra lesson, known by the change that created it). The timetable area says which exist.
pub use crate::timetable::Source as Occurrence;

/// Why a text cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TextProblem {
    /// Nothing but spaces: an entry that says nothing is not saved.
    #[error("the text is empty")]
    Empty,
    #[error("the text is longer than {max} characters")]
    TooLong { max: usize },
}

/// Whether `text` (Markdown) may be saved: not blank, at most `max` characters.
pub fn check_text(text: &str, max: usize) -> Result<(), TextProblem> {
    if text.trim().is_empty() {
        Err(TextProblem::Empty)
    } else if text.chars().count() > max {
        Err(TextProblem::TooLong { max })
    } else {
        Ok(())
    }
}

/// Why attached files cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AttachmentProblem {
    #[error("at most {max} files")]
    TooMany { max: usize },
    #[error("a file is attached twice")]
    Repeated,
}

fn check_attachments(files: &[FileId]) -> Result<(), AttachmentProblem> {
    if files.len() > MAX_ATTACHMENTS {
        return Err(AttachmentProblem::TooMany {
            max: MAX_ATTACHMENTS,
        });
    }
    let distinct: std::collections::BTreeSet<&FileId> = files.iter().collect();
    if distinct.len() == files.len() {
        Ok(())
    } else {
        Err(AttachmentProblem::Repeated)
    }
}

/// How a homework is handed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HandInPolicy {
    /// Done in the exercise book, shown in class: nothing is sent through Scola.
    None,
    /// Sent through Scola; `resubmit`: the pupil may send a new version until the deadline.
    Online { resubmit: bool },
}

/// Work set for a class or group, due on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "wire::HomeworkFields", into = "wire::HomeworkFields")]
pub struct Homework {
    what: String,
    due: Date,
    due_time: Option<Time>,
    minutes: Option<Minutes>,
    hand_in: HandInPolicy,
    attachments: Vec<FileId>,
}

/// Why a homework cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HomeworkProblem {
    /// What to do (or, for an entry, what was done).
    #[error("text: {0}")]
    Text(TextProblem),
    #[error("attachments: {0}")]
    Attachments(AttachmentProblem),
    /// Due before the day it is set: a teacher never sets work for the past.
    #[error("due before the day it is set")]
    DueBeforeSet,
}

/// The time of day an online hand-in is due when no lesson time is given: the last second of
/// the due day in Paris, so a pupil handing in that evening is on time.
pub const END_OF_DAY: Time = Time::constant(23, 59, 59, 0);

impl Homework {
    /// A homework set on `set_on` (the day of the lesson it is given in).
    ///
    /// `due_time` is when on the due day an online hand-in is due: the caller gives the start
    /// of the lesson it is due for when it knows it (the timetable's), `None` for the end of the
    /// day ([`END_OF_DAY`]). All problems are listed at once, for the form to show them.
    pub fn new(
        what: String,
        set_on: Date,
        due: Date,
        due_time: Option<Time>,
        minutes: Option<Minutes>,
        hand_in: HandInPolicy,
        attachments: Vec<FileId>,
    ) -> Result<Homework, Vec<HomeworkProblem>> {
        let mut problems = Vec::new();
        if let Err(p) = check_text(&what, MAX_WHAT_CHARS) {
            problems.push(HomeworkProblem::Text(p));
        }
        if let Err(p) = check_attachments(&attachments) {
            problems.push(HomeworkProblem::Attachments(p));
        }
        if due < set_on {
            problems.push(HomeworkProblem::DueBeforeSet);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        // To the minute, as it travels (`wire::format_time`).
        let due_time = due_time.map(|t| Time::new(t.hour(), t.minute(), 0, 0).unwrap_or(t));
        Ok(Homework {
            what,
            due,
            due_time,
            minutes,
            hand_in,
            attachments,
        })
    }

    /// What to do, as Markdown source.
    pub fn what(&self) -> &str {
        &self.what
    }
    pub fn due(&self) -> Date {
        self.due
    }
    pub fn due_time(&self) -> Option<Time> {
        self.due_time
    }
    pub fn minutes(&self) -> Option<Minutes> {
        self.minutes
    }
    pub fn hand_in(&self) -> HandInPolicy {
        self.hand_in
    }
    pub fn attachments(&self) -> &[FileId] {
        &self.attachments
    }

    /// Whether pupils send their work through Scola.
    pub fn is_online(&self) -> bool {
        matches!(self.hand_in, HandInPolicy::Online { .. })
    }

    /// The instant after which a hand-in is late: the due day at [`Homework::due_time`] (or
    /// [`END_OF_DAY`]) in Paris. On the spring day a time inside the skipped hour means the
    /// instant just after it; in the autumn's repeated hour, the first of the two (as
    /// [`crate::locale::instant`] decides everywhere).
    pub fn deadline(&self) -> Timestamp {
        deadline(self.due, self.due_time)
    }
}

/// The instant `due` at `time` (or [`END_OF_DAY`]) in Paris.
pub fn deadline(due: Date, time: Option<Time>) -> Timestamp {
    let local = due.to_datetime(time.unwrap_or(END_OF_DAY));
    // Every date jiff can hold has an instant in Paris; the clamp only satisfies the types.
    crate::locale::instant(local).unwrap_or(Timestamp::from_unix(i64::MAX))
}

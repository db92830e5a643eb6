//! The cahier de textes' entries, and the history every save leaves: nothing written in it is
//! lost, so a head of school reading it later sees what was there on any day, and who wrote it.

use super::{HomeworkProblem, MAX_LOG_CHARS, Occurrence, check_attachments, check_text};
use crate::file::FileId;
use crate::ids::AccountId;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What was done in one lesson, as its teacher wrote it (Markdown) with the files shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "LogEntryFields", into = "LogEntryFields")]
pub struct LogEntry {
    occurrence: Occurrence,
    text: String,
    attachments: Vec<FileId>,
}

impl LogEntry {
    /// An entry for `occurrence`: its text not blank, at most [`MAX_LOG_CHARS`] characters.
    pub fn new(
        occurrence: Occurrence,
        text: String,
        attachments: Vec<FileId>,
    ) -> Result<LogEntry, Vec<HomeworkProblem>> {
        let mut problems = Vec::new();
        if let Err(p) = check_text(&text, MAX_LOG_CHARS) {
            problems.push(HomeworkProblem::Text(p));
        }
        if let Err(p) = check_attachments(&attachments) {
            problems.push(HomeworkProblem::Attachments(p));
        }
        if problems.is_empty() {
            Ok(LogEntry {
                occurrence,
                text,
                attachments,
            })
        } else {
            Err(problems)
        }
    }

    pub fn occurrence(&self) -> Occurrence {
        self.occurrence
    }
    /// The Markdown source, rendered on display.
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn attachments(&self) -> &[FileId] {
        &self.attachments
    }
}

#[derive(Serialize, Deserialize)]
struct LogEntryFields {
    occurrence: Occurrence,
    text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    attachments: Vec<FileId>,
}

impl TryFrom<LogEntryFields> for LogEntry {
    type Error = String;
    fn try_from(f: LogEntryFields) -> Result<LogEntry, String> {
        LogEntry::new(f.occurrence, f.text, f.attachments).map_err(|p| format!("{p:?}"))
    }
}

impl From<LogEntry> for LogEntryFields {
    fn from(e: LogEntry) -> LogEntryFields {
        LogEntryFields {
            occurrence: e.occurrence,
            text: e.text,
            attachments: e.attachments,
        }
    }
}

/// One save of an entry or a homework: who, when, and what it then said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision<T> {
    pub author: AccountId,
    pub at: Timestamp,
    pub value: T,
}

/// Every save of one entry or homework, the first first. Never empty: it starts with the
/// creation; revisions are only ever added, never rewritten or removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
#[serde(try_from = "Vec<Revision<T>>", into = "Vec<Revision<T>>")]
pub struct History<T: Clone> {
    revisions: Vec<Revision<T>>,
}

/// Why a revision cannot be added, or a stored list is not a history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HistoryError {
    #[error("a history starts with its creation")]
    Empty,
    /// Saved at an instant before the last save: a clock gone back, or a stale write.
    #[error("a revision is older than the one before it")]
    OutOfOrder,
    /// Only the author of the first revision edits (a colleague writes their own entry).
    #[error("only its author edits it")]
    NotAuthor,
    /// A save that changes nothing leaves no revision.
    #[error("nothing changed")]
    Unchanged,
}

impl<T: Clone + PartialEq> History<T> {
    pub fn new(author: AccountId, at: Timestamp, value: T) -> History<T> {
        History {
            revisions: vec![Revision { author, at, value }],
        }
    }

    /// Who created it: the one person who may edit it.
    pub fn author(&self) -> AccountId {
        self.first().author
    }

    /// Whether `editor` may save a new version: the teacher who wrote it, no one else (a
    /// replacing teacher writes entries of their own).
    pub fn may_edit(&self, editor: AccountId) -> bool {
        editor == self.author()
    }

    /// Adds a save by `editor` at `at`.
    pub fn edit(&mut self, editor: AccountId, at: Timestamp, value: T) -> Result<(), HistoryError> {
        if !self.may_edit(editor) {
            return Err(HistoryError::NotAuthor);
        }
        if at < self.current_revision().at {
            return Err(HistoryError::OutOfOrder);
        }
        if value == self.current_revision().value {
            return Err(HistoryError::Unchanged);
        }
        self.revisions.push(Revision {
            author: editor,
            at,
            value,
        });
        Ok(())
    }

    /// What it says now.
    pub fn current(&self) -> &T {
        &self.current_revision().value
    }

    /// What it said at `at`: the last revision saved at or before it, if it existed then.
    pub fn as_of(&self, at: Timestamp) -> Option<&T> {
        self.revisions
            .iter()
            .take_while(|r| r.at <= at)
            .last()
            .map(|r| &r.value)
    }

    /// When it was created and last changed.
    pub fn created(&self) -> Timestamp {
        self.first().at
    }
    pub fn modified(&self) -> Timestamp {
        self.current_revision().at
    }

    /// Every revision, the first first.
    pub fn revisions(&self) -> &[Revision<T>] {
        &self.revisions
    }

    fn first(&self) -> &Revision<T> {
        // Never empty: built by `new` or checked by `try_from`.
        &self.revisions[0]
    }

    fn current_revision(&self) -> &Revision<T> {
        &self.revisions[self.revisions.len() - 1]
    }
}

impl<T: Clone> TryFrom<Vec<Revision<T>>> for History<T> {
    type Error = HistoryError;
    fn try_from(revisions: Vec<Revision<T>>) -> Result<History<T>, HistoryError> {
        if revisions.is_empty() {
            return Err(HistoryError::Empty);
        }
        if revisions.windows(2).any(|w| w[1].at < w[0].at) {
            return Err(HistoryError::OutOfOrder);
        }
        Ok(History { revisions })
    }
}

impl<T: Clone> From<History<T>> for Vec<Revision<T>> {
    fn from(history: History<T>) -> Vec<Revision<T>> {
        history.revisions
    }
}

//! A pupil's hand-in of a homework: the work (a text, files, or both), and where it stands.
//!
//! ```text
//! Draft ──hand_in──▶ HandedIn ──give_back──▶ Returned
//!                    │  ▲                     │  ▲
//!                    └──┘ hand_in again       └──┘ give_back again (a corrected mark)
//!                      (resubmit allowed, deadline not passed)
//! ```
//!
//! Decisions:
//! - A first hand-in is taken whenever it comes, late or not: the teacher sees it late
//!   ([`HandIn::is_late`]) and decides; refusing it would only lose the work.
//! - Handing in again replaces the work, and only if the homework allows it, before the
//!   deadline, and while the teacher has not returned it (a returned work has been read and
//!   marked as it was; a new version would leave the mark about something else).
//! - The draft is kept on the server as the pupil types ([`HandIn::save_draft`]), until the
//!   first hand-in; a draft of a new version after that is a [`Work`] the server keeps beside
//!   the hand-in, and becomes it by [`HandIn::hand_in`].

use super::{HandInPolicy, Homework, Mark, TextProblem, check_text};
use crate::file::{FileId, FileKind};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Files in one hand-in (pages photographed one by one fit).
pub const MAX_FILES: usize = 10;
/// All the files of one hand-in together, in bytes.
pub const MAX_HAND_IN_BYTES: u64 = 50 * 1024 * 1024;
/// The text of a hand-in, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The teacher's comment on returning it, in characters.
pub const MAX_COMMENT_CHARS: usize = 5_000;

/// A stored file of a hand-in (or of a return), as its upload was checked and recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedFile {
    pub file: FileId,
    /// The name it was sent with (`file::clean_name`), offered on download.
    pub name: String,
    pub kind: FileKind,
    pub size: u64,
}

/// A pupil's work (or a teacher's annotated files): within the limits, maybe empty while a
/// draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "WorkFields", into = "WorkFields")]
pub struct Work {
    text: Option<String>,
    files: Vec<HandedFile>,
}

/// Why a work is outside the limits: each names the limit, for the message to say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WorkProblem {
    #[error("the text is longer than {max} characters")]
    TextTooLong { max: usize },
    #[error("more than {max} files")]
    TooManyFiles { max: usize },
    #[error("the files together are larger than {max} bytes")]
    TooLarge { max: u64 },
    #[error("a file is there twice")]
    RepeatedFile,
}

impl Work {
    /// A text (blank counts as none) and files, checked against the limits.
    pub fn new(text: Option<String>, files: Vec<HandedFile>) -> Result<Work, WorkProblem> {
        let text = text.filter(|t| !t.trim().is_empty());
        if text
            .as_ref()
            .is_some_and(|t| t.chars().count() > MAX_TEXT_CHARS)
        {
            return Err(WorkProblem::TextTooLong {
                max: MAX_TEXT_CHARS,
            });
        }
        if files.len() > MAX_FILES {
            return Err(WorkProblem::TooManyFiles { max: MAX_FILES });
        }
        let total = files
            .iter()
            .try_fold(0u64, |sum, f| sum.checked_add(f.size));
        if total.is_none_or(|total| total > MAX_HAND_IN_BYTES) {
            return Err(WorkProblem::TooLarge {
                max: MAX_HAND_IN_BYTES,
            });
        }
        let ids: std::collections::BTreeSet<&FileId> = files.iter().map(|f| &f.file).collect();
        if ids.len() != files.len() {
            return Err(WorkProblem::RepeatedFile);
        }
        Ok(Work { text, files })
    }

    /// The text, as Markdown source.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }
    pub fn files(&self) -> &[HandedFile] {
        &self.files
    }
    /// Neither text nor file: nothing to hand in.
    pub fn is_empty(&self) -> bool {
        self.text.is_none() && self.files.is_empty()
    }
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
}

#[derive(Serialize, Deserialize)]
struct WorkFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    files: Vec<HandedFile>,
}

impl TryFrom<WorkFields> for Work {
    type Error = WorkProblem;
    fn try_from(f: WorkFields) -> Result<Work, WorkProblem> {
        Work::new(f.text, f.files)
    }
}

impl From<Work> for WorkFields {
    fn from(w: Work) -> WorkFields {
        WorkFields {
            text: w.text,
            files: w.files,
        }
    }
}

/// What the teacher gives back: when, a comment (Markdown), maybe a mark, maybe annotated
/// files (in a [`Work`]'s limits; its text is unused).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Return {
    pub at: Timestamp,
    pub comment: Option<String>,
    pub mark: Option<Mark>,
    pub annotated: Work,
}

/// A pupil's hand-in of one homework, in one of its three states.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum HandIn {
    /// Being written; the teacher does not see it.
    Draft { work: Work },
    /// Sent at `at` (the last time, when sent again).
    HandedIn { work: Work, at: Timestamp },
    /// Read and given back by the teacher.
    Returned {
        work: Work,
        at: Timestamp,
        returned: Return,
    },
}

/// Why a hand-in or a return is refused now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HandInError {
    #[error("this homework is not handed in online")]
    NotOnline,
    #[error("nothing to hand in: write a text or add a file")]
    Empty,
    #[error("already handed in: the draft is the next version's")]
    AlreadyHandedIn,
    #[error("this homework is handed in once only")]
    NoResubmission,
    #[error("the deadline has passed: it can no longer be handed in again")]
    PastDeadline,
    #[error("the teacher has already returned it")]
    Returned,
    #[error("not handed in yet")]
    NotHandedIn,
    #[error("returned before it was handed in")]
    ReturnBeforeHandIn,
    #[error("comment: {0}")]
    Comment(TextProblem),
}

impl HandIn {
    /// A new draft.
    pub fn draft(work: Work) -> HandIn {
        HandIn::Draft { work }
    }

    /// The work as it stands (the draft, or what was handed in).
    pub fn work(&self) -> &Work {
        match self {
            HandIn::Draft { work }
            | HandIn::HandedIn { work, .. }
            | HandIn::Returned { work, .. } => work,
        }
    }

    /// When it was (last) handed in; `None` for a draft.
    pub fn handed_in_at(&self) -> Option<Timestamp> {
        match self {
            HandIn::Draft { .. } => None,
            HandIn::HandedIn { at, .. } | HandIn::Returned { at, .. } => Some(*at),
        }
    }

    /// Whether it was handed in after `deadline`; `None` for a draft. Handed in at the deadline
    /// itself is on time.
    pub fn is_late(&self, deadline: Timestamp) -> Option<bool> {
        self.handed_in_at().map(|at| at > deadline)
    }

    /// Autosaves the draft; only before the first hand-in (see the module's decisions).
    pub fn save_draft(&mut self, work: Work) -> Result<(), HandInError> {
        match self {
            HandIn::Draft { work: draft } => {
                *draft = work;
                Ok(())
            }
            _ => Err(HandInError::AlreadyHandedIn),
        }
    }

    /// Hands `work` in at `now`: the new state, or why not.
    pub fn hand_in(
        &self,
        homework: &Homework,
        work: Work,
        now: Timestamp,
    ) -> Result<HandIn, HandInError> {
        let HandInPolicy::Online { resubmit } = homework.hand_in() else {
            return Err(HandInError::NotOnline);
        };
        if work.is_empty() {
            return Err(HandInError::Empty);
        }
        match self {
            HandIn::Draft { .. } => {}
            HandIn::HandedIn { .. } if !resubmit => return Err(HandInError::NoResubmission),
            HandIn::HandedIn { .. } if now > homework.deadline() => {
                return Err(HandInError::PastDeadline);
            }
            HandIn::HandedIn { .. } => {}
            HandIn::Returned { .. } => return Err(HandInError::Returned),
        }
        Ok(HandIn::HandedIn { work, at: now })
    }

    /// The teacher gives it back (or corrects what they gave back: the comment, the mark).
    pub fn give_back(&self, returned: Return) -> Result<HandIn, HandInError> {
        if let Some(comment) = &returned.comment {
            check_text(comment, MAX_COMMENT_CHARS).map_err(HandInError::Comment)?;
        }
        match self {
            HandIn::Draft { .. } => Err(HandInError::NotHandedIn),
            HandIn::HandedIn { at, .. } | HandIn::Returned { at, .. } if returned.at < *at => {
                Err(HandInError::ReturnBeforeHandIn)
            }
            HandIn::HandedIn { work, at } | HandIn::Returned { work, at, .. } => {
                Ok(HandIn::Returned {
                    work: work.clone(),
                    at: *at,
                    returned,
                })
            }
        }
    }
}

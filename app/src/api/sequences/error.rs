//! The errors of the sequences' server functions: every `AppError`, plus what only sequences can
//! go wrong with.

use crate::api::area_error::{AreaError, AreaProblem};
use domain::exercise::assignment::{Closed, RulesProblem};
use domain::file::FileProblem;
use domain::sequence::archive::ArchiveProblem;
use domain::sequence::{Problem, StepId};
use serde::{Deserialize, Serialize};

/// Every `AppError`, or a [`SequenceProblem`].
pub type SequenceError = AreaError<SequenceProblem>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SequenceProblem {
    /// The sequence as written cannot be saved: every problem, for the editor to show.
    #[error("the sequence has problems")]
    Problems(Vec<Problem>),
    /// Exercise steps whose exercise is not one of the author's own, in the sequence's school,
    /// and not deleted.
    #[error("steps give exercises that are not the author's")]
    Exercises(Vec<StepId>),
    /// Stored files the sequence names that its author may not share with its pupils (someone
    /// else's, of another school, unknown), or a file step saying the wrong kind of its file.
    #[error("files that cannot be used here")]
    Files(Vec<domain::file::FileId>),
    #[error("the assignment's rules have problems")]
    Rules(Vec<RulesProblem>),
    /// The same sequence given to the same group for the same opening already.
    #[error("already given")]
    AlreadyGiven,
    /// All rights reserved: not for the library, and a copy may not take this licence.
    #[error("the licence does not allow it")]
    Licence,
    /// Not open yet.
    #[error("closed: {0}")]
    Closed(Closed),
    /// No such step in the sequence as given.
    #[error("no such step")]
    NoSuchStep,
    /// An archive refused whole: nothing of it was written.
    #[error("archive refused: {0}")]
    Archive(ArchiveProblem),
}

impl AreaProblem for SequenceProblem {
    fn http_status(&self) -> u16 {
        match self {
            SequenceProblem::Closed(_) | SequenceProblem::AlreadyGiven => 409,
            SequenceProblem::Archive(ArchiveProblem::TooLarge) => 413,
            SequenceProblem::Archive(ArchiveProblem::Media {
                problem: FileProblem::TooBig { .. },
                ..
            }) => 413,
            _ => 422,
        }
    }
}

impl From<SequenceProblem> for SequenceError {
    fn from(p: SequenceProblem) -> Self {
        AreaError::Area(p)
    }
}

//! The errors of the exercises' server functions: every `AppError`, plus what only exercises
//! can go wrong with (see [`AreaError`]).

use crate::api::area_error::{AreaError, AreaProblem};
use domain::exercise::assignment::{Closed, RulesProblem};
use domain::exercise::exchange::ImportError;
use domain::exercise::{MarkError, ResponseError};
use serde::{Deserialize, Serialize};

/// Every `AppError`, or an [`ExerciseProblem`].
pub type ExerciseError = AreaError<ExerciseProblem>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ExerciseProblem {
    /// The exercise as written cannot be saved: every problem, for the editor to show at its
    /// item.
    #[error("the exercise has problems")]
    Problems(Vec<domain::exercise::Problem>),
    #[error("the assignment's rules have problems")]
    Rules(Vec<RulesProblem>),
    /// The same exercise given to the same group for the same opening already.
    #[error("already given")]
    AlreadyGiven,
    /// Answers that do not fit the paper: a forged request, refused whole.
    #[error("answers: {0}")]
    Answers(ResponseError),
    /// Not open, past due, no attempts left, handed in.
    #[error("closed: {0}")]
    Closed(Closed),
    /// Stored files the exercise names that its author may not share with pupils: someone
    /// else's, another school's, or none at all.
    #[error("files that cannot be used here")]
    Files(Vec<domain::file::FileId>),
    /// The file cannot be read at all (too large, not text, malformed, hostile): nothing of it
    /// is taken.
    #[error("import: {0}")]
    Import(ImportError),
    /// The file was read, and not one of its questions could be taken: nothing to create.
    #[error("no question taken")]
    NothingTaken,
    /// The upload is not the base64 the app sends: a broken or forged request.
    #[error("unreadable upload")]
    UploadUnreadable,
    /// A teacher's points that cannot be given to that answer.
    #[error("mark: {0}")]
    Mark(MarkError),
}

impl AreaProblem for ExerciseProblem {
    fn http_status(&self) -> u16 {
        match self {
            ExerciseProblem::Closed(_) | ExerciseProblem::AlreadyGiven => 409,
            _ => 422,
        }
    }
}

impl From<ExerciseProblem> for ExerciseError {
    fn from(p: ExerciseProblem) -> Self {
        AreaError::Area(p)
    }
}

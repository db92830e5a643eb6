//! The errors of the homework functions: every `AppError`, plus what only the cahier de textes
//! and homework can go wrong with.

use crate::api::area_error::{AreaError, AreaProblem};
use domain::homework::{HandInError, HistoryError, HomeworkProblem as Invalid, WorkProblem};
use serde::{Deserialize, Serialize};

/// Every `AppError`, or a [`HomeworkProblem`].
pub type HomeworkError = AreaError<HomeworkProblem>;

/// Variant names are the area's own (the server tells areas' problems apart by them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum HomeworkProblem {
    /// The lesson was cancelled: nothing was done in it, nothing is set from it.
    #[error("the lesson was cancelled")]
    LessonCancelled,
    /// What the form says cannot be saved: every reason at once.
    #[error("cannot be saved: {0:?}")]
    InvalidHomework(Vec<Invalid>),
    /// Only its author edits an entry or a homework; a save that changes nothing.
    #[error("{0}")]
    Revision(HistoryError),
    #[error("{0}")]
    WorkOutsideLimits(WorkProblem),
    #[error("{0}")]
    HandInRefused(HandInError),
    /// A file named is not one the caller uploaded for this (a pupil's for their hand-in, a
    /// teacher's for their school).
    #[error("a file cannot be used here")]
    FileNotYours,
    /// The days asked are not in order, or more than one call reads.
    #[error("at most {max} days, in order")]
    DaysAsked { max: i32 },
    /// Other saves kept coming first: try again.
    #[error("too many saves at once")]
    SavesCrossed,
}

impl AreaProblem for HomeworkProblem {
    fn http_status(&self) -> u16 {
        match self {
            HomeworkProblem::SavesCrossed
            | HomeworkProblem::HandInRefused(_)
            | HomeworkProblem::LessonCancelled => 409,
            _ => 422,
        }
    }
}

impl From<HomeworkProblem> for HomeworkError {
    fn from(p: HomeworkProblem) -> Self {
        AreaError::Area(p)
    }
}

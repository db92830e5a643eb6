//! The errors of the files' server functions: every `AppError`, plus why an upload was refused
//! (see [`AreaError`]).

use crate::api::area_error::{AreaError, AreaProblem};
use domain::file::FileProblem;
use domain::homework::UploadError;

/// Every `AppError`, or a [`FileProblem`] (an object with a `type` on the wire).
pub type FileError = AreaError<FileProblem>;

impl AreaProblem for FileProblem {
    fn http_status(&self) -> u16 {
        match self {
            FileProblem::TooBig { .. } => 413,
            FileProblem::NotAccepted { .. } => 415,
            FileProblem::Empty => 422,
            FileProblem::AttemptClosed => 409,
            FileProblem::Part {
                problem: UploadError::TooLarge { .. },
            } => 413,
            // Parts out of order: the answer says where to go on from.
            FileProblem::Part {
                problem: UploadError::Gap { .. } | UploadError::Overlap { .. },
            } => 409,
            FileProblem::Part { .. } => 422,
        }
    }
}

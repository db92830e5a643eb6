//! The errors of the files' server functions: every [`AppError`], plus why an upload was
//! refused.

use crate::error::AppError;
use domain::file::FileProblem;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// On the wire an [`AppError`] stays as it is; a [`FileProblem`] is an object with a `type`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(untagged)]
pub enum FileError {
    #[error(transparent)]
    App(AppError),
    #[error(transparent)]
    File(FileProblem),
}

impl FileError {
    /// The HTTP status a refused upload is answered with.
    pub fn problem_status(problem: &FileProblem) -> u16 {
        match problem {
            FileProblem::TooBig { .. } => 413,
            FileProblem::NotAccepted { .. } => 415,
            FileProblem::Empty => 422,
        }
    }
}

impl From<AppError> for FileError {
    fn from(e: AppError) -> Self {
        FileError::App(e)
    }
}

impl From<FileProblem> for FileError {
    fn from(p: FileProblem) -> Self {
        FileError::File(p)
    }
}

#[cfg(feature = "ssr")]
impl From<crate::ports::StoreError> for FileError {
    fn from(e: crate::ports::StoreError) -> Self {
        FileError::App(e.into())
    }
}

impl FromServerFnError for FileError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        FileError::App(AppError::from_server_fn_error(value))
    }
}

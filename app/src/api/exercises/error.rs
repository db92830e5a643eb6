//! The errors of the exercises' server functions: every [`AppError`], plus what only exercises
//! can go wrong with. A type of the area's own, so that the first visit, which never calls these
//! functions, does not carry the code reading exercise problems.

use crate::error::AppError;
use domain::exercise::ResponseError;
use domain::exercise::assignment::{Closed, RulesProblem};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// On the wire an [`AppError`] stays as it is (`"Forbidden"`), so every client and the server's
/// status mapping read it the same; the area's own errors are the [`ExerciseProblem`] as it is
/// (`{"Closed": "PastDue"}`), whose variant names no `AppError` uses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(untagged)]
pub enum ExerciseError {
    #[error(transparent)]
    App(AppError),
    #[error(transparent)]
    Exercise(ExerciseProblem),
}

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
}

impl ExerciseProblem {
    /// The HTTP status it is answered with.
    pub fn http_status(&self) -> u16 {
        match self {
            ExerciseProblem::Closed(_) | ExerciseProblem::AlreadyGiven => 409,
            _ => 422,
        }
    }
}

impl From<AppError> for ExerciseError {
    fn from(e: AppError) -> Self {
        ExerciseError::App(e)
    }
}

impl From<ExerciseProblem> for ExerciseError {
    fn from(p: ExerciseProblem) -> Self {
        ExerciseError::Exercise(p)
    }
}

#[cfg(feature = "ssr")]
impl From<crate::ports::StoreError> for ExerciseError {
    fn from(e: crate::ports::StoreError) -> Self {
        ExerciseError::App(e.into())
    }
}

impl FromServerFnError for ExerciseError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        ExerciseError::App(AppError::from_server_fn_error(value))
    }
}

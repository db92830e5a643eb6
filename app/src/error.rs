//! The errors every server function can answer with. They cross the wire as JSON and the UI
//! shows each in the user's language (see `i18n::describe_error`); details stay in the server log.

use domain::account::InvalidAccount;
use domain::auth::password::PasswordProblem;
use domain::school::{InvalidSchool, Misplaced};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("sign in first")]
    SignInRequired,
    /// The one-time password given by an admin must be replaced before anything else.
    #[error("change your password first")]
    PasswordChangeRequired,
    /// The current usage charter must be accepted before anything else.
    #[error("accept the charter first")]
    CharterRequired,
    /// An administrator must enrol a second factor before anything else (`SCOLA_ADMIN_2FA`).
    #[error("enrol a second factor first")]
    SecondFactorEnrolmentRequired,
    /// The password was right; the code from the authenticator app is awaited. `pending` names
    /// this half-done sign-in for `auth/second_factor` (it is not a session).
    #[error("second factor required")]
    SecondFactorRequired { pending: String },
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Wrong login name or password; never says which.
    #[error("bad credentials")]
    BadCredentials,
    /// Too many failed attempts at this name, or from this address: the password was not even
    /// checked. Says how long to wait (`Retry-After` too).
    #[error("too many failed attempts")]
    Locked { retry_after_seconds: i64 },
    /// The right one-time password, but older than the instance allows: the school must give a
    /// new one.
    #[error("one-time password expired")]
    OneTimePasswordExpired,
    /// The form has fields to correct; each is shown next to its field.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The server is at capacity; the client retries later.
    #[error("busy")]
    Busy,
    #[error("internal error")]
    Internal,
    /// The request never reached the server function, or its answer could not be read.
    #[error("communication: {0}")]
    Communication(String),
}

/// One field to correct in a form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// The form fields server functions validate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Username,
    FirstName,
    LastName,
    Password,
    NewPassword,
    Confirm,
    Profile,
    School,
    Name,
    Uai,
    Kind,
    BodyFr,
    BodyCo,
    /// The pupil added to a class or group.
    Member,
    /// The teacher given a class or group.
    Teacher,
    /// The parent side of a parent–child link.
    Parent,
    /// The child side of a parent–child link.
    Child,
    Subject,
    /// A code from an authenticator app, or a recovery code.
    Code,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    Taken,
    Account(InvalidAccount),
    School(InvalidSchool),
    Password(PasswordProblem),
    TooLong,
    Mismatch,
    /// The person lacks the profile this place needs in the school (a teacher added as a pupil).
    Place(Misplaced),
    /// A class or group of that name already exists this school year.
    NameTaken,
    /// Both sides of a link are the same person.
    SamePerson,
    /// An admin named themselves as the parent: nobody grants themselves a child.
    OwnChild,
    /// Not the current code of the authenticator app, nor an unused recovery code.
    WrongCode,
    /// A second factor is already set up: remove it first.
    AlreadyEnrolled,
}

impl AppError {
    pub fn field(field: Field, problem: Problem) -> Self {
        AppError::Invalid(vec![FieldError { field, problem }])
    }

    /// The problem reported for `field`, if any, to show next to it.
    pub fn problem_for(&self, field: Field) -> Option<&Problem> {
        match self {
            AppError::Invalid(errors) => {
                errors.iter().find(|e| e.field == field).map(|e| &e.problem)
            }
            _ => None,
        }
    }
}

impl AppError {
    /// The HTTP status this error is sent with, so that proxies, load tests and logs tell a
    /// refusal from a failure.
    pub fn http_status(&self) -> u16 {
        match self {
            AppError::SignInRequired
            | AppError::BadCredentials
            | AppError::OneTimePasswordExpired
            | AppError::SecondFactorRequired { .. } => 401,
            AppError::PasswordChangeRequired
            | AppError::CharterRequired
            | AppError::SecondFactorEnrolmentRequired
            | AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Invalid(_) => 422,
            AppError::Locked { .. } => 429,
            AppError::Communication(_) => 400,
            AppError::Busy => 503,
            AppError::Internal => 500,
        }
    }

    /// Seconds after which a refused request may be tried again, for `Retry-After`.
    pub fn retry_after(&self) -> Option<i64> {
        match self {
            AppError::Locked {
                retry_after_seconds,
            } => Some(*retry_after_seconds),
            AppError::Busy => Some(2),
            _ => None,
        }
    }
}

impl From<domain::auth::throttle::Locked> for AppError {
    fn from(locked: domain::auth::throttle::Locked) -> Self {
        AppError::Locked {
            retry_after_seconds: locked.retry_after_seconds,
        }
    }
}

impl From<domain::authz::Forbidden> for AppError {
    fn from(_: domain::authz::Forbidden) -> Self {
        AppError::Forbidden
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Communication(value.to_string())
    }
}

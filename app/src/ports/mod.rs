//! What server functions need from the server, named after the domain. The `server` crate
//! implements these traits over sqlx and hands them over as context on every request, so server
//! functions stay thin: decode, authorize, delegate, map errors.

mod account;
mod admin;
mod audit;
mod auth;
mod calendar_feeds;
mod charter;
mod directory;
mod exercises;
mod files;
mod homework;
mod passwords;
mod platform;
mod sequences;
mod timetable;

pub use account::{OpenSession, PendingSignIn, SecondFactor, SecondFactors, Sessions};
pub use admin::{GroupFacts, NewAccountRecord, SchoolAccounts, SchoolAdmin, SchoolGroups};
pub use audit::{AuditEvent, AuditLog};
pub use auth::{Credentials, Identity, SignedIn};
pub use calendar_feeds::{CalendarFeeds, LiveFeed};
pub use charter::Charters;
pub use directory::Directory;
pub use exercises::{Exercises, HandedIn, StoredAssignment, StoredAttempt, StoredExercise};
pub use files::{Body, BodyError, FileStore, FileUser, Files, PartsUpload, PutError, StoredFile};
pub use homework::{
    HandInWrite, Homeworks, Place, Shown, StoredEntry, StoredHandIn, StoredHomework,
};
pub use passwords::{HashError, Passwords};
pub use platform::Establishments;
pub use sequences::{ExerciseWork, Sequences, StepMarks, StoredSequence, StoredSequenceAssignment};
pub use timetable::{Names, Refs, SchoolCalendar, Timetables, WeekRead, WeekSelector, Written};

use domain::time::Timestamp;
use std::sync::Arc;

/// Everything the storage side provides.
pub trait Store:
    Identity
    + Directory
    + Establishments
    + Charters
    + AuditLog
    + SchoolAdmin
    + Sessions
    + SecondFactors
    + Exercises
    + Files
    + Sequences
    + Timetables
    + Homeworks
    + CalendarFeeds
    + Send
    + Sync
{
}
impl<T> Store for T where
    T: Identity
        + Directory
        + Establishments
        + Charters
        + AuditLog
        + SchoolAdmin
        + Sessions
        + SecondFactors
        + Exercises
        + Files
        + Sequences
        + Timetables
        + Homeworks
        + CalendarFeeds
        + Send
        + Sync
{
}

/// A storage failure. Details are logged where they happen; the user sees a plain message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule refused the write (a login name already taken).
    #[error("conflict")]
    Conflict,
    #[error("storage: {0}")]
    Unavailable(String),
    /// A stored value this version cannot read (a code it does not know, a flag that is neither
    /// 0 nor 1): the storage side has logged which; the request fails rather than act on part
    /// of the data.
    #[error("unreadable stored value: {0}")]
    Corrupt(String),
}

impl From<StoreError> for crate::error::AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict => crate::error::AppError::Internal,
            StoreError::Unavailable(detail) | StoreError::Corrupt(detail) => {
                tracing::error!(%detail, "storage failure");
                crate::error::AppError::Internal
            }
        }
    }
}

/// Shared by every request: storage, password hashing, the clock, settings.
#[derive(Clone)]
pub struct ServerCtx {
    pub store: Arc<dyn Store>,
    /// Where uploaded files' bytes are kept.
    pub files: Arc<dyn FileStore>,
    /// The largest upload of each use (`SCOLA_MAX_AUDIO_MB`, `SCOLA_MAX_IMAGE_MB`).
    pub file_limits: domain::file::SizeLimits,
    pub passwords: Arc<dyn Passwords>,
    pub clock: Arc<dyn Fn() -> Timestamp + Send + Sync>,
    /// Cookies get `Secure` when the ENT is served over https.
    pub https: bool,
    pub session_seconds: i64,
    /// How long a one-time password given by an admin can be used (`SCOLA_OTP_DAYS`).
    pub one_time_password_seconds: i64,
    /// How long a session may go unused.
    pub idle: domain::auth::session::IdleLimit,
    /// Whether admins must enrol a second factor.
    pub admin_second_factor: domain::auth::second_factor::AdminPolicy,
}

impl ServerCtx {
    pub fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// The school year it is now: the one every "this year" rule (classes taught, a pupil's
    /// classes) is about.
    pub fn school_year(&self) -> domain::school_calendar::SchoolYear {
        domain::school_calendar::SchoolYear::at(self.now())
    }
}

/// What the server knows about the request being served.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    /// The client's address, as seen by the server or told by a trusted proxy.
    pub ip: String,
    /// The session token from the cookie, if any.
    pub session_token: Option<String>,
    /// The browser's `User-Agent` (cut short), to name the device in the list of sessions.
    pub user_agent: String,
    /// The `Host` the request was sent to: a calendar feed's address is built on it.
    pub host: Option<String>,
}

use super::StoreError;
use crate::api::auth::SessionInfo;
use async_trait::async_trait;
use domain::account::Username;
use domain::auth::session::IdleLimit;
use domain::auth::throttle::{Failures, NameAttempt};
use domain::authz::Caller;
use domain::charter::CharterVersion;
use domain::ids::AccountId;
use domain::lang::Lang;
use domain::time::Timestamp;

/// What sign-in needs to know about a login name.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub account: AccountId,
    pub password_hash: String,
    /// When the one-time password the account still holds was set; `None` once the person
    /// chose their own.
    pub one_time_password_set: Option<Timestamp>,
}

/// A live session: its account as shown, the current charter version (to ask for it again), and
/// what authorization decisions need (roles, children, classes taught).
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub info: SessionInfo,
    pub current_charter: Option<CharterVersion>,
    pub caller: Caller,
    /// The session's public id (to mark "this device" among one's sessions).
    pub session_id: String,
}

/// Accounts as sign-in and sessions see them.
#[async_trait]
pub trait Identity: Send + Sync {
    async fn credentials(&self, username: &Username) -> Result<Option<Credentials>, StoreError>;

    /// Counts one attempt at `username` from `address`, atomically and before its password is
    /// checked, and returns the counters with it (see `domain::auth::throttle`). Counts older than
    /// their limit's window start again; forgotten rows are swept.
    async fn count_attempt(
        &self,
        username: &Username,
        address: &str,
        now: Timestamp,
    ) -> Result<NameAttempt, StoreError>;
    /// Counts an attempt at a name that cannot exist: against its address only.
    async fn count_malformed_attempt(
        &self,
        address: &str,
        now: Timestamp,
    ) -> Result<Failures, StoreError>;
    /// The password checked after [`Identity::count_attempt`] was wrong, or the name refused
    /// after [`Identity::count_malformed_attempt`] (`None`): locks run from `now`.
    async fn attempt_failed(
        &self,
        username: Option<&Username>,
        address: &str,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// The password was right: the name's counts are cleared, the address becomes a known one
    /// for it, and the attempt no longer counts against the address.
    async fn attempt_succeeded(
        &self,
        username: &Username,
        address: &str,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// Gives the account a one-time password set at `now` (it must be replaced at first
    /// sign-in, and expires), and forgets the failed attempts at its name.
    async fn set_one_time_password(
        &self,
        account: AccountId,
        hash: String,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// When the account's one-time password was set, if it still holds one.
    async fn one_time_password_set(
        &self,
        account: AccountId,
    ) -> Result<Option<Timestamp>, StoreError>;

    /// Opens a session and returns its token; only a hash of it is stored.
    async fn open_session(
        &self,
        account: AccountId,
        now: Timestamp,
        expires: Timestamp,
        ip: &str,
        user_agent: &str,
    ) -> Result<String, StoreError>;
    /// The caller behind a live session token, in as few round trips as the database allows:
    /// this runs before every server function. A session unused for longer than `idle` is not
    /// live; a live one's last use is written down (at most once per `idle.touch_every()`).
    async fn signed_in(
        &self,
        token: &str,
        now: Timestamp,
        idle: IdleLimit,
    ) -> Result<Option<SignedIn>, StoreError>;
    async fn close_session(&self, token: &str) -> Result<(), StoreError>;
    /// Ends every session of an account but `keep` (the one changing its password).
    async fn close_sessions_of(
        &self,
        account: AccountId,
        keep: Option<&str>,
    ) -> Result<(), StoreError>;

    async fn session_info(&self, account: AccountId) -> Result<Option<SessionInfo>, StoreError>;
    async fn password_hash(&self, account: AccountId) -> Result<Option<String>, StoreError>;
    async fn set_password(
        &self,
        account: AccountId,
        hash: String,
        must_change: bool,
    ) -> Result<(), StoreError>;
    async fn set_lang(&self, account: AccountId, lang: Lang) -> Result<(), StoreError>;
}

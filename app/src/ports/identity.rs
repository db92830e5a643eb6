use super::StoreError;
use crate::api::auth::SessionInfo;
use async_trait::async_trait;
use domain::account::Username;
use domain::authz::Caller;
use domain::charter::CharterVersion;
use domain::ids::AccountId;
use domain::lang::Lang;
use domain::session::IdleLimit;
use domain::throttle::Failures;
use domain::time::Timestamp;

/// What sign-in needs to know about a login name.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub account: AccountId,
    pub password_hash: String,
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
    async fn failures(&self, username: &Username) -> Result<Option<Failures>, StoreError>;
    async fn set_failures(
        &self,
        username: &Username,
        failures: Option<Failures>,
    ) -> Result<(), StoreError>;

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

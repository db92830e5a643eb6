use super::StoreError;
use async_trait::async_trait;
use domain::auth::session::IdleLimit;
use domain::ids::AccountId;
use domain::lang::Lang;
use domain::time::Timestamp;

/// One open session of an account, as "my account" lists it.
#[derive(Clone, Debug)]
pub struct OpenSession {
    /// A random id of its own: never the token nor its hash.
    pub public_id: String,
    pub created: Timestamp,
    pub last_seen: Timestamp,
    pub ip: String,
    pub user_agent: String,
}

/// One's own sessions: listing, ending, keeping alive.
#[async_trait]
pub trait Sessions: Send + Sync {
    /// Marks the session of `token` as used at `now`.
    async fn touch_session(&self, token: &str, now: Timestamp) -> Result<(), StoreError>;
    /// The live sessions of an account, most recently used first.
    async fn sessions_of(
        &self,
        account: AccountId,
        now: Timestamp,
        idle: IdleLimit,
    ) -> Result<Vec<OpenSession>, StoreError>;
    /// Ends the session with this public id if it belongs to `account`; false when there is
    /// none (someone else's answers the same).
    async fn end_session(&self, account: AccountId, public_id: &str) -> Result<bool, StoreError>;
}

/// A TOTP secret as stored.
#[derive(Clone, Debug)]
pub struct SecondFactor {
    /// base32.
    pub secret: String,
    pub confirmed: bool,
}

/// A sign-in waiting for its code.
#[derive(Clone, Debug)]
pub struct PendingSignIn {
    pub account: AccountId,
    pub lang: Option<Lang>,
}

/// Two-factor sign-in: secrets, recovery codes, pending sign-ins. Every check-and-consume is one
/// atomic statement, so parallel requests cannot use a code twice.
#[async_trait]
pub trait SecondFactors: Send + Sync {
    async fn second_factor(&self, account: AccountId) -> Result<Option<SecondFactor>, StoreError>;
    /// Stores a new, unconfirmed secret, replacing an unconfirmed one; false if a confirmed one
    /// exists.
    async fn begin_second_factor(
        &self,
        account: AccountId,
        secret: &str,
        now: Timestamp,
    ) -> Result<bool, StoreError>;
    /// Confirms enrolment (the code of `step` was right) and stores the recovery codes' hashes.
    async fn confirm_second_factor(
        &self,
        account: AccountId,
        step: u64,
        recovery_codes: &[String],
    ) -> Result<bool, StoreError>;
    async fn remove_second_factor(&self, account: AccountId) -> Result<(), StoreError>;
    /// Counts one more code attempt before it is checked, atomically; returns the count with
    /// this attempt and when the one before it was made (`None`: no second factor), for
    /// `domain::auth::throttle::SECOND_FACTOR` to decide.
    async fn count_code_attempt(
        &self,
        account: AccountId,
        now: Timestamp,
    ) -> Result<Option<domain::auth::throttle::Failures>, StoreError>;
    /// A right code: the attempts are forgotten.
    async fn clear_code_attempts(&self, account: AccountId) -> Result<(), StoreError>;
    /// Records `step` as used if it is newer than the last used; false if it was not (a replay).
    async fn use_step(&self, account: AccountId, step: u64) -> Result<bool, StoreError>;
    /// Consumes a recovery code; false if it is not one of the account's unused codes.
    async fn use_recovery_code(&self, account: AccountId, code: &str) -> Result<bool, StoreError>;
    async fn recovery_codes_left(&self, account: AccountId) -> Result<u32, StoreError>;

    /// Opens the step between password and code; returns its token (only a hash is stored).
    async fn open_pending(
        &self,
        account: AccountId,
        lang: Option<Lang>,
        expires: Timestamp,
    ) -> Result<String, StoreError>;
    /// The pending sign-in of a token if it is still open.
    async fn pending(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<Option<PendingSignIn>, StoreError>;
    /// Takes the pending sign-in away; false if it was already taken.
    async fn close_pending(&self, token: &str) -> Result<bool, StoreError>;
    /// Whether the account holds an admin role anywhere (for `SCOLA_ADMIN_2FA=required`).
    async fn is_administrator(&self, account: AccountId) -> Result<bool, StoreError>;
}

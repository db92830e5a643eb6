//! Accounts as sign-in sees them, sessions and failed attempts.

use super::decode::{Code, Count, Flag, corrupt, flag, parse};
use super::sql::statements;
use super::{Db, fail};
use app::api::auth::SessionInfo;
use app::ports::{Credentials, Identity, SignedIn, StoreError};
use async_trait::async_trait;
use base64::Engine;
use domain::account::Username;
use domain::auth::session::IdleLimit;
use domain::auth::throttle::{self, Failures, NameAttempt};
use domain::authz::Caller;
use domain::charter::CharterVersion;
use domain::ids::{AccountId, GroupId, SchoolId};
use domain::lang::Lang;
use domain::profile::{Profile, Role};
use domain::school_calendar::SchoolYear;
use domain::time::Timestamp;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Only this hash of a session token is stored: a stolen database opens no session.
pub(super) fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The columns [`SessionInfoRow`] reads, in a query over `accounts a`.
macro_rules! session_info_columns {
    () => {
        "a.id AS account, a.username AS username, a.first_name AS first_name, \
         a.last_name AS last_name, a.lang AS lang, a.platform_admin AS platform_admin, \
         a.must_change_password AS must_change_password, a.charter_accepted AS charter_accepted, \
         (SELECT COUNT(*) FROM second_factors f WHERE f.account_id = a.id AND f.confirmed = 1) \
           AS second_factors"
    };
}

/// Upserts counting one failed attempt under a key, bound to (key, now, forget before): a
/// count older than its window starts again.
macro_rules! count_failures {
    ($table:literal, $key:literal) => {
        concat!(
            "INSERT INTO ",
            $table,
            " (",
            $key,
            ", failures, last_failure) VALUES ($1, 1, $2) \
             ON CONFLICT (",
            $key,
            ") DO UPDATE SET \
             failures = CASE WHEN ",
            $table,
            ".last_failure < $3 THEN 1 \
                        ELSE ",
            $table,
            ".failures + 1 END, \
             last_failure = CASE WHEN ",
            $table,
            ".last_failure < $3 THEN $2 \
                            ELSE ",
            $table,
            ".last_failure END \
             RETURNING failures, last_failure"
        )
    };
}

statements! {
    CREDENTIALS = "SELECT id, password_hash, must_change_password, \
        COALESCE(password_set_at, created_at) AS password_set_at \
        FROM accounts WHERE username = $1";
    COUNT_ADDRESS = count_failures!("address_failures", "address");
    COUNT_NAME = count_failures!("login_failures", "username");
    /// Like the others, for the (name, address) pair, with the last success from there.
    COUNT_NAME_FROM_ADDRESS = "INSERT INTO login_failures_from \
        (username, address, failures, last_failure) VALUES ($1, $2, 1, $3) \
        ON CONFLICT (username, address) DO UPDATE SET \
        failures = CASE WHEN login_failures_from.last_failure < $4 THEN 1 \
                   ELSE login_failures_from.failures + 1 END, \
        last_failure = CASE WHEN login_failures_from.last_failure < $4 THEN $3 \
                       ELSE login_failures_from.last_failure END \
        RETURNING failures, last_failure, succeeded_at";
    SWEEP_NAME_FROM_ADDRESS = "DELETE FROM login_failures_from WHERE last_failure < $1 \
        AND (succeeded_at IS NULL OR succeeded_at < $2)";
    SWEEP_NAMES = "DELETE FROM login_failures WHERE last_failure < $1";
    SWEEP_ADDRESSES = "DELETE FROM address_failures WHERE last_failure < $1";
    FAILED_FROM_ADDRESS = "UPDATE login_failures_from SET last_failure = $1 \
        WHERE username = $2 AND address = $3";
    FAILED_NAME = "UPDATE login_failures SET last_failure = $1 WHERE username = $2";
    FAILED_ADDRESS = "UPDATE address_failures SET last_failure = $1 WHERE address = $2";
    SUCCEEDED_FROM_ADDRESS = "UPDATE login_failures_from \
        SET failures = 0, last_failure = $1, succeeded_at = $1 \
        WHERE username = $2 AND address = $3";
    FORGET_NAME = "DELETE FROM login_failures WHERE username = $1";
    /// Only this attempt is taken back: someone with an account of their own cannot wipe out
    /// the failures of an address by signing in between guesses.
    SUCCEEDED_ADDRESS = "UPDATE address_failures SET failures = failures - 1 \
        WHERE address = $1 AND failures > 0";
    SET_ONE_TIME_PASSWORD = "UPDATE accounts SET password_hash = $1, \
        must_change_password = $2, password_set_at = $3 WHERE id = $4";
    FORGET_ACCOUNT_NAME = "DELETE FROM login_failures WHERE username = \
        (SELECT username FROM accounts WHERE id = $1)";
    /// The addresses the person signed in from stay known.
    CLEAR_ACCOUNT_FROM_ADDRESSES = "UPDATE login_failures_from SET failures = 0 WHERE username = \
        (SELECT username FROM accounts WHERE id = $1)";
    ONE_TIME_PASSWORD_SET = "SELECT COALESCE(password_set_at, created_at) AS password_set_at \
        FROM accounts WHERE id = $1 AND must_change_password = $2";
    /// Sessions that ran out are removed when their owner signs in again.
    DELETE_ENDED_SESSIONS = "DELETE FROM sessions WHERE account_id = $1 AND expires_at <= $2";
    OPEN_SESSION = "INSERT INTO sessions (token_hash, account_id, created_at, expires_at, ip, \
        last_seen, public_id, user_agent) VALUES ($1, $2, $3, $4, $5, $3, $6, $7)";
    SIGNED_IN = concat!(
        "SELECT ",
        session_info_columns!(),
        ", (SELECT MAX(version) FROM charters) AS current_charter, s.last_seen AS last_seen, \
           s.public_id AS public_id \
         FROM sessions s JOIN accounts a ON a.id = s.account_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen >= $3"
    );
    /// Roles, children, classes taught and classes sat in, in one statement: 'r'ole, 'c'hild,
    /// 't'eaching, 'g'roup. Only links that count, and only the classes of the school year
    /// starting at `$2`: a withdrawn parent or last year's teacher or pupil is granted nothing by
    /// what stays in the tables.
    CALLER_FACTS = concat!(
        "SELECT 'r' AS fact, school_id AS id, profile AS code FROM roles WHERE account_id = $1 \
         UNION ALL SELECT 'c', l.child_id, '' FROM parent_links l WHERE l.parent_id = $1 AND ",
        link_counts!(),
        " UNION ALL SELECT 't', t.group_id, '' FROM teachings t \
         JOIN school_groups g ON g.id = t.group_id \
         JOIN school_years y ON y.id = g.year_id AND y.starts_at = $2 \
         WHERE t.account_id = $1 \
         UNION ALL SELECT 'g', m.group_id, '' FROM memberships m \
         JOIN school_groups g ON g.id = m.group_id \
         JOIN school_years y ON y.id = g.year_id AND y.starts_at = $2 \
         WHERE m.account_id = $1"
    );
    CLOSE_SESSION = "DELETE FROM sessions WHERE token_hash = $1";
    CLOSE_SESSIONS_OF = "DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2";
    SESSION_INFO = concat!("SELECT ", session_info_columns!(), " FROM accounts a WHERE a.id = $1");
    PASSWORD_HASH = "SELECT password_hash FROM accounts WHERE id = $1";
    SET_PASSWORD = "UPDATE accounts SET password_hash = $1, must_change_password = $2 \
        WHERE id = $3";
    SET_LANG = "UPDATE accounts SET lang = $1 WHERE id = $2";
}

#[derive(sqlx::FromRow)]
struct SessionInfoRow {
    account: i64,
    username: String,
    first_name: String,
    last_name: String,
    lang: Code<Lang>,
    platform_admin: Flag,
    must_change_password: Flag,
    charter_accepted: Option<i64>,
    second_factors: Count,
}

impl From<SessionInfoRow> for SessionInfo {
    fn from(r: SessionInfoRow) -> Self {
        SessionInfo {
            account: AccountId::new(r.account),
            username: r.username,
            first_name: r.first_name,
            last_name: r.last_name,
            lang: r.lang.0,
            platform_admin: r.platform_admin.0,
            must_change_password: r.must_change_password.0,
            one_time_password_expires: None,
            charter_accepted: r.charter_accepted.map(CharterVersion::new),
            must_accept_charter: false,
            idle_seconds: 0,
            second_factor: r.second_factors.0 > 0,
            must_enrol_second_factor: false,
        }
    }
}

#[derive(sqlx::FromRow)]
struct SignedInRow {
    #[sqlx(flatten)]
    info: SessionInfoRow,
    current_charter: Option<i64>,
    last_seen: i64,
    public_id: String,
}

/// One fact of [`CALLER_FACTS`]: its kind, an id, and a profile code for roles.
#[derive(sqlx::FromRow)]
struct FactRow {
    fact: String,
    id: i64,
    code: String,
}

#[derive(sqlx::FromRow)]
struct CredentialsRow {
    id: i64,
    password_hash: String,
    must_change_password: Flag,
    password_set_at: i64,
}

/// A counter as `RETURNING failures, last_failure` gives it.
#[derive(sqlx::FromRow)]
struct FailuresRow {
    failures: Count,
    last_failure: i64,
}

impl From<FailuresRow> for Failures {
    fn from(r: FailuresRow) -> Self {
        Failures {
            count: r.failures.0,
            last: Timestamp::from_unix(r.last_failure),
        }
    }
}

#[derive(sqlx::FromRow)]
struct PairFailuresRow {
    #[sqlx(flatten)]
    failures: FailuresRow,
    succeeded_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct PasswordSetRow {
    password_set_at: i64,
}

#[derive(sqlx::FromRow)]
struct PasswordHashRow {
    password_hash: String,
}

/// Runs a counting upsert bound to (key, now, forget before) and reads the counter back.
async fn count_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    statement: super::sql::Statement,
    key: &str,
    now: Timestamp,
    forget_before: Timestamp,
) -> Result<Failures, StoreError> {
    let row: FailuresRow = statement
        .query_as()
        .bind(key)
        .bind(now.unix())
        .bind(forget_before.unix())
        .fetch_one(&mut **tx)
        .await
        .map_err(fail)?;
    Ok(row.into())
}

async fn count_address(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    address: &str,
    now: Timestamp,
) -> Result<Failures, StoreError> {
    count_in(
        tx,
        COUNT_ADDRESS,
        address,
        now,
        throttle::ADDRESS.forget_before(now),
    )
    .await
}

impl Db {
    /// Any typed name or address gets a row, so forgotten rows are swept to keep the tables
    /// small; run when a row was added or started again.
    async fn sweep_failures(&self, now: Timestamp) -> Result<(), StoreError> {
        SWEEP_NAME_FROM_ADDRESS
            .query()
            .bind(throttle::NAME_FROM_ADDRESS.forget_before(now).unix())
            .bind(now.plus_seconds(-throttle::KNOWN_ADDRESS_SECONDS).unix())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        for (statement, before) in [
            (SWEEP_NAMES, throttle::NAME.forget_before(now)),
            (SWEEP_ADDRESSES, throttle::ADDRESS.forget_before(now)),
        ] {
            statement
                .query()
                .bind(before.unix())
                .execute(&self.writer)
                .await
                .map_err(fail)?;
        }
        Ok(())
    }
}

pub(super) fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[async_trait]
impl Identity for Db {
    async fn credentials(&self, username: &Username) -> Result<Option<Credentials>, StoreError> {
        let row: Option<CredentialsRow> = CREDENTIALS
            .query_as()
            .bind(username.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| Credentials {
            account: AccountId::new(r.id),
            password_hash: r.password_hash,
            one_time_password_set: r
                .must_change_password
                .0
                .then(|| Timestamp::from_unix(r.password_set_at)),
        }))
    }

    async fn count_attempt(
        &self,
        username: &Username,
        address: &str,
        now: Timestamp,
    ) -> Result<NameAttempt, StoreError> {
        // One transaction: one write lock and one sync on SQLite for the three counters. Rows
        // are always taken in the same order, so two attempts never wait on each other in a
        // cycle on PostgreSQL.
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let pair: PairFailuresRow = COUNT_NAME_FROM_ADDRESS
            .query_as()
            .bind(username.as_str())
            .bind(address)
            .bind(now.unix())
            .bind(throttle::NAME_FROM_ADDRESS.forget_before(now).unix())
            .fetch_one(&mut *tx)
            .await
            .map_err(fail)?;
        let everywhere = count_in(
            &mut tx,
            COUNT_NAME,
            username.as_str(),
            now,
            throttle::NAME.forget_before(now),
        )
        .await?;
        let address = count_address(&mut tx, address, now).await?;
        tx.commit().await.map_err(fail)?;
        let attempt = NameAttempt {
            from_address: pair.failures.into(),
            everywhere,
            address,
            succeeded_from_address: pair.succeeded_at.map(Timestamp::from_unix),
        };
        if attempt.from_address.count == 1 || address.count == 1 {
            self.sweep_failures(now).await?;
        }
        Ok(attempt)
    }

    async fn count_malformed_attempt(
        &self,
        address: &str,
        now: Timestamp,
    ) -> Result<Failures, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let counted = count_address(&mut tx, address, now).await?;
        tx.commit().await.map_err(fail)?;
        if counted.count == 1 {
            self.sweep_failures(now).await?;
        }
        Ok(counted)
    }

    async fn attempt_failed(
        &self,
        username: Option<&Username>,
        address: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        if let Some(username) = username {
            FAILED_FROM_ADDRESS
                .query()
                .bind(now.unix())
                .bind(username.as_str())
                .bind(address)
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
            FAILED_NAME
                .query()
                .bind(now.unix())
                .bind(username.as_str())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        FAILED_ADDRESS
            .query()
            .bind(now.unix())
            .bind(address)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(())
    }

    async fn attempt_succeeded(
        &self,
        username: &Username,
        address: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        SUCCEEDED_FROM_ADDRESS
            .query()
            .bind(now.unix())
            .bind(username.as_str())
            .bind(address)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        FORGET_NAME
            .query()
            .bind(username.as_str())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        SUCCEEDED_ADDRESS
            .query()
            .bind(address)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(())
    }

    async fn set_one_time_password(
        &self,
        account: AccountId,
        hash: String,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        SET_ONE_TIME_PASSWORD
            .query()
            .bind(hash)
            .bind(flag(true))
            .bind(now.unix())
            .bind(account.get())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        for statement in [FORGET_ACCOUNT_NAME, CLEAR_ACCOUNT_FROM_ADDRESSES] {
            statement
                .query()
                .bind(account.get())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(())
    }

    async fn one_time_password_set(
        &self,
        account: AccountId,
    ) -> Result<Option<Timestamp>, StoreError> {
        let row: Option<PasswordSetRow> = ONE_TIME_PASSWORD_SET
            .query_as()
            .bind(account.get())
            .bind(flag(true))
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| Timestamp::from_unix(r.password_set_at)))
    }

    async fn open_session(
        &self,
        account: AccountId,
        now: Timestamp,
        expires: Timestamp,
        ip: &str,
        user_agent: &str,
    ) -> Result<String, StoreError> {
        let token = new_token();
        DELETE_ENDED_SESSIONS
            .query()
            .bind(account.get())
            .bind(now.unix())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        // The id the browser may see is random too, unrelated to the token.
        let public_id = &new_token()[..22];
        OPEN_SESSION
            .query()
            .bind(token_hash(&token))
            .bind(account.get())
            .bind(now.unix())
            .bind(expires.unix())
            .bind(ip)
            .bind(public_id)
            .bind(user_agent)
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(token)
    }

    async fn signed_in(
        &self,
        token: &str,
        now: Timestamp,
        idle: IdleLimit,
    ) -> Result<Option<SignedIn>, StoreError> {
        let hash = token_hash(token);
        let Some(r) = SIGNED_IN
            .query_as::<SignedInRow>()
            .bind(&hash)
            .bind(now.unix())
            .bind(idle.oldest_live(now).unix())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        let info = SessionInfo::from(r.info);
        let account = info.account;
        let last_seen = Timestamp::from_unix(r.last_seen);
        // Written at most once per `touch_every`: the hot path stays a read.
        if idle.needs_touch(last_seen, now) {
            super::account::TOUCH
                .query()
                .bind(now.unix())
                .bind(&hash)
                .execute(&self.writer)
                .await
                .map_err(fail)?;
        }
        let facts: Vec<FactRow> = CALLER_FACTS
            .query_as()
            .bind(account.get())
            .bind(SchoolYear::at(now).starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let mut caller = Caller {
            account,
            platform_admin: info.platform_admin,
            roles: vec![],
            children: vec![],
            teaches: vec![],
            groups: vec![],
        };
        for f in facts {
            match f.fact.as_str() {
                "r" => caller.roles.push(Role {
                    school: SchoolId::new(f.id),
                    profile: parse::<Profile>("roles.profile", &f.code)?,
                }),
                "c" => caller.children.push(AccountId::new(f.id)),
                "t" => caller.teaches.push(GroupId::new(f.id)),
                "g" => caller.groups.push(GroupId::new(f.id)),
                other => return Err(corrupt("a caller's fact", other)),
            }
        }
        Ok(Some(SignedIn {
            info,
            current_charter: r.current_charter.map(CharterVersion::new),
            caller,
            session_id: r.public_id,
        }))
    }

    async fn close_session(&self, token: &str) -> Result<(), StoreError> {
        CLOSE_SESSION
            .query()
            .bind(token_hash(token))
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn close_sessions_of(
        &self,
        account: AccountId,
        keep: Option<&str>,
    ) -> Result<(), StoreError> {
        // No session to keep: an empty hash, which no session has.
        CLOSE_SESSIONS_OF
            .query()
            .bind(account.get())
            .bind(keep.map(token_hash).unwrap_or_default())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn session_info(&self, account: AccountId) -> Result<Option<SessionInfo>, StoreError> {
        let row: Option<SessionInfoRow> = SESSION_INFO
            .query_as()
            .bind(account.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(SessionInfo::from))
    }

    async fn password_hash(&self, account: AccountId) -> Result<Option<String>, StoreError> {
        let row: Option<PasswordHashRow> = PASSWORD_HASH
            .query_as()
            .bind(account.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| r.password_hash))
    }

    async fn set_password(
        &self,
        account: AccountId,
        hash: String,
        must_change: bool,
    ) -> Result<(), StoreError> {
        SET_PASSWORD
            .query()
            .bind(hash)
            .bind(flag(must_change))
            .bind(account.get())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn set_lang(&self, account: AccountId, lang: Lang) -> Result<(), StoreError> {
        SET_LANG
            .query()
            .bind(lang.tag())
            .bind(account.get())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }
}

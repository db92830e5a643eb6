//! One's sessions (list, end, keep alive) and two-factor sign-in (secrets, recovery codes,
//! pending sign-ins).

use super::auth::{new_token, token_hash};
use super::decode::{Code, Count, Flag, flag};
use super::sql::statements;
use super::{Db, fail};
use app::ports::{OpenSession, PendingSignIn, SecondFactor, SecondFactors, Sessions, StoreError};
use async_trait::async_trait;
use domain::auth::session::IdleLimit;
use domain::auth::throttle::{Failures, SECOND_FACTOR};
use domain::ids::AccountId;
use domain::lang::Lang;
use domain::profile::Profile;
use domain::time::Timestamp;

statements! {
    /// A session's last use, written only forwards.
    TOUCH = "UPDATE sessions SET last_seen = $1 WHERE token_hash = $2 AND last_seen < $1";
    SESSIONS_OF = "SELECT public_id, created_at, last_seen, ip, user_agent FROM sessions \
        WHERE account_id = $1 AND expires_at > $2 AND last_seen >= $3 \
        ORDER BY last_seen DESC, created_at DESC";
    END_SESSION = "DELETE FROM sessions WHERE account_id = $1 AND public_id = $2";
    SECOND_FACTOR_OF = "SELECT secret, confirmed FROM second_factors WHERE account_id = $1";
    BEGIN_SECOND_FACTOR = "INSERT INTO second_factors (account_id, secret, confirmed, created_at) \
        VALUES ($1, $2, 0, $3) \
        ON CONFLICT (account_id) DO UPDATE SET secret = excluded.secret, \
        created_at = excluded.created_at, last_step = -1 \
        WHERE second_factors.confirmed = 0";
    CONFIRM_SECOND_FACTOR = "UPDATE second_factors SET confirmed = $1, last_step = $2 \
        WHERE account_id = $3 AND confirmed = 0";
    DELETE_RECOVERY_CODES = "DELETE FROM recovery_codes WHERE account_id = $1";
    ADD_RECOVERY_CODE = "INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2)";
    DELETE_SECOND_FACTOR = "DELETE FROM second_factors WHERE account_id = $1";
    DELETE_PENDING_OF = "DELETE FROM pending_sign_ins WHERE account_id = $1";
    /// One statement: parallel attempts each see the count of the ones before them. Failures
    /// older than the throttle's memory start the count again.
    COUNT_CODE_ATTEMPT = "UPDATE second_factors SET previous_failure = last_failure, \
        failures = CASE WHEN last_failure <= $2 THEN 1 ELSE failures + 1 END, \
        last_failure = $3 WHERE account_id = $1 RETURNING failures, previous_failure";
    CLEAR_CODE_ATTEMPTS = "UPDATE second_factors SET failures = 0 WHERE account_id = $1";
    USE_STEP = "UPDATE second_factors SET last_step = $1 \
        WHERE account_id = $2 AND confirmed = 1 AND last_step < $1";
    USE_RECOVERY_CODE = "DELETE FROM recovery_codes WHERE account_id = $1 AND code_hash = $2";
    RECOVERY_CODES_LEFT = "SELECT COUNT(*) AS codes FROM recovery_codes WHERE account_id = $1";
    /// Pending sign-ins that ran out go when their account signs in again.
    DELETE_ENDED_PENDING = "DELETE FROM pending_sign_ins WHERE account_id = $1 AND expires_at <= $2";
    OPEN_PENDING = "INSERT INTO pending_sign_ins (token_hash, account_id, expires_at, lang) \
        VALUES ($1, $2, $3, $4)";
    PENDING = "SELECT account_id, lang FROM pending_sign_ins \
        WHERE token_hash = $1 AND expires_at > $2";
    CLOSE_PENDING = "DELETE FROM pending_sign_ins WHERE token_hash = $1";
    IS_ADMINISTRATOR = "SELECT a.platform_admin AS platform_admin, (SELECT COUNT(*) FROM roles r \
        WHERE r.account_id = a.id AND r.profile = $2) AS admin_roles FROM accounts a WHERE a.id = $1";
}

#[derive(sqlx::FromRow)]
struct OpenSessionRow {
    public_id: String,
    created_at: i64,
    last_seen: i64,
    ip: String,
    user_agent: String,
}

#[derive(sqlx::FromRow)]
struct SecondFactorRow {
    secret: String,
    confirmed: Flag,
}

#[derive(sqlx::FromRow)]
struct CodeAttemptRow {
    failures: Count,
    previous_failure: i64,
}

#[derive(sqlx::FromRow)]
struct CodesRow {
    codes: Count,
}

#[derive(sqlx::FromRow)]
struct PendingRow {
    account_id: i64,
    lang: Option<Code<Lang>>,
}

#[derive(sqlx::FromRow)]
struct AdministratorRow {
    platform_admin: Flag,
    admin_roles: Count,
}

#[async_trait]
impl Sessions for Db {
    async fn touch_session(&self, token: &str, now: Timestamp) -> Result<(), StoreError> {
        TOUCH
            .query()
            .bind(now.unix())
            .bind(token_hash(token))
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn sessions_of(
        &self,
        account: AccountId,
        now: Timestamp,
        idle: IdleLimit,
    ) -> Result<Vec<OpenSession>, StoreError> {
        let rows: Vec<OpenSessionRow> = SESSIONS_OF
            .query_as()
            .bind(account.get())
            .bind(now.unix())
            .bind(idle.oldest_live(now).unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| OpenSession {
                public_id: r.public_id,
                created: Timestamp::from_unix(r.created_at),
                last_seen: Timestamp::from_unix(r.last_seen),
                ip: r.ip,
                user_agent: r.user_agent,
            })
            .collect())
    }

    async fn end_session(&self, account: AccountId, public_id: &str) -> Result<bool, StoreError> {
        let done = END_SESSION
            .query()
            .bind(account.get())
            .bind(public_id)
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(done.rows_affected() == 1)
    }
}

/// Recovery codes carry 50 random bits and are used once: a SHA-256 suffices (no slow hash),
/// salted with the account so equal codes of two accounts differ.
fn recovery_hash(account: AccountId, code: &str) -> String {
    token_hash(&format!("{}:{code}", account.get()))
}

#[async_trait]
impl SecondFactors for Db {
    async fn second_factor(&self, account: AccountId) -> Result<Option<SecondFactor>, StoreError> {
        let row: Option<SecondFactorRow> = SECOND_FACTOR_OF
            .query_as()
            .bind(account.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| SecondFactor {
            secret: r.secret,
            confirmed: r.confirmed.0,
        }))
    }

    async fn begin_second_factor(
        &self,
        account: AccountId,
        secret: &str,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let done = BEGIN_SECOND_FACTOR
            .query()
            .bind(account.get())
            .bind(secret)
            .bind(now.unix())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(done.rows_affected() == 1)
    }

    async fn confirm_second_factor(
        &self,
        account: AccountId,
        step: u64,
        recovery_codes: &[String],
    ) -> Result<bool, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let done = CONFIRM_SECOND_FACTOR
            .query()
            .bind(flag(true))
            .bind(i64::try_from(step).unwrap_or(i64::MAX))
            .bind(account.get())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        DELETE_RECOVERY_CODES
            .query()
            .bind(account.get())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        for code in recovery_codes {
            let normalised: String = code.chars().filter(|c| *c != '-').collect();
            ADD_RECOVERY_CODE
                .query()
                .bind(account.get())
                .bind(recovery_hash(account, &normalised))
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(true)
    }

    async fn remove_second_factor(&self, account: AccountId) -> Result<(), StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        for statement in [
            DELETE_SECOND_FACTOR,
            DELETE_RECOVERY_CODES,
            DELETE_PENDING_OF,
        ] {
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

    async fn count_code_attempt(
        &self,
        account: AccountId,
        now: Timestamp,
    ) -> Result<Option<Failures>, StoreError> {
        let row: Option<CodeAttemptRow> = COUNT_CODE_ATTEMPT
            .query_as()
            .bind(account.get())
            .bind(SECOND_FACTOR.forget_before(now).unix())
            .bind(now.unix())
            .fetch_optional(&self.writer)
            .await
            .map_err(fail)?;
        // This attempt included; locks run from the attempt before it.
        Ok(row.map(|r| Failures {
            count: r.failures.0,
            last: Timestamp::from_unix(r.previous_failure),
        }))
    }

    async fn clear_code_attempts(&self, account: AccountId) -> Result<(), StoreError> {
        CLEAR_CODE_ATTEMPTS
            .query()
            .bind(account.get())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn use_step(&self, account: AccountId, step: u64) -> Result<bool, StoreError> {
        let step = i64::try_from(step).unwrap_or(i64::MAX);
        let done = USE_STEP
            .query()
            .bind(step)
            .bind(account.get())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(done.rows_affected() == 1)
    }

    async fn use_recovery_code(&self, account: AccountId, code: &str) -> Result<bool, StoreError> {
        let done = USE_RECOVERY_CODE
            .query()
            .bind(account.get())
            .bind(recovery_hash(account, code))
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(done.rows_affected() == 1)
    }

    async fn recovery_codes_left(&self, account: AccountId) -> Result<u32, StoreError> {
        let row: CodesRow = RECOVERY_CODES_LEFT
            .query_as()
            .bind(account.get())
            .fetch_one(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.codes.0)
    }

    async fn open_pending(
        &self,
        account: AccountId,
        lang: Option<Lang>,
        expires: Timestamp,
    ) -> Result<String, StoreError> {
        let token = new_token();
        DELETE_ENDED_PENDING
            .query()
            .bind(account.get())
            .bind(expires.unix() - domain::auth::second_factor::PENDING_SECONDS)
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        OPEN_PENDING
            .query()
            .bind(token_hash(&token))
            .bind(account.get())
            .bind(expires.unix())
            .bind(lang.map(|l| l.tag().to_owned()))
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(token)
    }

    async fn pending(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<Option<PendingSignIn>, StoreError> {
        let row: Option<PendingRow> = PENDING
            .query_as()
            .bind(token_hash(token))
            .bind(now.unix())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| PendingSignIn {
            account: AccountId::new(r.account_id),
            lang: r.lang.map(|l| l.0),
        }))
    }

    async fn close_pending(&self, token: &str) -> Result<bool, StoreError> {
        let done = CLOSE_PENDING
            .query()
            .bind(token_hash(token))
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(done.rows_affected() == 1)
    }

    async fn is_administrator(&self, account: AccountId) -> Result<bool, StoreError> {
        let row: Option<AdministratorRow> = IS_ADMINISTRATOR
            .query_as()
            .bind(account.get())
            .bind(Profile::SchoolAdmin.code())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.is_some_and(|r| r.platform_admin.0 || r.admin_roles.0 > 0))
    }
}

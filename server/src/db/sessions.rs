//! One's sessions (list, end, keep alive) and two-factor sign-in (secrets, recovery codes,
//! pending sign-ins).

use super::identity::{new_token, token_hash};
use super::{Db, fail, flag, is_set};
use app::ports::{OpenSession, PendingSignIn, SecondFactor, SecondFactors, Sessions, StoreError};
use async_trait::async_trait;
use domain::ids::AccountId;
use domain::lang::Lang;
use domain::profile::Profile;
use domain::session::IdleLimit;
use domain::throttle::{Failures, SECOND_FACTOR};
use domain::time::Timestamp;
use sqlx::Row;

#[async_trait]
impl Sessions for Db {
    async fn touch_session(&self, token: &str, now: Timestamp) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2 AND last_seen < $1")
            .bind(now.unix())
            .bind(token_hash(token))
            .execute(&self.pool)
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
        let rows = sqlx::query(
            "SELECT public_id, created_at, last_seen, ip, user_agent FROM sessions \
             WHERE account_id = $1 AND expires_at > $2 AND last_seen >= $3 \
             ORDER BY last_seen DESC, created_at DESC",
        )
        .bind(account.get())
        .bind(now.unix())
        .bind(idle.oldest_live(now).unix())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        Ok(rows
            .iter()
            .map(|r| OpenSession {
                public_id: r.get(0),
                created: Timestamp::from_unix(r.get(1)),
                last_seen: Timestamp::from_unix(r.get(2)),
                ip: r.get(3),
                user_agent: r.get(4),
            })
            .collect())
    }

    async fn end_session(&self, account: AccountId, public_id: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND public_id = $2")
            .bind(account.get())
            .bind(public_id)
            .execute(&self.pool)
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
        let row = sqlx::query("SELECT secret, confirmed FROM second_factors WHERE account_id = $1")
            .bind(account.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| SecondFactor {
            secret: r.get(0),
            confirmed: is_set(&r, 1),
        }))
    }

    async fn begin_second_factor(
        &self,
        account: AccountId,
        secret: &str,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO second_factors (account_id, secret, confirmed, created_at) \
             VALUES ($1, $2, 0, $3) \
             ON CONFLICT (account_id) DO UPDATE SET secret = excluded.secret, \
             created_at = excluded.created_at, last_step = -1 \
             WHERE second_factors.confirmed = 0",
        )
        .bind(account.get())
        .bind(secret)
        .bind(now.unix())
        .execute(&self.pool)
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
        let mut tx = self.pool.begin().await.map_err(fail)?;
        let done = sqlx::query(
            "UPDATE second_factors SET confirmed = $1, last_step = $2 \
             WHERE account_id = $3 AND confirmed = 0",
        )
        .bind(flag(true))
        .bind(i64::try_from(step).unwrap_or(i64::MAX))
        .bind(account.get())
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1")
            .bind(account.get())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        for code in recovery_codes {
            let normalised: String = code.chars().filter(|c| *c != '-').collect();
            sqlx::query("INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2)")
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
        let mut tx = self.pool.begin().await.map_err(fail)?;
        for sql in [
            "DELETE FROM second_factors WHERE account_id = $1",
            "DELETE FROM recovery_codes WHERE account_id = $1",
            "DELETE FROM pending_sign_ins WHERE account_id = $1",
        ] {
            sqlx::query(sql)
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
        // One statement: parallel attempts each see the count of the ones before them. Failures
        // older than the throttle's memory start the count again.
        let row = sqlx::query(
            "UPDATE second_factors SET previous_failure = last_failure, \
             failures = CASE WHEN last_failure <= $2 THEN 1 ELSE failures + 1 END, \
             last_failure = $3 WHERE account_id = $1 RETURNING failures, previous_failure",
        )
        .bind(account.get())
        .bind(SECOND_FACTOR.forget_before(now).unix())
        .bind(now.unix())
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        // This attempt included; locks run from the attempt before it.
        Ok(row.map(|r| Failures {
            count: u32::try_from(r.get::<i64, _>(0)).unwrap_or(u32::MAX),
            last: Timestamp::from_unix(r.get(1)),
        }))
    }

    async fn clear_code_attempts(&self, account: AccountId) -> Result<(), StoreError> {
        sqlx::query("UPDATE second_factors SET failures = 0 WHERE account_id = $1")
            .bind(account.get())
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn use_step(&self, account: AccountId, step: u64) -> Result<bool, StoreError> {
        let step = i64::try_from(step).unwrap_or(i64::MAX);
        let done = sqlx::query(
            "UPDATE second_factors SET last_step = $1 \
             WHERE account_id = $2 AND confirmed = 1 AND last_step < $1",
        )
        .bind(step)
        .bind(account.get())
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(done.rows_affected() == 1)
    }

    async fn use_recovery_code(&self, account: AccountId, code: &str) -> Result<bool, StoreError> {
        let done =
            sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1 AND code_hash = $2")
                .bind(account.get())
                .bind(recovery_hash(account, code))
                .execute(&self.pool)
                .await
                .map_err(fail)?;
        Ok(done.rows_affected() == 1)
    }

    async fn recovery_codes_left(&self, account: AccountId) -> Result<u32, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1")
            .bind(account.get())
            .fetch_one(&self.pool)
            .await
            .map_err(fail)?;
        Ok(u32::try_from(row.get::<i64, _>(0)).unwrap_or(0))
    }

    async fn open_pending(
        &self,
        account: AccountId,
        lang: Option<Lang>,
        expires: Timestamp,
    ) -> Result<String, StoreError> {
        let token = new_token();
        // Pending sign-ins that ran out go when their account signs in again.
        sqlx::query("DELETE FROM pending_sign_ins WHERE account_id = $1 AND expires_at <= $2")
            .bind(account.get())
            .bind(expires.unix() - domain::second_factor::PENDING_SECONDS)
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        sqlx::query(
            "INSERT INTO pending_sign_ins (token_hash, account_id, expires_at, lang) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash(&token))
        .bind(account.get())
        .bind(expires.unix())
        .bind(lang.map(|l| l.tag().to_owned()))
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(token)
    }

    async fn pending(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<Option<PendingSignIn>, StoreError> {
        let row = sqlx::query(
            "SELECT account_id, lang FROM pending_sign_ins WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash(token))
        .bind(now.unix())
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        Ok(row.map(|r| PendingSignIn {
            account: AccountId::new(r.get(0)),
            lang: r
                .get::<Option<String>, _>(1)
                .and_then(|l| l.parse::<Lang>().ok()),
        }))
    }

    async fn close_pending(&self, token: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM pending_sign_ins WHERE token_hash = $1")
            .bind(token_hash(token))
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(done.rows_affected() == 1)
    }

    async fn is_administrator(&self, account: AccountId) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT a.platform_admin, (SELECT COUNT(*) FROM roles r \
             WHERE r.account_id = a.id AND r.profile = $2) FROM accounts a WHERE a.id = $1",
        )
        .bind(account.get())
        .bind(Profile::SchoolAdmin.code())
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        Ok(row.is_some_and(|r| is_set(&r, 0) || r.get::<i64, _>(1) > 0))
    }
}

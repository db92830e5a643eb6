//! Accounts as sign-in sees them, sessions and failed attempts.

use super::{Db, fail, flag, is_set};
use app::api::auth::SessionInfo;
use app::ports::{Credentials, Identity, SignedIn, StoreError};
use async_trait::async_trait;
use base64::Engine;
use domain::account::Username;
use domain::authz::Caller;
use domain::charter::CharterVersion;
use domain::ids::{AccountId, GroupId, SchoolId};
use domain::lang::Lang;
use domain::profile::Role;
use domain::session::IdleLimit;
use domain::throttle::{self, Failures, NameAttempt};
use domain::time::Timestamp;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::Row;

/// Only this hash of a session token is stored: a stolen database opens no session.
pub(super) fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The columns [`session_info`] reads, first in a query over `accounts a`.
macro_rules! session_info_columns {
    () => {
        "a.id, a.username, a.first_name, a.last_name, a.lang, a.platform_admin, \
         a.must_change_password, a.charter_accepted, \
         (SELECT COUNT(*) FROM second_factors f WHERE f.account_id = a.id AND f.confirmed = 1)"
    };
}

/// An account as its session shows it, from the [`session_info_columns`] of a row.
fn session_info(r: &sqlx::any::AnyRow) -> SessionInfo {
    SessionInfo {
        account: AccountId::new(r.get(0)),
        username: r.get(1),
        first_name: r.get(2),
        last_name: r.get(3),
        lang: r.get::<String, _>(4).parse().unwrap_or(Lang::Fr),
        platform_admin: is_set(r, 5),
        must_change_password: is_set(r, 6),
        one_time_password_expires: None,
        charter_accepted: r.get::<Option<i64>, _>(7).map(CharterVersion::new),
        must_accept_charter: false,
        idle_seconds: 0,
        second_factor: is_set(r, 8),
        must_enrol_second_factor: false,
    }
}

/// A counter as `RETURNING failures, last_failure` gives it.
fn failures(r: &sqlx::any::AnyRow) -> Failures {
    Failures {
        count: u32::try_from(r.get::<i64, _>(0)).unwrap_or(u32::MAX),
        last: Timestamp::from_unix(r.get(1)),
    }
}

/// Runs a counting upsert bound to (key, now, forget before) and reads the counter back.
async fn count_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    sql: &'static str,
    key: &str,
    now: Timestamp,
    forget_before: Timestamp,
) -> Result<Failures, StoreError> {
    let row = sqlx::query(sql)
        .bind(key)
        .bind(now.unix())
        .bind(forget_before.unix())
        .fetch_one(&mut **tx)
        .await
        .map_err(fail)?;
    Ok(failures(&row))
}

async fn count_address(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    address: &str,
    now: Timestamp,
) -> Result<Failures, StoreError> {
    count_in(
        tx,
        "INSERT INTO address_failures (address, failures, last_failure) VALUES ($1, 1, $2) \
         ON CONFLICT (address) DO UPDATE SET \
         failures = CASE WHEN address_failures.last_failure < $3 THEN 1 \
                    ELSE address_failures.failures + 1 END, \
         last_failure = CASE WHEN address_failures.last_failure < $3 THEN $2 \
                        ELSE address_failures.last_failure END \
         RETURNING failures, last_failure",
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
        sqlx::query(
            "DELETE FROM login_failures_from WHERE last_failure < $1 \
             AND (succeeded_at IS NULL OR succeeded_at < $2)",
        )
        .bind(throttle::NAME_FROM_ADDRESS.forget_before(now).unix())
        .bind(now.plus_seconds(-throttle::KNOWN_ADDRESS_SECONDS).unix())
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        for (sql, before) in [
            (
                "DELETE FROM login_failures WHERE last_failure < $1",
                throttle::NAME.forget_before(now),
            ),
            (
                "DELETE FROM address_failures WHERE last_failure < $1",
                throttle::ADDRESS.forget_before(now),
            ),
        ] {
            sqlx::query(sql)
                .bind(before.unix())
                .execute(&self.pool)
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
        let row = sqlx::query(
            "SELECT id, password_hash, must_change_password, \
             COALESCE(password_set_at, created_at) FROM accounts WHERE username = $1",
        )
        .bind(username.as_str())
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        Ok(row.map(|r| Credentials {
            account: AccountId::new(r.get(0)),
            password_hash: r.get(1),
            one_time_password_set: is_set(&r, 2).then(|| Timestamp::from_unix(r.get(3))),
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
        let mut tx = self.pool.begin().await.map_err(fail)?;
        let pair = sqlx::query(
            "INSERT INTO login_failures_from (username, address, failures, last_failure) \
             VALUES ($1, $2, 1, $3) ON CONFLICT (username, address) DO UPDATE SET \
             failures = CASE WHEN login_failures_from.last_failure < $4 THEN 1 \
                        ELSE login_failures_from.failures + 1 END, \
             last_failure = CASE WHEN login_failures_from.last_failure < $4 THEN $3 \
                            ELSE login_failures_from.last_failure END \
             RETURNING failures, last_failure, succeeded_at",
        )
        .bind(username.as_str())
        .bind(address)
        .bind(now.unix())
        .bind(throttle::NAME_FROM_ADDRESS.forget_before(now).unix())
        .fetch_one(&mut *tx)
        .await
        .map_err(fail)?;
        let everywhere = count_in(
            &mut tx,
            "INSERT INTO login_failures (username, failures, last_failure) VALUES ($1, 1, $2) \
             ON CONFLICT (username) DO UPDATE SET \
             failures = CASE WHEN login_failures.last_failure < $3 THEN 1 \
                        ELSE login_failures.failures + 1 END, \
             last_failure = CASE WHEN login_failures.last_failure < $3 THEN $2 \
                            ELSE login_failures.last_failure END \
             RETURNING failures, last_failure",
            username.as_str(),
            now,
            throttle::NAME.forget_before(now),
        )
        .await?;
        let address = count_address(&mut tx, address, now).await?;
        tx.commit().await.map_err(fail)?;
        let attempt = NameAttempt {
            from_address: failures(&pair),
            everywhere,
            address,
            succeeded_from_address: pair.get::<Option<i64>, _>(2).map(Timestamp::from_unix),
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
        let mut tx = self.pool.begin().await.map_err(fail)?;
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
        let mut tx = self.pool.begin().await.map_err(fail)?;
        if let Some(username) = username {
            sqlx::query(
                "UPDATE login_failures_from SET last_failure = $1 \
                 WHERE username = $2 AND address = $3",
            )
            .bind(now.unix())
            .bind(username.as_str())
            .bind(address)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
            sqlx::query("UPDATE login_failures SET last_failure = $1 WHERE username = $2")
                .bind(now.unix())
                .bind(username.as_str())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        sqlx::query("UPDATE address_failures SET last_failure = $1 WHERE address = $2")
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
        let mut tx = self.pool.begin().await.map_err(fail)?;
        sqlx::query(
            "UPDATE login_failures_from SET failures = 0, last_failure = $1, succeeded_at = $1 \
             WHERE username = $2 AND address = $3",
        )
        .bind(now.unix())
        .bind(username.as_str())
        .bind(address)
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        sqlx::query("DELETE FROM login_failures WHERE username = $1")
            .bind(username.as_str())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        // Only this attempt is taken back: someone with an account of their own cannot wipe
        // out the failures of an address by signing in between guesses.
        sqlx::query(
            "UPDATE address_failures SET failures = failures - 1 \
             WHERE address = $1 AND failures > 0",
        )
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
        let mut tx = self.pool.begin().await.map_err(fail)?;
        sqlx::query(
            "UPDATE accounts SET password_hash = $1, must_change_password = $2, \
             password_set_at = $3 WHERE id = $4",
        )
        .bind(hash)
        .bind(flag(true))
        .bind(now.unix())
        .bind(account.get())
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        // The addresses the person signed in from stay known.
        for sql in [
            "DELETE FROM login_failures WHERE username = \
             (SELECT username FROM accounts WHERE id = $1)",
            "UPDATE login_failures_from SET failures = 0 WHERE username = \
             (SELECT username FROM accounts WHERE id = $1)",
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

    async fn one_time_password_set(
        &self,
        account: AccountId,
    ) -> Result<Option<Timestamp>, StoreError> {
        let row = sqlx::query(
            "SELECT COALESCE(password_set_at, created_at) FROM accounts \
             WHERE id = $1 AND must_change_password = $2",
        )
        .bind(account.get())
        .bind(flag(true))
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        Ok(row.map(|r| Timestamp::from_unix(r.get(0))))
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
        // Sessions that ran out are removed when their owner signs in again.
        sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND expires_at <= $2")
            .bind(account.get())
            .bind(now.unix())
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        // The id the browser may see is random too, unrelated to the token.
        let public_id = &new_token()[..22];
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at, ip, \
             last_seen, public_id, user_agent) VALUES ($1, $2, $3, $4, $5, $3, $6, $7)",
        )
        .bind(token_hash(&token))
        .bind(account.get())
        .bind(now.unix())
        .bind(expires.unix())
        .bind(ip)
        .bind(public_id)
        .bind(user_agent)
        .execute(&self.pool)
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
        let Some(r) = sqlx::query(concat!(
            "SELECT ",
            session_info_columns!(),
            ", (SELECT MAX(version) FROM charters), s.last_seen, s.public_id \
                 FROM sessions s JOIN accounts a ON a.id = s.account_id \
                 WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen >= $3"
        ))
        .bind(&hash)
        .bind(now.unix())
        .bind(idle.oldest_live(now).unix())
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?
        else {
            return Ok(None);
        };
        let info = session_info(&r);
        let account = info.account;
        let current_charter = r.get::<Option<i64>, _>(9).map(CharterVersion::new);
        let last_seen = Timestamp::from_unix(r.get(10));
        let session_id: String = r.get(11);
        // Written at most once per `touch_every`: the hot path stays a read.
        if idle.needs_touch(last_seen, now) {
            sqlx::query(
                "UPDATE sessions SET last_seen = $1 WHERE token_hash = $2 AND last_seen < $1",
            )
            .bind(now.unix())
            .bind(&hash)
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        }
        // Roles, children and classes taught in one statement: 'r'ole, 'c'hild, 't'eaching.
        // Only links that count, and only this year's classes: a withdrawn parent or last
        // year's teacher is granted nothing by what stays in the tables.
        let facts = sqlx::query(concat!(
            "SELECT 'r', school_id, profile FROM roles WHERE account_id = $1 \
             UNION ALL SELECT 'c', l.child_id, '' FROM parent_links l WHERE l.parent_id = $1 AND ",
            link_counts!(),
            " UNION ALL SELECT 't', t.group_id, '' FROM teachings t \
             JOIN school_groups g ON g.id = t.group_id \
             JOIN school_years y ON y.id = g.year_id AND y.is_current = 1 \
             WHERE t.account_id = $1"
        ))
        .bind(account.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        let mut caller = Caller {
            account,
            platform_admin: info.platform_admin,
            roles: vec![],
            children: vec![],
            teaches: vec![],
        };
        for f in &facts {
            let id: i64 = f.get(1);
            match f.get::<String, _>(0).as_str() {
                "r" => {
                    if let Ok(profile) = f.get::<String, _>(2).parse() {
                        caller.roles.push(Role {
                            school: SchoolId::new(id),
                            profile,
                        });
                    }
                }
                "c" => caller.children.push(AccountId::new(id)),
                _ => caller.teaches.push(GroupId::new(id)),
            }
        }
        Ok(Some(SignedIn {
            info,
            current_charter,
            caller,
            session_id,
        }))
    }

    async fn close_session(&self, token: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash(token))
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn close_sessions_of(
        &self,
        account: AccountId,
        keep: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
            .bind(account.get())
            .bind(keep.map(token_hash).unwrap_or_default())
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn session_info(&self, account: AccountId) -> Result<Option<SessionInfo>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            session_info_columns!(),
            " FROM accounts a WHERE a.id = $1"
        ))
        .bind(account.get())
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        Ok(row.map(|r| session_info(&r)))
    }

    async fn password_hash(&self, account: AccountId) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT password_hash FROM accounts WHERE id = $1")
            .bind(account.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| r.get(0)))
    }

    async fn set_password(
        &self,
        account: AccountId,
        hash: String,
        must_change: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE accounts SET password_hash = $1, must_change_password = $2 WHERE id = $3",
        )
        .bind(hash)
        .bind(flag(must_change))
        .bind(account.get())
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    async fn set_lang(&self, account: AccountId, lang: Lang) -> Result<(), StoreError> {
        sqlx::query("UPDATE accounts SET lang = $1 WHERE id = $2")
            .bind(lang.tag())
            .bind(account.get())
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }
}

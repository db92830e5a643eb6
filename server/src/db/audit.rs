//! The audit trail.

use super::{Db, fail};
use app::api::audit::AuditEntry;
use app::ports::{AuditEvent, AuditLog, StoreError};
use async_trait::async_trait;
use domain::ids::{AccountId, SchoolId};
use domain::time::Timestamp;
use sqlx::Row;

#[async_trait]
impl AuditLog for Db {
    async fn record(&self, e: AuditEvent) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit_log (at, kind, account_id, username, school_id, ip, detail) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(e.at.unix())
        .bind(e.kind.code())
        .bind(e.account.map(AccountId::get))
        .bind(e.username)
        .bind(e.school.map(SchoolId::get))
        .bind(e.ip)
        .bind(e.detail)
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    async fn audit_entries(
        &self,
        school: Option<SchoolId>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        // A school's trail: what happened in it, and what its people did anywhere.
        let query = match school {
            Some(s) => sqlx::query(
                "SELECT at, kind, account_id, username, ip, detail FROM audit_log \
                 WHERE school_id = $1 OR account_id IN (SELECT account_id FROM roles WHERE school_id = $1) \
                 ORDER BY id DESC LIMIT $2",
            )
            .bind(s.get())
            .bind(limit),
            None => sqlx::query(
                "SELECT at, kind, account_id, username, ip, detail FROM audit_log \
                 ORDER BY id DESC LIMIT $1",
            )
            .bind(limit),
        };
        let rows = query.fetch_all(&self.pool).await.map_err(fail)?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                Some(AuditEntry {
                    at: Timestamp::from_unix(r.get(0)),
                    kind: r.get::<String, _>(1).parse().ok()?,
                    account: r.get::<Option<i64>, _>(2).map(AccountId::new),
                    username: r.get(3),
                    ip: r.get(4),
                    detail: r.get(5),
                })
            })
            .collect())
    }
}

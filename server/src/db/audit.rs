//! The audit trail.

use super::{Db, fail};
use app::api::audit::{AuditEntry, AuditFilter};
use app::ports::{AuditEvent, AuditLog, StoreError};
use async_trait::async_trait;
use domain::audit::count_key;
use domain::ids::{AccountId, SchoolId};
use domain::time::Timestamp;
use sqlx::Row;

/// A value a filter binds, in placeholder order.
enum Bound {
    Int(i64),
    Text(String),
}

#[async_trait]
impl AuditLog for Db {
    async fn record(&self, e: AuditEvent) -> Result<(), StoreError> {
        let key = count_key(e.kind, e.account, e.school, &e.detail, e.at);
        // One statement, so concurrent repetitions on any number of servers all count.
        sqlx::query(
            "INSERT INTO audit_log (at, kind, account_id, username, school_id, ip, detail, count, count_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) \
             ON CONFLICT (count_key) DO UPDATE SET count = audit_log.count + 1",
        )
        .bind(e.at.unix())
        .bind(e.kind.code())
        .bind(e.account.map(AccountId::get))
        .bind(e.username)
        .bind(e.school.map(SchoolId::get))
        .bind(e.ip)
        .bind(e.detail)
        .bind(key)
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    async fn audit_entries(
        &self,
        school: Option<SchoolId>,
        filter: &AuditFilter,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        // A school's trail is what happened in it: what its people did elsewhere is another
        // school's business (and their address there is not this school's to know).
        let mut conditions = Vec::new();
        let mut values = Vec::new();
        let mut condition = |sql: &str, value: Bound| {
            values.push(value);
            conditions.push(sql.replace('?', &format!("${}", values.len())));
        };
        if let Some(s) = school {
            condition("a.school_id = ?", Bound::Int(s.get()));
        }
        if let Some(kind) = filter.kind {
            condition("a.kind = ?", Bound::Text(kind.code().to_owned()));
        }
        if let Some(login) = &filter.login {
            condition("a.username = ?", Bound::Text(login.clone()));
        }
        if let Some(from) = filter.from {
            condition("a.at >= ?", Bound::Int(from.unix()));
        }
        if let Some(until) = filter.until {
            condition("a.at < ?", Bound::Int(until.unix()));
        }
        if let Some(before) = filter.before {
            condition("a.id < ?", Bound::Int(before));
        }
        let filter_sql = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let sql = format!(
            "SELECT a.id, a.at, a.kind, a.account_id, a.username, a.school_id, a.ip, a.detail, \
             a.count, s.name FROM audit_log a LEFT JOIN schools s ON s.id = a.school_id \
             {filter_sql} ORDER BY a.id DESC LIMIT ${}",
            values.len() + 1
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for value in values {
            query = match value {
                Bound::Int(v) => query.bind(v),
                Bound::Text(v) => query.bind(v),
            };
        }
        let rows = query
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                Some(AuditEntry {
                    id: r.get(0),
                    at: Timestamp::from_unix(r.get(1)),
                    kind: r.get::<String, _>(2).parse().ok()?,
                    account: r.get::<Option<i64>, _>(3).map(AccountId::new),
                    username: r.get(4),
                    school: r.get::<Option<i64>, _>(5).map(SchoolId::new),
                    ip: r.get(6),
                    detail: r.get(7),
                    count: r.get(8),
                    school_name: r.get(9),
                })
            })
            .collect())
    }

    async fn purge_audit(&self, cutoff: Timestamp) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM audit_log WHERE at < $1")
            .bind(cutoff.unix())
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(done.rows_affected())
    }
}

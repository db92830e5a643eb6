//! The audit trail.

use super::sql::{Built, Dialects, Family, fragments, statements};
use super::{Db, fail};
use app::api::audit::{AuditEntry, AuditFilter};
use app::ports::{AuditEvent, AuditLog, StoreError};
use async_trait::async_trait;
use domain::audit::{AuditKind, count_key};
use domain::ids::{AccountId, SchoolId};
use domain::time::Timestamp;

statements! {
    /// One statement, so concurrent repetitions on any number of servers all count.
    RECORD = "INSERT INTO audit_log \
        (at, kind, account_id, username, school_id, ip, detail, count, count_key) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) \
        ON CONFLICT (count_key) DO UPDATE SET count = audit_log.count + 1";
    PURGE = "DELETE FROM audit_log WHERE at < $1";
}

fragments! {
    ENTRIES_HEAD = "SELECT a.id AS id, a.at AS at, a.kind AS kind, a.account_id AS account_id, \
        a.username AS username, a.school_id AS school_id, a.ip AS ip, a.detail AS detail, \
        a.count AS count, s.name AS school_name \
        FROM audit_log a LEFT JOIN schools s ON s.id = a.school_id";
    ENTRIES_WHERE = " WHERE ";
    ENTRIES_AND = " AND ";
    ENTRIES_TAIL = " ORDER BY a.id DESC LIMIT ";
}

/// The conditions a listing may use, in placeholder order; `?` is the placeholder's place.
/// A school's trail is what happened in it: what its people did elsewhere is another school's
/// business (and their address there is not this school's to know).
const FILTERS: [&str; 6] = [
    "a.school_id = ?",
    "a.kind = ?",
    "a.username = ?",
    "a.at >= ?",
    "a.at < ?",
    "a.id < ?",
];

/// The listing with the filters `used` marks (one per [`FILTERS`] entry), then the limit.
/// Fixed statements per filter set rather than `($n IS NULL OR …)`, so that each keeps its
/// index (a school's entries by `audit_by_school`).
fn entries_sql(used: [bool; FILTERS.len()]) -> Built {
    let mut conditions = Vec::new();
    for (filter, _) in FILTERS.iter().zip(used).filter(|(_, u)| *u) {
        conditions.push(filter.replace('?', &format!("${}", conditions.len() + 1)));
    }
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!("{ENTRIES_WHERE}{}", conditions.join(ENTRIES_AND))
    };
    Built::new(format!(
        "{ENTRIES_HEAD}{filter}{ENTRIES_TAIL}${}",
        conditions.len() + 1
    ))
}

/// Every set of filters: 64 listings.
pub(crate) const ENTRIES: Family = Family {
    name: "audit::ENTRIES",
    shapes: || {
        (0..1u32 << FILTERS.len())
            .map(|bits| entries_sql(std::array::from_fn(|i| bits & (1 << i) != 0)))
            .collect()
    },
    on: Dialects::Both,
};

/// A value a filter binds.
enum Bound {
    Int(i64),
    Text(String),
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    at: i64,
    /// Read as text: an entry of a kind this version does not know is left out, not an error.
    kind: String,
    account_id: Option<i64>,
    username: Option<String>,
    school_id: Option<i64>,
    ip: String,
    detail: String,
    count: i64,
    school_name: Option<String>,
}

#[async_trait]
impl AuditLog for Db {
    async fn record(&self, e: AuditEvent) -> Result<(), StoreError> {
        let key = count_key(e.kind, e.account, e.school, &e.detail, e.at);
        RECORD
            .query()
            .bind(e.at.unix())
            .bind(e.kind.code())
            .bind(e.account.map(AccountId::get))
            .bind(e.username)
            .bind(e.school.map(SchoolId::get))
            .bind(e.ip)
            .bind(e.detail)
            .bind(key)
            .execute(&self.writer)
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
        let values = [
            school.map(|s| Bound::Int(s.get())),
            filter.kind.map(|k| Bound::Text(k.code().to_owned())),
            filter.login.clone().map(Bound::Text),
            filter.from.map(|t| Bound::Int(t.unix())),
            filter.until.map(|t| Bound::Int(t.unix())),
            filter.before.map(Bound::Int),
        ];
        let sql = entries_sql(std::array::from_fn(|i| values[i].is_some()));
        let mut query = sql.query_as::<EntryRow>();
        for value in values.into_iter().flatten() {
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
        let mut entries = Vec::with_capacity(rows.len());
        for r in rows {
            // Several servers share the database: during an upgrade a newer one may write a
            // kind this one does not know yet. The trail stays readable without it; the gap is
            // logged.
            let Ok(kind) = r.kind.parse::<AuditKind>() else {
                tracing::warn!(id = r.id, kind = %r.kind, "audit entry of an unknown kind left out");
                continue;
            };
            entries.push(AuditEntry {
                id: r.id,
                at: Timestamp::from_unix(r.at),
                kind,
                account: r.account_id.map(AccountId::new),
                username: r.username,
                school: r.school_id.map(SchoolId::new),
                ip: r.ip,
                detail: r.detail,
                count: r.count,
                school_name: r.school_name,
            });
        }
        Ok(entries)
    }

    async fn purge_audit(&self, cutoff: Timestamp) -> Result<u64, StoreError> {
        let done = PURGE
            .query()
            .bind(cutoff.unix())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(done.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_take_their_placeholders_in_order() {
        assert_eq!(
            entries_sql([false; 6]).sql(),
            format!("{ENTRIES_HEAD}{ENTRIES_TAIL}$1")
        );
        assert_eq!(
            entries_sql([true, false, true, false, false, true]).sql(),
            format!(
                "{ENTRIES_HEAD} WHERE a.school_id = $1 AND a.username = $2 AND a.id < $3\
                 {ENTRIES_TAIL}$4"
            )
        );
        let shapes = (ENTRIES.shapes)();
        assert_eq!(shapes.len(), 64);
        assert!(
            shapes
                .iter()
                .enumerate()
                .all(|(i, s)| !shapes[..i].contains(s))
        );
    }
}

use super::StoreError;
use crate::api::audit::{AuditEntry, AuditFilter};
use async_trait::async_trait;
use domain::audit::AuditKind;
use domain::ids::{AccountId, SchoolId};
use domain::time::Timestamp;

#[derive(Clone, Debug)]
pub struct AuditEvent {
    pub at: Timestamp,
    pub kind: AuditKind,
    pub account: Option<AccountId>,
    /// The login name typed, for failures where no account is known.
    pub username: Option<String>,
    pub school: Option<SchoolId>,
    pub ip: String,
    /// What was refused or changed (a server function's name, the account edited).
    pub detail: String,
}

#[async_trait]
pub trait AuditLog: Send + Sync {
    /// Writes an entry; kinds counted per minute (`AuditKind::counted`) add one to the count of
    /// their minute's entry, atomically, when it exists.
    async fn record(&self, event: AuditEvent) -> Result<(), StoreError>;
    /// Entries of one school (`school_id` is that school) or of the whole platform (`None`),
    /// newest first, at most `limit`, matching the filter.
    async fn audit_entries(
        &self,
        school: Option<SchoolId>,
        filter: &AuditFilter,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError>;
    /// Deletes the entries from before `cutoff`; returns how many went.
    async fn purge_audit(&self, cutoff: Timestamp) -> Result<u64, StoreError>;
}

use super::StoreError;
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
    async fn record(&self, event: AuditEvent) -> Result<(), StoreError>;
    async fn audit_entries(
        &self,
        school: Option<SchoolId>,
        limit: i64,
    ) -> Result<Vec<crate::api::audit::AuditEntry>, StoreError>;
}

//! Reading the audit trail.

use crate::error::AppError;
use domain::audit::AuditKind;
use domain::ids::{AccountId, SchoolId};
use domain::time::Timestamp;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: Timestamp,
    pub kind: AuditKind,
    pub account: Option<AccountId>,
    pub username: Option<String>,
    pub ip: String,
    pub detail: String,
}

/// The latest entries of one school's trail, or of the whole platform's (`school: None`).
#[server(endpoint = "audit/list", input = Json)]
pub async fn audit_entries(school: Option<SchoolId>) -> Result<Vec<AuditEntry>, AppError> {
    let me = super::gate::me("audit/list").await?;
    me.may(domain::authz::Action::ReadAudit(school), "audit/list")
        .await?;
    Ok(me.ctx.store.audit_entries(school, 200).await?)
}

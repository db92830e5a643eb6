//! Reading the audit trail: a page at a time, newest first, filtered.

use crate::error::AppError;
use domain::audit::AuditKind;
use domain::ids::{AccountId, SchoolId};
use domain::time::Timestamp;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Increases with time: the key pages are cut on.
    pub id: i64,
    /// When it happened (for a counted entry, the first time in its minute).
    pub at: Timestamp,
    pub kind: AuditKind,
    pub account: Option<AccountId>,
    pub username: Option<String>,
    pub school: Option<SchoolId>,
    pub school_name: Option<String>,
    /// The caller's address (for a counted entry, the first one's).
    pub ip: String,
    pub detail: String,
    /// How many times it happened within the minute (1 for most kinds).
    pub count: i64,
}

/// What to look for; every part is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    #[serde(default)]
    pub kind: Option<AuditKind>,
    /// The login name of the person who acted.
    #[serde(default)]
    pub login: Option<String>,
    /// From this moment on (included).
    #[serde(default)]
    pub from: Option<Timestamp>,
    /// Before this moment (excluded).
    #[serde(default)]
    pub until: Option<Timestamp>,
    /// Only entries older than this one: the `next` of the previous page.
    #[serde(default)]
    pub before: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// The `before` of the following page, when there is one.
    pub next: Option<i64>,
}

pub const AUDIT_PAGE_SIZE: i64 = 50;

/// One page of one school's trail, or of the whole platform's (`school: None`, platform admins).
#[server(endpoint = "audit/list", input = Json)]
pub async fn audit_entries(
    school: Option<SchoolId>,
    #[server(default)] filter: AuditFilter,
) -> Result<AuditPage, AppError> {
    let me = super::gate::me("audit/list").await?;
    me.may(domain::authz::audit::Action::Read(school), "audit/list")
        .await?;
    let filter = AuditFilter {
        // Login names are stored as they are valid; anything else cannot match one.
        login: filter
            .login
            .filter(|l| !l.trim().is_empty())
            .map(|l| domain::audit::typed_login(&l)),
        ..filter
    };
    let mut entries = me
        .ctx
        .store
        .audit_entries(school, &filter, AUDIT_PAGE_SIZE + 1)
        .await?;
    let more = entries.len() > usize::try_from(AUDIT_PAGE_SIZE).unwrap_or(usize::MAX);
    entries.truncate(usize::try_from(AUDIT_PAGE_SIZE).unwrap_or(usize::MAX));
    let next = if more {
        entries.last().map(|e| e.id)
    } else {
        None
    };
    Ok(AuditPage { entries, next })
}

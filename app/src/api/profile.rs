//! Looking at a person's profile.

use crate::api::home::GroupRef;
use crate::error::AppError;
use domain::ids::AccountId;
use domain::profile::Role;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// What may be seen of a person: names, roles and classes; never credentials.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountProfile {
    pub id: AccountId,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub roles: Vec<RoleAt>,
    pub groups: Vec<GroupRef>,
    pub parents: Vec<PersonRef>,
    pub children: Vec<PersonRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAt {
    pub role: Role,
    pub school_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    pub id: AccountId,
    pub first_name: String,
    pub last_name: String,
}

/// A person's profile, as far as it concerns the caller: a teacher, staff member or admin sees
/// the person's roles, classes and relatives in their own schools only; the person, their
/// parents and the platform admin see all of it.
#[server(endpoint = "profile/get", input = Json)]
pub async fn view_profile(id: AccountId) -> Result<AccountProfile, AppError> {
    let me = super::gate::me("profile/get").await?;
    // Unknown and forbidden look the same to the caller, so ids cannot be probed.
    let facts = me.ctx.store.account_facts(id, me.ctx.school_year()).await?;
    let Some(facts) = facts else {
        return Err(me.refuse("profile/get", None).await);
    };
    me.may(domain::authz::profile::Action::View(&facts), "profile/get")
        .await?;
    me.audit_profile_read("profile/get", &facts).await;
    let seen = domain::authz::profile_scope(&me.caller, &facts);
    me.ctx
        .store
        .account_profile(id, &seen, me.ctx.school_year())
        .await?
        .ok_or(AppError::NotFound)
}

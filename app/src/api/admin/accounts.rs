//! Accounts of a school: listing, creating, renaming, resetting passwords, roles.

use crate::api::home::GroupRef;
use crate::api::profile::PersonRef;
use crate::error::AppError;
use domain::account::Username;
use domain::ids::{AccountId, SchoolId};
use domain::profile::Profile;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::guard,
    crate::error::{Field, Problem},
    domain::audit::AuditKind,
    domain::authz::{admin::Action, authorize},
    domain::profile::Role,
};

/// Accounts shown per page of the list.
pub const PAGE_SIZE: u32 = 25;
/// Longer searches are cut: no name is that long, and the pattern stays cheap to match.
pub const MAX_SEARCH_CHARS: usize = 100;
/// `prenom.nom` to `prenom.nom99`: beyond that the admin types a login name.
#[cfg(feature = "ssr")]
const MAX_SUFFIX: u32 = 99;

/// A school the caller administers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminSchool {
    pub id: SchoolId,
    pub name: String,
    pub uai: String,
}

/// Which accounts to list: a search in names and login names, a profile, a page (from 0).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountQuery {
    pub search: String,
    pub profile: Option<Profile>,
    pub page: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: AccountId,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    /// The profiles held in the school listed.
    pub profiles: Vec<Profile>,
    /// The class of the current year, for a pupil.
    pub class: Option<String>,
    /// Still on a one-time password.
    pub must_change_password: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountPage {
    pub accounts: Vec<AccountRow>,
    /// How many accounts match, over all pages.
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
}

/// An account as its school's admin sees it: everything about it in that school.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountDetail {
    pub id: AccountId,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub must_change_password: bool,
    pub profiles: Vec<Profile>,
    /// Classes and groups of the current year, as a pupil or a teacher.
    pub groups: Vec<GroupRef>,
    /// Every parent linked to the account (whichever school they come from, so that a link
    /// can always be seen and undone by the child's admin); children who are pupils of the school.
    pub parents: Vec<PersonRef>,
    pub children: Vec<PersonRef>,
    /// What the admin may change of this account, so the page offers only that.
    pub may: AccountChanges,
}

/// What the admin looking at an account may change of it. An account that also belongs to a
/// school the admin does not administer keeps its password and names out of reach, and one who
/// runs another school keeps its roles here too: the platform admin changes those.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountChanges {
    /// Reset the password, change the names.
    pub account_wide: bool,
    /// Give or take roles, classes and groups in this school.
    pub in_school: bool,
}

/// A new account and its one-time password, shown to the admin once and never stored in clear.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAccount {
    pub id: AccountId,
    pub username: Username,
    pub one_time_password: String,
}

/// A replaced password, shown to the admin once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneTimePassword {
    pub username: String,
    pub password: String,
}

/// The schools the caller administers; refused to anyone who administers none.
#[server(endpoint = "admin/schools", input = Json)]
pub async fn admin_schools() -> Result<Vec<AdminSchool>, AppError> {
    let me = crate::api::gate::me("admin/schools").await?;
    me.may(domain::authz::admin::Action::Administer, "admin/schools")
        .await?;
    let only =
        (!me.caller.platform_admin).then(|| me.caller.administered_schools().collect::<Vec<_>>());
    Ok(me.ctx.store.schools(only).await?)
}

#[server(endpoint = "admin/accounts/list", input = Json)]
pub async fn list_accounts(school: SchoolId, query: AccountQuery) -> Result<AccountPage, AppError> {
    let me = guard::school_admin("admin/accounts/list", school).await?;
    let query = AccountQuery {
        search: query.search.trim().chars().take(MAX_SEARCH_CHARS).collect(),
        ..query
    };
    Ok(me
        .ctx
        .store
        .list_accounts(school, &query, PAGE_SIZE, me.ctx.school_year())
        .await?)
}

#[server(endpoint = "admin/accounts/get", input = Json)]
pub async fn get_account(school: SchoolId, account: AccountId) -> Result<AccountDetail, AppError> {
    let what = "admin/accounts/get";
    let me = guard::school_admin(what, school).await?;
    let facts = guard::seen_in(&me, what, school, account).await?;
    let mut detail = me
        .ctx
        .store
        .account_detail(school, account, me.ctx.school_year())
        .await?
        .ok_or(AppError::NotFound)?;
    me.audit_read(what, account, Some(school)).await;
    detail.may = AccountChanges {
        account_wide: authorize(&me.caller, Action::ChangeAccount(&facts)).is_ok(),
        in_school: authorize(&me.caller, Action::ChangeAccountIn(&facts, school)).is_ok(),
    };
    Ok(detail)
}

/// Creates an account holding `profile` in `school`. Without a `username`, one is made from the
/// names (`prenom.nom`, then `prenom.nom2`…).
#[server(endpoint = "admin/accounts/create", input = Json)]
pub async fn create_account(
    school: SchoolId,
    first_name: String,
    last_name: String,
    profile: Profile,
    username: Option<String>,
) -> Result<NewAccount, AppError> {
    let me = guard::school_admin("admin/accounts/create", school).await?;
    let (first_name, last_name) = guard::names(first_name, last_name)?;
    let bad_username = |e| AppError::field(Field::Username, Problem::Account(e));
    let candidates = match username.filter(|u| !u.trim().is_empty()) {
        Some(chosen) => vec![Username::try_from(chosen).map_err(bad_username)?],
        None => (1..=MAX_SUFFIX)
            .map(|n| Username::suggest(first_name.as_str(), last_name.as_str(), n))
            .collect::<Result<Vec<_>, _>>()
            .map_err(bad_username)?,
    };
    let login = candidates.first().map(Username::as_str).unwrap_or_default();
    let password =
        guard::one_time_password(&me, &[login, first_name.as_str(), last_name.as_str()])?;
    let record = crate::ports::NewAccountRecord {
        candidates,
        first_name,
        last_name,
        role: Role { school, profile },
        password_hash: me.ctx.passwords.hash(password.clone()).await?,
        now: me.ctx.now(),
    };
    let (id, username) = me
        .ctx
        .store
        .create_account(record)
        .await?
        .ok_or_else(|| AppError::field(Field::Username, Problem::Taken))?;
    let detail = format!("account {id} ({username}) created as {}", profile.code());
    me.audit(AuditKind::AccountCreated, Some(school), &detail)
        .await;
    Ok(NewAccount {
        id,
        username,
        one_time_password: password,
    })
}

#[server(endpoint = "admin/accounts/rename", input = Json)]
pub async fn rename_account(
    school: SchoolId,
    account: AccountId,
    first_name: String,
    last_name: String,
) -> Result<(), AppError> {
    let what = "admin/accounts/rename";
    let me = guard::school_admin(what, school).await?;
    guard::owned_in(&me, what, school, account).await?;
    let (first, last) = guard::names(first_name, last_name)?;
    me.ctx.store.rename_account(account, &first, &last).await?;
    let detail = format!("account {account} renamed {first} {last}");
    me.audit(AuditKind::AccountUpdated, Some(school), &detail)
        .await;
    Ok(())
}

/// Gives the account a new one-time password and ends its sessions, wherever they are.
#[server(endpoint = "admin/accounts/reset_password", input = Json)]
pub async fn reset_password(
    school: SchoolId,
    account: AccountId,
) -> Result<OneTimePassword, AppError> {
    let what = "admin/accounts/reset_password";
    let me = guard::school_admin(what, school).await?;
    guard::owned_in(&me, what, school, account).await?;
    let who = me
        .ctx
        .store
        .session_info(account)
        .await?
        .ok_or(AppError::NotFound)?;
    let password = guard::one_time_password(
        &me,
        &[
            who.username.as_str(),
            who.first_name.as_str(),
            who.last_name.as_str(),
        ],
    )?;
    let hash = me.ctx.passwords.hash(password.clone()).await?;
    me.ctx
        .store
        .set_one_time_password(account, hash, me.ctx.now())
        .await?;
    // An admin resetting their own password keeps the session they are working in.
    let keep = me
        .meta
        .session_token
        .as_deref()
        .filter(|_| account == me.info.account);
    me.ctx.store.close_sessions_of(account, keep).await?;
    let detail = format!("account {account} ({})", who.username);
    me.audit(AuditKind::PasswordReset, Some(school), &detail)
        .await;
    Ok(OneTimePassword {
        username: who.username,
        password,
    })
}

/// Gives the account `profile` in `school`. The account may come from another school the caller
/// also administers (a teacher starting in a second collège).
#[server(endpoint = "admin/accounts/add_role", input = Json)]
pub async fn add_role(
    school: SchoolId,
    account: AccountId,
    profile: Profile,
) -> Result<(), AppError> {
    let what = "admin/accounts/add_role";
    let me = guard::school_admin(what, school).await?;
    guard::managed(&me, what, school, account).await?;
    if me
        .ctx
        .store
        .add_role(account, Role { school, profile })
        .await?
    {
        let detail = format!("account {account}: role {} added", profile.code());
        me.audit(AuditKind::AccountUpdated, Some(school), &detail)
            .await;
    }
    Ok(())
}

/// Takes `profile` in `school` away; a pupil or teacher also leaves this year's classes there,
/// a parent the links to children of the school that no longer count.
#[server(endpoint = "admin/accounts/remove_role", input = Json)]
pub async fn remove_role(
    school: SchoolId,
    account: AccountId,
    profile: Profile,
) -> Result<(), AppError> {
    let what = "admin/accounts/remove_role";
    let me = guard::school_admin(what, school).await?;
    guard::managed_in(&me, what, school, account).await?;
    if me
        .ctx
        .store
        .remove_role(account, Role { school, profile }, me.ctx.school_year())
        .await?
    {
        let detail = format!("account {account}: role {} removed", profile.code());
        me.audit(AuditKind::AccountUpdated, Some(school), &detail)
            .await;
    }
    Ok(())
}

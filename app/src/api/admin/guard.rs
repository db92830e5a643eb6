//! The checks every admin server function starts with. Ids from another school are refused as
//! forbidden, exactly like ids that do not exist, so nobody can probe what exists elsewhere.

use crate::api::gate::{Me, me};
use crate::error::{AppError, Field, FieldError, Problem};
use crate::ports::GroupFacts;
use domain::account::PersonName;
use domain::authz::{AccountFacts, admin, profile};
use domain::ids::{AccountId, GroupId, SchoolId};

/// The signed-in caller, who must administer `school`.
pub(super) async fn school_admin(what: &str, school: SchoolId) -> Result<Me, AppError> {
    let me = me(what).await?;
    me.may(admin::Action::ManageSchool(school), what).await?;
    Ok(me)
}

/// The facts of an account, or the refusal an unknown id gets (the same as a forbidden one).
pub(super) async fn facts(
    me: &Me,
    what: &str,
    school: SchoolId,
    account: AccountId,
) -> Result<AccountFacts, AppError> {
    match me
        .ctx
        .store
        .account_facts(account, me.ctx.school_year())
        .await?
    {
        Some(facts) => Ok(facts),
        None => Err(me.refuse(what, Some(school)).await),
    }
}

/// The facts of an account the caller may change in `school` (roles there, classes and groups
/// there); the account may come from another school the caller also administers.
pub(super) async fn managed(
    me: &Me,
    what: &str,
    school: SchoolId,
    account: AccountId,
) -> Result<AccountFacts, AppError> {
    let facts = facts(me, what, school, account).await?;
    me.may(admin::Action::ChangeAccountIn(&facts, school), what)
        .await?;
    Ok(facts)
}

/// An account that belongs to `school`, the school being worked on: an admin of two schools
/// changes each account from one of its own schools.
pub(super) async fn in_school(
    me: &Me,
    what: &str,
    school: SchoolId,
    facts: AccountFacts,
) -> Result<AccountFacts, AppError> {
    if facts.belongs_to(school) {
        Ok(facts)
    } else {
        Err(me.refuse(what, Some(school)).await)
    }
}

/// An account of `school` the caller may change there.
pub(super) async fn managed_in(
    me: &Me,
    what: &str,
    school: SchoolId,
    account: AccountId,
) -> Result<AccountFacts, AppError> {
    let facts = managed(me, what, school, account).await?;
    in_school(me, what, school, facts).await
}

/// An account of `school` whose password or names the caller may change: these follow the
/// account into all its schools, so all of them must be the caller's.
pub(super) async fn owned_in(
    me: &Me,
    what: &str,
    school: SchoolId,
    account: AccountId,
) -> Result<AccountFacts, AppError> {
    let facts = facts(me, what, school, account).await?;
    me.may(admin::Action::ChangeAccount(&facts), what).await?;
    in_school(me, what, school, facts).await
}

/// An account of `school` the caller, who administers it, may look at.
pub(super) async fn seen_in(
    me: &Me,
    what: &str,
    school: SchoolId,
    account: AccountId,
) -> Result<AccountFacts, AppError> {
    let facts = facts(me, what, school, account).await?;
    let facts = in_school(me, what, school, facts).await?;
    me.may(profile::Action::View(&facts), what).await?;
    Ok(facts)
}

/// A class or group, and the caller, who must administer its school.
pub(super) async fn group_admin(what: &str, group: GroupId) -> Result<(Me, GroupFacts), AppError> {
    let me = me(what).await?;
    let Some(facts) = me.ctx.store.group_facts(group).await? else {
        return Err(me.refuse(what, None).await);
    };
    me.may(admin::Action::ManageSchool(facts.school), what)
        .await?;
    Ok((me, facts))
}

/// A fresh one-time password that passes the password rule for this person. The generator's
/// passwords pass it on their own; checking again guards against a person's name turning up in
/// the random letters.
pub(super) fn one_time_password(me: &Me, personal: &[&str]) -> Result<String, AppError> {
    for _ in 0..10 {
        let password = me.ctx.passwords.one_time_password();
        if domain::auth::password::check(&password, None, personal).is_ok() {
            return Ok(password);
        }
    }
    tracing::error!("no one-time password passed the password rule in 10 tries");
    Err(AppError::Internal)
}

/// Both names of a person, every problem reported at once next to its field.
pub(super) fn names(
    first_name: String,
    last_name: String,
) -> Result<(PersonName, PersonName), AppError> {
    match (
        PersonName::try_from(first_name),
        PersonName::try_from(last_name),
    ) {
        (Ok(first), Ok(last)) => Ok((first, last)),
        (first, last) => Err(AppError::Invalid(
            [
                (Field::FirstName, first.err()),
                (Field::LastName, last.err()),
            ]
            .into_iter()
            .filter_map(|(field, e)| {
                e.map(|e| FieldError {
                    field,
                    problem: Problem::Account(e),
                })
            })
            .collect(),
        )),
    }
}

//! Links between a parent and a child, who must both be of the school and managed by the caller.

use crate::error::AppError;
use domain::ids::{AccountId, SchoolId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    super::guard,
    crate::api::gate::Me,
    crate::error::{Field, FieldError, Problem},
    domain::audit::AuditKind,
    domain::authz::admin::Action,
    domain::school::Place,
};

/// Checks both sides of a new link: the caller may change each in the school and is not the
/// parent (else forbidden; a self-link is told as such), and each holds the right profile in the
/// school (else a problem shown next to the field).
#[cfg(feature = "ssr")]
async fn check_link(
    me: &Me,
    what: &str,
    school: SchoolId,
    parent: AccountId,
    child: AccountId,
) -> Result<(), AppError> {
    let parent_facts = guard::facts(me, what, school, parent).await?;
    let child_facts = guard::facts(me, what, school, child).await?;
    let link = Action::LinkParent {
        parent: &parent_facts,
        child: &child_facts,
        school,
    };
    if let Err(refused) = me.may(link, what).await {
        // Refused and audited all the same; the admin is told why, since it is about themselves.
        return Err(if parent == me.caller.account {
            AppError::field(Field::Parent, Problem::OwnChild)
        } else {
            refused
        });
    }
    if parent == child {
        return Err(AppError::field(Field::Child, Problem::SamePerson));
    }
    let errors: Vec<FieldError> = [
        (
            Field::Parent,
            Place::Parent.check(&parent_facts.roles, school),
        ),
        (Field::Child, Place::Child.check(&child_facts.roles, school)),
    ]
    .into_iter()
    .filter_map(|(field, checked)| {
        checked.err().map(|m| FieldError {
            field,
            problem: Problem::Place(m),
        })
    })
    .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// Makes `parent` a parent of `child`: the parent then sees the child on their home page.
#[server(endpoint = "admin/links/add", input = Json)]
pub async fn link_parent(
    school: SchoolId,
    parent: AccountId,
    child: AccountId,
) -> Result<(), AppError> {
    let what = "admin/links/add";
    let me = guard::school_admin(what, school).await?;
    check_link(&me, what, school, parent, child).await?;
    if me.ctx.store.link_parent(parent, child).await? {
        let detail = format!("account {parent} linked as parent of account {child}");
        me.audit(AuditKind::AccountUpdated, Some(school), &detail)
            .await;
    }
    Ok(())
}

/// Undoes a link. Only the child is checked: the admin who answers for a pupil decides who sees
/// them, whichever school the parent comes from (or none left, for a withdrawn parent).
#[server(endpoint = "admin/links/remove", input = Json)]
pub async fn unlink_parent(
    school: SchoolId,
    parent: AccountId,
    child: AccountId,
) -> Result<(), AppError> {
    let what = "admin/links/remove";
    let me = guard::school_admin(what, school).await?;
    guard::managed_in(&me, what, school, child).await?;
    if me.ctx.store.unlink_parent(parent, child).await? {
        let detail = format!("account {parent} no longer parent of account {child}");
        me.audit(AuditKind::AccountUpdated, Some(school), &detail)
            .await;
    }
    Ok(())
}

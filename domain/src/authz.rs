//! The one place that decides who may do what. Every server function builds the [`Caller`] from
//! the session, gathers the facts about the data it touches, and asks [`authorize`]; nothing else
//! grants access.

use crate::ids::{AccountId, GroupId, SchoolId};
use crate::profile::{Profile, Role};
use serde::{Deserialize, Serialize};

/// The signed-in person, with every relation a decision may need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    pub account: AccountId,
    pub platform_admin: bool,
    pub roles: Vec<Role>,
    /// Pupils this person is a parent of.
    pub children: Vec<AccountId>,
    /// Classes and groups this person teaches.
    pub teaches: Vec<GroupId>,
}

impl Caller {
    pub fn has(&self, profile: Profile, school: SchoolId) -> bool {
        self.roles.contains(&Role { school, profile })
    }

    pub fn administers(&self, school: SchoolId) -> bool {
        self.platform_admin || self.has(Profile::SchoolAdmin, school)
    }

    pub fn belongs_to(&self, school: SchoolId) -> bool {
        self.platform_admin || self.roles.iter().any(|r| r.school == school)
    }

    /// Schools this person administers (all of them for a platform admin, who is not listed).
    pub fn administered_schools(&self) -> impl Iterator<Item = SchoolId> + '_ {
        self.roles
            .iter()
            .filter(|r| r.profile == Profile::SchoolAdmin)
            .map(|r| r.school)
    }
}

/// What a decision needs to know about an account someone wants to see or change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountFacts {
    pub id: Option<AccountId>,
    pub platform_admin: bool,
    pub roles: Vec<Role>,
    /// Classes and groups the account is a pupil in.
    pub groups: Vec<GroupId>,
}

/// Something a caller wants to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// See an account's profile (names, roles, classes).
    ViewAccount(&'a AccountFacts),
    /// Edit an account, reset its password, change its roles or links.
    ManageAccount(&'a AccountFacts),
    /// See a school's classes, groups and subjects.
    ViewSchool(SchoolId),
    /// See everyone in a school and create accounts, classes and groups in it.
    ManageSchool(SchoolId),
    /// Create establishments and name their admins.
    ManagePlatform,
    /// Publish a new version of the usage charter.
    EditCharter,
    /// Read the audit trail of one school, or of the whole platform (`None`).
    ReadAudit(Option<SchoolId>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("forbidden")]
pub struct Forbidden;

/// Decides whether `caller` may do `action`.
pub fn authorize(caller: &Caller, action: Action<'_>) -> Result<(), Forbidden> {
    if allowed(caller, action) {
        Ok(())
    } else {
        Err(Forbidden)
    }
}

fn allowed(caller: &Caller, action: Action<'_>) -> bool {
    if caller.platform_admin {
        return true;
    }
    match action {
        Action::ViewAccount(target) => {
            target.id == Some(caller.account)
                || target.id.is_some_and(|id| caller.children.contains(&id))
                || target.roles.iter().any(|r| {
                    caller.has(Profile::SchoolAdmin, r.school)
                        || caller.has(Profile::Staff, r.school)
                })
                || (!target.platform_admin
                    && target.groups.iter().any(|g| caller.teaches.contains(g)))
        }
        // An account shared with another school (a parent, a teacher in two collèges) may be
        // managed by the admin of any of its schools: a password reset must not wait for all.
        Action::ManageAccount(target) => {
            !target.platform_admin && target.roles.iter().any(|r| caller.administers(r.school))
        }
        Action::ViewSchool(school) => caller.belongs_to(school),
        Action::ManageSchool(school) => caller.administers(school),
        Action::ReadAudit(Some(school)) => caller.administers(school),
        Action::ManagePlatform | Action::EditCharter | Action::ReadAudit(None) => false,
    }
}

#[cfg(test)]
mod tests;

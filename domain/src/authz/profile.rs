//! Seeing a person's profile (`app/src/api/profile.rs`, and an admin's view of an account):
//! who may, and which of the person's schools they see.

use super::{AccountFacts, Caller};
use crate::ids::SchoolId;
use crate::profile::Profile;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// See an account's profile (names, roles, classes).
    View(&'a AccountFacts),
}

impl Action<'_> {
    /// A profile is the person's, whichever school looks at it.
    pub fn school(&self) -> Option<SchoolId> {
        match self {
            Action::View(_) => None,
        }
    }
}

pub(super) fn allowed(caller: &Caller, action: Action<'_>) -> bool {
    match action {
        Action::View(target) => {
            caller.platform_admin
                || target.id == Some(caller.account)
                || target.id.is_some_and(|id| caller.children.contains(&id))
                || target.roles.iter().any(|r| {
                    caller.has(Profile::SchoolAdmin, r.school)
                        || caller.has(Profile::Staff, r.school)
                })
                || (!target.platform_admin
                    && target.groups.iter().any(|g| caller.teaches.contains(g)))
        }
    }
}

/// Which of a person's schools a caller sees when looking at their profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seen {
    /// Everything: one's own profile, one's child's, anyone's for the platform admin.
    Everywhere,
    /// Only what concerns these schools: roles, classes and relatives there.
    Schools(Vec<SchoolId>),
}

impl Seen {
    pub fn includes(&self, school: SchoolId) -> bool {
        match self {
            Seen::Everywhere => true,
            Seen::Schools(schools) => schools.contains(&school),
        }
    }
}

/// What a caller allowed to see `target` (see [`Action::View`]) sees of it. A teacher, staff
/// member or admin sees the person as their own schools know them, nothing of the person's
/// other schools; a parent sees their child everywhere.
pub fn profile_scope(caller: &Caller, target: &AccountFacts) -> Seen {
    let related = target
        .id
        .is_some_and(|id| id == caller.account || caller.children.contains(&id));
    if caller.platform_admin || related {
        return Seen::Everywhere;
    }
    let mut schools: Vec<SchoolId> = caller
        .roles
        .iter()
        .filter(|r| {
            matches!(
                r.profile,
                Profile::Teacher | Profile::Staff | Profile::SchoolAdmin
            )
        })
        .map(|r| r.school)
        .collect();
    schools.sort_unstable();
    schools.dedup();
    Seen::Schools(schools)
}

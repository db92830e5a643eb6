//! School administration (`app/src/api/admin/`): a school's classes, groups and subjects, and the
//! accounts of its people, their roles, places and parent links.

use super::{AccountFacts, Caller};
use crate::ids::SchoolId;
use crate::profile::Profile;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// Open the administration at all: list the schools one administers.
    Administer,
    /// See a school's classes, groups and subjects.
    ViewSchool(SchoolId),
    /// See everyone in a school and create accounts, classes and groups in it.
    ManageSchool(SchoolId),
    /// Change what follows the account into every school it belongs to: reset its password,
    /// rename it. Whoever does this could sign in as the person everywhere, so only someone who
    /// administers every school of the account may.
    ChangeAccount(&'a AccountFacts),
    /// Change what the account is in one school: give or take a role there, put it in or out of
    /// a class or group there, link or unlink it there.
    ChangeAccountIn(&'a AccountFacts, SchoolId),
    /// Make `parent` a parent of `child`, in `school`: both are changed there, and nobody grants
    /// themselves a child.
    LinkParent {
        parent: &'a AccountFacts,
        child: &'a AccountFacts,
        school: SchoolId,
    },
}

impl Action<'_> {
    /// The school worked on; `None` for a change that follows the account everywhere.
    pub fn school(&self) -> Option<SchoolId> {
        match *self {
            Action::ViewSchool(school)
            | Action::ManageSchool(school)
            | Action::ChangeAccountIn(_, school)
            | Action::LinkParent { school, .. } => Some(school),
            Action::Administer | Action::ChangeAccount(_) => None,
        }
    }
}

/// Profiles whose holder runs a school or sees into everyone's file there: an account holding
/// one of them in a school is that school's to change, never another school's admin's.
const POWERFUL: [Profile; 2] = [Profile::SchoolAdmin, Profile::Staff];

pub(super) fn allowed(caller: &Caller, action: Action<'_>) -> bool {
    match action {
        Action::Administer => {
            caller.platform_admin || caller.administered_schools().next().is_some()
        }
        Action::ViewSchool(school) => caller.belongs_to(school),
        Action::ManageSchool(school) => caller.administers(school),
        // A password or a name is the same in every school: changing it is taking over the
        // account everywhere, so every school of the account must be the caller's.
        Action::ChangeAccount(target) => {
            caller.platform_admin
                || (reaches(caller, target)
                    && target.roles.iter().all(|r| caller.administers(r.school)))
        }
        Action::ChangeAccountIn(target, school) => {
            caller.platform_admin || changes_in(caller, target, school)
        }
        // Before the platform admin's pass: nobody grants themselves a child, so that seeing a
        // child always goes through someone else's hands.
        Action::LinkParent {
            parent,
            child,
            school,
        } => {
            parent.id != Some(caller.account)
                && (caller.platform_admin
                    || (changes_in(caller, parent, school) && changes_in(caller, child, school)))
        }
    }
}

/// Whether the account is one of the caller's to change at all: never a platform admin, and it
/// holds a role in a school the caller administers (an id from elsewhere is refused like an
/// unknown one).
fn reaches(caller: &Caller, target: &AccountFacts) -> bool {
    !target.platform_admin && target.roles.iter().any(|r| caller.administers(r.school))
}

/// A change confined to `school`, which the caller administers. An account shared with other
/// schools (a teacher in two collèges, a parent of children in two schools) may be changed by
/// each of its schools' admins there; but one who runs another school (admin or staff there)
/// is left to that school and the platform admin: roles given in the collège must not become a
/// way into the lycée's office.
fn changes_in(caller: &Caller, target: &AccountFacts, school: SchoolId) -> bool {
    caller.administers(school)
        && reaches(caller, target)
        && target
            .roles
            .iter()
            .all(|r| caller.administers(r.school) || !POWERFUL.contains(&r.profile))
}

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
    /// Pupils this person is a parent of: a link counts only while this person holds the
    /// Parent role in a school where the child is a pupil, so a withdrawn parent sees nothing.
    pub children: Vec<AccountId>,
    /// Classes and groups of the current school year this person teaches: a former teacher of
    /// a class sees nothing of its pupils.
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
    /// Classes and groups of the current school year the account is a pupil in: last year's
    /// classes grant nothing to last year's teachers.
    pub groups: Vec<GroupId>,
}

impl AccountFacts {
    /// Whether the account holds a role in `school`.
    pub fn belongs_to(&self, school: SchoolId) -> bool {
        self.roles.iter().any(|r| r.school == school)
    }
}

/// Something a caller wants to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// See an account's profile (names, roles, classes).
    ViewAccount(&'a AccountFacts),
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

impl Action<'_> {
    /// The school an action concerns, for the audit trail: `None` for actions on a whole account
    /// or the whole platform. Exhaustive on purpose: a new action must say where it belongs.
    pub fn school(&self) -> Option<SchoolId> {
        match *self {
            Action::ChangeAccountIn(_, school)
            | Action::LinkParent { school, .. }
            | Action::ViewSchool(school)
            | Action::ManageSchool(school)
            | Action::ReadAudit(Some(school)) => Some(school),
            Action::ViewAccount(_)
            | Action::ChangeAccount(_)
            | Action::ManagePlatform
            | Action::EditCharter
            | Action::ReadAudit(None) => None,
        }
    }
}

/// Profiles whose holder runs a school or sees into everyone's file there: an account holding
/// one of them in a school is that school's to change, never another school's admin's.
const POWERFUL: [Profile; 2] = [Profile::SchoolAdmin, Profile::Staff];

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

/// What a caller allowed to see `target` (see [`Action::ViewAccount`]) sees of it. A teacher,
/// staff member or admin sees the person as their own schools know them, nothing of the
/// person's other schools; a parent sees their child everywhere.
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
    // Before the platform admin's pass: nobody grants themselves a child, so that seeing a
    // child always goes through someone else's hands.
    if let Action::LinkParent { parent, .. } = action
        && parent.id == Some(caller.account)
    {
        return false;
    }
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
        // A password or a name is the same in every school: changing it is taking over the
        // account everywhere, so every school of the account must be the caller's.
        Action::ChangeAccount(target) => {
            reaches(caller, target) && target.roles.iter().all(|r| caller.administers(r.school))
        }
        Action::ChangeAccountIn(target, school) => changes_in(caller, target, school),
        Action::LinkParent {
            parent,
            child,
            school,
        } => changes_in(caller, parent, school) && changes_in(caller, child, school),
        Action::ViewSchool(school) => caller.belongs_to(school),
        Action::ManageSchool(school) => caller.administers(school),
        Action::ReadAudit(Some(school)) => caller.administers(school),
        Action::ManagePlatform | Action::EditCharter | Action::ReadAudit(None) => false,
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

#[cfg(test)]
mod tests;

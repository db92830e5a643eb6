//! The one place that decides who may do what. Every server function builds the [`Caller`] from
//! the session, gathers the facts about the data it touches, and asks [`authorize`]; nothing else
//! grants access.
//!
//! The rules are written per area, in the module named after the area of `app/src/api` whose
//! server functions ask them ([`profile`], [`admin`], [`audit`], [`platform`], [`charter`],
//! [`exercises`], [`files`], [`sequences`], [`timetable`], [`homework`]);
//! each area has its own `Action` enum, and [`Action`] gathers them for the one entry point.

pub mod admin;
pub mod audit;
pub mod charter;
pub mod exercises;
pub mod files;
pub mod homework;
pub mod platform;
pub mod profile;
pub mod sequences;
pub mod timetable;

use crate::ids::{AccountId, GroupId, SchoolId};
use crate::profile::{Profile, Role};
use serde::{Deserialize, Serialize};

pub use profile::{Seen, profile_scope};

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
    /// Classes and groups of the current school year this person is a pupil in.
    pub groups: Vec<GroupId>,
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

/// Something a caller wants to do, in the area whose rules decide it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    Profile(profile::Action<'a>),
    Admin(admin::Action<'a>),
    Audit(audit::Action),
    Platform(platform::Action),
    Charter(charter::Action),
    Exercises(exercises::Action<'a>),
    Files(files::Action<'a>),
    Sequences(sequences::Action<'a>),
    Timetable(timetable::Action<'a>),
    Homework(homework::Action<'a>),
}

impl Action<'_> {
    /// The school an action concerns, for the audit trail: `None` for actions on a whole account
    /// or the whole platform. Each area answers with an exhaustive match of its own: a new
    /// action must say where it belongs.
    pub fn school(&self) -> Option<SchoolId> {
        match self {
            Action::Profile(action) => action.school(),
            Action::Admin(action) => action.school(),
            Action::Audit(action) => action.school(),
            Action::Platform(action) => action.school(),
            Action::Charter(action) => action.school(),
            Action::Exercises(action) => action.school(),
            Action::Files(action) => action.school(),
            Action::Sequences(action) => action.school(),
            Action::Timetable(action) => action.school(),
            Action::Homework(action) => action.school(),
        }
    }
}

impl<'a> From<profile::Action<'a>> for Action<'a> {
    fn from(action: profile::Action<'a>) -> Self {
        Action::Profile(action)
    }
}

impl<'a> From<admin::Action<'a>> for Action<'a> {
    fn from(action: admin::Action<'a>) -> Self {
        Action::Admin(action)
    }
}

impl From<audit::Action> for Action<'_> {
    fn from(action: audit::Action) -> Self {
        Action::Audit(action)
    }
}

impl From<platform::Action> for Action<'_> {
    fn from(action: platform::Action) -> Self {
        Action::Platform(action)
    }
}

impl<'a> From<exercises::Action<'a>> for Action<'a> {
    fn from(action: exercises::Action<'a>) -> Self {
        Action::Exercises(action)
    }
}

impl<'a> From<files::Action<'a>> for Action<'a> {
    fn from(action: files::Action<'a>) -> Self {
        Action::Files(action)
    }
}

impl<'a> From<sequences::Action<'a>> for Action<'a> {
    fn from(action: sequences::Action<'a>) -> Self {
        Action::Sequences(action)
    }
}

impl<'a> From<timetable::Action<'a>> for Action<'a> {
    fn from(action: timetable::Action<'a>) -> Self {
        Action::Timetable(action)
    }
}

impl<'a> From<homework::Action<'a>> for Action<'a> {
    fn from(action: homework::Action<'a>) -> Self {
        Action::Homework(action)
    }
}

impl From<charter::Action> for Action<'_> {
    fn from(action: charter::Action) -> Self {
        Action::Charter(action)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("forbidden")]
pub struct Forbidden;

/// Decides whether `caller` may do `action` (an area's action, or an [`Action`]).
pub fn authorize<'a>(caller: &Caller, action: impl Into<Action<'a>>) -> Result<(), Forbidden> {
    let allowed = match action.into() {
        Action::Profile(action) => profile::allowed(caller, action),
        Action::Admin(action) => admin::allowed(caller, action),
        Action::Audit(action) => audit::allowed(caller, action),
        Action::Platform(action) => platform::allowed(caller, action),
        Action::Charter(action) => charter::allowed(caller, action),
        Action::Exercises(action) => exercises::allowed(caller, action),
        Action::Files(action) => files::allowed(caller, action),
        Action::Sequences(action) => sequences::allowed(caller, action),
        Action::Timetable(action) => timetable::allowed(caller, action),
        Action::Homework(action) => homework::allowed(caller, action),
    };
    if allowed { Ok(()) } else { Err(Forbidden) }
}

#[cfg(test)]
mod tests;

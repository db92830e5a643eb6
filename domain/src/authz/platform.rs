//! Running the platform (`app/src/api/platform.rs`): the platform admin's alone.

use super::Caller;
use crate::ids::SchoolId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// List and create establishments.
    ManageSchools,
}

impl Action {
    /// The whole platform, no one school.
    pub fn school(&self) -> Option<SchoolId> {
        match self {
            Action::ManageSchools => None,
        }
    }
}

pub(super) fn allowed(caller: &Caller, action: Action) -> bool {
    match action {
        Action::ManageSchools => caller.platform_admin,
    }
}

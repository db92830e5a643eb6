//! The usage charter (`app/src/api/charter.rs`): everyone reads and accepts it; only the
//! platform admin publishes a new version.

use super::Caller;
use crate::ids::SchoolId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Publish a new version of the usage charter.
    Publish,
}

impl Action {
    /// One charter for the whole platform.
    pub fn school(&self) -> Option<SchoolId> {
        match self {
            Action::Publish => None,
        }
    }
}

pub(super) fn allowed(caller: &Caller, action: Action) -> bool {
    match action {
        Action::Publish => caller.platform_admin,
    }
}

//! Reading the audit trail (`app/src/api/audit.rs`).

use super::Caller;
use crate::ids::SchoolId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Read the audit trail of one school, or of the whole platform (`None`).
    Read(Option<SchoolId>),
}

impl Action {
    pub fn school(&self) -> Option<SchoolId> {
        match *self {
            Action::Read(school) => school,
        }
    }
}

pub(super) fn allowed(caller: &Caller, action: Action) -> bool {
    match action {
        Action::Read(Some(school)) => caller.administers(school),
        Action::Read(None) => caller.platform_admin,
    }
}

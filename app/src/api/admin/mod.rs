//! School administration: accounts and their roles, classes and groups, parent links. A school
//! admin acts in the schools they administer; a platform admin in any. Every function takes the
//! school (or a group, resolved to its school) and asks `domain::authz` before anything else.

mod accounts;
mod groups;
#[cfg(feature = "ssr")]
mod guard;
mod links;

pub use accounts::*;
pub use groups::*;
pub use links::*;

//! The usage charter every user accepts before using the ENT.

use serde::{Deserialize, Serialize};

/// A published version of the charter; each new version must be accepted again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CharterVersion(i64);

impl CharterVersion {
    pub const fn new(n: i64) -> Self {
        Self(n)
    }
    pub const fn get(self) -> i64 {
        self.0
    }
}

/// Whether a user who accepted `accepted` must be shown the charter `current` before anything else.
pub fn must_accept(accepted: Option<CharterVersion>, current: Option<CharterVersion>) -> bool {
    match (accepted, current) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(a), Some(c)) => a < c,
    }
}

/// The charter body is plain text with blank lines between paragraphs; bounded so an edit
/// cannot fill the database.
pub const MAX_BODY_CHARS: usize = 50_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_versions_are_asked_again() {
        let v = CharterVersion::new;
        assert!(!must_accept(None, None));
        assert!(must_accept(None, Some(v(1))));
        assert!(!must_accept(Some(v(1)), Some(v(1))));
        assert!(must_accept(Some(v(1)), Some(v(2))));
    }
}

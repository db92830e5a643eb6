//! The languages of the interface.

use crate::coded::coded_enum;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// A language the whole interface is written in. Corsican is first-class, not a fallback.
    /// Its code is its BCP 47 tag.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Lang (unknown: UnknownLang = UnknownLang) {
        #[default]
        Fr = "fr",
        Co = "co",
    }
}

impl Lang {
    /// The BCP 47 tag, as used in `<html lang>` and stored per account: the code.
    pub const fn tag(self) -> &'static str {
        self.code()
    }

    /// The language's name written in itself, as shown in the language switch.
    pub const fn endonym(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::Co => "Corsu",
        }
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language")]
pub struct UnknownLang;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_the_codes() {
        for lang in Lang::ALL {
            assert_eq!(lang.tag(), lang.code());
        }
        assert_eq!("en".parse::<Lang>(), Err(UnknownLang));
    }
}

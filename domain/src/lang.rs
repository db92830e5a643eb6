//! The languages of the interface.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// A language the whole interface is written in. Corsican is first-class, not a fallback.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    Co,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::Co];

    /// The BCP 47 tag, as used in `<html lang>` and stored per account.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Co => "co",
        }
    }

    /// The language's name written in itself, as shown in the language switch.
    pub const fn endonym(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::Co => "Corsu",
        }
    }
}

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "fr" => Ok(Lang::Fr),
            "co" => Ok(Lang::Co),
            _ => Err(UnknownLang),
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
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.tag().parse::<Lang>(), Ok(lang));
        }
        assert_eq!("en".parse::<Lang>(), Err(UnknownLang));
    }
}

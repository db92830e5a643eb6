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

/// A name shown to people (a subject, later other reference data) in both languages. The
/// Corsican name may be empty, and then the French one is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub fr: String,
    pub co: String,
}

impl Bilingual {
    pub fn new(fr: impl Into<String>, co: impl Into<String>) -> Self {
        Self {
            fr: fr.into(),
            co: co.into(),
        }
    }

    pub fn in_lang(&self, lang: Lang) -> &str {
        match lang {
            Lang::Co if !self.co.trim().is_empty() => &self.co,
            _ => &self.fr,
        }
    }
}

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

    #[test]
    fn a_missing_corsican_name_falls_back_to_french() {
        let maths = Bilingual::new("Mathématiques", "Matematiche");
        assert_eq!(maths.in_lang(Lang::Co), "Matematiche");
        assert_eq!(maths.in_lang(Lang::Fr), "Mathématiques");
        let svt = Bilingual::new("SVT", " ");
        assert_eq!(svt.in_lang(Lang::Co), "SVT");
    }
}

//! The language an exercise is written in, as a BCP 47 tag.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A well-formed BCP 47 language tag (`fr`, `co`, `it`, `en-GB`, `oc-aranes`, `zh-Hant-TW`),
/// kept in its conventional case (language lower-case, script title-case, region upper-case) so
/// that `FR-fr` and `fr-FR` are one tag. Exercises are not limited to the interface's languages:
/// a language class may be in Italian or English. Well-formed only: subtags are not checked
/// against the IANA registry, which would ship a large table to every browser.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageTag(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("not a BCP 47 language tag")]
pub struct InvalidLanguageTag;

impl LanguageTag {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The interface language this tag is written in, if it is one (`co-FR` is Corsican).
    pub fn interface_lang(&self) -> Option<Lang> {
        self.0.split('-').next()?.parse().ok()
    }
}

impl From<Lang> for LanguageTag {
    fn from(lang: Lang) -> Self {
        Self(lang.tag().to_owned())
    }
}

impl FromStr for LanguageTag {
    type Err = InvalidLanguageTag;

    /// Reads `language [-script] [-region] *(-variant) *(-extension) [-x-private]`, the grammar
    /// of RFC 5646 without its irregular grandfathered tags.
    fn from_str(raw: &str) -> Result<Self, InvalidLanguageTag> {
        let mut out = String::with_capacity(raw.len());
        // Position in the grammar: 0 language, 1 script, 2 region, 3 variants, 4 after a singleton.
        let mut stage = 0;
        let mut after_singleton = false;
        let mut private = false;
        for (i, subtag) in raw.split('-').enumerate() {
            let len = subtag.len();
            if !(1..=8).contains(&len) || !subtag.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(InvalidLanguageTag);
            }
            let alpha = subtag.bytes().all(|b| b.is_ascii_alphabetic());
            let digit = subtag.bytes().all(|b| b.is_ascii_digit());
            let lower = subtag.to_ascii_lowercase();
            let cased = if i == 0 {
                if !(alpha && (len == 2 || len == 3 || (5..=8).contains(&len))) {
                    return Err(InvalidLanguageTag);
                }
                lower
            } else if private {
                after_singleton = false;
                lower
            } else if len == 1 {
                if after_singleton {
                    // A singleton must be followed by at least one subtag of its own.
                    return Err(InvalidLanguageTag);
                }
                after_singleton = true;
                private = lower == "x";
                stage = 4;
                lower
            } else if stage == 4 {
                if len < 2 {
                    return Err(InvalidLanguageTag);
                }
                after_singleton = false;
                lower
            } else if stage < 1 && alpha && len == 4 {
                stage = 1;
                let mut script = lower;
                script[..1].make_ascii_uppercase();
                script
            } else if stage < 2 && ((alpha && len == 2) || (digit && len == 3)) {
                stage = 2;
                subtag.to_ascii_uppercase()
            } else if len >= 5 || (len == 4 && subtag.as_bytes()[0].is_ascii_digit()) {
                stage = 3;
                lower
            } else {
                return Err(InvalidLanguageTag);
            };
            if i > 0 {
                out.push('-');
            }
            out.push_str(&cased);
        }
        if after_singleton {
            return Err(InvalidLanguageTag);
        }
        Ok(Self(out))
    }
}

impl TryFrom<String> for LanguageTag {
    type Error = InvalidLanguageTag;
    fn try_from(raw: String) -> Result<Self, InvalidLanguageTag> {
        raw.parse()
    }
}

impl From<LanguageTag> for String {
    fn from(tag: LanguageTag) -> String {
        tag.0
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

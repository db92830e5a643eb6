//! Accounts: login names and the names people are shown by.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A login name: lower-case ASCII letters, digits, `.`, `-`, `_`; 2 to 64 characters, starting
/// with a letter. Input is trimmed and lower-cased, so `Marie.Santoni` signs in as `marie.santoni`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Username(String);

impl Username {
    pub const MAX_CHARS: usize = 64;

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a login name may hold this character (once lower-cased).
    pub fn allows(c: char) -> bool {
        c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c)
    }

    /// The login name proposed for a new account, `prenom.nom` without accents or spaces; `n`
    /// (from 2) is appended when that name is taken, `prenom.nom2`.
    pub fn suggest(first_name: &str, last_name: &str, n: u32) -> Result<Username, InvalidAccount> {
        let part = |s: &str| -> String {
            s.chars()
                .flat_map(fold_accent)
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect::<String>()
                .to_ascii_lowercase()
        };
        let mut name = format!("{}.{}", part(first_name), part(last_name));
        name.truncate(Self::MAX_CHARS - 4);
        if n > 1 {
            name.push_str(&n.to_string());
        }
        Username::try_from(name.trim_matches('.').to_owned())
    }
}

/// Folds the accented letters of French and Corsican to ASCII (`ù` → `u`, `œ` → `oe`).
fn fold_accent(c: char) -> Vec<char> {
    let folded: &str = match c {
        'à' | 'â' | 'ä' | 'á' => "a",
        'À' | 'Â' | 'Ä' | 'Á' => "A",
        'ç' => "c",
        'Ç' => "C",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'É' | 'È' | 'Ê' | 'Ë' => "E",
        'î' | 'ï' | 'ì' | 'í' => "i",
        'Î' | 'Ï' | 'Ì' | 'Í' => "I",
        'ô' | 'ö' | 'ò' | 'ó' => "o",
        'Ô' | 'Ö' | 'Ò' | 'Ó' => "O",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'Ù' | 'Û' | 'Ü' | 'Ú' => "U",
        'ÿ' => "y",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        ' ' | '\'' | '’' => "",
        _ => return vec![c],
    };
    folded.chars().collect()
}

impl TryFrom<String> for Username {
    type Error = InvalidAccount;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        let name = raw.trim().to_ascii_lowercase();
        let starts_with_letter = name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if (2..=Self::MAX_CHARS).contains(&name.len())
            && starts_with_letter
            && name.chars().all(Self::allows)
        {
            Ok(Username(name))
        } else {
            Err(InvalidAccount::Username)
        }
    }
}

impl From<Username> for String {
    fn from(u: Username) -> String {
        u.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A first or last name as the person writes it (accents, apostrophes, hyphens kept).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_CHARS: usize = 100;

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PersonName {
    type Error = InvalidAccount;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            Err(InvalidAccount::EmptyName)
        } else if name.chars().count() > Self::MAX_CHARS || name.chars().any(char::is_control) {
            Err(InvalidAccount::BadName)
        } else {
            Ok(PersonName(name))
        }
    }
}

impl From<PersonName> for String {
    fn from(n: PersonName) -> String {
        n.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum InvalidAccount {
    #[error(
        "a login name is 2 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter"
    )]
    Username,
    #[error("the name is empty")]
    EmptyName,
    #[error("the name is too long or holds control characters")]
    BadName,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_normalised() {
        let u = Username::try_from("  Marie.Santoni ".to_owned()).expect("valid");
        assert_eq!(u.as_str(), "marie.santoni");
        for bad in ["", "a", "1abc", "marie santoni", "marie@x", &"a".repeat(65)] {
            assert_eq!(
                Username::try_from(bad.to_owned()),
                Err(InvalidAccount::Username),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn suggestions_fold_accents() {
        let cases = [
            ("Ghjuvan Petru", "Lucciardi", 1, "ghjuvanpetru.lucciardi"),
            ("Maïté", "d'Ornano", 1, "maite.dornano"),
            ("Éloïse", "Cœur", 3, "eloise.coeur3"),
        ];
        for (first, last, n, expected) in cases {
            assert_eq!(
                Username::suggest(first, last, n).map(|u| u.as_str().to_owned()),
                Ok(expected.to_owned())
            );
        }
    }

    #[test]
    fn person_names_collapse_spaces() {
        let n = PersonName::try_from("  Anna   Maria ".to_owned()).expect("valid");
        assert_eq!(n.as_str(), "Anna Maria");
        assert_eq!(
            PersonName::try_from(" ".to_owned()),
            Err(InvalidAccount::EmptyName)
        );
    }
}

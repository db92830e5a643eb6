//! The names that tie a pupil's response to the exercise: items, and the choices, cards and
//! categories inside an item. They are short identifiers chosen when the exercise is written (or
//! taken from an imported file), never positions, so that reordering an exercise or shuffling a
//! paper does not make a saved draft point at other answers.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The longest identifier: QTI and Moodle identifiers fit, and a response stays small.
pub const MAX_ID_LEN: usize = 64;

/// Why a text is not an identifier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InvalidId {
    #[error("an identifier cannot be empty")]
    Empty,
    #[error("an identifier has at most {MAX_ID_LEN} characters")]
    TooLong,
    /// Only ASCII letters, digits, `-`, `_` and `.`: identifiers appear in URLs, HTML ids and
    /// imported QTI files, whose identifiers are of this kind.
    #[error("an identifier cannot contain {character:?}")]
    Character { character: char },
}

fn check(raw: &str) -> Result<(), InvalidId> {
    if raw.is_empty() {
        return Err(InvalidId::Empty);
    }
    if raw.len() > MAX_ID_LEN {
        return Err(InvalidId::TooLong);
    }
    match raw
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        Some(character) => Err(InvalidId::Character { character }),
        None => Ok(()),
    }
}

macro_rules! local_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidId;
            fn try_from(raw: String) -> Result<Self, InvalidId> {
                check(&raw).map(|()| Self(raw))
            }
        }

        impl FromStr for $name {
            type Err = InvalidId;
            fn from_str(raw: &str) -> Result<Self, InvalidId> {
                check(raw).map(|()| Self(raw.to_owned()))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}

local_id!(
    /// An item of an exercise, unique within it.
    ItemId,
    /// A choice of a choice item or an option of a drop-down gap, unique within its item.
    ChoiceId,
    /// A card to match, put in order or sort into categories, unique within its item (left and
    /// right cards of a matching item included).
    CardId,
    /// A category cards are sorted into, unique within its item.
    CategoryId,
);

/// The longest file reference.
pub const MAX_FILE_REF_LEN: usize = 256;

/// A stored file (a dictation's recording, a pupil's spoken answer), named by the storage that
/// holds it. Opaque here: the domain neither reads files nor knows how they are named.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FileRef(String);

/// Why a text is not a file reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InvalidFileRef {
    #[error("a file reference cannot be empty")]
    Empty,
    #[error("a file reference has at most {MAX_FILE_REF_LEN} bytes")]
    TooLong,
}

impl FileRef {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for FileRef {
    type Error = InvalidFileRef;
    fn try_from(raw: String) -> Result<Self, InvalidFileRef> {
        if raw.trim().is_empty() {
            Err(InvalidFileRef::Empty)
        } else if raw.len() > MAX_FILE_REF_LEN {
            Err(InvalidFileRef::TooLong)
        } else {
            Ok(Self(raw))
        }
    }
}

impl FromStr for FileRef {
    type Err = InvalidFileRef;
    fn from_str(raw: &str) -> Result<Self, InvalidFileRef> {
        Self::try_from(raw.to_owned())
    }
}

impl From<FileRef> for String {
    fn from(file: FileRef) -> String {
        file.0
    }
}

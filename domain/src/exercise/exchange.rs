//! Exercises to and from the formats other platforms use: Moodle's GIFT (read and written), Moodle
//! XML and IMS QTI 2.1 items (read). Pure functions over bytes and strings; the server reads the
//! files and stores what comes out. The readers and the writer are behind the feature `exchange`,
//! so that the browser build carries no XML or HTML parser; what they report ([`Report`],
//! [`ImportError`], [`NotExported`]) is in every build, for the browser to show.
//!
//! **What an import gives.** [`import`] reads one file into a [`Report`]: one entry per question
//! of the file, in order, saying whether it was taken (as which item type) or refused (and why,
//! as a [`Reason`]), with [`Note`]s on what changed on the way; and the exercise made of the
//! taken items (one exercise per file, whatever the categories the file sorts its questions in:
//! categories are noted and ignored). Every taken item passes `Exercise::problems`; one that
//! would not is refused with its problems as the reason. A file that cannot be read as a whole
//! (too large, not UTF-8, malformed XML, a DTD, too deep, too many questions) is an
//! [`ImportError`], never a partial report.
//!
//! **Texts.** Prompts, choices and feedback are Markdown in Scola. Markdown sources are kept as
//! they are; plain text is escaped so that it reads the same; HTML is reduced to its text
//! (paragraphs and line breaks kept, tags, scripts and styles removed, images and media dropped
//! with a note), then escaped like plain text. Typed answers are plain text.
//!
//! **Identifiers.** An item's id is the source's identifier when it is a valid `ItemId` (GIFT
//! title, Moodle ID number or name, QTI identifier), otherwise derived from it (accents removed,
//! other characters replaced by `-`), otherwise `q<position>`; a repeated id gets `-2`, `-3`.
//! Choices, options and cards get positional ids (`a`, `b`, … for choices, `l1`/`r1`, … for
//! cards) unless the source names them (QTI).
//!
//! **Descriptions.** Text without a question (a GIFT question with no answer block, a Moodle
//! `description`) placed before the first question becomes the exercise's statement; later ones
//! are refused (Scola has no item that asks nothing, and the text would lose its place).
//!
//! **Encodings.** UTF-8, with or without a byte-order mark, and UTF-16 with its byte-order mark
//! (decoded); anything else is refused with the offset of the first invalid byte. An XML
//! declaration naming another encoding is refused rather than guessed.

#[cfg(feature = "exchange")]
mod build;
#[cfg(feature = "exchange")]
mod detect;
#[cfg(feature = "exchange")]
pub mod gift;
#[cfg(feature = "exchange")]
mod input;
#[cfg(feature = "exchange")]
mod markup;
#[cfg(feature = "exchange")]
pub mod moodle_xml;
#[cfg(feature = "exchange")]
mod number;
#[cfg(feature = "exchange")]
pub mod qti;
mod report;
#[cfg(feature = "exchange")]
mod xml;

#[cfg(all(test, feature = "exchange"))]
mod tests;

#[cfg(feature = "exchange")]
pub use detect::detect;
pub use report::{
    FileNote, ImportError, ItemReport, NotExported, Note, Outcome, Reason, Report, Unexpressible,
};

#[cfg(feature = "exchange")]
use super::LanguageTag;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The largest file read, checked before anything is parsed: a 1,000-question Moodle export
/// with its pictures stays well below.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// The most questions a file may hold: more is not an exercise, and the bound keeps a hostile
/// file from making a report of millions of entries.
pub const MAX_QUESTIONS: usize = 1000;

/// The most choices, answers, gaps or cards a question may have; more is refused.
pub const MAX_PARTS: usize = 200;

/// The deepest nesting of XML elements read (QTI items and Moodle exports are below 15).
pub const MAX_XML_DEPTH: usize = 64;

/// The most XML nodes (elements, texts, …) a file may hold.
pub const MAX_XML_NODES: u32 = 500_000;

/// The formats read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Gift,
    MoodleXml,
    Qti,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Gift, Format::MoodleXml, Format::Qti];

    /// The name used on the command line and in reports: `gift`, `moodle-xml`, `qti`.
    pub fn code(self) -> &'static str {
        match self {
            Format::Gift => "gift",
            Format::MoodleXml => "moodle-xml",
            Format::Qti => "qti",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown format {0:?}: gift, moodle-xml or qti")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(raw: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|format| format.code() == raw)
            .ok_or_else(|| UnknownFormat(raw.to_owned()))
    }
}

#[cfg(feature = "exchange")]
/// What the imported exercise is given when the file does not say: its title (the file's name,
/// say) and its language. A QTI item's title and `xml:lang`, and the header Scola writes in its
/// GIFT files, take precedence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Defaults {
    pub title: String,
    pub language: LanguageTag,
}

/// Reads one file of `format`. See the module's documentation for what comes out.
#[cfg(feature = "exchange")]
pub fn import(bytes: &[u8], format: Format, defaults: &Defaults) -> Result<Report, ImportError> {
    let text = input::decode(bytes)?;
    match format {
        Format::Gift => gift::import(&text, defaults),
        Format::MoodleXml => moodle_xml::import(&text, defaults),
        Format::Qti => qti::import(&text, defaults),
    }
}

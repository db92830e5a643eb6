//! What an import says: per question of the file, taken or refused and why, and the notes on
//! what changed; and the errors that stop a file from being read at all.
//!
//! Reasons and notes are enums: the interface translates them; their English `Display` is for
//! logs and the command line. The JSON shape (`--json`) is one object per question:
//! `{"position":3,"line":12,"name":"Q2","status":"taken","type":"single_choice","id":"Q2"}` or
//! `{…,"status":"refused","reason":{"type":"invalid_grade","grade":"33"}}`.

use super::Format;
use crate::exercise::{Exercise, ItemId, ItemProblem, ItemType};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The outcome of importing one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub format: Format,
    /// The taken items, in the file's order, as one exercise; `None` when none was taken.
    pub exercise: Option<Exercise>,
    /// One entry per question of the file, in order.
    pub items: Vec<ItemReport>,
    /// About the file as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<FileNote>,
}

impl Report {
    pub fn taken(&self) -> usize {
        self.count(|outcome| matches!(outcome, Outcome::Taken { .. }))
    }

    pub fn refused(&self) -> usize {
        self.count(|outcome| matches!(outcome, Outcome::Refused { .. }))
    }

    fn count(&self, which: impl Fn(&Outcome) -> bool) -> usize {
        self.items
            .iter()
            .filter(|item| which(&item.outcome))
            .count()
    }
}

/// What became of one question of the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemReport {
    /// Its position among the file's questions, from 1.
    pub position: usize,
    /// The line it starts on, from 1, when the format has lines worth naming.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Its name in the file (GIFT title, Moodle name, QTI title), to find it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(flatten)]
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// An item of the exercise, of this type, under this id.
    Taken {
        #[serde(rename = "type")]
        item_type: ItemType,
        id: ItemId,
    },
    /// A description before the first question, kept as the exercise's statement.
    Statement,
    Refused {
        reason: Reason,
    },
}

/// Why a question was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reason {
    #[error(
        "a description has no answer (only one before the first question becomes the statement)"
    )]
    Description,
    #[error("{}", Problems(problems))]
    Problems { problems: Vec<ItemProblem> },
    #[error("Moodle question type {name:?} is not supported")]
    UnsupportedQuestionType { name: String },
    #[error("QTI interaction {name} is not supported")]
    UnsupportedInteraction { name: String },
    #[error("the question holds {element}, which is not supported")]
    UnsupportedContent { element: String },
    #[error("the question has no interaction")]
    NoInteraction,
    #[error("several interactions in one question are supported only as gaps of one text")]
    SeveralInteractions,
    #[error("adaptive items (several attempts changing the question) are not supported")]
    Adaptive,
    #[error("template items (values drawn at random) are not supported")]
    Template,
    #[error("response processing other than the standard templates is not supported")]
    CustomResponseProcessing,
    #[error("response processing template {uri:?} is not supported")]
    UnknownTemplate { uri: String },
    #[error("nothing to score: no correct response, no mapping")]
    NoScoring,
    #[error("the response is declared as {declared}, which does not fit the interaction")]
    ResponseMismatch { declared: String },
    #[error(
        "the correct response or mapping names {identifier:?}, which the question does not hold"
    )]
    UnknownIdentifier { identifier: String },
    #[error("grade {grade} is not one of Moodle's grades")]
    InvalidGrade { grade: String },
    #[error("{text:?} is not a number")]
    NotANumber { text: String },
    #[error("answer {answer:?} holds a * wildcard, which Scola does not match")]
    Wildcard { answer: String },
    #[error("an answer accepting anything (*) earns credit")]
    CatchAllWithCredit,
    #[error("an answer block opened with {{ is not closed")]
    BraceNotClosed,
    #[error("a }} closes no answer block")]
    BraceNotOpened,
    #[error("more than one answer block")]
    SeveralAnswerBlocks,
    #[error("matching answer {answer:?} has no ->")]
    MatchingWithoutArrow { answer: String },
    #[error("embedded answer {text:?} is malformed")]
    MalformedGap { text: String },
    #[error("{kind} gaps are supported only alone in their question")]
    GapNotAlone { kind: String },
    #[error("{kind} gaps are not supported")]
    UnsupportedGap { kind: String },
    #[error("gap [[{gap}]] names no choice")]
    GapOutOfRange { gap: usize },
    #[error("units converted by a factor are not supported")]
    UnitConversion,
    #[error(
        "a card is matched with several others: Scola matches one to one or sorts into categories"
    )]
    ManyToManyMatching,
    #[error("card {card:?} is matched with nothing")]
    UnmatchedCard { card: String },
    #[error("{count} parts, more than {max}")]
    TooManyParts { count: usize, max: usize },
    #[error("element {element} is missing")]
    Missing { element: String },
}

struct Problems<'a>(&'a [ItemProblem]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// Something that changed on the way in, on a question that was taken all the same: the item
/// is worth checking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Note {
    #[error("scored a little differently: the file's weights fit none of Scola's ways of scoring")]
    ApproximateScoring,
    #[error("a credit was rounded to a whole percentage")]
    CreditRounded,
    #[error("a negative credit became no credit (Scola takes no points away)")]
    NegativeCreditAsZero,
    #[error("HTML formatting was removed, the text kept")]
    MarkupRemoved,
    #[error("{count} pictures or media left out")]
    MediaDropped { count: usize },
    #[error("gaps of different weights weigh the same in Scola")]
    UnequalGapWeights,
    #[error("buttons or drag-and-drop gaps become drop-down lists")]
    ShownAsDropDown,
    #[error("choices fixed in place are shuffled with the others, or all kept in order")]
    FixedPositionsIgnored,
    #[error("pairs from one list are shown as two columns to match")]
    AssociationAsMatching,
    #[error("cards matched to shared targets become cards sorted into categories")]
    MatchingAsCategorising,
    #[error("Scola's details in the comment did not fit the question and were ignored")]
    ExtrasIgnored,
    #[error("hints were left out")]
    HintsDropped,
    #[error("the answer template was left out")]
    ResponseTemplateDropped,
}

/// About a file as a whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FileNote {
    #[error("category {name:?} ignored: the questions make one exercise")]
    CategoryIgnored { name: String },
    #[error("Scola's exercise header could not be read and was ignored")]
    HeaderIgnored,
}

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ImportError {
    #[error("the file has {bytes} bytes, more than {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("not UTF-8 or UTF-16 text: invalid byte at offset {offset}")]
    InvalidEncoding { offset: usize },
    #[error("the file declares encoding {declared:?}: only UTF-8 and UTF-16 are read")]
    UnsupportedEncoding { declared: String },
    #[error("a ZIP archive: import the item files it holds")]
    Archive,
    #[error("malformed XML at line {line}, column {column}: {detail}")]
    MalformedXml {
        line: u32,
        column: u32,
        detail: String,
    },
    #[error("the XML has a document type declaration, refused (entity expansion)")]
    Dtd,
    #[error("the XML has more than {max} nodes")]
    TooManyNodes { max: u32 },
    #[error("the XML nests elements deeper than {max}")]
    TooDeep { max: usize },
    #[error("the file has {count} questions, more than {max}")]
    TooManyQuestions { count: usize, max: usize },
    #[error("the root element is {found}, not {expected}")]
    WrongRoot { found: String, expected: String },
    #[error("the file holds no question")]
    NoQuestions,
}

/// An item left out of an export, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotExported {
    pub item: ItemId,
    pub reason: Unexpressible,
}

/// Why GIFT cannot hold an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Unexpressible {
    #[error("GIFT has no {item_type:?} questions")]
    Kind { item_type: ItemType },
    #[error("GIFT holds one gap per question, this text has {gaps}")]
    Gaps { gaps: usize },
    #[error("a GIFT gap needs text after it")]
    GapAtEnd,
    #[error("GIFT reads -> in this text as a matching arrow")]
    Arrow,
    #[error("a tolerance too large to write")]
    Tolerance,
    /// A free answer to be given only spoken: GIFT's essays are written (a recording's only
    /// trace would be Scola's comment, which Moodle ignores).
    #[error("GIFT has no spoken answers")]
    Spoken,
}

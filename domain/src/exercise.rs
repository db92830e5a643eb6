//! Interactive exercises: how a teacher writes them, what a pupil is given, what a pupil
//! answers, and how answers are scored.
//!
//! - [`Exercise`] is the whole exercise as written (or imported), answers included; it is what
//!   is stored, as JSON whose shape is stable (every enum tagged by a `type` field).
//! - [`Exercise::paper`] gives the [`Paper`] a pupil works on: no answers in it, by
//!   construction; [`Exercise::key`] gives the [`AnswerKey`].
//! - A pupil's [`Response`] (answers per item id) is saved as a draft and checked against the
//!   paper ([`Response::check`]).
//! - [`score`] is the one scoring function, compiled into the browser (instant feedback, when
//!   the teacher sends the key) and into the server (the score that counts): pure, exact (points
//!   in hundredths, see [`points`] for the one rounding rule), deterministic.
//! - [`Exercise::problems`] lists what is wrong with an exercise as written.
//! - `exchange` reads GIFT, Moodle XML and QTI 2.1 files and writes GIFT (the readers and the
//!   writer behind the feature `exchange`, server only; what they report is in every build, for
//!   the browser to show).
//! - [`Outcome::mark`] is a teacher's points on a free answer; `statistics` sums up a class's
//!   attempts item by item.

mod answer;
pub mod assignment;
pub mod cloze_text;
mod decimal;
pub mod exchange;
mod files;
mod ids;
mod item;
mod key;
mod language;
mod marking;
mod paper;
pub mod points;
mod score;
mod shuffle;
pub mod statistics;
pub mod text;
mod validate;

#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
#[cfg(test)]
mod tests;

pub use answer::{Answer, AnswerProblem, GapAnswer, MAX_ANSWER_CHARS, Response, ResponseError};
pub use decimal::{Decimal, InvalidDecimal, MAX_DIGITS};
pub use ids::{
    CardId, CategoryId, ChoiceId, FileRef, InvalidFileRef, InvalidId, ItemId, MAX_FILE_REF_LEN,
    MAX_ID_LEN,
};
pub use item::{
    Accepts, Card, Categorising, Category, Checkbox, Choice, Cloze, ClozePart, Dictation, Feedback,
    FreeText, Item, ItemKind, ItemType, Matching, MultipleChoice, Numeric, NumericAnswer,
    OrderCredit, Ordering, Pair, Penalty, ShortText, SingleChoice, Tolerance, TrueFalse, Unit,
    UnknownItemType,
};
pub use key::AnswerKey;
pub use language::{InvalidLanguageTag, LanguageTag};
pub use marking::MarkError;
pub use paper::{Paper, PaperItem, PaperKind, PaperPart, ShownCategory, ShownChoice};
pub use points::{Percent, Points};
pub use score::{
    ChoiceMark, Detail, GapMark, ItemOutcome, NumericMark, OrderMark, OrderedCard, Outcome,
    PairMark, PlacementMark, Status, TextMark, UnitCheck, WordMark, score,
};
pub use text::{Closeness, TextAnswer, TextMatch, TextMatching};
pub use validate::{
    AnswersProblem, CardsProblem, ChoicesProblem, ItemProblem, MAX_DICTATION_WORDS, Problem,
};

use serde::{Deserialize, Serialize};

/// An exercise as its teacher wrote it: everything, answers included. Never sent to a pupil's
/// browser as it is: pupils get its [`Paper`], and its [`AnswerKey`] when the teacher allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exercise {
    pub title: String,
    /// The language the exercise is in (its prompts and expected answers).
    pub language: LanguageTag,
    /// What the whole exercise is about, shown before its items (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// In the order they are shown.
    pub items: Vec<Item>,
}

impl Exercise {
    /// The paper for one attempt (see [`Exercise::paper`]) and the key to score it.
    pub fn split(&self, seed: u64) -> (Paper, AnswerKey) {
        (self.paper(seed), self.key())
    }

    /// The points the exercise is worth.
    pub fn max_points(&self) -> Points {
        self.items.iter().map(|item| item.points).sum()
    }
}

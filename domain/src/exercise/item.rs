//! The items of an exercise as the teacher writes them: everything, answers included. Pupils see
//! them through a [`super::Paper`]; responses are scored against the [`super::AnswerKey`].

use super::decimal::Decimal;
use super::ids::{CardId, CategoryId, ChoiceId, FileRef, ItemId};
use super::points::{Percent, Points};
use super::text::{TextAnswer, TextMatching};
use crate::coded::coded_enum;
use serde::{Deserialize, Serialize};

/// One question of an exercise. The prompt (and every other text shown to people, except typed
/// answers) is Markdown, rendered elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: ItemId,
    pub prompt: String,
    pub points: Points,
    #[serde(default, skip_serializing_if = "Feedback::is_empty")]
    pub feedback: Feedback,
    #[serde(flatten)]
    pub kind: ItemKind,
}

impl Item {
    pub fn item_type(&self) -> ItemType {
        self.kind.item_type()
    }
}

/// What an item says once scored: `general` always, and the one of the three others that fits
/// how the response did. Texts tied to one choice or one answer live beside that choice or answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wrong: Option<String>,
}

impl Feedback {
    pub fn is_empty(&self) -> bool {
        *self == Feedback::default()
    }
}

coded_enum! {
    /// The kinds of item; the code is the `type` of an item's JSON.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ItemType (unknown: UnknownItemType = UnknownItemType) {
        SingleChoice = "single_choice",
        MultipleChoice = "multiple_choice",
        TrueFalse = "true_false",
        ShortText = "short_text",
        Cloze = "cloze",
        Numeric = "numeric",
        Matching = "matching",
        Ordering = "ordering",
        Categorising = "categorising",
        Dictation = "dictation",
        FreeText = "free_text",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown item type")]
pub struct UnknownItemType;

/// What the item asks and what it accepts. Stored as the `type` field of the item's JSON beside
/// the kind's own fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    SingleChoice(SingleChoice),
    MultipleChoice(MultipleChoice),
    TrueFalse(TrueFalse),
    ShortText(ShortText),
    Cloze(Cloze),
    Numeric(Numeric),
    Matching(Matching),
    Ordering(Ordering),
    Categorising(Categorising),
    Dictation(Dictation),
    FreeText(FreeText),
}

impl ItemKind {
    pub fn item_type(&self) -> ItemType {
        match self {
            ItemKind::SingleChoice(_) => ItemType::SingleChoice,
            ItemKind::MultipleChoice(_) => ItemType::MultipleChoice,
            ItemKind::TrueFalse(_) => ItemType::TrueFalse,
            ItemKind::ShortText(_) => ItemType::ShortText,
            ItemKind::Cloze(_) => ItemType::Cloze,
            ItemKind::Numeric(_) => ItemType::Numeric,
            ItemKind::Matching(_) => ItemType::Matching,
            ItemKind::Ordering(_) => ItemType::Ordering,
            ItemKind::Categorising(_) => ItemType::Categorising,
            ItemKind::Dictation(_) => ItemType::Dictation,
            ItemKind::FreeText(_) => ItemType::FreeText,
        }
    }
}

/// One choice among several. The pupil picks one; it earns its credit (the right choice 100, a
/// nearly right one some, the others none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SingleChoice {
    pub choices: Vec<Choice>,
    /// Shown in an order drawn per paper rather than as written.
    #[serde(default)]
    pub shuffle: bool,
}

/// A choice of a single-choice item or an option of a drop-down gap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: ChoiceId,
    pub text: String,
    /// What picking it earns; none unless said.
    #[serde(default = "no_credit")]
    pub credit: Percent,
    /// Shown when it was picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

fn no_credit() -> Percent {
    Percent::ZERO
}

/// Any number of boxes to tick; see [`Penalty`] for what a wrong tick costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MultipleChoice {
    pub choices: Vec<Checkbox>,
    #[serde(default)]
    pub penalty: Penalty,
    #[serde(default)]
    pub shuffle: bool,
}

/// A box of a multiple-choice item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkbox {
    pub id: ChoiceId,
    pub text: String,
    /// Whether it should be ticked.
    pub correct: bool,
    /// Shown when it was ticked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

/// How a multiple-choice item is scored, with `right` the correct boxes ticked, `wrong` the
/// others ticked, `C` the number of correct boxes and `W` of the others. The credit is never
/// below zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Penalty {
    /// Each wrong tick cancels a right one: `(right − wrong) / C`.
    #[default]
    WrongCancelsRight,
    /// Ticking every box earns nothing: `right / C − wrong / W`.
    Proportional,
    /// Everything or nothing: full credit for exactly the correct boxes.
    AllOrNothing,
}

/// A statement to judge true or false (the statement is the prompt).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrueFalse {
    pub answer: bool,
}

/// A word or a few, typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortText {
    pub answers: Vec<TextAnswer>,
}

/// A text with gaps, each typed in or picked from a drop-down list. Every gap weighs the same;
/// gaps are numbered from 0 in the order they appear.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cloze {
    pub parts: Vec<ClozePart>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClozePart {
    /// Text between gaps (Markdown, inline).
    Text { text: String },
    /// A gap to type in, compared like a short text answer.
    TypedGap { answers: Vec<TextAnswer> },
    /// A gap with a drop-down list of options, each with its credit.
    ChoiceGap { options: Vec<Choice> },
}

impl Cloze {
    /// The gaps, in order.
    pub fn gaps(&self) -> impl Iterator<Item = &ClozePart> {
        self.parts
            .iter()
            .filter(|part| !matches!(part, ClozePart::Text { .. }))
    }
}

/// A number, typed with a decimal comma or point, within a tolerance of an accepted value,
/// optionally with a unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Numeric {
    pub answers: Vec<NumericAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumericAnswer {
    pub value: Decimal,
    #[serde(default)]
    pub tolerance: Tolerance,
    #[serde(default)]
    pub credit: Percent,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

/// How far from the value a number is still accepted (bounds included).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Tolerance {
    /// `|given − value| ≤ margin`.
    Absolute { margin: Decimal },
    /// `|given − value| ≤ percent × |value| / 100`.
    Relative { percent: Decimal },
}

impl Default for Tolerance {
    /// Exactly the value.
    fn default() -> Self {
        Tolerance::Absolute {
            margin: Decimal::ZERO,
        }
    }
}

/// The unit a number is given in. Units are compared as typed, case included (`mm` is not `Mm`),
/// spaces aside; a number followed by anything else is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub symbol: String,
    /// Other accepted spellings (`m2` for `m²`, `mètres` for `m`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    /// When set, a number without its unit is wrong; otherwise the unit may be left out (but a
    /// wrong unit is always wrong).
    #[serde(default)]
    pub required: bool,
}

impl Unit {
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.symbol.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

/// A card: a few words or a picture's Markdown, to match, order or sort.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub id: CardId,
    pub text: String,
}

/// Pairs to match: each left card with its right card. Right cards are shown shuffled, with the
/// distractors (right cards that match nothing). Each pair weighs the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matching {
    pub pairs: Vec<Pair>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distractors: Vec<Card>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub left: Card,
    pub right: Card,
}

/// Cards to put in order; written in the right order, shown shuffled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ordering {
    pub cards: Vec<Card>,
    #[serde(default)]
    pub credit: OrderCredit,
}

/// How an order that is not quite right is credited, for `n` cards.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderCredit {
    /// By the cards already in the right order relative to each other: with `L` the longest
    /// run of cards in increasing right positions (not necessarily next to each other),
    /// `(L − 1) / (n − 1)`. Moving one card elsewhere costs one step whatever the distance;
    /// the reverse order earns nothing.
    #[default]
    LongestSequence,
    /// By the cards at their exact position: `right positions / n`.
    Positions,
    /// Everything or nothing.
    AllOrNothing,
}

/// Cards to sort into categories; each card weighs the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Categorising {
    pub categories: Vec<Category>,
}

/// A category and the cards that belong to it (possibly none: a category that is a trap).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    pub cards: Vec<Card>,
}

/// A recording to write down, scored word by word: words are aligned (a missing or extra word
/// shifts nothing after it), each word compared with the item's matching. Punctuation around
/// words is not scored; apostrophes and hyphens inside a word are part of it (`l'acqua`,
/// `peut-être`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dictation {
    /// The recording; none yet while the teacher is writing the item (an item without one
    /// cannot be saved: [`super::ItemProblem::NoRecording`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<FileRef>,
    /// The text read, as it should be written.
    pub text: String,
    #[serde(default)]
    pub matching: TextMatching,
}

/// An answer the teacher scores later: text, a recording, or either.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeText {
    #[serde(default)]
    pub accepts: Accepts,
    /// For the teacher who scores it (what a good answer holds); never shown to pupils.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
}

/// What a free-text answer may be made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Accepts {
    #[default]
    Text,
    /// Text, a recording by the pupil, or both.
    TextOrAudio,
    /// A recording only (reading aloud, speaking Corsican).
    Audio,
}

impl Accepts {
    pub fn text(self) -> bool {
        matches!(self, Accepts::Text | Accepts::TextOrAudio)
    }

    pub fn audio(self) -> bool {
        matches!(self, Accepts::Audio | Accepts::TextOrAudio)
    }
}

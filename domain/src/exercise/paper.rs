//! What a pupil is given: the exercise without its answers.
//!
//! A paper is built from an [`Exercise`] and holds nothing that tells a right answer from a wrong
//! one: no credits, no accepted texts or numbers, no pairings, no feedback, no teacher's
//! guidance, and cards to match, order or sort in a shuffled order. What it does hold (ids,
//! texts, options) is what the pupil sees anyway.

use super::Exercise;
use super::ids::{CategoryId, ChoiceId, FileRef, ItemId};
use super::item::{self, Accepts, Card, ClozePart, ItemKind, ItemType};
use super::language::LanguageTag;
use super::points::Points;
use super::shuffle::shuffled;
use serde::{Deserialize, Serialize};

/// The exercise as a pupil sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paper {
    pub title: String,
    pub language: LanguageTag,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    pub items: Vec<PaperItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperItem {
    pub id: ItemId,
    pub prompt: String,
    pub points: Points,
    #[serde(flatten)]
    pub kind: PaperKind,
}

/// A choice or a drop-down option as shown: its text, not its credit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownChoice {
    pub id: ChoiceId,
    pub text: String,
}

/// A category as shown: its name, not its cards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownCategory {
    pub id: CategoryId,
    pub name: String,
}

/// What the pupil works with, per kind of item (see [`ItemKind`] for what each asks).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PaperKind {
    SingleChoice {
        choices: Vec<ShownChoice>,
    },
    MultipleChoice {
        choices: Vec<ShownChoice>,
    },
    TrueFalse,
    ShortText,
    Cloze {
        parts: Vec<PaperPart>,
    },
    Numeric,
    /// Left cards as written, right cards (and distractors) shuffled.
    Matching {
        left: Vec<Card>,
        right: Vec<Card>,
    },
    /// Shuffled, never in the right order (when there are two cards or more).
    Ordering {
        cards: Vec<Card>,
    },
    /// Categories as written, cards shuffled.
    Categorising {
        categories: Vec<ShownCategory>,
        cards: Vec<Card>,
    },
    /// `audio`: none only in the preview of an item still being written.
    Dictation {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        audio: Option<FileRef>,
    },
    FreeText {
        accepts: Accepts,
    },
}

/// A part of a cloze text as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PaperPart {
    Text { text: String },
    TypedGap,
    ChoiceGap { options: Vec<ShownChoice> },
}

impl PaperKind {
    pub fn item_type(&self) -> ItemType {
        match self {
            PaperKind::SingleChoice { .. } => ItemType::SingleChoice,
            PaperKind::MultipleChoice { .. } => ItemType::MultipleChoice,
            PaperKind::TrueFalse => ItemType::TrueFalse,
            PaperKind::ShortText => ItemType::ShortText,
            PaperKind::Cloze { .. } => ItemType::Cloze,
            PaperKind::Numeric => ItemType::Numeric,
            PaperKind::Matching { .. } => ItemType::Matching,
            PaperKind::Ordering { .. } => ItemType::Ordering,
            PaperKind::Categorising { .. } => ItemType::Categorising,
            PaperKind::Dictation { .. } => ItemType::Dictation,
            PaperKind::FreeText { .. } => ItemType::FreeText,
        }
    }
}

impl Exercise {
    /// The paper for one attempt. `seed` draws the order of shuffled cards and choices: keep it
    /// with the attempt, and the same paper comes back.
    pub fn paper(&self, seed: u64) -> Paper {
        Paper {
            title: self.title.clone(),
            language: self.language.clone(),
            statement: self.statement.clone(),
            items: self
                .items
                .iter()
                .map(|item| PaperItem {
                    id: item.id.clone(),
                    prompt: item.prompt.clone(),
                    points: item.points,
                    kind: paper_kind(&item.kind, seed, item.id.as_str()),
                })
                .collect(),
        }
    }
}

fn shown(choices: impl Iterator<Item = (ChoiceId, String)>) -> Vec<ShownChoice> {
    choices.map(|(id, text)| ShownChoice { id, text }).collect()
}

fn maybe_shuffled<T: Clone>(items: Vec<T>, shuffle: bool, seed: u64, salt: &str) -> Vec<T> {
    if shuffle {
        shuffled(&items, seed, salt)
    } else {
        items
    }
}

fn paper_kind(kind: &ItemKind, seed: u64, salt: &str) -> PaperKind {
    match kind {
        ItemKind::SingleChoice(item) => PaperKind::SingleChoice {
            choices: maybe_shuffled(
                shown(item.choices.iter().map(|c| (c.id.clone(), c.text.clone()))),
                item.shuffle,
                seed,
                salt,
            ),
        },
        ItemKind::MultipleChoice(item) => PaperKind::MultipleChoice {
            choices: maybe_shuffled(
                shown(item.choices.iter().map(|c| (c.id.clone(), c.text.clone()))),
                item.shuffle,
                seed,
                salt,
            ),
        },
        ItemKind::TrueFalse(_) => PaperKind::TrueFalse,
        ItemKind::ShortText(_) => PaperKind::ShortText,
        ItemKind::Cloze(item) => PaperKind::Cloze {
            parts: item
                .parts
                .iter()
                .map(|part| match part {
                    ClozePart::Text { text } => PaperPart::Text { text: text.clone() },
                    ClozePart::TypedGap { .. } => PaperPart::TypedGap,
                    ClozePart::ChoiceGap { options } => PaperPart::ChoiceGap {
                        options: shown(options.iter().map(|o| (o.id.clone(), o.text.clone()))),
                    },
                })
                .collect(),
        },
        ItemKind::Numeric(_) => PaperKind::Numeric,
        ItemKind::Matching(item) => {
            let right: Vec<Card> = item
                .pairs
                .iter()
                .map(|pair| pair.right.clone())
                .chain(item.distractors.iter().cloned())
                .collect();
            PaperKind::Matching {
                left: item.pairs.iter().map(|pair| pair.left.clone()).collect(),
                right: shuffled(&right, seed, salt),
            }
        }
        ItemKind::Ordering(item) => PaperKind::Ordering {
            cards: shuffled_out_of_order(&item.cards, seed, salt),
        },
        ItemKind::Categorising(item) => {
            let cards: Vec<Card> = item
                .categories
                .iter()
                .flat_map(|category| category.cards.iter().cloned())
                .collect();
            PaperKind::Categorising {
                categories: item
                    .categories
                    .iter()
                    .map(|category| ShownCategory {
                        id: category.id.clone(),
                        name: category.name.clone(),
                    })
                    .collect(),
                cards: shuffled(&cards, seed, salt),
            }
        }
        ItemKind::Dictation(item) => PaperKind::Dictation {
            audio: item.audio.clone(),
        },
        ItemKind::FreeText(item) => PaperKind::FreeText {
            accepts: item.accepts,
        },
    }
}

/// A shuffle that never hands the answer over: an order that came out right is turned by one.
fn shuffled_out_of_order(cards: &[item::Card], seed: u64, salt: &str) -> Vec<Card> {
    let mut out = shuffled(cards, seed, salt);
    if out.len() > 1 && out == cards {
        out.rotate_left(1);
    }
    out
}

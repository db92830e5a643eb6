//! A pupil's response: the answers given so far, per item. Saved as it is as a draft, checked
//! against the paper before it is kept or scored.

use super::ids::{CardId, CategoryId, ChoiceId, FileRef, ItemId};
use super::item::{Accepts, ClozePart, Item, ItemKind, ItemType};
use super::paper::{Paper, PaperItem, PaperKind, PaperPart, ShownChoice};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The longest text a pupil may type in one answer (a gap, a number, a dictation, a free answer):
/// far above any real answer, and a bound on what scoring a response may cost.
pub const MAX_ANSWER_CHARS: usize = 10_000;

/// The answers a pupil has given, per item. An item left out is unanswered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    #[serde(default)]
    pub answers: BTreeMap<ItemId, Answer>,
}

/// A pupil's answer to one item; its `type` must be the item's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Answer {
    SingleChoice {
        choice: ChoiceId,
    },
    MultipleChoice {
        choices: BTreeSet<ChoiceId>,
    },
    TrueFalse {
        value: bool,
    },
    ShortText {
        text: String,
    },
    /// One entry per gap, in order; `null` for a gap not filled in.
    Cloze {
        gaps: Vec<Option<GapAnswer>>,
    },
    /// The number as typed, unit included (`"12,5 cm"`): read when scored, so the teacher sees
    /// what was typed.
    Numeric {
        text: String,
    },
    /// Right card chosen per left card.
    Matching {
        pairs: BTreeMap<CardId, CardId>,
    },
    /// Every card, in the pupil's order.
    Ordering {
        order: Vec<CardId>,
    },
    /// Category chosen per card.
    Categorising {
        placed: BTreeMap<CardId, CategoryId>,
    },
    Dictation {
        text: String,
    },
    FreeText {
        #[serde(default)]
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        audio: Option<FileRef>,
    },
}

/// What a pupil put in one gap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum GapAnswer {
    Typed { text: String },
    Chosen { option: ChoiceId },
}

impl Answer {
    pub fn item_type(&self) -> ItemType {
        match self {
            Answer::SingleChoice { .. } => ItemType::SingleChoice,
            Answer::MultipleChoice { .. } => ItemType::MultipleChoice,
            Answer::TrueFalse { .. } => ItemType::TrueFalse,
            Answer::ShortText { .. } => ItemType::ShortText,
            Answer::Cloze { .. } => ItemType::Cloze,
            Answer::Numeric { .. } => ItemType::Numeric,
            Answer::Matching { .. } => ItemType::Matching,
            Answer::Ordering { .. } => ItemType::Ordering,
            Answer::Categorising { .. } => ItemType::Categorising,
            Answer::Dictation { .. } => ItemType::Dictation,
            Answer::FreeText { .. } => ItemType::FreeText,
        }
    }

    /// Whether nothing was given: such an answer scores as unanswered.
    pub fn is_empty(&self) -> bool {
        let blank = |text: &str| text.trim().is_empty();
        match self {
            Answer::SingleChoice { .. } | Answer::TrueFalse { .. } => false,
            Answer::MultipleChoice { choices } => choices.is_empty(),
            Answer::ShortText { text } | Answer::Numeric { text } | Answer::Dictation { text } => {
                blank(text)
            }
            Answer::Cloze { gaps } => gaps.iter().all(|gap| match gap {
                None => true,
                Some(GapAnswer::Typed { text }) => blank(text),
                Some(GapAnswer::Chosen { .. }) => false,
            }),
            Answer::Matching { pairs } => pairs.is_empty(),
            Answer::Ordering { order } => order.is_empty(),
            Answer::Categorising { placed } => placed.is_empty(),
            Answer::FreeText { text, audio } => blank(text) && audio.is_none(),
        }
    }
}

/// Why a response does not fit its paper. A well-behaved client never sends one; it is an error
/// to report, not something to score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("item {item}: {problem}")]
pub struct ResponseError {
    pub item: ItemId,
    pub problem: AnswerProblem,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AnswerProblem {
    #[error("no such item")]
    UnknownItem,
    #[error("a {expected:?} item cannot take this answer")]
    WrongType { expected: ItemType },
    #[error("no choice {choice}")]
    UnknownChoice { choice: ChoiceId },
    #[error("{expected} gaps expected, {found} given")]
    GapCount { expected: usize, found: usize },
    #[error("gap {gap} is not of this kind")]
    GapType { gap: usize },
    #[error("no card {card}")]
    UnknownCard { card: CardId },
    #[error("no category {category}")]
    UnknownCategory { category: CategoryId },
    #[error("an order lists every card once")]
    NotAnOrder,
    #[error("this item takes no recording")]
    AudioNotAccepted,
    #[error("this item takes a recording only")]
    TextNotAccepted,
    #[error("an answer has at most {MAX_ANSWER_CHARS} characters")]
    TooLong,
}

/// What an answer must fit, whether read from a paper or from a key: the two give the same shape,
/// so a response is checked the same way in the browser and on the server.
pub(crate) enum Shape<'a> {
    SingleChoice(Vec<&'a ChoiceId>),
    MultipleChoice(Vec<&'a ChoiceId>),
    TrueFalse,
    ShortText,
    Cloze(Vec<GapShape<'a>>),
    Numeric,
    Matching {
        left: Vec<&'a CardId>,
        right: Vec<&'a CardId>,
    },
    Ordering(Vec<&'a CardId>),
    Categorising {
        cards: Vec<&'a CardId>,
        categories: Vec<&'a CategoryId>,
    },
    Dictation,
    FreeText(Accepts),
}

pub(crate) enum GapShape<'a> {
    Typed,
    Choice(Vec<&'a ChoiceId>),
}

impl PaperItem {
    pub(crate) fn shape(&self) -> Shape<'_> {
        fn ids(choices: &[ShownChoice]) -> Vec<&ChoiceId> {
            choices.iter().map(|c| &c.id).collect()
        }
        match &self.kind {
            PaperKind::SingleChoice { choices } => Shape::SingleChoice(ids(choices)),
            PaperKind::MultipleChoice { choices } => Shape::MultipleChoice(ids(choices)),
            PaperKind::TrueFalse => Shape::TrueFalse,
            PaperKind::ShortText => Shape::ShortText,
            PaperKind::Cloze { parts } => Shape::Cloze(
                parts
                    .iter()
                    .filter_map(|part| match part {
                        PaperPart::Text { .. } => None,
                        PaperPart::TypedGap => Some(GapShape::Typed),
                        PaperPart::ChoiceGap { options } => Some(GapShape::Choice(ids(options))),
                    })
                    .collect(),
            ),
            PaperKind::Numeric => Shape::Numeric,
            PaperKind::Matching { left, right } => Shape::Matching {
                left: left.iter().map(|c| &c.id).collect(),
                right: right.iter().map(|c| &c.id).collect(),
            },
            PaperKind::Ordering { cards } => Shape::Ordering(cards.iter().map(|c| &c.id).collect()),
            PaperKind::Categorising { categories, cards } => Shape::Categorising {
                cards: cards.iter().map(|c| &c.id).collect(),
                categories: categories.iter().map(|c| &c.id).collect(),
            },
            PaperKind::Dictation { .. } => Shape::Dictation,
            PaperKind::FreeText { accepts } => Shape::FreeText(*accepts),
        }
    }
}

impl Item {
    pub(crate) fn shape(&self) -> Shape<'_> {
        match &self.kind {
            ItemKind::SingleChoice(item) => {
                Shape::SingleChoice(item.choices.iter().map(|c| &c.id).collect())
            }
            ItemKind::MultipleChoice(item) => {
                Shape::MultipleChoice(item.choices.iter().map(|c| &c.id).collect())
            }
            ItemKind::TrueFalse(_) => Shape::TrueFalse,
            ItemKind::ShortText(_) => Shape::ShortText,
            ItemKind::Cloze(item) => Shape::Cloze(
                item.gaps()
                    .map(|gap| match gap {
                        ClozePart::ChoiceGap { options } => {
                            GapShape::Choice(options.iter().map(|o| &o.id).collect())
                        }
                        _ => GapShape::Typed,
                    })
                    .collect(),
            ),
            ItemKind::Numeric(_) => Shape::Numeric,
            ItemKind::Matching(item) => Shape::Matching {
                left: item.pairs.iter().map(|p| &p.left.id).collect(),
                right: item
                    .pairs
                    .iter()
                    .map(|p| &p.right)
                    .chain(&item.distractors)
                    .map(|c| &c.id)
                    .collect(),
            },
            ItemKind::Ordering(item) => Shape::Ordering(item.cards.iter().map(|c| &c.id).collect()),
            ItemKind::Categorising(item) => Shape::Categorising {
                cards: item
                    .categories
                    .iter()
                    .flat_map(|c| &c.cards)
                    .map(|c| &c.id)
                    .collect(),
                categories: item.categories.iter().map(|c| &c.id).collect(),
            },
            ItemKind::Dictation(_) => Shape::Dictation,
            ItemKind::FreeText(item) => Shape::FreeText(item.accepts),
        }
    }
}

impl Shape<'_> {
    fn item_type(&self) -> ItemType {
        match self {
            Shape::SingleChoice(_) => ItemType::SingleChoice,
            Shape::MultipleChoice(_) => ItemType::MultipleChoice,
            Shape::TrueFalse => ItemType::TrueFalse,
            Shape::ShortText => ItemType::ShortText,
            Shape::Cloze(_) => ItemType::Cloze,
            Shape::Numeric => ItemType::Numeric,
            Shape::Matching { .. } => ItemType::Matching,
            Shape::Ordering(_) => ItemType::Ordering,
            Shape::Categorising { .. } => ItemType::Categorising,
            Shape::Dictation => ItemType::Dictation,
            Shape::FreeText(_) => ItemType::FreeText,
        }
    }

    /// Whether `answer` fits this shape; an empty answer always does when its type is right.
    pub(crate) fn check(&self, answer: &Answer) -> Result<(), AnswerProblem> {
        fn known<T: PartialEq + Clone>(
            ids: &[&T],
            id: &T,
            problem: impl FnOnce(T) -> AnswerProblem,
        ) -> Result<(), AnswerProblem> {
            if ids.contains(&id) {
                Ok(())
            } else {
                Err(problem(id.clone()))
            }
        }
        fn short(text: &str) -> Result<(), AnswerProblem> {
            if text.chars().count() > MAX_ANSWER_CHARS {
                Err(AnswerProblem::TooLong)
            } else {
                Ok(())
            }
        }
        let choice = |choice| AnswerProblem::UnknownChoice { choice };
        let card = |card| AnswerProblem::UnknownCard { card };
        match (self, answer) {
            (Shape::SingleChoice(ids), Answer::SingleChoice { choice: id }) => {
                known(ids, id, choice)
            }
            (Shape::MultipleChoice(ids), Answer::MultipleChoice { choices }) => {
                choices.iter().try_for_each(|id| known(ids, id, choice))
            }
            (Shape::TrueFalse, Answer::TrueFalse { .. }) => Ok(()),
            (Shape::ShortText, Answer::ShortText { text })
            | (Shape::Numeric, Answer::Numeric { text })
            | (Shape::Dictation, Answer::Dictation { text }) => short(text),
            (Shape::Cloze(shapes), Answer::Cloze { gaps }) => {
                // A draft saved before anything was typed may hold no gap at all.
                if !gaps.is_empty() && gaps.len() != shapes.len() {
                    return Err(AnswerProblem::GapCount {
                        expected: shapes.len(),
                        found: gaps.len(),
                    });
                }
                for (gap, (shape, given)) in shapes.iter().zip(gaps).enumerate() {
                    match (shape, given) {
                        (_, None) => {}
                        (GapShape::Typed, Some(GapAnswer::Typed { text })) => short(text)?,
                        (GapShape::Choice(ids), Some(GapAnswer::Chosen { option })) => {
                            known(ids, option, choice)?
                        }
                        _ => return Err(AnswerProblem::GapType { gap }),
                    }
                }
                Ok(())
            }
            (Shape::Matching { left, right }, Answer::Matching { pairs }) => {
                pairs.iter().try_for_each(|(l, r)| {
                    known(left, l, card)?;
                    known(right, r, card)
                })
            }
            (Shape::Ordering(cards), Answer::Ordering { order }) => {
                if order.is_empty() {
                    return Ok(());
                }
                for id in order {
                    known(cards, id, card)?;
                }
                let distinct: BTreeSet<&CardId> = order.iter().collect();
                if order.len() == cards.len() && distinct.len() == cards.len() {
                    Ok(())
                } else {
                    Err(AnswerProblem::NotAnOrder)
                }
            }
            (Shape::Categorising { cards, categories }, Answer::Categorising { placed }) => {
                placed.iter().try_for_each(|(c, category)| {
                    known(cards, c, card)?;
                    known(categories, category, |category| {
                        AnswerProblem::UnknownCategory { category }
                    })
                })
            }
            (Shape::FreeText(accepts), Answer::FreeText { text, audio }) => {
                if audio.is_some() && !accepts.audio() {
                    Err(AnswerProblem::AudioNotAccepted)
                } else if !text.trim().is_empty() && !accepts.text() {
                    Err(AnswerProblem::TextNotAccepted)
                } else {
                    short(text)
                }
            }
            (shape, _) => Err(AnswerProblem::WrongType {
                expected: shape.item_type(),
            }),
        }
    }
}

/// Checks every answer of `response` against the item of that id among `items`.
pub(crate) fn check_all<'a, I: 'a>(
    response: &Response,
    items: &'a [I],
    id: impl Fn(&'a I) -> &'a ItemId,
    shape: impl Fn(&'a I) -> Shape<'a>,
) -> Result<(), ResponseError> {
    for (item_id, answer) in &response.answers {
        let error = |problem| ResponseError {
            item: item_id.clone(),
            problem,
        };
        let item = items
            .iter()
            .find(|item| id(item) == item_id)
            .ok_or_else(|| error(AnswerProblem::UnknownItem))?;
        shape(item).check(answer).map_err(error)?;
    }
    Ok(())
}

impl Response {
    /// Whether every answer fits its item of `paper`: an answer to an unknown item, of another
    /// type, naming a choice or card the item does not have, or too long is an error. Empty
    /// answers are fine (a draft).
    pub fn check(&self, paper: &Paper) -> Result<(), ResponseError> {
        check_all(self, &paper.items, |item| &item.id, PaperItem::shape)
    }
}

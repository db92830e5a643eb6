//! Scoring: the one function that turns a response into points, run in the browser for instant
//! feedback and on the server for the score that counts. Pure and deterministic: the same key and
//! response give the same outcome everywhere, in exact arithmetic (see [`super::points`] for the
//! one rounding rule).

mod cards;
mod choice;
mod dictation;
mod numeric;
mod typed;

pub(crate) use dictation::word_count;

use super::answer::{Answer, GapAnswer, Response, ResponseError, check_all};
use super::decimal::Decimal;
use super::ids::{CardId, CategoryId, ChoiceId, ItemId};
use super::item::{Feedback, Item, ItemKind};
use super::key::AnswerKey;
use super::points::{Credit, Points};
use super::text::{Closeness, TextMatch};
use serde::{Deserialize, Serialize};

/// How a response did, item by item, and in total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// In the key's order.
    pub items: Vec<ItemOutcome>,
    /// Points earned so far: answers awaiting a teacher count none yet.
    pub earned: Points,
    /// Points the exercise is worth.
    pub max: Points,
    /// Points of the answers a teacher has yet to score.
    pub awaiting_teacher: Points,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemOutcome {
    pub item: ItemId,
    pub earned: Points,
    pub max: Points,
    pub status: Status,
    /// What was right and what was expected, part by part.
    pub detail: Detail,
    /// The feedback to show, most specific first: the picked choices' or matched answers',
    /// then the item's for its status, then its general feedback.
    pub feedback: Vec<String>,
}

/// How an item (or one gap of it) was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Full credit.
    Correct,
    /// Some credit, not all.
    Partial,
    /// Answered, no credit.
    Wrong,
    /// Nothing given (no answer, or an empty one): no credit.
    Unanswered,
    /// A free answer, until a teacher scores it.
    AwaitingTeacher,
}

impl Status {
    pub(crate) fn of(credit: Credit) -> Status {
        if credit.is_full() {
            Status::Correct
        } else if credit.is_none() {
            Status::Wrong
        } else {
            Status::Partial
        }
    }
}

/// Part by part, what was given and what was expected; in the key's terms, so shown only to those
/// who may see the key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Detail {
    SingleChoice {
        chosen: Option<ChoiceId>,
        /// The choices with full credit.
        best: Vec<ChoiceId>,
    },
    MultipleChoice {
        choices: Vec<ChoiceMark>,
    },
    TrueFalse {
        given: Option<bool>,
        answer: bool,
    },
    ShortText(TextMark),
    Cloze {
        gaps: Vec<GapMark>,
    },
    Numeric(NumericMark),
    Matching {
        pairs: Vec<PairMark>,
    },
    Ordering(OrderMark),
    Categorising {
        cards: Vec<PlacementMark>,
    },
    Dictation {
        words: Vec<WordMark>,
    },
    FreeText,
}

/// A box of a multiple-choice item: whether it was ticked and whether it should have been.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceMark {
    pub choice: ChoiceId,
    pub ticked: bool,
    pub correct: bool,
}

/// A typed answer (a short text or a gap): which listed answer it matched, and the first right
/// answer, to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextMark {
    pub status: Status,
    pub matched: Option<TextMatch>,
    pub expected: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum GapMark {
    Typed(TextMark),
    Choice {
        status: Status,
        chosen: Option<ChoiceId>,
        best: Vec<ChoiceId>,
    },
}

impl GapMark {
    pub fn status(&self) -> Status {
        match self {
            GapMark::Typed(mark) => mark.status,
            GapMark::Choice { status, .. } => *status,
        }
    }
}

/// A number as read from what was typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumericMark {
    /// `None` when nothing readable as a number was typed.
    pub value: Option<Decimal>,
    /// What followed the number (`None` when there was no number).
    pub unit: Option<UnitCheck>,
    /// The accepted answer (by position) the number fell within, if any.
    pub matched: Option<usize>,
    /// The first right value, and the unit, to show.
    pub expected: Option<Decimal>,
    pub expected_unit: Option<String>,
}

/// What followed the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitCheck {
    /// Nothing, and nothing was needed.
    Absent,
    /// The item's unit.
    Right,
    /// Nothing, where the unit is required.
    Missing,
    /// Something else than the item's unit (or any text where the item has no unit).
    Wrong,
}

/// A left card of a matching item, the right card chosen for it and the right one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairMark {
    pub left: CardId,
    pub given: Option<CardId>,
    pub right: CardId,
}

/// An ordering as given, card by card, and the right order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderMark {
    /// In the pupil's order; `in_place` says whether the card counted as right under the item's
    /// [`super::OrderCredit`] (part of the longest sequence, or at its position).
    pub given: Vec<OrderedCard>,
    pub order: Vec<CardId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderedCard {
    pub card: CardId,
    pub in_place: bool,
}

/// A card of a categorising item: where it was put and where it belongs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementMark {
    pub card: CardId,
    pub given: Option<CategoryId>,
    pub category: CategoryId,
}

/// A word of a dictation, after aligning what was written with the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WordMark {
    /// Written right (or with a forgiven typo).
    Right {
        word: String,
        typed: String,
        closeness: Closeness,
    },
    /// Written otherwise.
    Wrong { word: String, typed: String },
    /// Left out.
    Missing { word: String },
    /// Written but not in the text.
    Extra { typed: String },
}

/// What one kind's scorer finds: the credit, the detail, and the feedback tied to what was given.
struct Marked {
    credit: Credit,
    detail: Detail,
    feedback: Vec<String>,
}

impl Marked {
    fn new(credit: Credit, detail: Detail) -> Marked {
        Marked {
            credit,
            detail,
            feedback: Vec::new(),
        }
    }
}

/// Scores `response` against `key`: the one scoring function. A response that does not fit the
/// key (an unknown item, an answer of another type, an unknown choice…) is an error, never
/// scored in part; an item without an answer, or with an empty one, is unanswered and earns 0.
pub fn score(key: &AnswerKey, response: &Response) -> Result<Outcome, ResponseError> {
    check_all(response, key.items(), |item| &item.id, Item::shape)?;
    let items: Vec<ItemOutcome> = key
        .items()
        .iter()
        .map(|item| score_item(item, response.answers.get(&item.id)))
        .collect();
    Ok(Outcome {
        earned: items.iter().map(|item| item.earned).sum(),
        max: items.iter().map(|item| item.max).sum(),
        awaiting_teacher: items
            .iter()
            .filter(|item| item.status == Status::AwaitingTeacher)
            .map(|item| item.max)
            .sum(),
        items,
    })
}

fn score_item(item: &Item, answer: Option<&Answer>) -> ItemOutcome {
    let answer = answer.filter(|answer| !answer.is_empty());
    let marked = mark(&item.kind, answer);
    let answered = answer.is_some();
    let awaiting = answered && matches!(item.kind, ItemKind::FreeText(_));
    let status = if !answered {
        Status::Unanswered
    } else if awaiting {
        Status::AwaitingTeacher
    } else {
        Status::of(marked.credit)
    };
    let earned = match status {
        Status::Unanswered | Status::AwaitingTeacher => Points::ZERO,
        _ => item.points.share(marked.credit),
    };
    ItemOutcome {
        item: item.id.clone(),
        earned,
        max: item.points,
        status,
        detail: marked.detail,
        feedback: feedback(&item.feedback, status, marked.feedback),
    }
}

/// The feedback for an item with `status`: nothing before a teacher has scored it; the general
/// feedback alone when unanswered.
fn feedback(item: &Feedback, status: Status, specific: Vec<String>) -> Vec<String> {
    let for_status = match status {
        Status::Correct => &item.correct,
        Status::Partial => &item.partial,
        Status::Wrong => &item.wrong,
        Status::Unanswered => &None,
        Status::AwaitingTeacher => return Vec::new(),
    };
    specific
        .into_iter()
        .chain(for_status.iter().cloned())
        .chain(item.general.iter().cloned())
        .collect()
}

/// Dispatches to the kind's scorer; `answer` is known to be of the kind's type (the response was
/// checked), anything else reads as no answer.
fn mark(kind: &ItemKind, answer: Option<&Answer>) -> Marked {
    match kind {
        ItemKind::SingleChoice(item) => choice::single(
            item,
            match answer {
                Some(Answer::SingleChoice { choice }) => Some(choice),
                _ => None,
            },
        ),
        ItemKind::MultipleChoice(item) => choice::multiple(
            item,
            match answer {
                Some(Answer::MultipleChoice { choices }) => Some(choices),
                _ => None,
            },
        ),
        ItemKind::TrueFalse(item) => choice::true_false(
            item,
            match answer {
                Some(Answer::TrueFalse { value }) => Some(*value),
                _ => None,
            },
        ),
        ItemKind::ShortText(item) => typed::short_text(
            item,
            match answer {
                Some(Answer::ShortText { text }) => text,
                _ => "",
            },
        ),
        ItemKind::Cloze(item) => typed::cloze(
            item,
            match answer {
                Some(Answer::Cloze { gaps }) => gaps,
                _ => &[],
            },
        ),
        ItemKind::Numeric(item) => numeric::numeric(
            item,
            match answer {
                Some(Answer::Numeric { text }) => text,
                _ => "",
            },
        ),
        ItemKind::Matching(item) => cards::matching(
            item,
            match answer {
                Some(Answer::Matching { pairs }) => Some(pairs),
                _ => None,
            },
        ),
        ItemKind::Ordering(item) => cards::ordering(
            item,
            match answer {
                Some(Answer::Ordering { order }) => order,
                _ => &[],
            },
        ),
        ItemKind::Categorising(item) => cards::categorising(
            item,
            match answer {
                Some(Answer::Categorising { placed }) => Some(placed),
                _ => None,
            },
        ),
        ItemKind::Dictation(item) => dictation::dictation(
            item,
            match answer {
                Some(Answer::Dictation { text }) => text,
                _ => "",
            },
        ),
        ItemKind::FreeText(_) => Marked::new(Credit::NONE, Detail::FreeText),
    }
}

/// The gap's answer, if one of its kind was given (used by the cloze scorer).
fn typed_text(gap: Option<&Option<GapAnswer>>) -> &str {
    match gap {
        Some(Some(GapAnswer::Typed { text })) => text,
        _ => "",
    }
}

fn chosen_option(gap: Option<&Option<GapAnswer>>) -> Option<&ChoiceId> {
    match gap {
        Some(Some(GapAnswer::Chosen { option })) => Some(option),
        _ => None,
    }
}

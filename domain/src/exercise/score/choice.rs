//! Single choice, multiple choice, true or false.

use super::{ChoiceMark, Detail, Marked, Status};
use crate::exercise::ids::ChoiceId;
use crate::exercise::item::{Choice, MultipleChoice, Penalty, SingleChoice, TrueFalse};
use crate::exercise::points::{Credit, Percent};
use std::collections::BTreeSet;

/// The chosen choice earns its credit.
pub(super) fn single(item: &SingleChoice, chosen: Option<&ChoiceId>) -> Marked {
    let (credit, feedback, best) = pick(&item.choices, chosen);
    let mut marked = Marked::new(
        credit.credit(),
        Detail::SingleChoice {
            chosen: chosen.cloned(),
            best,
        },
    );
    marked.feedback.extend(feedback);
    marked
}

/// The credit and feedback of the chosen one of `choices`, and the ids of those with full
/// credit. Shared with drop-down gaps.
pub(super) fn pick(
    choices: &[Choice],
    chosen: Option<&ChoiceId>,
) -> (Percent, Option<String>, Vec<ChoiceId>) {
    let picked = chosen.and_then(|id| choices.iter().find(|choice| &choice.id == id));
    let best = choices
        .iter()
        .filter(|choice| choice.credit.is_full())
        .map(|choice| choice.id.clone())
        .collect();
    match picked {
        Some(choice) => (choice.credit, choice.feedback.clone(), best),
        None => (Percent::ZERO, None, best),
    }
}

/// The status of a gap or choice that earned `credit`, or was not answered.
pub(super) fn status(credit: Percent, answered: bool) -> Status {
    if answered {
        Status::of(credit.credit())
    } else {
        Status::Unanswered
    }
}

/// Ticks against the correct boxes, under the item's [`Penalty`].
pub(super) fn multiple(item: &MultipleChoice, ticked: Option<&BTreeSet<ChoiceId>>) -> Marked {
    let is_ticked = |id: &ChoiceId| ticked.is_some_and(|ticked| ticked.contains(id));
    let count = |correct: bool, ticked: bool| {
        item.choices
            .iter()
            .filter(|c| c.correct == correct && is_ticked(&c.id) == ticked)
            .count() as u64
    };
    let (right, wrong) = (count(true, true), count(false, true));
    let correct_boxes = right + count(true, false);
    let other_boxes = wrong + count(false, false);
    let credit = match item.penalty {
        Penalty::WrongCancelsRight => Credit::floored(right as i64 - wrong as i64, correct_boxes),
        Penalty::Proportional if other_boxes == 0 => Credit::ratio(right, correct_boxes),
        // right / C − wrong / W over the common denominator C × W.
        Penalty::Proportional => Credit::floored(
            (right * other_boxes) as i64 - (wrong * correct_boxes) as i64,
            correct_boxes * other_boxes,
        ),
        Penalty::AllOrNothing if wrong == 0 && right == correct_boxes => Credit::FULL,
        Penalty::AllOrNothing => Credit::NONE,
    };
    let mut marked = Marked::new(
        credit,
        Detail::MultipleChoice {
            choices: item
                .choices
                .iter()
                .map(|c| ChoiceMark {
                    choice: c.id.clone(),
                    ticked: is_ticked(&c.id),
                    correct: c.correct,
                })
                .collect(),
        },
    );
    marked.feedback = item
        .choices
        .iter()
        .filter(|c| is_ticked(&c.id))
        .filter_map(|c| c.feedback.clone())
        .collect();
    marked
}

pub(super) fn true_false(item: &TrueFalse, given: Option<bool>) -> Marked {
    let credit = if given == Some(item.answer) {
        Credit::FULL
    } else {
        Credit::NONE
    };
    Marked::new(
        credit,
        Detail::TrueFalse {
            given,
            answer: item.answer,
        },
    )
}

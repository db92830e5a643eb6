//! Typed answers: short texts and the gaps of a cloze.

use super::choice::{pick, status};
use super::{Detail, GapMark, Marked, TextMark, chosen_option, typed_text};
use crate::exercise::answer::GapAnswer;
use crate::exercise::item::{Cloze, ClozePart, ShortText};
use crate::exercise::points::{Credit, Percent};
use crate::exercise::text::{TextAnswer, best_match, normalise};

/// A typed text against the answers listed for it: its mark, credit and matched answer's
/// feedback.
fn typed(answers: &[TextAnswer], given: &str) -> (TextMark, Percent, Option<String>) {
    let matched = best_match(answers, given);
    let listed = matched.and_then(|found| answers.get(found.answer));
    let credit = listed.map_or(Percent::ZERO, |answer| answer.credit);
    let expected = answers
        .iter()
        .find(|answer| answer.credit.is_full())
        .map(|answer| answer.text.clone())
        .unwrap_or_default();
    let mark = TextMark {
        status: status(credit, !normalise(given).is_empty()),
        matched,
        expected,
    };
    (
        mark,
        credit,
        listed.and_then(|answer| answer.feedback.clone()),
    )
}

pub(super) fn short_text(item: &ShortText, given: &str) -> Marked {
    let (mark, credit, feedback) = typed(&item.answers, given);
    let mut marked = Marked::new(credit.credit(), Detail::ShortText(mark));
    marked.feedback.extend(feedback);
    marked
}

/// Every gap weighs the same: the credit is the mean of the gaps' credits.
pub(super) fn cloze(item: &Cloze, given: &[Option<GapAnswer>]) -> Marked {
    let mut credits = Vec::new();
    let mut gaps = Vec::new();
    let mut feedback = Vec::new();
    for (index, gap) in item.gaps().enumerate() {
        let answer = given.get(index);
        let (mark, credit, said) = match gap {
            ClozePart::TypedGap { answers } => {
                let (mark, credit, said) = typed(answers, typed_text(answer));
                (GapMark::Typed(mark), credit, said)
            }
            ClozePart::ChoiceGap { options } => {
                let chosen = chosen_option(answer);
                let (credit, said, best) = pick(options, chosen);
                let mark = GapMark::Choice {
                    status: status(credit, chosen.is_some()),
                    chosen: chosen.cloned(),
                    best,
                };
                (mark, credit, said)
            }
            ClozePart::Text { .. } => continue,
        };
        credits.push(credit.credit());
        gaps.push(mark);
        feedback.extend(said);
    }
    let mut marked = Marked::new(Credit::mean(&credits), Detail::Cloze { gaps });
    marked.feedback = feedback;
    marked
}

//! Numbers, with their tolerance and unit.

use super::{Detail, Marked, NumericMark, UnitCheck};
use crate::exercise::decimal::Decimal;
use crate::exercise::item::{Numeric, Tolerance, Unit};
use crate::exercise::points::Percent;
use crate::exercise::text::normalise;

/// The typed text read as a number and what follows it; the answer is the first listed whose
/// tolerance takes the number, preferring higher credit. A wrong unit, or a missing required one,
/// earns nothing whatever the number.
pub(super) fn numeric(item: &Numeric, given: &str) -> Marked {
    let given = normalise(given);
    let (value, unit) = match Decimal::read_prefix(&given) {
        Ok((value, rest)) => (Some(value), Some(unit_check(item.unit.as_ref(), rest))),
        Err(_) => (None, None),
    };
    let matched = value.and_then(|value| {
        item.answers
            .iter()
            .enumerate()
            .filter(|(_, answer)| match answer.tolerance {
                Tolerance::Absolute { margin } => value.within(answer.value, margin),
                Tolerance::Relative { percent } => value.within_percent(answer.value, percent),
            })
            // The first of the highest credit.
            .min_by_key(|(index, answer)| (std::cmp::Reverse(answer.credit), *index))
            .map(|(index, _)| index)
    });
    let unit_ok = matches!(unit, Some(UnitCheck::Absent | UnitCheck::Right));
    let listed = matched.and_then(|index| item.answers.get(index));
    let credit = match listed {
        Some(answer) if unit_ok => answer.credit,
        _ => Percent::ZERO,
    };
    let mut marked = Marked::new(
        credit.credit(),
        Detail::Numeric(NumericMark {
            value,
            unit,
            matched,
            expected: item
                .answers
                .iter()
                .find(|answer| answer.credit.is_full())
                .map(|answer| answer.value),
            expected_unit: item.unit.as_ref().map(|unit| unit.symbol.clone()),
        }),
    );
    marked
        .feedback
        .extend(listed.and_then(|answer| answer.feedback.clone()));
    marked
}

/// What follows the number, against the item's unit.
fn unit_check(unit: Option<&Unit>, rest: &str) -> UnitCheck {
    let rest = rest.trim();
    match unit {
        _ if rest.is_empty() && unit.is_some_and(|unit| unit.required) => UnitCheck::Missing,
        _ if rest.is_empty() => UnitCheck::Absent,
        Some(unit) if unit.spellings().any(|spelling| normalise(spelling) == rest) => {
            UnitCheck::Right
        }
        _ => UnitCheck::Wrong,
    }
}

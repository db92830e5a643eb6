//! How a class did on an exercise, item by item: the average of the pupils' last attempts, and
//! the wrong answers given most often (over every attempt handed in), grouped by what was given
//! so that a teacher sees the misconceptions, not a list of papers.

use super::answer::{Answer, GapAnswer, Response};
use super::ids::{CardId, CategoryId, ItemId};
use super::item::{ClozePart, Item, ItemKind};
use super::points::Points;
use super::score::{Outcome, Status};
use super::text::normalise;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The most wrong answers kept per item: the rest are a long tail.
pub const MOST_WRONG: usize = 5;

/// An attempt handed in, with the version of the exercise it was given.
#[derive(Clone, Copy, Debug)]
pub struct Sheet<'a> {
    pub items: &'a [Item],
    pub response: &'a Response,
    pub outcome: &'a Outcome,
    /// The pupil's last attempt: the one averages count.
    pub last: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemStatistics {
    pub item: ItemId,
    /// Last attempts scored on this item (free answers awaiting a teacher left out).
    pub scored: u32,
    /// Their mean, to the hundredth of a point, halves up; `None` when none is scored.
    pub average: Option<Points>,
    /// Last attempts whose answer a teacher has yet to score.
    pub awaiting: u32,
    /// Most frequent first, at most [`MOST_WRONG`].
    pub wrong: Vec<WrongAnswer>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrongAnswer {
    pub given: Given,
    /// Attempts that gave it.
    pub count: u32,
}

/// An answer as a teacher reads it. Texts are the pupil's (normalised, so that spacing alone
/// does not split a group) or the exercise's (choices, cards, categories), joined by
/// punctuation that reads the same in every language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Given {
    TrueFalse { value: bool },
    Text { text: String },
}

/// Statistics for each of `items` (the exercise as it is now), from the sheets handed in.
pub fn item_statistics(items: &[Item], sheets: &[Sheet<'_>]) -> Vec<ItemStatistics> {
    items.iter().map(|item| of_item(&item.id, sheets)).collect()
}

fn of_item(id: &ItemId, sheets: &[Sheet<'_>]) -> ItemStatistics {
    let mut scored = 0u32;
    let mut awaiting = 0u32;
    let mut sum = 0u64;
    let mut wrong: BTreeMap<Given, u32> = BTreeMap::new();
    for sheet in sheets {
        let Some(outcome) = sheet.outcome.items.iter().find(|o| o.item == *id) else {
            continue;
        };
        if sheet.last {
            if outcome.status == Status::AwaitingTeacher {
                awaiting += 1;
            } else {
                scored += 1;
                sum += u64::from(outcome.earned.hundredths());
            }
        }
        if matches!(outcome.status, Status::Wrong | Status::Partial) {
            let item = sheet.items.iter().find(|item| item.id == *id);
            let answer = sheet.response.answers.get(id);
            if let Some(given) = item.zip(answer).and_then(|(i, a)| describe(i, a)) {
                *wrong.entry(given).or_default() += 1;
            }
        }
    }
    let average = (scored > 0).then(|| {
        let n = u64::from(scored);
        Points::from_hundredths(u32::try_from((2 * sum + n) / (2 * n)).unwrap_or(u32::MAX))
    });
    let mut wrong: Vec<WrongAnswer> = wrong
        .into_iter()
        .map(|(given, count)| WrongAnswer { given, count })
        .collect();
    // Most frequent first; equal counts in the order of the answers, so the list is stable.
    wrong.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.given.cmp(&b.given)));
    wrong.truncate(MOST_WRONG);
    ItemStatistics {
        item: id.clone(),
        scored,
        average,
        awaiting,
        wrong,
    }
}

const LIST: &str = " ; ";
const TO: &str = " → ";

/// What was given, in the item's own words; `None` for a free answer (a teacher reads it whole)
/// or an answer that does not fit the item.
pub fn describe(item: &Item, answer: &Answer) -> Option<Given> {
    let text = |text: String| Some(Given::Text { text });
    match (&item.kind, answer) {
        (ItemKind::TrueFalse(_), Answer::TrueFalse { value }) => {
            Some(Given::TrueFalse { value: *value })
        }
        (ItemKind::SingleChoice(kind), Answer::SingleChoice { choice }) => kind
            .choices
            .iter()
            .find(|c| c.id == *choice)
            .and_then(|c| text(c.text.clone())),
        (ItemKind::MultipleChoice(kind), Answer::MultipleChoice { choices }) => text(
            kind.choices
                .iter()
                .filter(|c| choices.contains(&c.id))
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(LIST),
        ),
        (ItemKind::ShortText(_), Answer::ShortText { text: typed })
        | (ItemKind::Numeric(_), Answer::Numeric { text: typed })
        | (ItemKind::Dictation(_), Answer::Dictation { text: typed }) => text(normalise(typed)),
        (ItemKind::Cloze(kind), Answer::Cloze { gaps }) => {
            let parts: Vec<&ClozePart> = kind.gaps().collect();
            let written: Vec<String> = gaps
                .iter()
                .enumerate()
                .map(|(n, gap)| match gap {
                    Some(GapAnswer::Typed { text }) => normalise(text),
                    Some(GapAnswer::Chosen { option }) => match parts.get(n) {
                        Some(ClozePart::ChoiceGap { options }) => options
                            .iter()
                            .find(|o| o.id == *option)
                            .map(|o| o.text.clone())
                            .unwrap_or_default(),
                        _ => String::new(),
                    },
                    None => "—".to_owned(),
                })
                .collect();
            text(written.join(" | "))
        }
        (ItemKind::Matching(kind), Answer::Matching { pairs }) => {
            let card = |id: &CardId| {
                kind.pairs
                    .iter()
                    .flat_map(|p| [&p.left, &p.right])
                    .chain(kind.distractors.iter())
                    .find(|c| c.id == *id)
                    .map(|c| c.text.as_str())
                    .unwrap_or_default()
            };
            text(
                pairs
                    .iter()
                    .map(|(left, right)| format!("{}{TO}{}", card(left), card(right)))
                    .collect::<Vec<_>>()
                    .join(LIST),
            )
        }
        (ItemKind::Ordering(kind), Answer::Ordering { order }) => text(
            order
                .iter()
                .filter_map(|id| kind.cards.iter().find(|c| c.id == *id))
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(LIST),
        ),
        (ItemKind::Categorising(kind), Answer::Categorising { placed }) => {
            let card = |id: &CardId| {
                kind.categories
                    .iter()
                    .flat_map(|c| c.cards.iter())
                    .find(|c| c.id == *id)
                    .map(|c| c.text.as_str())
                    .unwrap_or_default()
            };
            let category = |id: &CategoryId| {
                kind.categories
                    .iter()
                    .find(|c| c.id == *id)
                    .map(|c| c.name.as_str())
                    .unwrap_or_default()
            };
            text(
                placed
                    .iter()
                    .map(|(c, to)| format!("{}{TO}{}", card(c), category(to)))
                    .collect::<Vec<_>>()
                    .join(LIST),
            )
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::fixtures::twenty_items;
    use crate::exercise::{Exercise, score};

    fn answered(exercise: &Exercise, answers: &[(&str, Answer)]) -> (Response, Outcome) {
        let response = Response {
            answers: answers
                .iter()
                .map(|(id, a)| (id.parse().expect("id"), a.clone()))
                .collect(),
        };
        let outcome = score(&exercise.key(), &response).expect("scored");
        (response, outcome)
    }

    #[test]
    fn averages_count_last_attempts_and_wrong_answers_every_attempt() {
        let exercise = twenty_items();
        let bastia = Answer::SingleChoice {
            choice: "b".parse().expect("id"),
        };
        let aiacciu = Answer::SingleChoice {
            choice: "a".parse().expect("id"),
        };
        let corti = Answer::SingleChoice {
            choice: "c".parse().expect("id"),
        };
        let papers = [
            // Pupil 1: Bastia, then Aiacciu on the last attempt.
            (answered(&exercise, &[("q01", bastia.clone())]), false),
            (answered(&exercise, &[("q01", aiacciu)]), true),
            // Pupil 2: Bastia; pupil 3: Corti; pupil 4: nothing.
            (answered(&exercise, &[("q01", bastia)]), true),
            (answered(&exercise, &[("q01", corti)]), true),
            (answered(&exercise, &[]), true),
        ];
        let sheets: Vec<Sheet<'_>> = papers
            .iter()
            .map(|((response, outcome), last)| Sheet {
                items: &exercise.items,
                response,
                outcome,
                last: *last,
            })
            .collect();
        let stats = item_statistics(&exercise.items, &sheets);
        assert_eq!(stats.len(), exercise.items.len());
        let q01 = &stats[0];
        assert_eq!(q01.scored, 4);
        // 1 point out of four last attempts: 0.25.
        assert_eq!(q01.average, Some(Points::from_hundredths(25)));
        let text = |t: &str| Given::Text { text: t.to_owned() };
        assert_eq!(
            q01.wrong,
            vec![
                WrongAnswer {
                    given: text("Bastia"),
                    count: 2
                },
                WrongAnswer {
                    given: text("Corti"),
                    count: 1
                },
            ]
        );
    }

    #[test]
    fn free_answers_awaiting_a_teacher_are_not_averaged() {
        let exercise = twenty_items();
        let free = exercise
            .items
            .iter()
            .find(|i| matches!(i.kind, ItemKind::FreeText(_)))
            .expect("a free item");
        let id = free.id.to_string();
        let answer = Answer::FreeText {
            text: "Un texte".to_owned(),
            audio: None,
        };
        let (response, outcome) = answered(&exercise, &[(id.as_str(), answer)]);
        let sheets = [Sheet {
            items: &exercise.items,
            response: &response,
            outcome: &outcome,
            last: true,
        }];
        let stats = item_statistics(std::slice::from_ref(free), &sheets);
        assert_eq!(stats[0].scored, 0);
        assert_eq!(stats[0].awaiting, 1);
        assert_eq!(stats[0].average, None);
        assert!(stats[0].wrong.is_empty());
    }

    #[test]
    fn answers_read_in_the_items_words() {
        let exercise = twenty_items();
        let response = crate::exercise::fixtures::full_response();
        let described: Vec<Option<Given>> = exercise
            .items
            .iter()
            .map(|item| {
                response
                    .answers
                    .get(&item.id)
                    .and_then(|a| describe(item, a))
            })
            .collect();
        let text = |t: &str| Some(Given::Text { text: t.to_owned() });
        assert_eq!(described[0], text("Aiacciu"));
        assert_eq!(described[1], text("manger ; rapide ; courir"));
        assert_eq!(described[2], Some(Given::TrueFalse { value: true }));
        assert_eq!(described[3], text("Ghjovedì"));
    }
}

//! What is wrong with an exercise as written, before it is given to pupils. Problems are values
//! the authoring pages show in the reader's language; an exercise with problems can still be
//! saved as a draft, but not given.

use super::Exercise;
use super::ids::{CardId, CategoryId, ChoiceId, ItemId};
use super::item::{Card, Checkbox, Choice, ClozePart, Item, ItemKind, Numeric, Tolerance};
use super::score::word_count;
use super::text::{TextAnswer, normalise};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The longest dictation, in words: a long dictation is several items, and the bound keeps
/// aligning a pupil's text cheap.
pub const MAX_DICTATION_WORDS: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Problem {
    #[error("the exercise has no title")]
    NoTitle,
    #[error("the exercise has no item")]
    NoItems,
    #[error("two items are named {item}")]
    DuplicateItem { item: ItemId },
    #[error("item {item}: {problem}")]
    Item { item: ItemId, problem: ItemProblem },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemProblem {
    #[error("the item is worth no points")]
    ZeroPoints,
    #[error("{problem}")]
    Choices { problem: ChoicesProblem },
    #[error("{problem}")]
    Answers { problem: AnswersProblem },
    #[error("the text has no gap")]
    NoGap,
    #[error("gap {gap}: {problem}")]
    GapAnswers { gap: usize, problem: AnswersProblem },
    #[error("gap {gap}: {problem}")]
    GapOptions { gap: usize, problem: ChoicesProblem },
    #[error("answer {answer}: a tolerance cannot be negative")]
    NegativeTolerance { answer: usize },
    #[error("answer {answer}: a relative tolerance around zero accepts only zero")]
    RelativeToleranceAroundZero { answer: usize },
    #[error("a unit or one of its variants is empty")]
    EmptyUnit,
    #[error("{problem}")]
    Cards { problem: CardsProblem },
    #[error("fewer than two categories")]
    TooFewCategories,
    #[error("two categories are named {category}")]
    DuplicateCategory { category: CategoryId },
    #[error("category {category} has no name")]
    EmptyCategoryName { category: CategoryId },
    #[error("the dictation has no word")]
    EmptyDictation,
    #[error("the dictation has no recording")]
    NoRecording,
    #[error("the dictation has {words} words, more than {MAX_DICTATION_WORDS}")]
    DictationTooLong { words: usize },
}

/// Problems of a list of choices: a choice item's or a drop-down gap's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ChoicesProblem {
    #[error("fewer than two choices")]
    TooFew,
    #[error("two choices are named {choice}")]
    Duplicate { choice: ChoiceId },
    #[error("choice {choice} has no text")]
    Empty { choice: ChoiceId },
    #[error("no choice is right")]
    NoCorrect,
}

/// Problems of a list of accepted answers: a short text's, a typed gap's or a number's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AnswersProblem {
    #[error("no accepted answer")]
    NoAnswer,
    #[error("answer {answer} or one of its variants is empty")]
    Blank { answer: usize },
    #[error("no answer earns full credit")]
    NoFullCredit,
}

/// Problems of the cards of a matching, ordering or categorising item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CardsProblem {
    #[error("fewer than two cards")]
    TooFew,
    #[error("two cards are named {card}")]
    Duplicate { card: CardId },
    #[error("card {card} has no text")]
    Empty { card: CardId },
}

fn blank(text: &str) -> bool {
    normalise(text).is_empty()
}

/// The ids in `ids` seen before, each once.
fn duplicates<'a, T: Ord + 'a>(ids: impl IntoIterator<Item = &'a T>) -> Vec<&'a T> {
    let mut seen = BTreeSet::new();
    let mut twice = BTreeSet::new();
    let mut out = Vec::new();
    for id in ids {
        if !seen.insert(id) && twice.insert(id) {
            out.push(id);
        }
    }
    out
}

impl Exercise {
    /// Everything wrong with the exercise, in reading order; none when it can be given.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if blank(&self.title) {
            problems.push(Problem::NoTitle);
        }
        if self.items.is_empty() {
            problems.push(Problem::NoItems);
        }
        problems.extend(
            duplicates(self.items.iter().map(|item| &item.id))
                .into_iter()
                .map(|item| Problem::DuplicateItem { item: item.clone() }),
        );
        for item in &self.items {
            problems.extend(
                item_problems(item)
                    .into_iter()
                    .map(|problem| Problem::Item {
                        item: item.id.clone(),
                        problem,
                    }),
            );
        }
        problems
    }
}

fn item_problems(item: &Item) -> Vec<ItemProblem> {
    let mut problems = Vec::new();
    if item.points.hundredths() == 0 {
        problems.push(ItemProblem::ZeroPoints);
    }
    let choices = |problem| ItemProblem::Choices { problem };
    let answers = |problem| ItemProblem::Answers { problem };
    let cards = |problem| ItemProblem::Cards { problem };
    match &item.kind {
        ItemKind::SingleChoice(single) => {
            problems.extend(choice_problems(&single.choices).into_iter().map(choices));
        }
        ItemKind::MultipleChoice(multiple) => {
            problems.extend(
                checkbox_problems(&multiple.choices)
                    .into_iter()
                    .map(choices),
            );
        }
        ItemKind::TrueFalse(_) | ItemKind::FreeText(_) => {}
        ItemKind::ShortText(short) => {
            problems.extend(
                text_answer_problems(&short.answers)
                    .into_iter()
                    .map(answers),
            );
        }
        ItemKind::Cloze(cloze) => {
            if cloze.gaps().next().is_none() {
                problems.push(ItemProblem::NoGap);
            }
            for (gap, part) in cloze.gaps().enumerate() {
                match part {
                    ClozePart::TypedGap { answers } => problems.extend(
                        text_answer_problems(answers)
                            .into_iter()
                            .map(|problem| ItemProblem::GapAnswers { gap, problem }),
                    ),
                    ClozePart::ChoiceGap { options } => problems.extend(
                        choice_problems(options)
                            .into_iter()
                            .map(|problem| ItemProblem::GapOptions { gap, problem }),
                    ),
                    ClozePart::Text { .. } => {}
                }
            }
        }
        ItemKind::Numeric(numeric) => problems.extend(numeric_problems(numeric)),
        ItemKind::Matching(matching) => {
            let all = matching
                .pairs
                .iter()
                .flat_map(|pair| [&pair.left, &pair.right])
                .chain(&matching.distractors);
            problems.extend(
                card_problems(all, matching.pairs.len())
                    .into_iter()
                    .map(cards),
            );
        }
        ItemKind::Ordering(ordering) => {
            let count = ordering.cards.len();
            problems.extend(card_problems(&ordering.cards, count).into_iter().map(cards));
        }
        ItemKind::Categorising(sorting) => {
            if sorting.categories.len() < 2 {
                problems.push(ItemProblem::TooFewCategories);
            }
            problems.extend(
                duplicates(sorting.categories.iter().map(|c| &c.id))
                    .into_iter()
                    .map(|category| ItemProblem::DuplicateCategory {
                        category: category.clone(),
                    }),
            );
            problems.extend(
                sorting
                    .categories
                    .iter()
                    .filter(|category| blank(&category.name))
                    .map(|category| ItemProblem::EmptyCategoryName {
                        category: category.id.clone(),
                    }),
            );
            let all: Vec<&Card> = sorting.categories.iter().flat_map(|c| &c.cards).collect();
            let count = all.len();
            problems.extend(card_problems(all, count).into_iter().map(cards));
        }
        ItemKind::Dictation(dictation) => {
            if dictation.audio.is_none() {
                problems.push(ItemProblem::NoRecording);
            }
            match word_count(&dictation.text) {
                0 => problems.push(ItemProblem::EmptyDictation),
                words if words > MAX_DICTATION_WORDS => {
                    problems.push(ItemProblem::DictationTooLong { words })
                }
                _ => {}
            }
        }
    }
    problems
}

fn choice_problems(choices: &[Choice]) -> Vec<ChoicesProblem> {
    list_problems(
        choices.iter().map(|c| (&c.id, c.text.as_str())),
        choices.iter().any(|c| c.credit.is_full()),
    )
}

fn checkbox_problems(choices: &[Checkbox]) -> Vec<ChoicesProblem> {
    list_problems(
        choices.iter().map(|c| (&c.id, c.text.as_str())),
        choices.iter().any(|c| c.correct),
    )
}

fn list_problems<'a>(
    choices: impl Iterator<Item = (&'a ChoiceId, &'a str)> + Clone,
    any_correct: bool,
) -> Vec<ChoicesProblem> {
    let mut problems = Vec::new();
    if choices.clone().count() < 2 {
        problems.push(ChoicesProblem::TooFew);
    }
    problems.extend(
        duplicates(choices.clone().map(|(id, _)| id))
            .into_iter()
            .map(|choice| ChoicesProblem::Duplicate {
                choice: choice.clone(),
            }),
    );
    problems.extend(
        choices
            .filter(|(_, text)| blank(text))
            .map(|(id, _)| ChoicesProblem::Empty { choice: id.clone() }),
    );
    if !any_correct {
        problems.push(ChoicesProblem::NoCorrect);
    }
    problems
}

fn text_answer_problems(answers: &[TextAnswer]) -> Vec<AnswersProblem> {
    let mut problems = Vec::new();
    if answers.is_empty() {
        problems.push(AnswersProblem::NoAnswer);
        return problems;
    }
    problems.extend(
        answers
            .iter()
            .enumerate()
            .filter(|(_, answer)| answer.spellings().any(blank))
            .map(|(answer, _)| AnswersProblem::Blank { answer }),
    );
    if !answers.iter().any(|answer| answer.credit.is_full()) {
        problems.push(AnswersProblem::NoFullCredit);
    }
    problems
}

fn numeric_problems(numeric: &Numeric) -> Vec<ItemProblem> {
    let mut problems = Vec::new();
    if numeric.answers.is_empty() {
        problems.push(ItemProblem::Answers {
            problem: AnswersProblem::NoAnswer,
        });
    } else if !numeric.answers.iter().any(|answer| answer.credit.is_full()) {
        problems.push(ItemProblem::Answers {
            problem: AnswersProblem::NoFullCredit,
        });
    }
    for (index, answer) in numeric.answers.iter().enumerate() {
        match answer.tolerance {
            Tolerance::Absolute { margin } | Tolerance::Relative { percent: margin }
                if margin.is_negative() =>
            {
                problems.push(ItemProblem::NegativeTolerance { answer: index });
            }
            Tolerance::Relative { .. } if answer.value.is_zero() => {
                problems.push(ItemProblem::RelativeToleranceAroundZero { answer: index });
            }
            _ => {}
        }
    }
    if numeric
        .unit
        .as_ref()
        .is_some_and(|unit| unit.spellings().any(blank))
    {
        problems.push(ItemProblem::EmptyUnit);
    }
    problems
}

fn card_problems<'a>(
    cards: impl IntoIterator<Item = &'a Card> + Clone,
    counted: usize,
) -> Vec<CardsProblem> {
    let mut problems = Vec::new();
    if counted < 2 {
        problems.push(CardsProblem::TooFew);
    }
    problems.extend(
        duplicates(cards.clone().into_iter().map(|card| &card.id))
            .into_iter()
            .map(|card| CardsProblem::Duplicate { card: card.clone() }),
    );
    problems.extend(
        cards
            .into_iter()
            .filter(|card| blank(&card.text))
            .map(|card| CardsProblem::Empty {
                card: card.id.clone(),
            }),
    );
    problems
}

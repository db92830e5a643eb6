//! What Scola keeps of an item that GIFT cannot say, written as a `// scola {…}` comment before
//! the question (Moodle ignores comments) and applied on import when it still fits the question
//! as read: same kind, same number of choices, answers or cards. A teacher may edit a file
//! Scola wrote; what no longer fits is ignored, with a note, never applied to the wrong part.

use super::super::build::{self, Draft};
use crate::exercise::{
    Accepts, CardId, ChoiceId, ClozePart, Decimal, Feedback, ItemKind, LanguageTag, Penalty,
    Points, TextAnswer, TextMatching, Tolerance, Unit,
};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The comment that starts an item's extras.
pub(super) const ITEM: &str = "scola ";
/// The comment that starts the exercise's header.
pub(super) const EXERCISE: &str = "scola-exercise ";

/// The exercise's title and language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Header {
    pub title: String,
    pub language: LanguageTag,
}

/// A typed answer's extras: how many of the answers written after it are its variants, and how
/// it is compared.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct AnswerExtras {
    #[serde(default, skip_serializing_if = "is_zero")]
    pub variants: usize,
    #[serde(default, skip_serializing_if = "is_default")]
    pub matching: TextMatching,
}

fn is_default(matching: &TextMatching) -> bool {
    *matching == TextMatching::default()
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// An item's extras; every field is optional, defaults are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Extras {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Points>,
    /// Ids of the choices, options or cards (left and right of each pair, then distractors),
    /// when they are not the positional ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shuffle: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty: Option<Penalty>,
    /// One per typed answer, when any has variants or other matching than the default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<AnswerExtras>,
    /// Per numeric answer, its tolerance in percent when relative (written absolute in GIFT).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relative: Vec<Option<Decimal>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// A cloze's prompt, written before its text and a line break.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// The feedback GIFT has no place for, for this kind.
    #[serde(default, skip_serializing_if = "Feedback::is_empty")]
    pub feedback: Feedback,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepts: Option<Accepts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
}

/// The extras do not fit the question as read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Misfit;

fn fit(ok: bool) -> Result<(), Misfit> {
    if ok { Ok(()) } else { Err(Misfit) }
}

fn ids<T: FromStr>(raw: &[String], count: usize) -> Result<Option<Vec<T>>, Misfit> {
    if raw.is_empty() {
        return Ok(None);
    }
    fit(raw.len() == count)?;
    raw.iter()
        .map(|id| T::from_str(id).map_err(|_| Misfit))
        .collect::<Result<Vec<T>, Misfit>>()
        .map(Some)
}

impl Extras {
    pub fn is_empty(&self) -> bool {
        *self == Extras::default()
    }

    /// The draft with the extras applied, or [`Misfit`] (and the draft untouched).
    pub fn apply(&self, draft: &Draft) -> Result<Draft, Misfit> {
        let mut draft = draft.clone();
        if let Some(points) = self.points {
            draft.points = points;
        }
        for (field, value) in [
            (&mut draft.feedback.correct, &self.feedback.correct),
            (&mut draft.feedback.partial, &self.feedback.partial),
            (&mut draft.feedback.wrong, &self.feedback.wrong),
        ] {
            if value.is_some() {
                *field = value.clone();
            }
        }
        // Each field names the kinds it fits.
        let choices = matches!(
            draft.kind,
            ItemKind::SingleChoice(_) | ItemKind::MultipleChoice(_)
        );
        fit(self.shuffle.is_none() || choices)?;
        fit(self.penalty.is_none() || matches!(draft.kind, ItemKind::MultipleChoice(_)))?;
        let numeric = matches!(draft.kind, ItemKind::Numeric(_));
        fit((self.relative.is_empty() && self.unit.is_none()) || numeric)?;
        fit(self.prompt.is_none() || matches!(draft.kind, ItemKind::Cloze(_)))?;
        let free = matches!(draft.kind, ItemKind::FreeText(_));
        fit((self.accepts.is_none() && self.guidance.is_none()) || free)?;
        match &mut draft.kind {
            ItemKind::SingleChoice(single) => {
                if let Some(ids) = ids::<ChoiceId>(&self.ids, single.choices.len())? {
                    for (choice, id) in single.choices.iter_mut().zip(ids) {
                        choice.id = id;
                    }
                }
                single.shuffle = self.shuffle.unwrap_or(single.shuffle);
                fit(self.answers.is_empty())?;
            }
            ItemKind::MultipleChoice(multiple) => {
                if let Some(ids) = ids::<ChoiceId>(&self.ids, multiple.choices.len())? {
                    for (choice, id) in multiple.choices.iter_mut().zip(ids) {
                        choice.id = id;
                    }
                }
                multiple.shuffle = self.shuffle.unwrap_or(multiple.shuffle);
                multiple.penalty = self.penalty.unwrap_or(multiple.penalty);
                fit(self.answers.is_empty())?;
            }
            ItemKind::ShortText(short) => {
                fit(self.ids.is_empty())?;
                short.answers = self.regroup(std::mem::take(&mut short.answers))?;
            }
            ItemKind::Cloze(cloze) => {
                if let Some(prompt) = &self.prompt {
                    let Some(ClozePart::Text { text }) = cloze.parts.first_mut() else {
                        return Err(Misfit);
                    };
                    let rest = text
                        .strip_prefix(prompt.as_str())
                        .and_then(|rest| rest.strip_prefix('\n'))
                        .ok_or(Misfit)?;
                    *text = rest.to_owned();
                    if text.is_empty() {
                        cloze.parts.remove(0);
                    }
                    draft.prompt.clone_from(prompt);
                }
                for part in &mut cloze.parts {
                    match part {
                        ClozePart::TypedGap { answers } => {
                            fit(self.ids.is_empty())?;
                            *answers = self.regroup(std::mem::take(answers))?;
                        }
                        ClozePart::ChoiceGap { options } => {
                            fit(self.answers.is_empty())?;
                            if let Some(ids) = ids::<ChoiceId>(&self.ids, options.len())? {
                                for (option, id) in options.iter_mut().zip(ids) {
                                    option.id = id;
                                }
                            }
                        }
                        ClozePart::Text { .. } => {}
                    }
                }
            }
            ItemKind::Numeric(numeric) => {
                fit(self.ids.is_empty() && self.answers.is_empty())?;
                if !self.relative.is_empty() {
                    fit(self.relative.len() == numeric.answers.len())?;
                    for (answer, percent) in numeric.answers.iter_mut().zip(&self.relative) {
                        let Some(percent) = *percent else { continue };
                        // Only if the file still says the margin this percentage gives.
                        fit(
                            absolute_margin(answer.value, percent).is_some_and(|margin| {
                                answer.tolerance == Tolerance::Absolute { margin }
                            }),
                        )?;
                        answer.tolerance = Tolerance::Relative { percent };
                    }
                }
                if self.unit.is_some() {
                    numeric.unit.clone_from(&self.unit);
                }
            }
            ItemKind::Matching(matching) => {
                fit(self.answers.is_empty())?;
                let count = 2 * matching.pairs.len() + matching.distractors.len();
                if let Some(ids) = ids::<CardId>(&self.ids, count)? {
                    let mut ids = ids.into_iter();
                    let cards = matching
                        .pairs
                        .iter_mut()
                        .flat_map(|pair| [&mut pair.left, &mut pair.right])
                        .chain(matching.distractors.iter_mut());
                    for (card, id) in cards.zip(ids.by_ref()) {
                        card.id = id;
                    }
                }
            }
            ItemKind::FreeText(free) => {
                fit(self.ids.is_empty() && self.answers.is_empty())?;
                free.accepts = self.accepts.unwrap_or(free.accepts);
                if self.guidance.is_some() {
                    free.guidance.clone_from(&self.guidance);
                }
            }
            ItemKind::TrueFalse(_)
            | ItemKind::Ordering(_)
            | ItemKind::Categorising(_)
            | ItemKind::Dictation(_) => {
                fit(self.ids.is_empty() && self.answers.is_empty())?;
            }
        }
        Ok(draft)
    }

    /// Typed answers as written (variants after their answer, with its credit and feedback)
    /// grouped back into answers with variants.
    fn regroup(&self, written: Vec<TextAnswer>) -> Result<Vec<TextAnswer>, Misfit> {
        if self.answers.is_empty() {
            return Ok(written);
        }
        let wanted: usize = self.answers.iter().map(|a| 1 + a.variants).sum();
        fit(wanted == written.len())?;
        let mut written = written.into_iter();
        let mut answers = Vec::with_capacity(self.answers.len());
        for extras in &self.answers {
            let Some(mut answer) = written.next() else {
                return Err(Misfit);
            };
            for _ in 0..extras.variants {
                let variant = written.next().ok_or(Misfit)?;
                fit(variant.credit == answer.credit && variant.feedback == answer.feedback)?;
                answer.variants.push(variant.text);
            }
            answer.matching = extras.matching;
            answers.push(answer);
        }
        Ok(answers)
    }
}

/// The absolute margin `percent` % of `value` is.
pub(super) fn absolute_margin(value: Decimal, percent: Decimal) -> Option<Decimal> {
    let (m, s) = value.parts();
    let magnitude = Decimal::new(m.abs(), s)?;
    super::super::number::mul(magnitude, percent).and_then(super::super::number::hundredth)
}

/// The ids of choices as [`build`] numbers them, to tell when they need writing.
pub(super) fn positional_choices(count: usize) -> Vec<String> {
    (0..count).map(build::letter_id).collect()
}

//! Writing an exercise as GIFT (see the module `gift` for what is written where).

use super::extras::{self, AnswerExtras, Extras, Header};
use super::lex;
use crate::exercise::exchange::build::{self, ONE_POINT};
use crate::exercise::exchange::{NotExported, Unexpressible};
use crate::exercise::{
    Accepts, Choice, ClozePart, Decimal, Exercise, Feedback, Item, ItemKind, Matching, Numeric,
    TextAnswer, TextMatching, Tolerance,
};
use std::fmt::Write;

/// The exercise as GIFT, and the items left out (in order, with the reason).
pub fn export(exercise: &Exercise) -> (String, Vec<NotExported>) {
    let mut out = String::new();
    let header = Header {
        title: exercise.title.clone(),
        language: exercise.language.clone(),
    };
    if let Ok(json) = serde_json::to_string(&header) {
        let _ = writeln!(out, "// {}{json}\n", extras::EXERCISE);
    }
    if let Some(statement) = exercise
        .statement
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        let _ = writeln!(out, "[markdown]{}\n", lex::escape(statement));
    }
    let mut left_out = Vec::new();
    for item in &exercise.items {
        match question(item) {
            Ok(block) => {
                out.push_str(&block);
                out.push_str("\n\n");
            }
            Err(reason) => left_out.push(NotExported {
                item: item.id.clone(),
                reason,
            }),
        }
    }
    (out, left_out)
}

/// A text with its own `[markdown]` when it starts with a bracket that could read as a format.
fn text_field(text: &str) -> String {
    let escaped = lex::escape(text);
    if text.starts_with('[') {
        format!("[markdown]{escaped}")
    } else {
        escaped
    }
}

/// A typed answer or its variant: escaped, stars made literal.
fn typed_field(text: &str) -> String {
    text_field(&build::star(text))
}

fn feedback_field(feedback: Option<&str>) -> String {
    match feedback {
        Some(text) if !text.is_empty() => format!("#{}", text_field(text)),
        _ => String::new(),
    }
}

/// `%w%` for a weight, written so that the text after it cannot read as one.
fn weight_field(weight: Decimal) -> String {
    format!("%{weight}%")
}

fn question(item: &Item) -> Result<String, Unexpressible> {
    let mut extras = Extras::default();
    if item.points != ONE_POINT {
        extras.points = Some(item.points);
    }
    let mut answers = String::new();
    let mut prompt = item.prompt.as_str();
    let mut cloze_text: Option<(String, String)> = None;
    // The feedback GIFT has a place for, per kind.
    let (has_correct, has_wrong) = match &item.kind {
        ItemKind::TrueFalse(_) => (true, true),
        ItemKind::ShortText(_) | ItemKind::Numeric(_) => (false, true),
        _ => (false, false),
    };
    extras.feedback = Feedback {
        general: None,
        correct: item.feedback.correct.clone().filter(|_| !has_correct),
        partial: item.feedback.partial.clone(),
        wrong: item.feedback.wrong.clone().filter(|_| !has_wrong),
    };
    match &item.kind {
        ItemKind::TrueFalse(tf) => {
            answers.push_str(if tf.answer { "T" } else { "F" });
            let wrong = item.feedback.wrong.as_deref().unwrap_or_default();
            let right = item.feedback.correct.as_deref().unwrap_or_default();
            if !wrong.is_empty() || !right.is_empty() {
                let _ = write!(answers, "#{}", text_field(wrong));
            }
            if !right.is_empty() {
                let _ = write!(answers, "#{}", text_field(right));
            }
        }
        ItemKind::SingleChoice(single) => {
            choice_lines(&single.choices, &mut answers, &mut extras);
            if !single.shuffle {
                extras.shuffle = Some(false);
            }
        }
        ItemKind::MultipleChoice(multiple) => {
            let correct: Vec<bool> = multiple.choices.iter().map(|c| c.correct).collect();
            let weights = build::weights_of(&correct, multiple.penalty);
            if build::penalty(&weights) != (multiple.penalty, true) {
                extras.penalty = Some(multiple.penalty);
            }
            for (choice, weight) in multiple.choices.iter().zip(weights) {
                let _ = write!(
                    answers,
                    "\n\t~{}{}{}",
                    weight_field(weight),
                    text_field(&choice.text),
                    feedback_field(choice.feedback.as_deref())
                );
            }
            let ids: Vec<String> = multiple.choices.iter().map(|c| c.id.to_string()).collect();
            if ids != extras::positional_choices(ids.len()) {
                extras.ids = ids;
            }
            if !multiple.shuffle {
                extras.shuffle = Some(false);
            }
        }
        ItemKind::ShortText(short) => {
            typed_lines(&short.answers, &mut answers, &mut extras)?;
            if let Some(wrong) = item.feedback.wrong.as_deref() {
                let _ = write!(answers, "\n\t=%0%*{}", feedback_field(Some(wrong)));
            }
        }
        ItemKind::Numeric(numeric) => {
            numeric_lines(numeric, &mut answers, &mut extras)?;
            if let Some(wrong) = item.feedback.wrong.as_deref() {
                let _ = write!(answers, "\n\t~{}", feedback_field(Some(wrong)));
            }
        }
        ItemKind::Matching(matching) => matching_lines(matching, &mut answers, &mut extras)?,
        ItemKind::FreeText(free) => {
            if free.accepts == Accepts::Audio {
                return Err(Unexpressible::Spoken);
            }
            if free.accepts != Accepts::Text {
                extras.accepts = Some(free.accepts);
            }
            extras.guidance.clone_from(&free.guidance);
        }
        ItemKind::Cloze(cloze) => {
            let gaps = cloze.gaps().count();
            if gaps != 1 {
                return Err(Unexpressible::Gaps { gaps });
            }
            let (mut before, mut after, mut seen) = (String::new(), String::new(), false);
            for part in &cloze.parts {
                match part {
                    ClozePart::Text { text } if seen => after.push_str(text),
                    ClozePart::Text { text } => before.push_str(text),
                    ClozePart::TypedGap { answers: typed } => {
                        seen = true;
                        typed_lines(typed, &mut answers, &mut extras)?;
                    }
                    ClozePart::ChoiceGap { options } => {
                        seen = true;
                        choice_lines(options, &mut answers, &mut extras);
                    }
                }
            }
            if after.trim().is_empty() {
                return Err(Unexpressible::GapAtEnd);
            }
            if !item.prompt.is_empty() {
                extras.prompt = Some(item.prompt.clone());
                before = format!("{}\n{before}", item.prompt);
            }
            prompt = "";
            cloze_text = Some((before, after));
        }
        ItemKind::Ordering(_) | ItemKind::Categorising(_) | ItemKind::Dictation(_) => {
            return Err(Unexpressible::Kind {
                item_type: item.item_type(),
            });
        }
    }
    if let Some(general) = item.feedback.general.as_deref() {
        let _ = write!(answers, "\n\t####{}", text_field(general));
    }
    let mut out = String::new();
    if let Some(json) = (!extras.is_empty())
        .then(|| serde_json::to_string(&extras).ok())
        .flatten()
    {
        let _ = writeln!(out, "// {}{json}", extras::ITEM);
    }
    let _ = write!(out, "::{}::[markdown]", lex::escape(item.id.as_str()));
    match cloze_text {
        Some((before, after)) => {
            let _ = write!(
                out,
                "{}{{{answers}\n}}{}",
                lex::escape(&before),
                lex::escape(&after)
            );
        }
        // A block of one line (`{T}`, `{}`) closes on its line.
        None if !answers.contains('\n') => {
            let _ = write!(out, "{}{{{answers}}}", lex::escape(prompt));
        }
        None => {
            let _ = write!(out, "{}{{{answers}\n}}", lex::escape(prompt));
        }
    }
    Ok(out)
}

/// Choices of a single-choice item or a drop-down gap. At least one `~` is written, or GIFT
/// would read a short answer.
fn choice_lines(choices: &[Choice], answers: &mut String, extras: &mut Extras) {
    let all_full = choices.iter().all(|c| c.credit.is_full());
    for (index, choice) in choices.iter().enumerate() {
        let last = index + 1 == choices.len();
        let mark = if choice.credit.is_full() && !(all_full && last) {
            "=".to_owned()
        } else if choice.credit.get() == 0 && !choice.text.starts_with('%') {
            "~".to_owned()
        } else {
            format!(
                "~{}",
                weight_field(Decimal::from_int(i32::from(choice.credit.get())))
            )
        };
        let _ = write!(
            answers,
            "\n\t{mark}{}{}",
            text_field(&choice.text),
            feedback_field(choice.feedback.as_deref())
        );
    }
    let ids: Vec<String> = choices.iter().map(|c| c.id.to_string()).collect();
    if ids != extras::positional_choices(ids.len()) {
        extras.ids = ids;
    }
}

/// Typed answers: each variant an answer of its own (so Moodle accepts it too), the grouping
/// and matching options in the extras.
fn typed_lines(
    typed: &[TextAnswer],
    answers: &mut String,
    extras: &mut Extras,
) -> Result<(), Unexpressible> {
    let mut grouped = Vec::with_capacity(typed.len());
    for answer in typed {
        for spelling in answer.spellings() {
            if lex::find_arrow(&typed_field(spelling)).is_some() {
                return Err(Unexpressible::Arrow);
            }
            let weight = if answer.credit.is_full() && !spelling.starts_with('%') {
                String::new()
            } else {
                weight_field(Decimal::from_int(i32::from(answer.credit.get())))
            };
            let _ = write!(
                answers,
                "\n\t={weight}{}{}",
                typed_field(spelling),
                feedback_field(answer.feedback.as_deref())
            );
        }
        grouped.push(AnswerExtras {
            variants: answer.variants.len(),
            matching: answer.matching,
        });
    }
    let plain = grouped
        .iter()
        .all(|a| a.variants == 0 && a.matching == TextMatching::default());
    if !plain {
        extras.answers = grouped;
    }
    Ok(())
}

fn numeric_lines(
    numeric: &Numeric,
    answers: &mut String,
    extras: &mut Extras,
) -> Result<(), Unexpressible> {
    answers.push('#');
    let mut relative = Vec::with_capacity(numeric.answers.len());
    for answer in &numeric.answers {
        let margin = match answer.tolerance {
            Tolerance::Absolute { margin } => {
                relative.push(None);
                margin
            }
            Tolerance::Relative { percent } => {
                relative.push(Some(percent));
                extras::absolute_margin(answer.value, percent).ok_or(Unexpressible::Tolerance)?
            }
        };
        let weight = if answer.credit.is_full() {
            String::new()
        } else {
            weight_field(Decimal::from_int(i32::from(answer.credit.get())))
        };
        let number = if margin.is_zero() {
            answer.value.to_string()
        } else {
            format!("{}:{margin}", answer.value)
        };
        let _ = write!(
            answers,
            "\n\t={weight}{number}{}",
            feedback_field(answer.feedback.as_deref())
        );
    }
    if relative.iter().any(Option::is_some) {
        extras.relative = relative;
    }
    extras.unit.clone_from(&numeric.unit);
    Ok(())
}

fn matching_lines(
    matching: &Matching,
    answers: &mut String,
    extras: &mut Extras,
) -> Result<(), Unexpressible> {
    for pair in &matching.pairs {
        let left = text_field(&pair.left.text);
        if lex::find_arrow(&left).is_some() {
            return Err(Unexpressible::Arrow);
        }
        let _ = write!(answers, "\n\t={left} -> {}", lex::escape(&pair.right.text));
    }
    for card in &matching.distractors {
        let _ = write!(answers, "\n\t= -> {}", lex::escape(&card.text));
    }
    let ids: Vec<String> = matching
        .pairs
        .iter()
        .flat_map(|pair| [pair.left.id.to_string(), pair.right.id.to_string()])
        .chain(matching.distractors.iter().map(|card| card.id.to_string()))
        .collect();
    let count = matching.pairs.len();
    let positional: Vec<String> = (1..=count)
        .flat_map(|n| [format!("l{n}"), format!("r{n}")])
        .chain((1..=matching.distractors.len()).map(|n| format!("r{}", count + n)))
        .collect();
    if ids != positional {
        extras.ids = ids;
    }
    Ok(())
}

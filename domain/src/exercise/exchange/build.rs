//! What the importers share: the draft of an item, ids, credits from weights, the choice and
//! typed-answer parts, and the collector that checks each draft and writes the report.

use super::number::{self, Credit};
use super::report::{FileNote, ImportError, ItemReport, Note, Outcome, Reason, Report};
use super::{Defaults, Format, MAX_PARTS};
use crate::exercise::{
    Card, CardId, Checkbox, Choice, ChoiceId, Decimal, Exercise, Feedback, Item, ItemId, ItemKind,
    LanguageTag, MAX_ID_LEN, Matching, MultipleChoice, Pair, Penalty, Points, Problem,
    SingleChoice, TextAnswer, TextMatching,
};
use std::collections::BTreeSet;
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What an imported item is worth when the file does not say: Moodle's default mark.
pub(super) const ONE_POINT: Points = Points::from_hundredths(100);

/// The notes gathered on one item, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Notes(Vec<Note>);

impl Notes {
    pub fn add(&mut self, note: Note) {
        if !self.0.contains(&note) {
            self.0.push(note);
        }
    }

    /// The notes a text conversion calls for.
    pub fn converted(&mut self, converted: &super::markup::Converted) {
        if converted.markup_removed {
            self.add(Note::MarkupRemoved);
        }
        if converted.media > 0 {
            // Media counts add up over the texts of an item.
            let earlier = self.0.iter_mut().find_map(|note| match note {
                Note::MediaDropped { count } => Some(count),
                _ => None,
            });
            match earlier {
                Some(count) => *count += converted.media,
                None => self.0.push(Note::MediaDropped {
                    count: converted.media,
                }),
            }
        }
    }

    fn credit(&mut self, credit: &Credit) {
        if credit.rounded {
            self.add(Note::CreditRounded);
        }
        if credit.was_negative {
            self.add(Note::NegativeCreditAsZero);
        }
    }
}

/// An item as read, before it has its id and is checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Draft {
    pub prompt: String,
    pub points: Points,
    pub feedback: Feedback,
    pub kind: ItemKind,
    pub notes: Notes,
}

/// Where a question is in its file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Origin {
    pub line: Option<u32>,
    /// Its name, shown in the report.
    pub name: Option<String>,
    /// What its id may be made from, best first.
    pub ids: Vec<String>,
}

/// Turns drafts into checked items and the report, in the file's order.
pub(super) struct Collector {
    format: Format,
    title: String,
    language: LanguageTag,
    statement: Vec<String>,
    items: Vec<Item>,
    reports: Vec<ItemReport>,
    notes: Vec<FileNote>,
    used: BTreeSet<String>,
    questions_seen: bool,
}

impl Collector {
    pub fn new(format: Format, defaults: &Defaults) -> Self {
        Collector {
            format,
            title: defaults.title.clone(),
            language: defaults.language.clone(),
            statement: Vec::new(),
            items: Vec::new(),
            reports: Vec::new(),
            notes: Vec::new(),
            used: BTreeSet::new(),
            questions_seen: false,
        }
    }

    pub fn set_title(&mut self, title: String) {
        self.title = title;
    }

    pub fn set_language(&mut self, language: LanguageTag) {
        self.language = language;
    }

    pub fn file_note(&mut self, note: FileNote) {
        self.notes.push(note);
    }

    fn report(&mut self, origin: Origin, outcome: Outcome, notes: Notes) {
        self.reports.push(ItemReport {
            position: self.reports.len() + 1,
            line: origin.line,
            name: origin.name,
            outcome,
            notes: notes.0,
        });
    }

    pub fn refuse(&mut self, origin: Origin, reason: Reason) {
        self.questions_seen = true;
        self.report(origin, Outcome::Refused { reason }, Notes::default());
    }

    /// Text that asks nothing: the statement while no question came before, refused after.
    pub fn description(&mut self, origin: Origin, text: String, notes: Notes) {
        if self.questions_seen {
            self.refuse(origin, Reason::Description);
        } else {
            if !text.trim().is_empty() {
                self.statement.push(text);
            }
            self.report(origin, Outcome::Statement, notes);
        }
    }

    /// Takes the draft as an item, or refuses it with the problems [`Exercise::problems`] finds.
    pub fn take(&mut self, origin: Origin, draft: Draft) {
        self.questions_seen = true;
        let id = self.id(&origin.ids);
        let item = Item {
            id: id.clone(),
            prompt: draft.prompt,
            points: draft.points,
            feedback: draft.feedback,
            kind: draft.kind,
        };
        let problems = item_problems(&item, &self.language);
        if problems.is_empty() {
            let outcome = Outcome::Taken {
                item_type: item.item_type(),
                id,
            };
            self.items.push(item);
            self.report(origin, outcome, draft.notes);
        } else {
            self.used.remove(id.as_str());
            self.report(
                origin,
                Outcome::Refused {
                    reason: Reason::Problems { problems },
                },
                Notes::default(),
            );
        }
    }

    /// A new id from the first usable candidate (see the module `exchange`'s documentation).
    fn id(&mut self, candidates: &[String]) -> ItemId {
        let position = self.reports.len() + 1;
        let base = candidates
            .iter()
            .map(|raw| raw.trim())
            .find_map(|raw| {
                if ItemId::from_str(raw).is_ok() {
                    Some(raw.to_owned())
                } else {
                    Some(slug(raw)).filter(|slug| !slug.is_empty())
                }
            })
            .unwrap_or_else(|| format!("q{position}"));
        let mut id = base.clone();
        let mut n = 2;
        while self.used.contains(&id) || ItemId::from_str(&id).is_err() {
            let suffix = format!("-{n}");
            let room = MAX_ID_LEN.saturating_sub(suffix.len());
            id = format!("{}{suffix}", &base[..base.len().min(room)]);
            n += 1;
        }
        self.used.insert(id.clone());
        ItemId::from_str(&id).unwrap_or_else(|_| fallback_id(position))
    }

    pub fn finish(self) -> Result<Report, ImportError> {
        if self.reports.is_empty() {
            return Err(ImportError::NoQuestions);
        }
        let exercise = (!self.items.is_empty()).then(|| Exercise {
            title: self.title,
            language: self.language,
            statement: (!self.statement.is_empty()).then(|| self.statement.join("\n\n")),
            items: self.items,
        });
        Ok(Report {
            format: self.format,
            exercise,
            items: self.reports,
            notes: self.notes,
        })
    }
}

fn fallback_id(position: usize) -> ItemId {
    ItemId::from_str(&format!("q{position}"))
        .unwrap_or_else(|_| unreachable!("`q` and digits make an identifier"))
}

/// The problems [`Exercise::problems`] finds in `item` alone.
fn item_problems(item: &Item, language: &LanguageTag) -> Vec<crate::exercise::ItemProblem> {
    let alone = Exercise {
        title: "-".to_owned(),
        language: language.clone(),
        statement: None,
        items: vec![item.clone()],
    };
    alone
        .problems()
        .into_iter()
        .filter_map(|problem| match problem {
            Problem::Item { problem, .. } => Some(problem),
            _ => None,
        })
        .collect()
}

/// `raw` made an identifier: accents removed, every run of other characters one `-`, cut to
/// [`MAX_ID_LEN`]; empty when nothing is left.
pub(super) fn slug(raw: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in raw.nfd().filter(|&c| !is_combining_mark(c)) {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
        if out.len() >= MAX_ID_LEN {
            break;
        }
    }
    out.truncate(MAX_ID_LEN);
    out.trim_end_matches('-').to_owned()
}

/// The id of the choice at `index`: `a` … `z`, `aa`, `ab`, … (positional, as the formats
/// without ids need).
pub(super) fn letter_id(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'a' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

pub(super) fn choice_id(index: usize) -> ChoiceId {
    ChoiceId::from_str(&letter_id(index)).unwrap_or_else(|_| unreachable!("letters make an id"))
}

/// Refuses more than [`MAX_PARTS`] parts.
pub(super) fn check_parts(count: usize) -> Result<(), Reason> {
    if count > MAX_PARTS {
        Err(Reason::TooManyParts {
            count,
            max: MAX_PARTS,
        })
    } else {
        Ok(())
    }
}

/// Refuses a weight beyond ±100 %.
pub(super) fn check_weight(weight: Decimal) -> Result<(), Reason> {
    let (m, s) = weight.parts();
    let within = Decimal::new(m.abs(), s).is_some_and(|w| w <= Decimal::from_int(100));
    if within {
        Ok(())
    } else {
        Err(Reason::InvalidGrade {
            grade: weight.to_string(),
        })
    }
}

/// Refuses a weight that is not one of Moodle's grades (for Moodle XML, which Moodle writes
/// from that list and refuses otherwise).
pub(super) fn check_grade(weight: Decimal) -> Result<(), Reason> {
    if number::is_moodle_grade(weight) {
        Ok(())
    } else {
        Err(Reason::InvalidGrade {
            grade: weight.to_string(),
        })
    }
}

/// An answer as files give it: a text, a weight in percent (negative for a penalty), feedback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Weighted {
    pub text: String,
    pub weight: Decimal,
    pub feedback: Option<String>,
}

/// Choices (of a single-choice item or a drop-down gap) with positional ids.
pub(super) fn choices(answers: Vec<Weighted>, notes: &mut Notes) -> Vec<Choice> {
    answers
        .into_iter()
        .enumerate()
        .map(|(index, answer)| {
            let credit = number::credit(answer.weight);
            notes.credit(&credit);
            Choice {
                id: choice_id(index),
                text: answer.text,
                credit: credit.percent,
                feedback: answer.feedback,
            }
        })
        .collect()
}

pub(super) fn single_choice(answers: Vec<Weighted>, shuffle: bool, notes: &mut Notes) -> ItemKind {
    ItemKind::SingleChoice(SingleChoice {
        choices: choices(answers, notes),
        shuffle,
    })
}

/// Boxes to tick: those of positive weight are right; the penalty is the one of Scola's that
/// the weights describe, or the default with a note when none does.
pub(super) fn multiple_choice(
    answers: Vec<Weighted>,
    shuffle: bool,
    notes: &mut Notes,
) -> ItemKind {
    let weights: Vec<Decimal> = answers.iter().map(|answer| answer.weight).collect();
    let (penalty, exact) = penalty(&weights);
    if !exact {
        notes.add(Note::ApproximateScoring);
    }
    ItemKind::MultipleChoice(MultipleChoice {
        choices: answers
            .into_iter()
            .enumerate()
            .map(|(index, answer)| Checkbox {
                id: choice_id(index),
                text: answer.text,
                correct: answer.weight > Decimal::ZERO,
                feedback: answer.feedback,
            })
            .collect(),
        penalty,
        shuffle,
    })
}

/// The penalty whose scoring the weights (percentages, the right boxes' summing to 100) are,
/// and whether they are it exactly. With `C` right boxes and `W` others: right boxes weigh
/// 100/C; wrong ones −100/C is [`Penalty::WrongCancelsRight`], −100/W
/// [`Penalty::Proportional`] (when both, they score alike; the default is said). Anything else
/// is approximated by the default.
pub(super) fn penalty(weights: &[Decimal]) -> (Penalty, bool) {
    let right: Vec<Decimal> = weights
        .iter()
        .copied()
        .filter(|w| *w > Decimal::ZERO)
        .collect();
    let wrong: Vec<Decimal> = weights
        .iter()
        .copied()
        .filter(|w| *w <= Decimal::ZERO)
        .collect();
    let share = |count: usize| number::share(count);
    let all =
        |list: &[Decimal], target: Decimal| list.iter().all(|&w| number::same_share(w, target));
    let right_exact = !right.is_empty() && all(&right, share(right.len()));
    let negative = |d: Decimal| number::sub(Decimal::ZERO, d).unwrap_or(Decimal::ZERO);
    if !right_exact {
        return (Penalty::default(), false);
    }
    if wrong.is_empty() || all(&wrong, negative(share(right.len()))) {
        return (Penalty::WrongCancelsRight, true);
    }
    if all(&wrong, negative(share(wrong.len()))) {
        return (Penalty::Proportional, true);
    }
    (Penalty::default(), false)
}

/// The weights that describe `penalty` for boxes where `correct` says which are right: what
/// [`penalty`] reads back (an all-or-nothing item is written as if each wrong tick cancelled a
/// right one, the nearest Moodle can score).
pub(super) fn weights_of(correct: &[bool], penalty: Penalty) -> Vec<Decimal> {
    let right = correct.iter().filter(|c| **c).count();
    let wrong = correct.len() - right;
    let negative = |d: Decimal| number::sub(Decimal::ZERO, d).unwrap_or(Decimal::ZERO);
    let wrong_weight = match penalty {
        Penalty::Proportional => negative(number::share(wrong)),
        Penalty::WrongCancelsRight | Penalty::AllOrNothing => negative(number::share(right)),
    };
    correct
        .iter()
        .map(|&c| {
            if c {
                number::share(right)
            } else {
                wrong_weight
            }
        })
        .collect()
}

/// Typed answers, and the feedback of a catch-all `*` answer (shown for anything else).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Typed {
    pub answers: Vec<TextAnswer>,
    pub otherwise: Option<String>,
}

/// Typed answers (a short text's or a gap's), as Moodle writes them: `*` alone accepts
/// anything (kept as the "wrong" feedback when it earns nothing), `*` elsewhere is a wildcard
/// (refused: Scola matches whole answers), `\*` is a star.
pub(super) fn typed(
    answers: Vec<Weighted>,
    case_sensitive: bool,
    notes: &mut Notes,
) -> Result<Typed, Reason> {
    let mut typed = Typed::default();
    for answer in answers {
        if answer.text == "*" {
            if answer.weight > Decimal::ZERO {
                return Err(Reason::CatchAllWithCredit);
            }
            if typed.otherwise.is_none() {
                typed.otherwise = answer.feedback;
            }
            continue;
        }
        let text = unstar(&answer.text).ok_or_else(|| Reason::Wildcard {
            answer: answer.text.clone(),
        })?;
        let credit = number::credit(answer.weight);
        notes.credit(&credit);
        typed.answers.push(TextAnswer {
            text,
            variants: Vec::new(),
            matching: TextMatching {
                case_sensitive,
                ..TextMatching::default()
            },
            credit: credit.percent,
            feedback: answer.feedback,
        });
    }
    Ok(typed)
}

/// `\*` made `*`; `None` when a bare `*` (a wildcard) is left.
fn unstar(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'*') => {
                out.push('*');
                chars.next();
            }
            '*' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// `text` written so that [`typed`] reads it back as itself.
pub(super) fn star(text: &str) -> String {
    text.replace('*', "\\*")
}

/// Points from a decimal number of points (rounded to the hundredth); `None` when negative or
/// too large.
pub(super) fn points(value: Decimal) -> Option<Points> {
    let hundredths = number::rounded(value, 2)?;
    u32::try_from(hundredths).ok().map(Points::from_hundredths)
}

/// A matching item from pairs of texts and right-hand texts matching nothing, with positional
/// ids: `l1`/`r1`, `l2`/`r2`, …, distractors numbered after the pairs.
pub(super) fn matching(pairs: Vec<(String, String)>, loose: Vec<String>) -> ItemKind {
    let count = pairs.len();
    let card = |prefix: &str, n: usize, text: String| Card {
        id: CardId::from_str(&format!("{prefix}{n}"))
            .unwrap_or_else(|_| unreachable!("a letter and digits make an identifier")),
        text,
    };
    ItemKind::Matching(Matching {
        pairs: pairs
            .into_iter()
            .enumerate()
            .map(|(index, (left, right))| Pair {
                left: card("l", index + 1, left),
                right: card("r", index + 1, right),
            })
            .collect(),
        distractors: loose
            .into_iter()
            .enumerate()
            .map(|(index, text)| card("r", count + index + 1, text))
            .collect(),
    })
}

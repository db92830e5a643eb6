//! Moodle XML (`<quiz><question type="…">…`), read.
//!
//! | Moodle type | item |
//! |---|---|
//! | `multichoice` | single choice (`<single>true`) or multiple choice (penalty read from the fractions, as in GIFT) |
//! | `truefalse` | true/false |
//! | `shortanswer` | short text (`<usecase>` for case) |
//! | `numerical` | numeric, absolute tolerance; units of multiplier 1 (the first the symbol, the others variants) |
//! | `match` | matching (a subquestion without text is a distractor) |
//! | `essay` | free text, `<graderinfo>` the guidance |
//! | `cloze` (embedded answers) | cloze: `SHORTANSWER`/`SA`/`MW` typed gaps (`_C`: case counts), `MULTICHOICE`/`MC` and its `_V`/`_H`/`_S` forms drop-down gaps; a `NUMERICAL` gap only alone (a numeric item); `MULTIRESPONSE` refused |
//! | `ddwtos`, `gapselect` | cloze of drop-down gaps, each gap's options its group's choices |
//! | `description` | the statement before the first question, refused after |
//! | `category` | noted and ignored |
//! | anything else (`calculated`, `ddimageortext`, `random`, …) | refused |
//!
//! Fractions must be Moodle's grades (Moodle writes them from its list and refuses others);
//! `<defaultgrade>` gives the points; `<correctfeedback>`, `<partiallycorrectfeedback>`,
//! `<incorrectfeedback>` and `<generalfeedback>` the item's feedback. Texts follow their
//! `format` (`html`, `moodle_auto_format`, `plain_text`, `markdown`).

mod cloze;
mod gaps;

use super::build::{self, Collector, Draft, Notes, ONE_POINT, Origin, Weighted};
use super::markup::{self, Source};
use super::report::{FileNote, Note, Reason};
use super::{Defaults, Format, ImportError, MAX_QUESTIONS, Report, number, xml};
use crate::exercise::{
    Accepts, Decimal, Feedback, FreeText, ItemKind, Numeric, NumericAnswer, ShortText, Tolerance,
    TrueFalse, Unit,
};
use roxmltree::Node;
use std::str::FromStr;

/// Reads a Moodle XML file's text. See the module's documentation.
pub fn import(text: &str, defaults: &Defaults) -> Result<Report, ImportError> {
    let document = xml::parse(text)?;
    let root = document.root_element();
    if root.tag_name().name() != "quiz" {
        return Err(ImportError::WrongRoot {
            found: root.tag_name().name().to_owned(),
            expected: "quiz".to_owned(),
        });
    }
    let questions: Vec<Node> = xml::children(root, "question").collect();
    let count = questions
        .iter()
        .filter(|q| q.attribute("type") != Some("category"))
        .count();
    if count > MAX_QUESTIONS {
        return Err(ImportError::TooManyQuestions {
            count,
            max: MAX_QUESTIONS,
        });
    }
    let mut collector = Collector::new(Format::MoodleXml, defaults);
    for question in questions {
        let kind = question.attribute("type").unwrap_or_default();
        if kind == "category" {
            let name = xml::child(question, "category")
                .map(|c| xml::child_text(c, "text"))
                .unwrap_or_default();
            collector.file_note(FileNote::CategoryIgnored { name });
            continue;
        }
        let name = xml::child(question, "name")
            .map(|n| xml::child_text(n, "text"))
            .filter(|n| !n.is_empty());
        let origin = Origin {
            line: Some(xml::line(&document, question)),
            name: name.clone(),
            ids: [Some(xml::child_text(question, "idnumber")), name]
                .into_iter()
                .flatten()
                .filter(|id| !id.is_empty())
                .collect(),
        };
        if kind == "description" {
            let mut notes = Notes::default();
            let text = formatted(question, "questiontext", &mut notes);
            collector.description(origin, text, notes);
            continue;
        }
        match read(question, kind) {
            Ok(draft) => collector.take(origin, draft),
            Err(reason) => collector.refuse(origin, reason),
        }
    }
    collector.finish()
}

/// How a text element's `format` attribute says it is written.
fn source(node: Node) -> Source {
    match node.attribute("format") {
        Some("moodle_auto_format") => Source::HtmlWithBreaks,
        Some("plain_text") => Source::Plain,
        Some("markdown") => Source::Markdown,
        _ => Source::Html,
    }
}

/// The child `name`'s `<text>` as Markdown (empty when there is none).
fn formatted(node: Node, name: &'static str, notes: &mut Notes) -> String {
    let Some(element) = xml::child(node, name) else {
        return String::new();
    };
    let converted = markup::markdown(&xml::child_text(element, "text"), source(element));
    notes.converted(&converted);
    converted.text
}

fn optional(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

fn flag(node: Node, name: &'static str, default: bool) -> bool {
    match xml::child_text(node, name).as_str() {
        "" => default,
        "0" | "false" => false,
        _ => true,
    }
}

fn decimal(text: &str) -> Result<Decimal, Reason> {
    Decimal::from_str(text.trim()).map_err(|_| Reason::NotANumber {
        text: text.trim().to_owned(),
    })
}

/// An `<answer fraction="…">`'s weight, checked against Moodle's grades.
fn fraction(answer: Node) -> Result<Decimal, Reason> {
    let weight = decimal(answer.attribute("fraction").unwrap_or("0"))?;
    build::check_grade(weight)?;
    Ok(weight)
}

fn read(question: Node, kind: &str) -> Result<Draft, Reason> {
    let mut notes = Notes::default();
    let notes = &mut notes;
    if xml::child(question, "hint").is_some() {
        notes.add(Note::HintsDropped);
    }
    let points = match xml::child(question, "defaultgrade") {
        Some(grade) => {
            build::points(decimal(&xml::text(grade))?).ok_or_else(|| Reason::NotANumber {
                text: xml::text(grade),
            })?
        }
        None => ONE_POINT,
    };
    let mut feedback = Feedback {
        general: optional(formatted(question, "generalfeedback", notes)),
        correct: optional(formatted(question, "correctfeedback", notes)),
        partial: optional(formatted(question, "partiallycorrectfeedback", notes)),
        wrong: optional(formatted(question, "incorrectfeedback", notes)),
    };
    let answers: Vec<Node> = xml::children(question, "answer").collect();
    build::check_parts(answers.len())?;
    let mut prompt = formatted(question, "questiontext", notes);
    let kind = match kind {
        "multichoice" => {
            let weighted = answers
                .iter()
                .map(|&answer| weighted(answer, notes))
                .collect::<Result<Vec<_>, _>>()?;
            let shuffle = flag(question, "shuffleanswers", true);
            if flag(question, "single", true) {
                build::single_choice(weighted, shuffle, notes)
            } else {
                build::multiple_choice(weighted, shuffle, notes)
            }
        }
        "truefalse" => true_false(&answers, &mut feedback, notes)?,
        "shortanswer" => {
            let weighted = answers
                .iter()
                .map(|&answer| {
                    Ok(Weighted {
                        text: xml::child_text(answer, "text"),
                        weight: fraction(answer)?,
                        feedback: optional(formatted(answer, "feedback", notes)),
                    })
                })
                .collect::<Result<Vec<_>, Reason>>()?;
            let typed = build::typed(weighted, flag(question, "usecase", false), notes)?;
            if feedback.wrong.is_none() {
                feedback.wrong = typed.otherwise;
            }
            ItemKind::ShortText(ShortText {
                answers: typed.answers,
            })
        }
        "numerical" => numerical(question, &answers, &mut feedback, notes)?,
        "match" => matching(question, notes)?,
        "essay" => {
            if !xml::child_text(question, "responsetemplate").is_empty() {
                notes.add(Note::ResponseTemplateDropped);
            }
            ItemKind::FreeText(FreeText {
                accepts: Accepts::Text,
                guidance: optional(formatted(question, "graderinfo", notes)),
            })
        }
        "cloze" | "multianswer" => {
            let (text, source) = xml::child(question, "questiontext")
                .map(|q| (xml::child_text(q, "text"), self::source(q)))
                .unwrap_or_default();
            let read = cloze::read(&text, source, notes)?;
            prompt = read.prompt;
            if feedback.wrong.is_none() {
                feedback.wrong = read.otherwise;
            }
            read.kind
        }
        "ddwtos" | "gapselect" => {
            let (text, source) = xml::child(question, "questiontext")
                .map(|q| (xml::child_text(q, "text"), self::source(q)))
                .unwrap_or_default();
            let choice = if kind == "ddwtos" {
                "dragbox"
            } else {
                "selectoption"
            };
            prompt = String::new();
            gaps::read(question, &text, source, choice, notes)?
        }
        other => {
            return Err(Reason::UnsupportedQuestionType {
                name: other.to_owned(),
            });
        }
    };
    Ok(Draft {
        prompt,
        points,
        feedback,
        kind,
        notes: std::mem::take(notes),
    })
}

fn weighted(answer: Node, notes: &mut Notes) -> Result<Weighted, Reason> {
    let converted = markup::markdown(&xml::child_text(answer, "text"), source(answer));
    notes.converted(&converted);
    Ok(Weighted {
        text: converted.text,
        weight: fraction(answer)?,
        feedback: optional(formatted(answer, "feedback", notes)),
    })
}

fn true_false(
    answers: &[Node],
    feedback: &mut Feedback,
    notes: &mut Notes,
) -> Result<ItemKind, Reason> {
    let mut right = None;
    let mut said = [None, None];
    for &answer in answers {
        let value = match xml::child_text(answer, "text")
            .to_ascii_lowercase()
            .as_str()
        {
            "true" => true,
            "false" => false,
            _ => {
                return Err(Reason::Missing {
                    element: "answer true or false".to_owned(),
                });
            }
        };
        if fraction(answer)? > Decimal::ZERO {
            right = Some(value);
        }
        said[usize::from(value)] = optional(formatted(answer, "feedback", notes));
    }
    let answer = right.ok_or_else(|| Reason::Missing {
        element: "answer of fraction 100".to_owned(),
    })?;
    // Each answer's feedback is shown when it is picked.
    let [when_false, when_true] = said;
    let (correct, wrong) = if answer {
        (when_true, when_false)
    } else {
        (when_false, when_true)
    };
    feedback.correct = feedback.correct.take().or(correct);
    feedback.wrong = feedback.wrong.take().or(wrong);
    Ok(ItemKind::TrueFalse(TrueFalse { answer }))
}

fn numerical(
    question: Node,
    answers: &[Node],
    feedback: &mut Feedback,
    notes: &mut Notes,
) -> Result<ItemKind, Reason> {
    let mut numeric = Vec::with_capacity(answers.len());
    for &answer in answers {
        let weight = fraction(answer)?;
        let answer_feedback = optional(formatted(answer, "feedback", notes));
        let value = xml::child_text(answer, "text");
        if value == "*" {
            if weight > Decimal::ZERO {
                return Err(Reason::CatchAllWithCredit);
            }
            if feedback.wrong.is_none() {
                feedback.wrong = answer_feedback;
            }
            continue;
        }
        let tolerance = xml::child_text(answer, "tolerance");
        let margin = if tolerance.is_empty() {
            Decimal::ZERO
        } else {
            decimal(&tolerance)?
        };
        let credit = number::credit(weight);
        if credit.rounded {
            notes.add(Note::CreditRounded);
        }
        if credit.was_negative {
            notes.add(Note::NegativeCreditAsZero);
        }
        numeric.push(NumericAnswer {
            value: decimal(&value)?,
            tolerance: Tolerance::Absolute { margin },
            credit: credit.percent,
            feedback: answer_feedback,
        });
    }
    Ok(ItemKind::Numeric(Numeric {
        answers: numeric,
        unit: unit(question)?,
    }))
}

fn unit(question: Node) -> Result<Option<Unit>, Reason> {
    let Some(units) = xml::child(question, "units") else {
        return Ok(None);
    };
    let mut names = Vec::new();
    for unit in xml::children(units, "unit") {
        let multiplier = xml::child_text(unit, "multiplier");
        if !multiplier.is_empty() && decimal(&multiplier)? != Decimal::from_int(1) {
            return Err(Reason::UnitConversion);
        }
        let name = xml::child_text(unit, "unit_name");
        if !name.is_empty() {
            names.push(name);
        }
    }
    let mut names = names.into_iter();
    Ok(names.next().map(|symbol| Unit {
        symbol,
        variants: names.collect(),
        required: !matches!(
            xml::child_text(question, "unitgradingtype").as_str(),
            "" | "0"
        ),
    }))
}

fn matching(question: Node, notes: &mut Notes) -> Result<ItemKind, Reason> {
    let subquestions: Vec<Node> = xml::children(question, "subquestion").collect();
    build::check_parts(subquestions.len())?;
    let mut pairs = Vec::new();
    let mut loose = Vec::new();
    for sub in subquestions {
        let converted = markup::markdown(&xml::child_text(sub, "text"), source(sub));
        notes.converted(&converted);
        // The right-hand side is plain text in Moodle.
        let right = xml::child(sub, "answer")
            .map(|a| markup::escape(&xml::child_text(a, "text")))
            .unwrap_or_default();
        if converted.text.is_empty() {
            loose.push(right);
        } else {
            pairs.push((converted.text, right));
        }
    }
    Ok(build::matching(pairs, loose))
}

//! Moodle's embedded answers (the Cloze question type): `{1:SHORTANSWER:=yes#Right~%50%yeah}`
//! inside the question's HTML. Each is cut out and replaced by a mark, the HTML made Markdown,
//! then the Markdown cut at the marks into the cloze's texts.

use crate::exercise::exchange::build::{self, Notes, Weighted};
use crate::exercise::exchange::markup::{self, Source};
use crate::exercise::exchange::report::{Note, Reason};
use crate::exercise::exchange::{MAX_PARTS, number};
use crate::exercise::{Cloze, ClozePart, Decimal, ItemKind, Numeric, NumericAnswer, Tolerance};
use std::str::FromStr;

/// Where a gap was, in the text being converted (a private-use character, taken out of the
/// source first so that it cannot be forged).
pub(super) const MARK: char = '\u{E000}';

/// What a Moodle blank is replaced with when the item is not a cloze.
const BLANK: &str = "\\_\\_\\_\\_\\_";

/// A cloze question, read.
pub(super) struct Read {
    pub prompt: String,
    pub kind: ItemKind,
    /// The feedback of a catch-all `*` answer, shown for anything else.
    pub otherwise: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GapKind {
    Short { case_sensitive: bool },
    Choice { buttons: bool },
    Numerical,
    MultiResponse,
}

impl GapKind {
    fn of(name: &str) -> Option<GapKind> {
        Some(match name {
            "SHORTANSWER" | "SA" | "MW" => GapKind::Short {
                case_sensitive: false,
            },
            "SHORTANSWER_C" | "SAC" | "MWC" => GapKind::Short {
                case_sensitive: true,
            },
            "MULTICHOICE" | "MC" | "MULTICHOICE_S" | "MCS" => GapKind::Choice { buttons: false },
            "MULTICHOICE_V" | "MCV" | "MULTICHOICE_H" | "MCH" | "MULTICHOICE_VS" | "MCVS"
            | "MULTICHOICE_HS" | "MCHS" => GapKind::Choice { buttons: true },
            "NUMERICAL" | "NM" => GapKind::Numerical,
            "MULTIRESPONSE" | "MR" | "MULTIRESPONSE_H" | "MRH" | "MULTIRESPONSE_S" | "MRS"
            | "MULTIRESPONSE_HS" | "MRHS" => GapKind::MultiResponse,
            _ => return None,
        })
    }
}

/// One alternative of a gap, its texts still as written.
struct Alternative {
    weight: Decimal,
    text: String,
    feedback: Option<String>,
}

struct Gap {
    weight: u32,
    kind: GapKind,
    alternatives: Vec<Alternative>,
}

/// The text `source` (written as `format` says) with its gaps.
pub(super) fn read(source: &str, format: Source, notes: &mut Notes) -> Result<Read, Reason> {
    let clean = source.replace(MARK, "\u{FFFD}");
    let (marked, gaps) = cut(&clean)?;
    build::check_parts(gaps.len())?;
    let converted = markup::markdown(&marked, format);
    notes.converted(&converted);
    let texts: Vec<&str> = converted.text.split(MARK).collect();
    if gaps.iter().any(|gap| gap.kind == GapKind::MultiResponse) {
        return Err(Reason::UnsupportedGap {
            kind: "MULTIRESPONSE".to_owned(),
        });
    }
    if gaps.iter().any(|gap| gap.weight != gaps[0].weight) {
        notes.add(Note::UnequalGapWeights);
    }
    let mut numeric = Vec::new();
    let mut otherwise = None;
    for gap in gaps.iter().filter(|gap| gap.kind == GapKind::Numerical) {
        numeric = numbers(gap, &mut otherwise, notes)?;
    }
    if gaps.iter().any(|gap| gap.kind == GapKind::Numerical) {
        if gaps.len() > 1 {
            return Err(Reason::GapNotAlone {
                kind: "NUMERICAL".to_owned(),
            });
        }
        return Ok(Read {
            prompt: texts.join(BLANK),
            kind: ItemKind::Numeric(Numeric {
                answers: numeric,
                unit: None,
            }),
            otherwise,
        });
    }
    let mut parts = Vec::with_capacity(2 * gaps.len() + 1);
    for (index, text) in texts.iter().enumerate() {
        if !text.is_empty() {
            parts.push(ClozePart::Text {
                text: (*text).to_owned(),
            });
        }
        let Some(gap) = gaps.get(index) else {
            continue;
        };
        parts.push(part(gap, format, &mut otherwise, notes)?);
    }
    Ok(Read {
        prompt: String::new(),
        kind: ItemKind::Cloze(Cloze { parts }),
        otherwise,
    })
}

fn part(
    gap: &Gap,
    format: Source,
    otherwise: &mut Option<String>,
    notes: &mut Notes,
) -> Result<ClozePart, Reason> {
    let mut weighted = Vec::with_capacity(gap.alternatives.len());
    for alternative in &gap.alternatives {
        build::check_grade(alternative.weight)?;
        let text = match gap.kind {
            GapKind::Short { .. } => markup::plain(&alternative.text, format),
            _ => markup::markdown(&alternative.text, format),
        };
        notes.converted(&text);
        let feedback = alternative.feedback.as_deref().map(|f| {
            let converted = markup::markdown(f, format);
            notes.converted(&converted);
            converted.text
        });
        weighted.push(Weighted {
            text: text.text,
            weight: alternative.weight,
            feedback: feedback.filter(|f| !f.is_empty()),
        });
    }
    Ok(match gap.kind {
        GapKind::Short { case_sensitive } => {
            let typed = build::typed(weighted, case_sensitive, notes)?;
            if otherwise.is_none() {
                *otherwise = typed.otherwise;
            }
            ClozePart::TypedGap {
                answers: typed.answers,
            }
        }
        GapKind::Choice { buttons } => {
            if buttons {
                notes.add(Note::ShownAsDropDown);
            }
            ClozePart::ChoiceGap {
                options: build::choices(weighted, notes),
            }
        }
        GapKind::Numerical | GapKind::MultiResponse => {
            return Err(Reason::UnsupportedGap {
                kind: "NUMERICAL".to_owned(),
            });
        }
    })
}

/// A numerical gap's answers: `value:margin` or `value`, `*` for anything else.
fn numbers(
    gap: &Gap,
    otherwise: &mut Option<String>,
    notes: &mut Notes,
) -> Result<Vec<NumericAnswer>, Reason> {
    let mut answers = Vec::new();
    for alternative in &gap.alternatives {
        build::check_grade(alternative.weight)?;
        let text = markup::plain(&alternative.text, Source::Html).text;
        let feedback = alternative
            .feedback
            .as_deref()
            .map(|f| markup::markdown(f, Source::Html).text)
            .filter(|f| !f.is_empty());
        if text == "*" {
            if alternative.weight > Decimal::ZERO {
                return Err(Reason::CatchAllWithCredit);
            }
            *otherwise = otherwise.take().or(feedback);
            continue;
        }
        let number = |raw: &str| {
            Decimal::from_str(raw.trim()).map_err(|_| Reason::NotANumber {
                text: raw.trim().to_owned(),
            })
        };
        let (value, margin) = match text.split_once(':') {
            Some((value, margin)) => (number(value)?, number(margin)?),
            None => (number(&text)?, Decimal::ZERO),
        };
        let credit = number::credit(alternative.weight);
        if credit.rounded {
            notes.add(Note::CreditRounded);
        }
        if credit.was_negative {
            notes.add(Note::NegativeCreditAsZero);
        }
        answers.push(NumericAnswer {
            value,
            tolerance: Tolerance::Absolute { margin },
            credit: credit.percent,
            feedback,
        });
    }
    Ok(answers)
}

/// The text with each embedded answer replaced by [`MARK`], and the answers.
fn cut(text: &str) -> Result<(String, Vec<Gap>), Reason> {
    let mut out = String::with_capacity(text.len());
    let mut gaps = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match embedded(after)? {
            Some((gap, length)) => {
                out.push(MARK);
                gaps.push(gap);
                if gaps.len() > MAX_PARTS {
                    return Err(Reason::TooManyParts {
                        count: gaps.len(),
                        max: MAX_PARTS,
                    });
                }
                rest = &after[length..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok((out, gaps))
}

/// The embedded answer `text` starts with (after its `{`) and its length up to its `}`
/// included; `None` when `text` does not start like one (a brace of the text).
fn embedded(text: &str) -> Result<Option<(Gap, usize)>, Reason> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let Some(after_weight) = text[digits..].strip_prefix(':') else {
        return Ok(None);
    };
    let name_length = after_weight
        .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
        .unwrap_or(after_weight.len());
    let Some(kind) = GapKind::of(&after_weight[..name_length]) else {
        return Ok(None);
    };
    let malformed = || Reason::MalformedGap {
        text: snippet(text),
    };
    let Some(body) = after_weight[name_length..].strip_prefix(':') else {
        return Err(malformed());
    };
    let end = closing(body).ok_or_else(malformed)?;
    let alternatives = split_unescaped(&body[..end], '~')
        .into_iter()
        .map(|raw| alternative(raw).ok_or_else(malformed))
        .collect::<Result<Vec<_>, _>>()?;
    if alternatives.len() > MAX_PARTS {
        return Err(Reason::TooManyParts {
            count: alternatives.len(),
            max: MAX_PARTS,
        });
    }
    let weight = text[..digits].parse().unwrap_or(1).max(1);
    let consumed = digits + 1 + name_length + 1 + end + 1;
    Ok(Some((
        Gap {
            weight,
            kind,
            alternatives,
        },
        consumed,
    )))
}

/// What to show of a malformed embedded answer: up to its `}`, at most 60 characters.
fn snippet(text: &str) -> String {
    let end = text.find('}').map_or(text.len(), |at| at + 1);
    let shown: String = text[..end].chars().take(60).collect();
    format!("{{{shown}")
}

/// The offset of the first `}` no backslash precedes.
fn closing(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '}' => return Some(at),
            _ => {}
        }
    }
    None
}

fn split_unescaped(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut from = 0;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c == sep => {
                parts.push(&text[from..at]);
                from = at + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[from..]);
    parts
}

/// `=answer#feedback`, `%50%answer`, `answer`: `None` when the answer is empty.
fn alternative(raw: &str) -> Option<Alternative> {
    let (weight, rest) = if let Some(rest) = raw.strip_prefix('=') {
        (Decimal::from_int(100), rest)
    } else if let Some(rest) = raw.strip_prefix('%') {
        let end = rest.find('%')?;
        let weight = Decimal::from_str(&rest[..end]).ok()?;
        (weight, &rest[end + 1..])
    } else {
        (Decimal::ZERO, raw)
    };
    // A `#` starts the feedback, unless escaped or part of an entity (`&#35;`).
    let mut escaped = false;
    let mut previous = None;
    let mut split = None;
    for (at, c) in rest.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '#' if previous != Some('&') => {
                split = Some(at);
                break;
            }
            _ => {}
        }
        previous = Some(c);
    }
    let (answer, feedback) = match split {
        Some(at) => (&rest[..at], Some(unescape(&rest[at + 1..]))),
        None => (rest, None),
    };
    let answer = unescape(answer);
    if answer.trim().is_empty() {
        return None;
    }
    Some(Alternative {
        weight,
        text: answer,
        feedback,
    })
}

/// A backslash makes the character after it plain.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

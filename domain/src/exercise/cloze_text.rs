//! A cloze item as its teacher types it: the text with its gaps in brackets.
//!
//! - `[marti]` is a gap to type; `[ghjovedì|ghjovi]` accepts either spelling.
//! - `{sabbatu|*dumenica}` is a drop-down; the starred option is the right one.
//! - `\[`, `\]`, `\{`, `\}`, `\|`, `\*` and `\\` stand for the character itself.
//!
//! Every typed gap compares answers with the same [`TextMatching`], chosen once for the item.

use super::ids::ChoiceId;
use super::item::{Choice, ClozePart};
use super::points::Percent;
use super::text::{TextAnswer, TextMatching};
use serde::{Deserialize, Serialize};

/// Why a cloze text cannot be read; `at` counts characters from the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClozeTextError {
    #[error("a gap opened at {at} is not closed")]
    Unclosed { at: usize },
    #[error("a gap at {at} is empty")]
    EmptyGap { at: usize },
    #[error("a closing bracket at {at} has no opening one")]
    Unopened { at: usize },
    #[error("the drop-down at {at} has no starred option")]
    NoRightOption { at: usize },
}

const SPECIAL: [char; 7] = ['[', ']', '{', '}', '|', '*', '\\'];

pub fn parse(text: &str, matching: TextMatching) -> Result<Vec<ClozePart>, ClozeTextError> {
    let mut parts = Vec::new();
    let mut plain = String::new();
    let mut chars = text.chars().enumerate().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => plain.push(chars.next().map_or('\\', |(_, next)| next)),
            '[' | '{' => {
                let close = if c == '[' { ']' } else { '}' };
                let mut raw = Vec::new();
                let mut current = String::new();
                let mut closed = false;
                while let Some((_, inner)) = chars.next() {
                    match inner {
                        '\\' => {
                            current.push('\\');
                            current.push(chars.next().map_or('\\', |(_, next)| next));
                        }
                        '|' => raw.push(std::mem::take(&mut current)),
                        other if other == close => {
                            closed = true;
                            break;
                        }
                        other => current.push(other),
                    }
                }
                if !closed {
                    return Err(ClozeTextError::Unclosed { at });
                }
                raw.push(current);
                if !plain.is_empty() {
                    parts.push(ClozePart::Text {
                        text: std::mem::take(&mut plain),
                    });
                }
                parts.push(if c == '[' {
                    typed(&raw, matching, at)?
                } else {
                    choice(&raw, at)?
                });
            }
            ']' | '}' => return Err(ClozeTextError::Unopened { at }),
            other => plain.push(other),
        }
    }
    if !plain.is_empty() {
        parts.push(ClozePart::Text { text: plain });
    }
    Ok(parts)
}

/// An option as typed, its escapes undone; and whether it is starred.
fn unescape(raw: &str) -> (String, bool) {
    let trimmed = raw.trim();
    let (starred, rest) = match trimmed.strip_prefix('*') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        out.push(if c == '\\' {
            chars.next().unwrap_or('\\')
        } else {
            c
        });
    }
    (out.trim().to_owned(), starred)
}

fn typed(raw: &[String], matching: TextMatching, at: usize) -> Result<ClozePart, ClozeTextError> {
    let mut spellings = raw.iter().map(|r| unescape(r).0);
    let text = spellings.next().unwrap_or_default();
    let variants: Vec<String> = spellings.collect();
    if text.is_empty() || variants.iter().any(String::is_empty) {
        return Err(ClozeTextError::EmptyGap { at });
    }
    Ok(ClozePart::TypedGap {
        answers: vec![TextAnswer {
            text,
            variants,
            matching,
            credit: Percent::FULL,
            feedback: None,
        }],
    })
}

fn choice(raw: &[String], at: usize) -> Result<ClozePart, ClozeTextError> {
    let mut options = Vec::with_capacity(raw.len());
    let mut right = false;
    for (n, option) in raw.iter().enumerate() {
        let (text, starred) = unescape(option);
        if text.is_empty() {
            return Err(ClozeTextError::EmptyGap { at });
        }
        right |= starred;
        options.push(Choice {
            id: option_id(n),
            text,
            credit: if starred {
                Percent::FULL
            } else {
                Percent::ZERO
            },
            feedback: None,
        });
    }
    if !right {
        return Err(ClozeTextError::NoRightOption { at });
    }
    Ok(ClozePart::ChoiceGap { options })
}

/// `a`, `b`, … `z`, then `o27`, `o28`…
fn option_id(n: usize) -> ChoiceId {
    let letter = u8::try_from(n)
        .ok()
        .filter(|n| *n < 26)
        .map(|n| char::from(b'a' + n));
    let raw = letter.map_or_else(|| format!("o{}", n + 1), String::from);
    raw.parse()
        .unwrap_or_else(|_| unreachable!("letters and digits make an id"))
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text a teacher edits, from the parts. Every accepted answer of a typed gap is written as
/// a spelling of it (partial credits are the imports' to keep; the editor treats all as right),
/// and every option with full credit is starred.
pub fn write(parts: &[ClozePart]) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            ClozePart::Text { text } => out.push_str(&escaped(text)),
            ClozePart::TypedGap { answers } => {
                let spellings: Vec<String> = answers
                    .iter()
                    .flat_map(|a| std::iter::once(&a.text).chain(&a.variants))
                    .map(|s| escaped(s))
                    .collect();
                out.push('[');
                out.push_str(&spellings.join("|"));
                out.push(']');
            }
            ClozePart::ChoiceGap { options } => {
                let options: Vec<String> = options
                    .iter()
                    .map(|o| {
                        let star = if o.credit.is_full() { "*" } else { "" };
                        format!("{star}{}", escaped(&o.text))
                    })
                    .collect();
                out.push('{');
                out.push_str(&options.join("|"));
                out.push('}');
            }
        }
    }
    out
}

/// The matching the typed gaps use, for the editor to show: the first gap's.
pub fn matching_of(parts: &[ClozePart]) -> TextMatching {
    parts
        .iter()
        .find_map(|part| match part {
            ClozePart::TypedGap { answers } => answers.first().map(|a| a.matching),
            _ => None,
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matching() -> TextMatching {
        TextMatching::default()
    }

    #[test]
    fn gaps_typed_and_chosen_are_read_from_brackets() {
        let parts = parse(
            "Dopu à u luni vene u [marti], è a settimana finisce cù a {sabbatu|*dumenica}.",
            matching(),
        )
        .expect("reads");
        assert_eq!(parts.len(), 5);
        let ClozePart::TypedGap { answers } = &parts[1] else {
            panic!("{parts:?}")
        };
        assert_eq!(answers[0].text, "marti");
        assert!(answers[0].credit.is_full());
        let ClozePart::ChoiceGap { options } = &parts[3] else {
            panic!("{parts:?}")
        };
        let texts: Vec<(&str, bool)> = options
            .iter()
            .map(|o| (o.text.as_str(), o.credit.is_full()))
            .collect();
        assert_eq!(texts, [("sabbatu", false), ("dumenica", true)]);
        assert_eq!(options[1].id.as_str(), "b");
    }

    #[test]
    fn spellings_become_variants_and_escapes_stand_for_themselves() {
        let parts = parse(r"[ghjovedì|ghjovi] \[sic\] 3 \* 4", matching()).expect("reads");
        let ClozePart::TypedGap { answers } = &parts[0] else {
            panic!("{parts:?}")
        };
        assert_eq!(answers[0].text, "ghjovedì");
        assert_eq!(answers[0].variants, ["ghjovi"]);
        assert_eq!(
            parts[1],
            ClozePart::Text {
                text: " [sic] 3 * 4".into()
            }
        );
    }

    #[test]
    fn writing_then_reading_gives_the_same_parts() {
        let text = r"Le \{a\} [vert|verte] et {*bleu|rouge} \| fin";
        let parts = parse(text, matching()).expect("reads");
        assert_eq!(write(&parts), text);
        assert_eq!(parse(&write(&parts), matching()).expect("again"), parts);
    }

    #[test]
    fn broken_texts_say_where() {
        assert_eq!(
            parse("un [trou", matching()),
            Err(ClozeTextError::Unclosed { at: 3 })
        );
        assert_eq!(
            parse("vide []", matching()),
            Err(ClozeTextError::EmptyGap { at: 5 })
        );
        assert_eq!(
            parse("x ] y", matching()),
            Err(ClozeTextError::Unopened { at: 2 })
        );
        assert_eq!(
            parse("{a|b}", matching()),
            Err(ClozeTextError::NoRightOption { at: 0 })
        );
    }
}

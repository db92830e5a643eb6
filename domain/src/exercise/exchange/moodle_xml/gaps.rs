//! Moodle's "drag and drop into text" (`ddwtos`) and "select missing words" (`gapselect`):
//! `[[n]]` in the text is a gap whose right answer is the n-th choice, and whose options are
//! the choices of that choice's group. Both become drop-down gaps.

use super::cloze::MARK;
use crate::exercise::exchange::build::{self, Notes};
use crate::exercise::exchange::markup::{self, Source};
use crate::exercise::exchange::report::{Note, Reason};
use crate::exercise::exchange::xml;
use crate::exercise::{Choice, Cloze, ClozePart, ItemKind, Percent};
use roxmltree::Node;

/// The item of a `ddwtos` or `gapselect` question, whose choices are its `choice` elements.
pub(super) fn read(
    question: Node,
    text: &str,
    format: Source,
    choice: &'static str,
    notes: &mut Notes,
) -> Result<ItemKind, Reason> {
    let choices: Vec<(String, String)> = xml::children(question, choice)
        .map(|c| {
            let group = xml::child_text(c, "group");
            let group = if group.is_empty() {
                "1".to_owned()
            } else {
                group
            };
            (xml::child_text(c, "text"), group)
        })
        .collect();
    build::check_parts(choices.len())?;
    if choice == "dragbox" {
        notes.add(Note::ShownAsDropDown);
    }
    let (marked, gaps) = cut(&text.replace(MARK, "\u{FFFD}"));
    build::check_parts(gaps.len())?;
    let converted = markup::markdown(&marked, format);
    notes.converted(&converted);
    let mut parts = Vec::with_capacity(2 * gaps.len() + 1);
    for (index, text) in converted.text.split(MARK).enumerate() {
        if !text.is_empty() {
            parts.push(ClozePart::Text {
                text: text.to_owned(),
            });
        }
        let Some(&gap) = gaps.get(index) else {
            continue;
        };
        let right = gap
            .checked_sub(1)
            .filter(|&n| n < choices.len())
            .ok_or(Reason::GapOutOfRange { gap })?;
        let group = &choices[right].1;
        let options = choices
            .iter()
            .enumerate()
            .filter(|(_, (_, g))| g == group)
            .enumerate()
            .map(|(position, (at, (text, _)))| {
                let converted = markup::markdown(text, Source::Html);
                notes.converted(&converted);
                Choice {
                    id: build::choice_id(position),
                    text: converted.text,
                    credit: if at == right {
                        Percent::FULL
                    } else {
                        Percent::ZERO
                    },
                    feedback: None,
                }
            })
            .collect();
        parts.push(ClozePart::ChoiceGap { options });
    }
    Ok(ItemKind::Cloze(Cloze { parts }))
}

/// The text with each `[[n]]` replaced by [`MARK`], and the numbers.
fn cut(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut gaps = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("[[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        match after[digits..].strip_prefix("]]") {
            Some(tail) if digits > 0 => {
                out.push(MARK);
                gaps.push(after[..digits].parse().unwrap_or(usize::MAX));
                rest = tail;
            }
            _ => {
                out.push_str("[[");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, gaps)
}

//! math-core's MathML, rewritten to the allowlist (`allowlist.rs`) in the form html5ever writes:
//! only allowlisted elements, each where a browser's parser would leave it (MathML inside MathML,
//! the HTML text styles inside a MathML token element), only allowlisted attributes (`style`,
//! `class`, colours dropped), self-closed elements closed, text and values escaped by
//! `escape.rs`.
//!
//! math-core's output is a small, regular language: tags with double-quoted attributes, text
//! with five entities. Anything else (another element, another entity, a tag not closed) means
//! math-core changed: the filter then refuses the whole formula, and the caller shows its source.

use super::allowlist::{
    MATH_ATTRIBUTES, MATH_DISPLAYS, MATH_TAGS, MATH_TEXT_HOLDERS, MATH_TEXT_TAGS,
};
use super::escape;
use std::borrow::Cow;

/// `mathml` reduced to the allowlist, or `None` if it is not what math-core writes.
pub(super) fn filtered(mathml: &str) -> Option<String> {
    let mut html = String::with_capacity(mathml.len());
    let mut open: Vec<&str> = Vec::new();
    let mut rest = mathml;
    while !rest.is_empty() {
        // One `<math>` element, nothing after it.
        if open.is_empty() && !html.is_empty() {
            return None;
        }
        if let Some(tag) = rest.strip_prefix("</") {
            let (name, after) = tag.split_once('>')?;
            if open.pop() != Some(name) {
                return None;
            }
            html.push_str("</");
            html.push_str(name);
            html.push('>');
            rest = after;
        } else if let Some(tag) = rest.strip_prefix('<') {
            let end = tag.find([' ', '/', '>'])?;
            let name = &tag[..end];
            if !may_open(open.last().copied(), name) {
                return None;
            }
            html.push('<');
            html.push_str(name);
            let (self_closed, after) = attributes(name, &tag[end..], &mut html)?;
            html.push('>');
            if self_closed {
                // An HTML element ignores `/>` and would stay open: only MathML may self-close.
                if !MATH_TAGS.contains(&name) {
                    return None;
                }
                html.push_str("</");
                html.push_str(name);
                html.push('>');
            } else {
                open.push(name);
            }
            rest = after;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            // Text stands only where the browser parses it as in the page's body (a token
            // element, or an HTML style inside one): elsewhere it would read it otherwise.
            let parent = open.last().copied()?;
            if !(MATH_TEXT_HOLDERS.contains(&parent) || MATH_TEXT_TAGS.contains(&parent)) {
                return None;
            }
            escape::text(&mut html, &decoded(&rest[..end])?);
            rest = &rest[end..];
        }
    }
    (open.is_empty() && !html.is_empty()).then_some(html)
}

/// Whether `name` may open inside `parent` (`None`: at the top, where only `<math>` may).
fn may_open(parent: Option<&str>, name: &str) -> bool {
    match parent {
        None => name == "math",
        Some(parent) if MATH_TEXT_TAGS.contains(&name) => {
            MATH_TEXT_HOLDERS.contains(&parent) || MATH_TEXT_TAGS.contains(&parent)
        }
        Some(parent) => MATH_TAGS.contains(&name) && MATH_TAGS.contains(&parent) && name != "math",
    }
}

/// Writes the allowed attributes of a tag from `attributes` (what follows its name) and returns
/// whether the tag closed itself, and what follows it.
fn attributes<'a>(
    element: &str,
    mut attributes: &'a str,
    html: &mut String,
) -> Option<(bool, &'a str)> {
    loop {
        attributes = attributes.trim_start_matches(' ');
        if let Some(after) = attributes.strip_prefix("/>") {
            return Some((true, after));
        }
        if let Some(after) = attributes.strip_prefix('>') {
            return Some((false, after));
        }
        let (name, after) = attributes.split_once("=\"")?;
        let (value, after) = after.split_once('"')?;
        attributes = after;
        let value = decoded(value)?;
        let allowed = MATH_TAGS.contains(&element)
            && (MATH_ATTRIBUTES.contains(&name)
                || (element == "math" && name == "display" && MATH_DISPLAYS.contains(&&*value)));
        if allowed {
            html.push(' ');
            html.push_str(name);
            html.push_str("=\"");
            escape::attribute(html, &value);
            html.push('"');
        }
    }
}

/// Text or a value with math-core's entities decoded: the five it writes, no other.
fn decoded(escaped: &str) -> Option<Cow<'_, str>> {
    if !escaped.contains('&') {
        return Some(Cow::Borrowed(escaped));
    }
    let mut text = String::with_capacity(escaped.len());
    let mut pieces = escaped.split('&');
    text.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        let (entity, after) = piece.split_once(';')?;
        text.push(match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "#39" => '\'',
            _ => return None,
        });
        text.push_str(after);
    }
    Some(Cow::Owned(text))
}

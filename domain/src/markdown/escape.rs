//! Escaping for everything the dialect writes itself: text, attribute values and URLs, in the
//! very form html5ever's serializer writes them (so the sanitizer, where it runs, gives the same
//! bytes back, see `sanitize.rs`):
//! - text: `&`, `<`, `>` and the no-break space as `&amp;` `&lt;` `&gt;` `&nbsp;`;
//! - a double-quoted attribute value: the same, and `"` as `&quot;`;
//! - nothing else, not `'` (which pulldown-cmark's own functions write as `&#39;`).
//!
//! And the two things a browser does to characters before it builds the page, done here so the
//! page holds what was written: a NUL in text is dropped, in an attribute it becomes U+FFFD.
//! (Carriage returns are handled once, on the whole document: `markdown.rs`.)

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

/// Text between tags, outside `<math>` or inside a MathML token element (`<mi>`, `<mtext>`…),
/// where a browser parses text as in the body of the page.
pub(super) fn text(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '\u{a0}' => html.push_str("&nbsp;"),
            '\0' => {}
            c => html.push(c),
        }
    }
}

/// A double-quoted attribute value.
pub(super) fn attribute(html: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\u{a0}' => html.push_str("&nbsp;"),
            '\0' => html.push('\u{fffd}'),
            c => html.push(c),
        }
    }
}

/// ` name="value"` for each pair: attributes whose values are fixed (`allowlist.rs`).
pub(super) fn attributes(html: &mut String, attributes: &[(&str, &str)]) {
    for (name, value) in attributes {
        html.push(' ');
        html.push_str(name);
        html.push_str("=\"");
        attribute(html, value);
        html.push('"');
    }
}

/// What CommonMark's reference renderer percent-encodes in a link or image destination (as
/// pulldown-cmark does): controls, space, non-ASCII, and `"<>[\]`{|}`. `%` is left alone, so an
/// author's own percent-encoding stays as written.
const URL_ENCODED: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A double-quoted URL attribute: percent-encoded as CommonMark does, then escaped as an
/// attribute value.
pub(super) fn url(html: &mut String, url: &str) {
    for part in utf8_percent_encode(url, URL_ENCODED) {
        attribute(html, part);
    }
}

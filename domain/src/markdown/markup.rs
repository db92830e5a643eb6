//! What the dialect writes in place of pulldown-cmark's writer, which escapes `'` as `&#39;`,
//! leaves no-break spaces raw and closes void elements XHTML's way (`<br />`): text, links (with
//! their `rel`), line breaks, rules and task-list checkboxes, in the form html5ever writes
//! (`escape.rs`), so the sanitizer, where it runs, gives the same bytes back.

use super::allowlist::{CHECKBOX, CHECKBOX_FORCED, LINK_REL};
use super::escape;

/// A line break in a paragraph.
pub(super) const LINE_BREAK: &str = "<br>\n";

/// A thematic break (`---`).
pub(super) const RULE: &str = "<hr>\n";

pub(super) fn text(text: &str) -> String {
    let mut html = String::with_capacity(text.len());
    escape::text(&mut html, text);
    html
}

/// Inline code.
pub(super) fn code(code: &str) -> String {
    let mut html = String::with_capacity(code.len() + 13);
    html.push_str("<code>");
    escape::text(&mut html, code);
    html.push_str("</code>");
    html
}

/// The opening tag of a link to `destination` (already allowed, `urls.rs`).
pub(super) fn link(destination: &str, title: &str) -> String {
    let mut html = String::from("<a href=\"");
    escape::url(&mut html, destination);
    html.push('"');
    if !title.is_empty() {
        html.push_str(" title=\"");
        escape::attribute(&mut html, title);
        html.push('"');
    }
    escape::attributes(&mut html, &[("rel", LINK_REL)]);
    html.push('>');
    html
}

pub(super) const LINK_END: &str = "</a>";

/// A task-list checkbox, ticked or not, that the reader cannot tick.
pub(super) fn checkbox(checked: bool) -> String {
    let mut html = String::from("<");
    html.push_str(CHECKBOX);
    escape::attributes(&mut html, &CHECKBOX_FORCED);
    if checked {
        escape::attributes(&mut html, &[("checked", "")]);
    }
    html.push_str(">\n");
    html
}

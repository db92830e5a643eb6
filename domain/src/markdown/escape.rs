//! Escaping for the few tags the renderer writes itself (images, audio, table cells, formulas),
//! with the same functions pulldown-cmark uses for the rest.
//!
//! Writing into a `String` cannot fail, so the `fmt::Result`s are dropped here, once.

use pulldown_cmark_escape::{escape_href, escape_html, escape_html_body_text};

/// Text between tags: `&`, `<` and `>` escaped.
pub(super) fn text(html: &mut String, text: &str) {
    let _ = escape_html_body_text(html, text);
}

/// A double-quoted attribute value: quotes escaped too.
pub(super) fn attribute(html: &mut String, value: &str) {
    let _ = escape_html(html, value);
}

/// A double-quoted URL attribute: bytes unsafe in a URL percent-encoded, `&` and `'` escaped.
pub(super) fn url(html: &mut String, url: &str) {
    let _ = escape_href(html, url);
}

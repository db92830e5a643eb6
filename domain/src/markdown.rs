//! The one Markdown renderer: exercise statements, lesson pages and homework entries are written
//! in Markdown and shown as HTML by this function, in the browser (live preview, WebAssembly) and
//! on the server alike.
//!
//! # The dialect
//! - CommonMark, plus GitHub's tables, ~~strikethrough~~ and task lists (`- [ ]`, shown as
//!   checkboxes that cannot be ticked).
//! - Formulas: LaTeX between `$…$` (in the line) and `$$…$$` (on its own) becomes MathML, which
//!   browsers lay out natively (`math.rs`). pulldown-cmark opens an inline formula only on a `$`
//!   not followed by a space and closes it only on a `$` not preceded by one; Scola counts the
//!   no-break spaces of French typography as spaces too. So amounts written the French way,
//!   « 12 $ et 15 $ » (plain or no-break space before `$`), stay text; « 5$-6$ » would not, and
//!   an author writes `\$` for a literal dollar anywhere.
//! - Headings keep their relative levels one step lower: a text lives inside a page that has its
//!   own `<h1>`, so `#` gives `<h2>`, `##` `<h3>` … and `#####` and `######` both `<h6>`.
//! - Raw HTML is not interpreted: it is shown as the text the author typed.
//! - Links may go to `http`, `https`, `mailto` or a relative address; any other destination
//!   leaves the link text without a link. A web address must name its host plainly (ASCII
//!   labels or a dotted IPv4 address: no internationalised domain, no `user@`). Images come
//!   from `http`, `https`, relative addresses or inline PNG, JPEG, GIF or WebP
//!   (`data:image/png;base64,…`); an image whose file name ends in an audio extension
//!   (`.mp3 .ogg .oga .opus .m4a .wav .weba`) becomes an audio player, with the alt text as its
//!   fallback. A refused source leaves the alt text. See `urls.rs`.
//! - Text is passed through as written: no smart quotes, no Unicode normalisation, so French
//!   and Corsican typography (’, « », no-break spaces, decomposed or composed accents) reaches
//!   the reader unchanged.
//! - Limits that keep rendering fast and the page alive whatever is typed: past 32 levels of
//!   nesting, tags are left out and their text kept (a table that would not fit whole is left
//!   out whole); a formula of more than 300 commands and braces is shown as source (math-core
//!   would overflow the stack).
//!
//! # Why it cannot produce a script: two walls
//! 1. The dialect, everywhere (`dialect.rs`). It writes only the elements and attributes of the
//!    allowlist (`allowlist.rs`), every text and value escaped (`escape.rs`), every URL judged
//!    (`urls.rs`); math-core's MathML is filtered down to the allowlist (`mathml.rs`). Its
//!    output is written in the very form html5ever serialises (`&nbsp;`, no `&#39;`, `<br>` not
//!    `<br />`, attributes in the sanitizer's order, `rel` on links, the forced attributes of
//!    images, audio and checkboxes), with the line endings and NULs a browser rewrites already
//!    rewritten.
//! 2. ammonia, on the server only (feature `sanitize`, `sanitize.rs`): it parses the dialect's
//!    output as a browser would and keeps only the same allowlist, checking URLs again. The
//!    browser's WebAssembly goes without it (≈214 KB brotli of html5ever and URL tables).
//!
//! With the feature, a test renders every text of every corpus (the OWASP payloads in every
//! place, the 652 CommonMark examples, hand-written nasty cases, formulas, the Corsican
//! declaration) and checks that ammonia gives back the dialect's output byte for byte
//! (`tests/fixed_point.rs`): the dialect writes nothing the second wall would remove or change,
//! so the browser shows what the server sends. The structural XSS tests run with and without it.
//!
//! [`SafeHtml`] can be built by [`render`] only, so a view that puts a [`SafeHtml`] into
//! `inner_html` puts there nothing but this output.

mod allowlist;
mod dialect;
mod escape;
mod markup;
mod math;
mod mathml;
mod media;
/// Every place a text can stand in Markdown: for the XSS tests here and in a real browser.
#[cfg(any(test, feature = "fixtures"))]
pub mod placements;
#[cfg(feature = "sanitize")]
mod sanitize;
mod table;
mod urls;

use dialect::Dialect;
use pulldown_cmark::{Options, Parser};

/// HTML that came out of [`render`]: safe to put into a page as it is.
///
/// There is no other way to build one (no `From<String>`, no `Deserialize`), so a string from
/// elsewhere cannot pass for rendered Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeHtml(String);

impl SafeHtml {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The HTML for a text written in Scola's Markdown (see the module documentation).
/// Whether `url` is a web address (`http` or `https`, host named plainly) that a rendered link
/// could point to: the rule resources outside Markdown (a sequence's link step) follow too.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && urls::is_allowed(url.trim(), urls::UrlUse::Link)
}

pub fn render(markdown: &str) -> SafeHtml {
    let html = dialect_html(markdown);
    #[cfg(feature = "sanitize")]
    let html = sanitize::clean(&html);
    SafeHtml(html)
}

/// The first wall: the dialect's HTML, safe by construction and already in the form the second
/// wall gives back.
fn dialect_html(markdown: &str) -> String {
    let events = Dialect::new(Parser::new_ext(markdown, syntax()));
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    with_browser_newlines(html)
}

/// `html` with its line endings as a browser reads them before parsing anything (`\r\n` and a
/// lone `\r` both become `\n`), so a carriage return kept in a text (a code block, raw HTML
/// shown as text) is written as the page will hold it, not rewritten by the parser.
fn with_browser_newlines(html: String) -> String {
    if html.contains('\r') {
        html.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        html
    }
}

/// The extensions teachers get beyond CommonMark. Not smart punctuation (it would rewrite the
/// author's quotes and apostrophes), not heading attributes (ids and classes would reach the
/// page), not footnotes (their ids would clash between two texts on one page).
fn syntax() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH
}

#[cfg(test)]
mod tests;

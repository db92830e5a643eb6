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
//!   leaves the link text without a link. Images come from `http`, `https`, relative addresses or
//!   inline PNG, JPEG, GIF or WebP (`data:image/png;base64,…`); an image whose file name ends in
//!   an audio extension (`.mp3 .ogg .oga .opus .m4a .wav .weba`) becomes an audio player, with
//!   the alt text as its fallback. A refused source leaves the alt text. See `urls.rs`.
//! - Text is passed through as written: no smart quotes, no Unicode normalisation, so French
//!   and Corsican typography (’, « », no-break spaces, decomposed or composed accents) reaches
//!   the reader unchanged.
//! - Limits that keep rendering fast and the page alive whatever is typed: past 32 levels of
//!   nesting, tags are left out and their text kept; a formula of more than 300 commands and
//!   braces is shown as source (math-core would overflow the stack).
//!
//! # Why it cannot produce a script
//! The renderer writes only the elements and attributes above, with every value escaped. Its
//! output then goes through ammonia (`sanitize.rs`), which parses it as a browser would and keeps
//! only an allowlist of elements, attributes and URL schemes, checking URLs again with the same
//! rules. [`SafeHtml`] can be built by [`render`] only, so a view that puts a [`SafeHtml`] into
//! `inner_html` puts there nothing but this output.

mod dialect;
mod escape;
mod math;
mod media;
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
pub fn render(markdown: &str) -> SafeHtml {
    let events = Dialect::new(Parser::new_ext(markdown, syntax()));
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    SafeHtml(sanitize::clean(&html))
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

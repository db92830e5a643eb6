//! Scola's Markdown dialect: pulldown-cmark's events, rewritten before they become HTML.
//!
//! pulldown-cmark's own HTML writer turns the rewritten events into HTML, so the structure is
//! rendered exactly as CommonMark says. It writes only the structure's tags, which carry no
//! attribute but `<ol start>`; Scola writes the rest itself, in the form html5ever writes
//! (`escape.rs`): text, links, breaks and checkboxes (`markup.rs`), images and audio
//! (`media.rs`), table cells (`table.rs`) and formulas (`math.rs`).

use super::markup;
use super::math::{Formulas, Layout};
use super::media;
use super::table::TableCells;
use super::urls::{self, UrlUse};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

/// How deep elements may nest. Past it, tags are left out and their content kept: a school text
/// never comes near (a quote holding a list of lists is 6 levels), while the sanitizer's work grows
/// with the square of the depth (16 KB of nested `- ` took seconds), so this keeps rendering
/// linear in the text whatever its author types.
pub(super) const MAX_NESTING: usize = 32;

/// The levels a table's structure takes: the table, a row (or the head), a cell. A table is
/// written whole or not at all: a browser moves text it finds directly inside a `<table>` out
/// before it, so a table cut by [`MAX_NESTING`] would not read in order.
const TABLE_LEVELS: usize = 3;

/// An iterator over the rewritten events of one document.
pub(super) struct Dialect<I> {
    events: I,
    formulas: Formulas,
    /// One entry per open tag, innermost last: whether it was written. A tag is left out (its
    /// content kept) for an unsafe link destination, past [`MAX_NESTING`], or as a part of a
    /// table left out.
    open: Vec<bool>,
    table: TableCells,
}

impl<'a, I: Iterator<Item = Event<'a>>> Dialect<I> {
    pub(super) fn new(events: I) -> Self {
        Self {
            events,
            formulas: Formulas::new(),
            open: Vec::new(),
            table: TableCells::default(),
        }
    }

    fn rewrite(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        Some(match event {
            Event::Start(tag) => return self.start(tag),
            Event::End(tag) => return self.end(tag),
            Event::Text(text) => Event::InlineHtml(markup::text(&text).into()),
            Event::Code(code) => Event::InlineHtml(markup::code(&code).into()),
            // Raw HTML is shown as the teacher typed it, never interpreted.
            Event::Html(raw) | Event::InlineHtml(raw) => {
                Event::InlineHtml(markup::text(&raw).into())
            }
            Event::HardBreak => Event::InlineHtml(markup::LINE_BREAK.into()),
            Event::Rule => Event::InlineHtml(markup::RULE.into()),
            Event::TaskListMarker(checked) => Event::InlineHtml(markup::checkbox(checked).into()),
            // pulldown-cmark's rule (no space inside the dollars) knows only ASCII spaces; French
            // puts a no-break space before `$`, so « 5 $, pas 6 $ » with no-break spaces is an
            // amount, not a formula.
            Event::InlineMath(latex)
                if latex.starts_with(char::is_whitespace)
                    || latex.ends_with(char::is_whitespace) =>
            {
                Event::InlineHtml(markup::text(&format!("${latex}$")).into())
            }
            Event::InlineMath(latex) => {
                Event::InlineHtml(self.formulas.to_mathml(&latex, Layout::Inline).into())
            }
            Event::DisplayMath(latex) => {
                Event::InlineHtml(self.formulas.to_mathml(&latex, Layout::Display).into())
            }
            other => other,
        })
    }

    fn start(&mut self, tag: Tag<'a>) -> Option<Event<'a>> {
        if let Tag::Image {
            dest_url, title, ..
        } = tag
        {
            // Written whole, its end included: no open tag to remember.
            return Some(self.media(&dest_url, &title));
        }
        let fits = match tag {
            Tag::Table(_) => self.open.len() + TABLE_LEVELS <= MAX_NESTING,
            Tag::TableHead | Tag::TableRow | Tag::TableCell => self.open.last() == Some(&true),
            _ => self.open.len() < MAX_NESTING,
        };
        let event = if fits { self.rewrite_start(tag) } else { None };
        self.open.push(event.is_some());
        event
    }

    fn rewrite_start(&mut self, tag: Tag<'a>) -> Option<Event<'a>> {
        let tag = match tag {
            Tag::Heading { level, .. } => Tag::Heading {
                level: below_page_title(level),
                id: None,
                classes: Vec::new(),
                attrs: Vec::new(),
            },
            // A block of raw HTML becomes a paragraph of its text.
            Tag::HtmlBlock => Tag::Paragraph,
            // No syntax highlighting, so no `class="language-…"` to let through.
            Tag::CodeBlock(CodeBlockKind::Fenced(_)) => {
                Tag::CodeBlock(CodeBlockKind::Fenced(CowStr::Borrowed("")))
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let destination = if link_type == LinkType::Email {
                    CowStr::from(format!("mailto:{dest_url}"))
                } else {
                    dest_url
                };
                return urls::is_allowed(&destination, UrlUse::Link)
                    .then(|| Event::InlineHtml(markup::link(&destination, &title).into()));
            }
            Tag::Table(alignments) => {
                self.table.start(&alignments);
                Tag::Table(alignments)
            }
            Tag::TableHead => {
                self.table.start_head();
                Tag::TableHead
            }
            Tag::TableRow => {
                self.table.start_row();
                Tag::TableRow
            }
            Tag::TableCell => return Some(Event::InlineHtml(self.table.open_cell().into())),
            other => other,
        };
        Some(Event::Start(tag))
    }

    fn end(&mut self, tag: TagEnd) -> Option<Event<'a>> {
        if self.open.pop() == Some(true) {
            return Some(self.rewrite_end(tag));
        }
        // A block left out still ends a line of text, so its words do not run into the next.
        let inline = matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
        );
        (!inline).then_some(Event::SoftBreak)
    }

    fn rewrite_end(&mut self, tag: TagEnd) -> Event<'a> {
        let tag = match tag {
            TagEnd::Heading(level) => TagEnd::Heading(below_page_title(level)),
            TagEnd::HtmlBlock => TagEnd::Paragraph,
            TagEnd::TableHead => {
                self.table.end_head();
                TagEnd::TableHead
            }
            TagEnd::TableCell => return Event::InlineHtml(self.table.close_cell().into()),
            TagEnd::Link => return Event::InlineHtml(markup::LINK_END.into()),
            other => other,
        };
        Event::End(tag)
    }

    /// An image or audio player, or its alt text alone when the source is refused, so the
    /// reader still gets the description.
    fn media(&mut self, source: &str, title: &str) -> Event<'a> {
        let alt = self.alt_text();
        match media::markup(source, title, &alt) {
            Some(html) => Event::InlineHtml(html.into()),
            None => Event::InlineHtml(markup::text(&alt).into()),
        }
    }

    /// The plain text of an image's description, consuming the events up to the image's end,
    /// as pulldown-cmark's writer does for `alt`.
    fn alt_text(&mut self) -> String {
        let mut alt = String::new();
        let mut depth = 0_usize;
        for event in self.events.by_ref() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => break,
                Event::End(_) => depth -= 1,
                Event::Text(text)
                | Event::Code(text)
                | Event::Html(text)
                | Event::InlineHtml(text) => alt.push_str(&text),
                Event::InlineMath(latex) => {
                    alt.push('$');
                    alt.push_str(&latex);
                    alt.push('$');
                }
                Event::DisplayMath(latex) => {
                    alt.push_str("$$");
                    alt.push_str(&latex);
                    alt.push_str("$$");
                }
                Event::SoftBreak | Event::HardBreak | Event::Rule => alt.push(' '),
                Event::TaskListMarker(_) | Event::FootnoteReference(_) => {}
            }
        }
        alt
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Dialect<I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let event = self.events.next()?;
            if let Some(rewritten) = self.rewrite(event) {
                return Some(rewritten);
            }
        }
    }
}

/// A text lives inside a page that has its own `<h1>`: `#` becomes `<h2>`, each level one
/// lower, and `#####` and `######` both `<h6>`, HTML's last level.
fn below_page_title(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

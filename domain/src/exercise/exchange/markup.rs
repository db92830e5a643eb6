//! Texts of other formats made into Scola's: Markdown for what people read, plain text for typed
//! answers.
//!
//! HTML is parsed as a browser would (html5ever, through `scraper`), then only its text is kept:
//! paragraphs and line breaks survive, every tag goes, scripts, styles and other non-text
//! content go with their content, pictures and media are counted and dropped. The text is then
//! escaped for Markdown, so `&lt;script&gt;` in a question reads `<script>` and never becomes
//! markup. Nothing here recurses over the tree, so nesting depth costs no stack.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// How a source text is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Source {
    /// Kept as it is.
    Markdown,
    /// Every character is meant literally; line breaks count.
    Plain,
    /// HTML: white space collapses, tags make paragraphs and breaks.
    #[default]
    Html,
    /// Moodle's "auto-format": HTML whose line breaks count.
    HtmlWithBreaks,
}

/// A converted text, and what the conversion removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Converted {
    pub text: String,
    /// Tags were removed.
    pub markup_removed: bool,
    /// Pictures, sounds, videos, embedded objects removed.
    pub media: usize,
}

/// `text` as Scola Markdown.
pub(super) fn markdown(text: &str, source: Source) -> Converted {
    convert(text, source, Target::Markdown)
}

/// `text` as plain text (a typed answer), trimmed.
pub(super) fn plain(text: &str, source: Source) -> Converted {
    convert(text, source, Target::Plain)
}

fn convert(text: &str, source: Source, target: Target) -> Converted {
    match source {
        Source::Markdown => Converted {
            text: text.trim().to_owned(),
            ..Converted::default()
        },
        Source::Plain => {
            let mut writer = Writer::new(target);
            writer.plain(text);
            writer.finish()
        }
        Source::Html | Source::HtmlWithBreaks => {
            let breaks = source == Source::HtmlWithBreaks;
            // Most texts hold no markup: no parser for them.
            if !text.contains(['<', '&']) {
                let mut writer = Writer::new(target);
                if breaks {
                    writer.plain(text);
                } else {
                    writer.text(text);
                }
                return writer.finish();
            }
            // The HTML parser's cost grows with the square of nesting: pathological nesting
            // gets a plain cut at the tags instead (its text, escaped, still harmless).
            if nesting(text) > MAX_HTML_NESTING {
                let mut writer = Writer::new(target);
                writer.markup_removed = true;
                writer.text(&outside_tags(text));
                return writer.finish();
            }
            let html = if breaks {
                Html::parse_fragment(&text.replace('\n', "<br>"))
            } else {
                Html::parse_fragment(text)
            };
            let mut writer = Writer::new(target);
            walk_html(&html, &mut writer);
            writer.finish()
        }
    }
}

/// Deeper HTML than browsers build (they stop at 512) is not parsed as HTML.
const MAX_HTML_NESTING: usize = 512;

/// Elements that hold nothing, so do not nest.
fn is_void(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "br" | "img"
            | "hr"
            | "input"
            | "meta"
            | "link"
            | "wbr"
            | "area"
            | "base"
            | "col"
            | "embed"
            | "source"
            | "track"
            | "param"
    )
}

/// How deep the tags of `text` nest, counted on its tags alone (a bound, not a parse).
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(closing) = rest.strip_prefix('/') {
            depth = depth.saturating_sub(1);
            rest = closing;
            continue;
        }
        let name_end = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if name_end == 0 {
            continue;
        }
        let self_closing = rest[name_end..]
            .split('>')
            .next()
            .is_some_and(|tag| tag.ends_with('/'));
        if !is_void(&rest[..name_end]) && !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
        rest = &rest[name_end..];
    }
    deepest
}

/// The text between tags, for HTML too deep to parse.
fn outside_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => {
                inside = false;
                out.push(' ');
            }
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

fn walk_html(html: &Html, writer: &mut Writer) {
    // Inside an element whose content is not text (script, style, …): how deep.
    let mut skipping = 0usize;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    // The fragment parser wraps everything in an `html` element of its own.
                    if name != "html" {
                        writer.markup_removed = true;
                    }
                    if skipping > 0 || skips_content(name) {
                        skipping += 1;
                        if is_media(name) {
                            writer.media += 1;
                        }
                        continue;
                    }
                    writer.open(name);
                }
                Node::Text(text) if skipping == 0 => writer.text(text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    if skipping > 0 {
                        skipping -= 1;
                    } else {
                        writer.close(element.name());
                    }
                }
            }
        }
    }
}

/// Elements whose content is not text to read (or a picture, counted).
pub(super) fn skips_content(name: &str) -> bool {
    is_media(name)
        || matches!(
            name,
            "script"
                | "style"
                | "template"
                | "head"
                | "title"
                | "noscript"
                | "select"
                | "textarea"
                | "button"
                | "map"
                | "canvas"
                | "svg"
                | "math"
                | "frameset"
        )
}

pub(super) fn is_media(name: &str) -> bool {
    matches!(
        name,
        "img" | "picture" | "audio" | "video" | "iframe" | "object" | "embed" | "applet"
    )
}

/// Elements that stand as paragraphs of their own.
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "address"
            | "figure"
            | "figcaption"
            | "fieldset"
            | "form"
            | "details"
            | "summary"
            | "center"
            | "hr"
            | "rubricBlock"
            | "itemBody"
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Markdown,
    Plain,
}

/// What separates the text written so far from the next: the strongest asked for wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Line,
    Paragraph,
}

/// Builds a text from a stream of text runs, breaks and elements.
pub(super) struct Writer {
    out: String,
    target: Target,
    gap: Gap,
    pub markup_removed: bool,
    pub media: usize,
}

impl Writer {
    fn new(target: Target) -> Self {
        Writer {
            out: String::new(),
            target,
            gap: Gap::None,
            markup_removed: false,
            media: 0,
        }
    }

    pub(super) fn for_markdown() -> Self {
        Writer::new(Target::Markdown)
    }

    fn ask(&mut self, gap: Gap) {
        self.gap = self.gap.max(gap);
    }

    pub(super) fn paragraph(&mut self) {
        self.ask(Gap::Paragraph);
    }

    pub(super) fn line_break(&mut self) {
        self.ask(Gap::Line);
    }

    pub(super) fn space(&mut self) {
        self.ask(Gap::Space);
    }

    /// An element opens (its content follows).
    pub(super) fn open(&mut self, name: &str) {
        match name {
            "br" => self.line_break(),
            "td" | "th" => self.space(),
            name if is_block(name) => self.paragraph(),
            _ => {}
        }
    }

    pub(super) fn close(&mut self, name: &str) {
        match name {
            "td" | "th" => self.space(),
            name if is_block(name) => self.paragraph(),
            _ => {}
        }
    }

    /// A run of HTML text: white space collapses.
    pub(super) fn text(&mut self, text: &str) {
        // HTML collapses ASCII white space only: a no-break space stays (French `?`).
        let mut words = text.split(|c: char| c.is_ascii_whitespace()).peekable();
        while let Some(word) = words.next() {
            if !word.is_empty() {
                self.word(word);
            }
            if words.peek().is_some() {
                self.space();
            }
        }
    }

    /// Plain text whose line breaks count (a blank line is a paragraph).
    pub(super) fn plain(&mut self, text: &str) {
        let mut blank_lines = 0;
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                blank_lines += 1;
                continue;
            }
            if index > 0 {
                if blank_lines > 0 {
                    self.paragraph();
                } else {
                    self.line_break();
                }
            }
            blank_lines = 0;
            self.text(line);
        }
    }

    /// Text that is already in the target's form (Markdown from a Markdown source).
    pub(super) fn raw(&mut self, text: &str) {
        if !text.is_empty() {
            self.flush();
            self.out.push_str(text);
        }
    }

    fn flush(&mut self) {
        if !self.out.is_empty() {
            match (self.gap, self.target) {
                (Gap::None, _) => {}
                (Gap::Space, _) => self.out.push(' '),
                // A Markdown hard line break that survives trailing-space trimming.
                (Gap::Line, Target::Markdown) => self.out.push_str("\\\n"),
                (Gap::Line, Target::Plain) => self.out.push('\n'),
                (Gap::Paragraph, _) => self.out.push_str("\n\n"),
            }
        }
        self.gap = Gap::None;
    }

    fn word(&mut self, word: &str) {
        self.flush();
        match self.target {
            Target::Plain => self.out.push_str(word),
            Target::Markdown => {
                let line_start = self.out.is_empty() || self.out.ends_with('\n');
                escape_markdown(word, line_start, &mut self.out);
            }
        }
    }

    pub(super) fn finish(self) -> Converted {
        Converted {
            text: self.out,
            markup_removed: self.markup_removed,
            media: self.media,
        }
    }
}

/// Characters Markdown may read as markup anywhere in a line.
fn special(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '$' | '|' | '~'
    )
}

/// Appends `word` escaped so that Markdown reads it as the same characters; `line_start` when it
/// begins a line, where `#`, `-`, `+`, `=` and `1.` start headings and lists.
fn escape_markdown(word: &str, line_start: bool, out: &mut String) {
    let mut chars = word.char_indices().peekable();
    if line_start {
        if let Some(&(_, '#' | '-' | '+' | '=')) = chars.peek() {
            out.push('\\');
        }
        let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && matches!(word[digits..].chars().next(), Some('.' | ')')) {
            out.push_str(&word[..digits]);
            out.push('\\');
            chars = word[digits..].char_indices().peekable();
            for (_, c) in chars {
                if special(c) {
                    out.push('\\');
                }
                out.push(c);
            }
            return;
        }
    }
    for (_, c) in chars {
        if special(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A literal text (a plain source, no line breaks expected) as Markdown.
pub(super) fn escape(text: &str) -> String {
    markdown(text, Source::Plain).text
}

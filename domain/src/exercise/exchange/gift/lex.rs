//! GIFT's lexical layer: questions are runs of non-blank lines, `//` lines are comments, and a
//! backslash makes the character after it plain text (`\~ \= \# \{ \} \:` and `\\`, `\n` for a
//! line break). Structure is found only among characters no backslash precedes.

/// The characters a backslash turns into themselves.
const ESCAPED: [char; 7] = ['\\', '~', '=', '#', '{', '}', ':'];

/// One question (or category, or comment-only run) of a GIFT file.
pub(super) struct Block<'a> {
    /// The line it starts on, from 1.
    pub line: u32,
    /// Its lines, trimmed, comments left out, joined by line breaks (as Moodle reads them).
    pub text: String,
    /// Its comment lines, without `//`, trimmed.
    pub comments: Vec<&'a str>,
}

pub(super) fn blocks(source: &str) -> Vec<Block<'_>> {
    let mut blocks = Vec::new();
    let mut current = Partial::default();
    for (index, line) in source.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            current.close(&mut blocks);
            continue;
        }
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if let Some(comment) = trimmed.strip_prefix("//") {
            current.start.get_or_insert(number);
            current.comments.push(comment.trim());
        } else {
            // A block's line is its first line of text, past the comments before it.
            if current.lines.is_empty() {
                current.start = Some(number);
            }
            current.lines.push(trimmed);
        }
    }
    current.close(&mut blocks);
    blocks
}

/// The block being read.
#[derive(Default)]
struct Partial<'a> {
    start: Option<u32>,
    lines: Vec<&'a str>,
    comments: Vec<&'a str>,
}

impl<'a> Partial<'a> {
    fn close(&mut self, blocks: &mut Vec<Block<'a>>) {
        if let Some(line) = self.start.take() {
            blocks.push(Block {
                line,
                text: self.lines.join("\n"),
                comments: std::mem::take(&mut self.comments),
            });
            self.lines.clear();
        }
    }
}

/// The characters of `text` that can be structure, with their byte offsets: those no backslash
/// precedes.
fn structural(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut escaped = false;
    text.char_indices().filter(move |&(_, c)| {
        if escaped {
            escaped = false;
            false
        } else if c == '\\' {
            escaped = true;
            false
        } else {
            true
        }
    })
}

/// The first structural `c`.
pub(super) fn find(text: &str, c: char) -> Option<usize> {
    structural(text).find(|&(_, s)| s == c).map(|(at, _)| at)
}

/// The first structural `->`.
pub(super) fn find_arrow(text: &str) -> Option<usize> {
    let mut dash = None;
    for (at, c) in structural(text) {
        if c == '>' && dash == Some(at.wrapping_sub(1)) {
            return dash;
        }
        dash = (c == '-').then_some(at);
    }
    None
}

/// The start of the last structural `####` (general feedback).
pub(super) fn rfind_general_feedback(text: &str) -> Option<usize> {
    let mut run = 0usize;
    let mut previous = None;
    let mut last = None;
    for (at, c) in structural(text) {
        if c == '#' {
            run = if previous == Some(at.wrapping_sub(1)) {
                run + 1
            } else {
                1
            };
            previous = Some(at);
            if run >= 4 {
                last = Some(at - 3);
            }
        } else {
            previous = None;
            run = 0;
        }
    }
    last
}

/// `text` cut at every structural `sep`.
pub(super) fn split(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, c) in structural(text) {
        if c == sep {
            parts.push(&text[from..at]);
            from = at + c.len_utf8();
        }
    }
    parts.push(&text[from..]);
    parts
}

/// `text` cut at its first structural `sep`.
pub(super) fn split_once(text: &str, sep: char) -> Option<(&str, &str)> {
    find(text, sep).map(|at| (&text[..at], &text[at + sep.len_utf8()..]))
}

/// `text` cut before every structural `~` or `=`, each part with the mark that starts it (none
/// for what comes before the first).
pub(super) fn split_marked(text: &str) -> Vec<(Option<char>, &str)> {
    let mut parts = Vec::new();
    let mut from = 0;
    let mut mark = None;
    for (at, c) in structural(text) {
        if c == '~' || c == '=' {
            parts.push((mark, &text[from..at]));
            mark = Some(c);
            from = at + 1;
        }
    }
    parts.push((mark, &text[from..]));
    parts
}

/// The text a GIFT string stands for: escapes undone; a backslash before any other character
/// stays, for the text's own format (`\*` in Markdown, or in a short answer).
pub(super) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some(next) if ESCAPED.contains(&next) => {
                out.push(next);
                chars.next();
            }
            Some('n') => {
                out.push('\n');
                chars.next();
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// `text` written so that [`unescape`] gives it back and no character of it is structure; on
/// one line (line breaks become `\n`; carriage returns go, as Moodle drops them).
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if ESCAPED.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// How a GIFT text is written, as its `[…]` prefix says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TextFormat {
    /// Moodle's auto-format, the default: HTML whose line breaks count.
    Moodle,
    Html,
    Plain,
    Markdown,
}

/// A leading `[moodle]`, `[html]`, `[plain]` or `[markdown]`, and the text after it. Any other
/// bracket is text.
pub(super) fn format_prefix(text: &str) -> (Option<TextFormat>, &str) {
    let Some(rest) = text.strip_prefix('[') else {
        return (None, text);
    };
    let Some(end) = rest.find(']') else {
        return (None, text);
    };
    let format = match &rest[..end] {
        "moodle" => TextFormat::Moodle,
        "html" => TextFormat::Html,
        "plain" => TextFormat::Plain,
        "markdown" => TextFormat::Markdown,
        _ => return (None, text),
    };
    (Some(format), &rest[end + 1..])
}

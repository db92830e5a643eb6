//! How iCalendar writes text (RFC 5545 §3.3.11) and lines (§3.1): escapes, folding, CRLF.

/// The longest line, in octets, line break excluded (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// A TEXT value: backslash, semicolon and comma escaped, every line break (`\r\n`, `\n`, `\r`)
/// written `\n`; other control characters, which TEXT cannot hold, left out (tab kept).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` to `out` folded into lines of at most [`MAX_LINE_OCTETS`] octets, each ended
/// by CRLF, continuation lines starting with one space (§3.1).
///
/// A fold never cuts a UTF-8 character (readers decode each physical line on its own). It also
/// avoids leaving a space just before or after a fold when another place in the last 20 octets
/// will do: some readers trim the ends of lines, or strip all the whitespace that starts a
/// continuation, and would lose that space.
pub fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let cut = cut_at(rest, room);
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The space that starts a continuation line counts.
        room = MAX_LINE_OCTETS - 1;
    }
}

/// Where to cut `text` (longer than `room` octets) to keep at most `room` octets.
fn cut_at(text: &str, room: usize) -> usize {
    let mut last = room;
    while !text.is_char_boundary(last) {
        last -= 1;
    }
    let bytes = text.as_bytes();
    let spaced = |at: usize| bytes[at - 1] == b' ' || bytes[at] == b' ';
    let mut at = last;
    while at > last.saturating_sub(20) && at > 0 {
        if text.is_char_boundary(at) && !spaced(at) {
            return at;
        }
        at -= 1;
    }
    last
}

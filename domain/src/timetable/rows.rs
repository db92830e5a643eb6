//! Reading back a table as [`crate::csv`] writes it and French spreadsheets save it: fields
//! separated by `;`, quoted with `"` when they hold one (`""` for a quote), lines ended by CRLF
//! or LF, a byte-order mark first or not. A field [`crate::csv`] defused with a leading `'`
//! (`'=1+1`) reads back as it was typed.

/// One record: the line it starts on (from 1) and its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A quote opened and never closed: the record that starts on this line runs to the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a quote opened on line {0} is never closed")]
pub struct Unclosed(pub usize);

/// The records of `text`; blank lines are skipped.
pub fn records(text: &str) -> Result<Vec<Record>, Unclosed> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut line, mut start_line) = (1, 1);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    // Whether the current field was quoted (its text is then taken as is).
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            ';' => fields.push(finish(&mut field, &mut was_quoted)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(finish(&mut field, &mut was_quoted));
                push_record(&mut out, start_line, std::mem::take(&mut fields));
                line += 1;
                start_line = line;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(Unclosed(start_line));
    }
    if !field.is_empty() || !fields.is_empty() || was_quoted {
        fields.push(finish(&mut field, &mut was_quoted));
        push_record(&mut out, start_line, fields);
    }
    Ok(out)
}

fn finish(field: &mut String, was_quoted: &mut bool) -> String {
    let text = std::mem::take(field);
    *was_quoted = false;
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => text,
    }
}

fn push_record(out: &mut Vec<Record>, line: usize, fields: Vec<String>) {
    if fields.iter().all(|f| f.trim().is_empty()) {
        return;
    }
    out.push(Record { line, fields });
}

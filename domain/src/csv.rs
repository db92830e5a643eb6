//! Tables written for spreadsheets (results, exports), as French spreadsheets read them: fields
//! separated by `;` (the comma is the decimal mark), quoted when they need it, a byte-order mark
//! first so the accents survive, and no field that a spreadsheet would run as a formula.

/// Starts a file: the byte-order mark that tells spreadsheets the text is UTF-8.
pub const START: &str = "\u{FEFF}";

/// One line, ended by CRLF (RFC 4180).
pub fn row<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(&field_text(field.as_ref()));
    }
    out.push_str("\r\n");
    out
}

fn field_text(field: &str) -> String {
    // A name typed as `=HYPERLINK(…)` must stay a name: a leading apostrophe keeps it text.
    let defused = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if defused.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(row(&["Pieri", "Lisandru", "6,5"]), "Pieri;Lisandru;6,5\r\n");
        assert_eq!(
            row(&["a;b", "dit \"non\"", "l1\nl2"]),
            "\"a;b\";\"dit \"\"non\"\"\";\"l1\nl2\"\r\n"
        );
        assert_eq!(row::<&str>(&[]), "\r\n");
    }

    #[test]
    fn a_field_a_spreadsheet_would_run_stays_text() {
        assert_eq!(
            row(&["=1+1", "+33", "-x", "@SUM(A1)"]),
            "'=1+1;'+33;'-x;'@SUM(A1)\r\n"
        );
        assert_eq!(row(&["=A1;B1"]), "\"'=A1;B1\"\r\n");
    }
}

//! Which format a file is in, for a teacher who does not say: XML is Moodle XML when its root is
//! `quiz` and QTI when it is `assessmentItem`; anything else is read as GIFT, whose text has no
//! mark of its own.

use super::{Format, ImportError, input};

/// The format of `bytes`, read from the start of the text. A file that cannot be decoded is
/// the same error `import` would give; a ZIP archive is taken for a QTI package, which the QTI
/// reader refuses with its own message.
pub fn detect(bytes: &[u8]) -> Result<Format, ImportError> {
    let text = match input::decode(bytes) {
        Err(ImportError::Archive) => return Ok(Format::Qti),
        other => other?,
    };
    Ok(of_text(&text))
}

fn of_text(text: &str) -> Format {
    let mut rest = text.trim_start();
    if !rest.starts_with('<') {
        return Format::Gift;
    }
    let declared_xml = rest.starts_with("<?xml");
    // Past the declaration, processing instructions, comments and a document type (which the
    // readers refuse): the first element is the root.
    loop {
        let skipped = if rest.starts_with("<?") {
            rest.find("?>").map(|end| end + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|end| end + 3)
        } else if rest.starts_with("<!") {
            rest.find('>').map(|end| end + 1)
        } else {
            break;
        };
        match skipped {
            Some(end) => rest = rest[end..].trim_start(),
            None => break,
        }
    }
    let name: String = rest
        .strip_prefix('<')
        .unwrap_or_default()
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
        .collect();
    let local = name.rsplit(':').next().unwrap_or_default();
    match local {
        "quiz" => Format::MoodleXml,
        "assessmentItem" => Format::Qti,
        // An XML file of neither kind: the Moodle reader names the root it found.
        _ if declared_xml || looks_like_xml(rest) => Format::MoodleXml,
        _ => Format::Gift,
    }
}

/// GIFT questions may start with HTML (`<p>…`), but they hold an answer block; an XML document
/// ends with its closing tag.
fn looks_like_xml(text: &str) -> bool {
    text.trim_end().ends_with('>') && !text.contains('{')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart() {
        let cases = [
            ("::Q1:: 2+2 ? {=4 ~5}", Format::Gift),
            ("// comment\n::Q::<p>Vrai ?</p>{T}", Format::Gift),
            ("<p>Capitale ?</p> {=Paris}", Format::Gift),
            (
                "<?xml version=\"1.0\"?>\n<!-- export -->\n<quiz><question/></quiz>",
                Format::MoodleXml,
            ),
            ("<quiz>\n</quiz>", Format::MoodleXml),
            (
                "<?xml version=\"1.0\"?><assessmentItem xmlns=\"x\"></assessmentItem>",
                Format::Qti,
            ),
            ("<qti:assessmentItem></qti:assessmentItem>", Format::Qti),
            ("<?xml version=\"1.0\"?><html></html>", Format::MoodleXml),
        ];
        for (text, format) in cases {
            assert_eq!(detect(text.as_bytes()), Ok(format), "{text}");
        }
    }

    #[test]
    fn an_archive_is_a_qti_package_and_bad_bytes_are_the_readers_error() {
        assert_eq!(detect(b"PK\x03\x04rest"), Ok(Format::Qti));
        assert_eq!(
            detect(b"caf\xe9 {=x}"),
            Err(ImportError::InvalidEncoding { offset: 3 })
        );
    }
}

//! Hostile and malformed files, generated here: a clear error or a refused question, never a
//! panic, never a partial result presented as complete.

use super::*;

fn all_formats(bytes: &[u8]) -> Vec<Result<Report, ImportError>> {
    Format::ALL
        .iter()
        .map(|&format| import(bytes, format, &defaults()))
        .collect()
}

#[test]
fn oversized_files_are_refused_before_anything_is_read() {
    let big = vec![b'a'; MAX_INPUT_BYTES + 1];
    for result in all_formats(&big) {
        assert_eq!(
            result,
            Err(ImportError::TooLarge {
                bytes: MAX_INPUT_BYTES + 1,
                max: MAX_INPUT_BYTES
            })
        );
    }
}

#[test]
fn encodings() {
    // Latin-1 "é" is not UTF-8.
    let latin1 = b"::q::Caf\xe9 ?{T}";
    assert_eq!(
        import(latin1, Format::Gift, &defaults()),
        Err(ImportError::InvalidEncoding { offset: 8 })
    );
    // A UTF-8 byte-order mark is fine.
    let bom = [b"\xEF\xBB\xBF".as_slice(), "::q::Café ?{T}".as_bytes()].concat();
    let report = import(&bom, Format::Gift, &defaults()).expect("UTF-8 with a BOM");
    assert_eq!(item(&report, "q").prompt, "Café ?");
    // UTF-16, both byte orders, with their mark.
    for big_endian in [false, true] {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in "::q::Ghjovedì ?{T}".encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let report = import(&bytes, Format::Gift, &defaults()).expect("UTF-16");
        assert_eq!(item(&report, "q").prompt, "Ghjovedì ?");
    }
    // A lone surrogate, an odd length.
    assert_eq!(
        import(
            &[0xFF, 0xFE, 0x00, 0xD8, b'a', 0],
            Format::Gift,
            &defaults()
        ),
        Err(ImportError::InvalidEncoding { offset: 2 })
    );
    assert_eq!(
        import(&[0xFF, 0xFE, b'a'], Format::Gift, &defaults()),
        Err(ImportError::InvalidEncoding { offset: 2 })
    );
    // An XML file saying it is Latin-1 is not guessed at.
    let declared = b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><quiz/>";
    assert_eq!(
        import(declared, Format::MoodleXml, &defaults()),
        Err(ImportError::UnsupportedEncoding {
            declared: "ISO-8859-15".to_owned()
        })
    );
    // A ZIP archive (a content package) is named as such.
    assert_eq!(
        import(b"PK\x03\x04rest", Format::Qti, &defaults()),
        Err(ImportError::Archive)
    );
}

#[test]
fn truncated_xml_is_an_error_with_its_place() {
    let whole = String::from_utf8(fixture("qti21/items/choice.xml")).expect("UTF-8");
    for cut in [whole.len() / 3, whole.len() / 2, whole.len() - 20] {
        let truncated = &whole.as_bytes()[..cut];
        let Err(ImportError::MalformedXml { line, .. }) =
            import(truncated, Format::Qti, &defaults())
        else {
            panic!("a truncated file must not read");
        };
        assert!(line >= 1);
    }
    let moodle = fixture("moodle-xml/html_chars_in_idnumbers.xml");
    assert!(matches!(
        import(&moodle[..moodle.len() - 10], Format::MoodleXml, &defaults()),
        Err(ImportError::MalformedXml { .. })
    ));
}

#[test]
fn document_type_declarations_and_entities_are_refused() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE quiz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<quiz><question type="truefalse"><name><text>&lol3;</text></name></question></quiz>"#;
    assert_eq!(
        import(laughs.as_bytes(), Format::MoodleXml, &defaults()),
        Err(ImportError::Dtd)
    );
    let external = r#"<?xml version="1.0"?><!DOCTYPE assessmentItem SYSTEM "file:///etc/passwd"><assessmentItem/>"#;
    assert_eq!(
        import(external.as_bytes(), Format::Qti, &defaults()),
        Err(ImportError::Dtd)
    );
    // An undeclared entity is malformed XML.
    assert!(matches!(
        import(b"<quiz>&xxe;</quiz>", Format::MoodleXml, &defaults()),
        Err(ImportError::MalformedXml { .. })
    ));
}

#[test]
fn deep_nesting_is_refused() {
    let depth = 100_000;
    let deep = format!(
        "<quiz>{}{}</quiz>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    assert_eq!(
        import(deep.as_bytes(), Format::MoodleXml, &defaults()),
        Err(ImportError::TooDeep { max: MAX_XML_DEPTH })
    );
    // Deep HTML inside a question's text costs no stack and no quadratic parse: its text is
    // read.
    let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
    let gift = format!("::q::[html]{html}{{T}}");
    let report = import(gift.as_bytes(), Format::Gift, &defaults()).expect("reads");
    assert_eq!(item(&report, "q").prompt, "deep");
    assert_eq!(report.items[0].notes, [Note::MarkupRemoved]);
}

#[test]
fn absurd_counts_are_bounded() {
    let questions = 100_000;
    let gift = "::q::Vrai ?{T}\n\n".repeat(questions);
    assert_eq!(
        import(gift.as_bytes(), Format::Gift, &defaults()),
        Err(ImportError::TooManyQuestions {
            count: questions,
            max: MAX_QUESTIONS
        })
    );
    let xml = format!(
        "<quiz>{}</quiz>",
        "<question type=\"truefalse\"/>".repeat(questions)
    );
    assert_eq!(
        import(xml.as_bytes(), Format::MoodleXml, &defaults()),
        Err(ImportError::TooManyQuestions {
            count: questions,
            max: MAX_QUESTIONS
        })
    );
    let nodes = format!("<quiz>{}</quiz>", "<a/>".repeat(MAX_XML_NODES as usize));
    assert_eq!(
        import(nodes.as_bytes(), Format::MoodleXml, &defaults()),
        Err(ImportError::TooManyNodes { max: MAX_XML_NODES })
    );
    // One question with too many choices is refused; the others are read.
    let choices: String = (0..=MAX_PARTS).map(|n| format!("~c{n} ")).collect();
    let gift = format!("::many::{{={choices}}}\n\n::ok::Vrai ?{{T}}");
    let report = import(gift.as_bytes(), Format::Gift, &defaults()).expect("reads");
    assert_eq!(
        outcomes(&report),
        [
            (
                None,
                Some(Reason::TooManyParts {
                    count: MAX_PARTS + 2,
                    max: MAX_PARTS
                })
            ),
            (Some(ItemType::TrueFalse), None),
        ]
    );
    let cloze: String = (0..=MAX_PARTS).map(|_| "{1:SA:=a} ").collect();
    let xml = format!(
        "<quiz><question type=\"cloze\"><name><text>c</text></name><questiontext><text>{cloze}</text></questiontext></question></quiz>"
    );
    let report = import(xml.as_bytes(), Format::MoodleXml, &defaults()).expect("reads");
    assert!(matches!(
        report.items[0].outcome,
        Outcome::Refused {
            reason: Reason::TooManyParts { .. }
        }
    ));
}

/// Garbage of every kind makes an error or a report, in each format; and a report is whole: one
/// entry per question, each taken item in the exercise and valid.
#[test]
fn garbage_never_panics() {
    let mut inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"{".to_vec(),
        b"}".to_vec(),
        b"::".to_vec(),
        b"::a".to_vec(),
        b"::a::".to_vec(),
        b"{#}".to_vec(),
        b"{#..}".to_vec(),
        b"{#1..}".to_vec(),
        b"{#:}".to_vec(),
        b"{=->}".to_vec(),
        b"{~%}".to_vec(),
        b"{~%%}".to_vec(),
        b"{~%-%a}".to_vec(),
        b"{T####}".to_vec(),
        b"\\".to_vec(),
        b"x{=a}\\".to_vec(),
        b"[html".to_vec(),
        b"[html]<".to_vec(),
        b"$CATEGORY:".to_vec(),
        b"// scola {".to_vec(),
        b"// scola-exercise {}\n\nx{}".to_vec(),
        b"<".to_vec(),
        b"<quiz>".to_vec(),
        b"<quiz><question/></quiz>".to_vec(),
        b"<quiz><question type=\"cloze\"><questiontext><text>{1:SA:}{:MC:=}{99999999999999999999:NM:=1e400}</text></questiontext></question></quiz>".to_vec(),
        b"<quiz><question type=\"numerical\"><answer fraction=\"abc\"><text>1</text></answer></question></quiz>".to_vec(),
        b"<quiz><question type=\"multichoice\"><defaultgrade>-1</defaultgrade></question></quiz>".to_vec(),
        b"<quiz><question type=\"ddwtos\"><questiontext><text>[[0]] [[99999999999999999999999]]</text></questiontext></question></quiz>".to_vec(),
        b"<assessmentItem/>".to_vec(),
        b"<assessmentItem><itemBody><choiceInteraction responseIdentifier=\"RESPONSE\"/></itemBody></assessmentItem>".to_vec(),
        b"<assessmentItem><responseDeclaration identifier=\"RESPONSE\" cardinality=\"multiple\" baseType=\"pair\"><correctResponse><value>A</value></correctResponse></responseDeclaration><itemBody><associateInteraction responseIdentifier=\"RESPONSE\"/></itemBody><responseProcessing template=\"x/match_correct\"/></assessmentItem>".to_vec(),
        b"<assessmentItem><responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"identifier\"><mapping defaultValue=\"x\"/></responseDeclaration><itemBody><choiceInteraction responseIdentifier=\"RESPONSE\"/></itemBody><responseProcessing template=\"map_response\"/></assessmentItem>".to_vec(),
        vec![0xFF; 64],
        vec![0xFE, 0xFF, 0xD8, 0x00],
    ];
    // Every prefix of the real fixtures, cut at a few places.
    for path in [
        "questions.gift.txt",
        "moodle-xml/broken_cloze_questions.xml",
        "qti21/items/gap_match.xml",
        "qti21/items/match.xml",
    ] {
        let bytes = fixture(path);
        for step in 1..12 {
            inputs.push(bytes[..bytes.len() * step / 12].to_vec());
        }
    }
    for input in &inputs {
        for result in all_formats(input) {
            let Ok(report) = result else { continue };
            let taken = report.taken();
            let in_exercise = report.exercise.as_ref().map_or(0, |e| e.items.len());
            assert_eq!(taken, in_exercise, "{:?}", String::from_utf8_lossy(input));
            if let Some(exercise) = &report.exercise {
                let problems: Vec<_> = exercise
                    .problems()
                    .into_iter()
                    .filter(|p| !matches!(p, crate::exercise::Problem::NoTitle))
                    .collect();
                assert_eq!(problems, [], "{:?}", String::from_utf8_lossy(input));
            }
        }
    }
}

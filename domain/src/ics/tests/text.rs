use super::*;

#[test]
fn text_is_escaped() {
    let cases = [
        ("Lingua corsa", "Lingua corsa"),
        ("a;b,c\\d", "a\\;b\\,c\\\\d"),
        (
            "ligne 1\nligne 2\r\nligne 3\rfin",
            "ligne 1\\nligne 2\\nligne 3\\nfin",
        ),
        ("\r\n\r\n", "\\n\\n"),
        ("tab\there", "tab\there"),
        ("bell\u{7}\u{0}\u{1b}[31m", "bell[31m"),
        ("« 12 € » : ok", "« 12 € » : ok"),
        ("\\n", "\\\\n"),
    ];
    for (raw, escaped) in cases {
        assert_eq!(escape(raw), escaped, "{raw:?}");
    }
}

/// Folds `line` alone, and checks what every fold must be.
fn folded(line: &str) -> Vec<String> {
    let mut out = String::new();
    crate::ics::text::fold_into(&mut out, line);
    assert_eq!(unfold(&out), vec![line.to_owned()], "unfolds back");
    let physical: Vec<String> = out
        .trim_end_matches("\r\n")
        .split("\r\n")
        .map(str::to_owned)
        .collect();
    for (i, l) in physical.iter().enumerate() {
        assert!(l.len() <= MAX_LINE_OCTETS, "{l:?} is {} octets", l.len());
        assert_eq!(l.starts_with(' '), i > 0, "{l:?}");
    }
    physical
}

#[test]
fn long_lines_fold_at_75_octets_never_inside_a_character() {
    let corsican = "DESCRIPTION:Ghjuvan Battista à a scola, ùn ci hè nunda di più bellu chè \
                    a lingua di i nostri vechji, è u ghjornu hè longu";
    let emojis = format!("SUMMARY:{}", "😀🎒📚".repeat(20));
    let accents = format!("X:{}", "ù".repeat(100));
    let decomposed = format!("X:{}", "u\u{300}".repeat(60));
    let no_spaces = format!("X:{}", "a".repeat(200));
    let spaces = format!("X:{}", " ".repeat(200));
    for line in [
        corsican,
        &emojis,
        &accents,
        &decomposed,
        &no_spaces,
        &spaces,
    ] {
        let physical = folded(line);
        assert!(physical.len() > 1, "{line} folds");
    }
    // Exactly 75 octets stays one line; 76 folds.
    assert_eq!(folded(&"x".repeat(75)).len(), 1);
    assert_eq!(folded(&"x".repeat(76)).len(), 2);
    // Four-byte characters: 8 + 4 × 16 = 72 octets fit the first line, the 17th would not.
    let first = &folded(&emojis)[0];
    assert_eq!(first.len(), 72, "{first}");
    // A character of two octets that would end at octet 76 goes to the next line.
    let mut edge = "x".repeat(74);
    edge.push('ù');
    assert_eq!(folded(&edge), vec!["x".repeat(74), " ù".to_owned()]);
}

/// Some readers trim line ends or the whitespace that starts a continuation line: a fold
/// next to a space is avoided when a place without one is near.
#[test]
fn folds_avoid_spaces_at_their_edges() {
    let corsican = "DESCRIPTION:Ghjuvan Battista à a scola, ùn ci hè nunda di più bellu chè \
                    a lingua di i nostri vechji, è u ghjornu hè longu assai assai";
    let physical = folded(corsican);
    for pair in physical.windows(2) {
        assert!(!pair[0].ends_with(' '), "{pair:?}");
        assert!(!pair[1][1..].starts_with(' '), "{pair:?}");
    }
    // Where there is no other choice (only spaces), the fold still happens.
    let spaces = format!("X:{}", " ".repeat(200));
    assert!(folded(&spaces).len() >= 3);
}

use super::*;
use Status::*;

/// Six words to write.
const TEXT: &str = "« L’acqua di u fiume era fresca. »";

fn dictation(matching: TextMatching) -> ItemKind {
    ItemKind::Dictation(Dictation {
        audio: Some(id("audio/fiume.ogg")),
        text: TEXT.to_owned(),
        matching,
    })
}

fn written(text: &str) -> Option<Answer> {
    Some(Answer::Dictation {
        text: text.to_owned(),
    })
}

/// The marks as a compact line: `=` right, `~` right with a typo, `x` wrong, `-` missing, `+`
/// extra.
fn marks(matching: TextMatching, text: &str) -> String {
    match outcome(&one_item(dictation(matching)), written(text)).detail {
        Detail::Dictation { words } => words
            .iter()
            .map(|word| match word {
                WordMark::Right {
                    closeness: Closeness::Exact,
                    ..
                } => '=',
                WordMark::Right { .. } => '~',
                WordMark::Wrong { .. } => 'x',
                WordMark::Missing { .. } => '-',
                WordMark::Extra { .. } => '+',
            })
            .collect(),
        other => panic!("{other:?}"),
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_dictation_is_scored_word_by_word_after_aligning_the_words() {
    let default = TextMatching::default();
    let typos = TextMatching {
        typos: true,
        ..TextMatching::default()
    };
    let no_accents = TextMatching {
        accent_sensitive: false,
        ..TextMatching::default()
    };
    for (matching, text, line, earned, status) in [
        (
            default,
            "L'acqua di u fiume era fresca.",
            "======",
            100,
            Correct,
        ),
        // Punctuation, apostrophe forms, case and spacing are not scored.
        (
            default,
            "l’acqua  di u fiume\u{00A0}era fresca",
            "======",
            100,
            Correct,
        ),
        (
            default,
            "«l'acqua di u fiume era fresca»",
            "======",
            100,
            Correct,
        ),
        // One missing word is one mistake, not a shift of every word after it.
        (
            default,
            "L'acqua di fiume era fresca.",
            "==-===",
            83,
            Partial,
        ),
        (default, "L'acqua di u era fresca.", "===-==", 83, Partial),
        // One extra word likewise (which of two equal words is the extra one is a tie).
        (
            default,
            "L'acqua di u u fiume era fresca.",
            "==+====",
            83,
            Partial,
        ),
        (
            default,
            "L'acqua di u fiume fiume era fresca.",
            "===+===",
            83,
            Partial,
        ),
        // One word written otherwise.
        (
            default,
            "L'acqua di u fiumu era fresca.",
            "===x==",
            83,
            Partial,
        ),
        (
            default,
            "Lacqua di u fiume era fresca.",
            "x=====",
            83,
            Partial,
        ),
        // Typos: counted by default, forgiven when the item says so.
        (
            typos,
            "L'acqua di u fiumu era fresca.",
            "===~==",
            100,
            Correct,
        ),
        (
            typos,
            "L'aqua di u fiume era fressca.",
            "~====~",
            100,
            Correct,
        ),
        (
            no_accents,
            "L'acqua di u fiume era fresca",
            "======",
            100,
            Correct,
        ),
        // Two mistakes and a missing word.
        (default, "L'aqua di u fiumu fresca.", "x==x-=", 50, Partial),
        // Words of another text (paired with the words they look most like).
        (default, "Ghjovi hè bellu", "x---xx", 0, Wrong),
        (default, "", "------", 0, Unanswered),
        // Punctuation alone is an answer, with no word.
        (default, " « » ", "------", 0, Wrong),
    ] {
        let got = outcome(&one_item(dictation(matching)), written(text));
        assert_eq!(
            (got.earned.hundredths(), got.status),
            (earned, status),
            "{text:?}"
        );
        if status != Unanswered {
            assert_eq!(marks(matching, text), line, "{text:?}");
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_mark_holds_the_word_and_what_was_written() {
    let got = outcome(
        &one_item(dictation(TextMatching::default())),
        written("L'acqua di u fiumu fiume era"),
    );
    let Detail::Dictation { words } = got.detail else {
        panic!("{:?}", got.detail);
    };
    assert_eq!(
        words[3..],
        [
            WordMark::Extra {
                typed: "fiumu".to_owned()
            },
            WordMark::Right {
                word: "fiume".to_owned(),
                typed: "fiume".to_owned(),
                closeness: Closeness::Exact
            },
            WordMark::Right {
                word: "era".to_owned(),
                typed: "era".to_owned(),
                closeness: Closeness::Exact
            },
            WordMark::Missing {
                word: "fresca".to_owned()
            },
        ]
    );
    // Six words, two mistakes.
    assert_eq!(got.earned, Points::from_hundredths(67));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_very_long_answer_earns_nothing_and_costs_little() {
    let long = "acqua ".repeat(MAX_ANSWER_CHARS / 6);
    let got = outcome(
        &one_item(dictation(TextMatching::default())),
        written(&long),
    );
    assert_eq!((got.earned, got.status), (Points::ZERO, Wrong));
    let Detail::Dictation { words } = got.detail else {
        panic!("{:?}", got.detail);
    };
    // Every written word is marked, and every word of the text.
    let extra = words
        .iter()
        .filter(|w| matches!(w, WordMark::Extra { .. }))
        .count();
    assert!(extra >= MAX_ANSWER_CHARS / 6 - 6, "{extra}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn an_exercise_names_its_recordings_and_the_files_of_its_texts() {
    let recording = "0123456789abcdef0123456789abcdef";
    let picture = "fedcba9876543210fedcba9876543210";
    let mut exercise = fixtures::twenty_items();
    exercise.statement = Some(format!("![carte](/files/{picture}.png)"));
    for item in &mut exercise.items {
        if let ItemKind::Dictation(dictation) = &mut item.kind {
            dictation.audio = Some(id(recording));
        }
        if let ItemKind::TrueFalse(_) = item.kind {
            item.prompt = format!("![ancora](/files/{picture}.png) · [link](/files/{recording})");
        }
        item.feedback.general = Some("/files/00000000000000000000000000000000".to_owned());
    }
    let files: Vec<String> = exercise.files().into_iter().map(String::from).collect();
    assert_eq!(files, [recording, picture]);
    // A recording named otherwise (an imported one) is no stored file.
    assert_eq!(fixtures::twenty_items().files().len(), 0);
}

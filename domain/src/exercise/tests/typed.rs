use super::*;
use Status::*;

fn short(answers: Vec<TextAnswer>) -> ItemKind {
    ItemKind::ShortText(ShortText { answers })
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_short_answer_in_corsican_with_its_variants() {
    let kind = short(vec![TextAnswer {
        variants: vec!["ghjovi".to_owned()],
        ..TextAnswer::new("ghjovedì")
    }]);
    for (given, earned, status) in [
        ("ghjovedì", 100, Correct),
        ("ghjovedi\u{0300}", 100, Correct), // NFD
        ("Ghjovedì", 100, Correct),
        (" ghjovedì ", 100, Correct),
        ("ghjovi", 100, Correct), // variant
        ("GHJOVI", 100, Correct),
        ("ghjovedi", 0, Wrong), // accents count by default
        ("ghjovedí", 0, Wrong),
        ("ghjovedìi", 0, Wrong), // no typo forgiven by default
        ("marti", 0, Wrong),
        ("", 0, Unanswered),
        ("  \u{00A0} ", 0, Unanswered),
    ] {
        assert_scores(&kind, Some(typed(given)), earned, status);
    }
    assert_scores(&kind, None, 0, Unanswered);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn each_answer_has_its_own_options() {
    let kind = short(vec![
        // French: accents count, case does not.
        TextAnswer::new("l'été"),
        // A Corsican answer typed without accents, with one typo forgiven.
        TextAnswer {
            matching: TextMatching {
                case_sensitive: false,
                accent_sensitive: false,
                typos: true,
            },
            ..TextAnswer::new("l’estàte")
        },
        // A proper noun: case counts.
        TextAnswer {
            matching: TextMatching {
                case_sensitive: true,
                ..TextMatching::default()
            },
            credit: Percent::new(50).expect("a percentage"),
            ..TextAnswer::new("Estate")
        },
    ]);
    for (given, earned, status) in [
        ("l’été", 100, Correct),
        ("L'ÉTÉ", 100, Correct),
        ("l'ete", 0, Wrong),
        ("l'estate", 100, Correct),
        ("l'estatè", 100, Correct),
        ("lestate", 100, Correct), // one letter (the apostrophe) missing
        ("Estate", 50, Partial),
        ("estate", 0, Wrong),
    ] {
        assert_scores(&kind, Some(typed(given)), earned, status);
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_matched_answer_shows_its_feedback_and_a_typo_is_marked() {
    let kind = short(vec![
        TextAnswer {
            matching: TextMatching {
                typos: true,
                ..TextMatching::default()
            },
            ..TextAnswer::new("chevaux")
        },
        TextAnswer {
            credit: Percent::ZERO,
            feedback: Some("Les noms en -al font leur pluriel en -aux.".to_owned()),
            ..TextAnswer::new("chevals")
        },
    ]);
    let exercise = one_item(kind);
    let got = outcome(&exercise, Some(typed("chevals")));
    assert_eq!(got.status, Wrong);
    assert_eq!(got.feedback, ["Les noms en -al font leur pluriel en -aux."]);
    let got = outcome(&exercise, Some(typed("chevaus")));
    assert_eq!(got.status, Correct);
    assert_eq!(
        got.detail,
        Detail::ShortText(TextMark {
            status: Correct,
            matched: Some(TextMatch {
                answer: 0,
                closeness: Closeness::Typo
            }),
            expected: "chevaux".to_owned(),
        })
    );
}

/// « L'acqua [hè] fresca è [limpida]. » : a typed gap and a drop-down gap.
fn cloze() -> ItemKind {
    let option = |i: &str, text: &str, credit| Choice {
        id: id(i),
        text: text.to_owned(),
        credit,
        feedback: None,
    };
    ItemKind::Cloze(Cloze {
        parts: vec![
            ClozePart::Text {
                text: "L'acqua ".to_owned(),
            },
            ClozePart::TypedGap {
                answers: vec![TextAnswer::new("hè")],
            },
            ClozePart::Text {
                text: " fresca è ".to_owned(),
            },
            ClozePart::ChoiceGap {
                options: vec![
                    option("a", "limpida", Percent::FULL),
                    option("b", "limpidu", Percent::ZERO),
                ],
            },
            ClozePart::Text {
                text: ".".to_owned(),
            },
        ],
    })
}

fn gaps(typed: Option<&str>, chosen: Option<&str>) -> Option<Answer> {
    Some(Answer::Cloze {
        gaps: vec![
            typed.map(|text| GapAnswer::Typed {
                text: text.to_owned(),
            }),
            chosen.map(|option| GapAnswer::Chosen { option: id(option) }),
        ],
    })
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_gap_of_a_cloze_weighs_the_same() {
    let kind = cloze();
    for (answer, earned, status) in [
        (gaps(Some("hè"), Some("a")), 100, Correct),
        (gaps(Some("he\u{0300}"), Some("a")), 100, Correct), // NFD
        (gaps(Some("HÈ"), Some("a")), 100, Correct),
        (gaps(Some("he"), Some("a")), 50, Partial), // accent missing
        (gaps(Some("hè"), Some("b")), 50, Partial),
        (gaps(Some("hè"), None), 50, Partial),
        (gaps(None, Some("a")), 50, Partial),
        (gaps(Some("è"), Some("b")), 0, Wrong),
        (gaps(None, None), 0, Unanswered),
        (gaps(Some(" "), None), 0, Unanswered),
        (Some(Answer::Cloze { gaps: Vec::new() }), 0, Unanswered),
        (None, 0, Unanswered),
    ] {
        assert_scores(&kind, answer, earned, status);
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn each_gap_says_how_it_did() {
    let got = outcome(&one_item(cloze()), gaps(Some("he"), None));
    let statuses: Vec<Status> = match &got.detail {
        Detail::Cloze { gaps } => gaps.iter().map(GapMark::status).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(statuses, [Wrong, Unanswered]);
    assert_eq!(got.status, Wrong);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn three_gaps_share_a_point_rounded_half_up() {
    let gap = |answer: &str| ClozePart::TypedGap {
        answers: vec![TextAnswer::new(answer)],
    };
    let kind = ItemKind::Cloze(Cloze {
        parts: vec![gap("sò"), gap("sì"), gap("hè")],
    });
    let three = |a: &str, b: &str, c: &str| {
        Some(Answer::Cloze {
            gaps: [a, b, c]
                .map(|text| {
                    Some(GapAnswer::Typed {
                        text: text.to_owned(),
                    })
                })
                .to_vec(),
        })
    };
    assert_scores(&kind, three("sò", "sì", "hè"), 100, Correct);
    assert_scores(&kind, three("sò", "sì", "x"), 67, Partial); // 66.67
    assert_scores(&kind, three("sò", "x", "x"), 33, Partial); // 33.33
}

use super::super::text::{best_match, normalise};
use super::*;

fn matching(case_sensitive: bool, accent_sensitive: bool, typos: bool) -> TextMatching {
    TextMatching {
        case_sensitive,
        accent_sensitive,
        typos,
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_form_of_a_text_is_normalised_alike() {
    for (typed, normal) in [
        ("a\u{0300}", "à"),                                 // decomposed grave accent
        ("ghjovedi\u{0300}", "ghjovedì"),                   // decomposed, Corsican
        ("e\u{0300} o\u{0300}", "è ò"),                     // two decomposed letters
        ("l’acqua", "l'acqua"),                             // right single quotation mark
        ("l‘acqua", "l'acqua"),                             // left single quotation mark
        ("lʼacqua", "l'acqua"),                             // modifier letter apostrophe
        ("l′acqua", "l'acqua"),                             // prime
        ("  à\u{00A0}la\u{202F}maison\t\t", "à la maison"), // no-break spaces, tabs, ends
        ("a    b \n c", "a b c"),                           // repeated spaces and a line break
        ("", ""),
        (" \u{00A0} ", ""),
    ] {
        assert_eq!(normalise(typed), normal, "{typed:?}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn accents_case_and_typos_count_as_each_answer_says() {
    let default = TextMatching::default();
    let no_accents = matching(false, false, false);
    let case = matching(true, true, false);
    let typos = matching(false, true, true);
    let exact = Some(Closeness::Exact);
    let typo = Some(Closeness::Typo);
    for (expected, given, how, result) in [
        // NFC and NFD are one text.
        ("à", "a\u{0300}", default, exact),
        ("ghjovedì", "ghjovedi\u{0300}", default, exact),
        // Accents count by default, not when the answer says so.
        ("ghjovedì", "ghjovedi", default, None),
        ("ghjovedì", "ghjovedi", no_accents, exact),
        ("ghjovedì", "ghjovedí", no_accents, exact),
        ("è", "é", default, None),
        ("è", "é", no_accents, exact),
        ("però", "pero", no_accents, exact),
        ("però", "pero", default, None),
        ("à", "a", default, None),
        // Case is ignored by default, counted when the answer says so.
        ("ghjovedì", "GHJOVEDÌ", default, exact),
        ("Aiacciu", "aiacciu", default, exact),
        ("Aiacciu", "aiacciu", case, None),
        ("Aiacciu", "Aiacciu", case, exact),
        // Apostrophes and spaces, whatever the keyboard.
        ("l'acqua", "l’acqua", default, exact),
        ("l’acqua", "l'acqua", default, exact),
        ("à la maison", "  à\u{00A0}la   maison ", default, exact),
        // Typos: off by default.
        ("chevaux", "chevaus", default, None),
        ("chevaux", "chevaus", typos, typo), // one letter replaced
        ("chevaux", "chevuax", typos, typo), // two neighbours swapped
        ("chevaux", "chevau", typos, typo),  // one letter missing
        ("chevaux", "chevaaux", typos, typo), // one letter added
        ("chevaux", "chevax", typos, typo),
        ("chevaux", "chavaus", typos, None),   // two mistakes
        ("chevaux", "chevaux", typos, exact),  // exact stays exact
        ("ghjovedì", "ghjovedi", typos, typo), // an accent is one letter
        ("le", "la", typos, None),             // too short to forgive
        ("une", "un", typos, None),
        ("acqua", "aqua", typos, typo),
    ] {
        assert_eq!(
            how.compare(expected, given),
            result,
            "{expected:?} / {given:?} with {how:?}"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_best_answer_is_the_highest_credit_then_exact_then_first() {
    let answers = vec![
        TextAnswer {
            variants: vec!["ghjovi".to_owned()],
            ..TextAnswer::new("ghjovedì")
        },
        TextAnswer {
            credit: Percent::new(50).expect("a percentage"),
            matching: matching(false, false, false),
            ..TextAnswer::new("ghjovedi")
        },
        TextAnswer {
            credit: Percent::ZERO,
            feedback: Some("Hè venneri !".to_owned()),
            ..TextAnswer::new("venneri")
        },
    ];
    let found = |given: &str| best_match(&answers, given).map(|m| (m.answer, m.closeness));
    assert_eq!(found("ghjovedì"), Some((0, Closeness::Exact)));
    assert_eq!(found("Ghjovi"), Some((0, Closeness::Exact))); // a variant
    assert_eq!(found("ghjovedi"), Some((1, Closeness::Exact))); // half credit, no accent
    assert_eq!(found("venneri"), Some((2, Closeness::Exact))); // an anticipated mistake
    assert_eq!(found("marti"), None);
    assert_eq!(found("   "), None);

    // A forgiven typo of a full-credit answer beats an exact match of a half-credit one.
    let answers = vec![
        answers[1].clone(),
        TextAnswer {
            matching: matching(false, true, true),
            ..TextAnswer::new("ghjovedì")
        },
    ];
    let found = best_match(&answers, "ghjovedi").map(|m| (m.answer, m.closeness));
    assert_eq!(found, Some((1, Closeness::Typo)));

    // At equal credit an exact match beats a typo, even listed later.
    let answers = vec![
        TextAnswer {
            matching: matching(false, true, true),
            ..TextAnswer::new("chevaux")
        },
        TextAnswer::new("chevaus"),
    ];
    let found = best_match(&answers, "chevaus").map(|m| (m.answer, m.closeness));
    assert_eq!(found, Some((1, Closeness::Exact)));
    let found = best_match(&answers, "chevaud").map(|m| (m.answer, m.closeness));
    assert_eq!(found, Some((0, Closeness::Typo)));
}

use super::fixtures::{full_response, twenty_items};
use super::*;

/// The stored shape of an item of every kind. Exercises are kept as JSON: a change here breaks
/// stored exercises, and needs a migration of them.
const ITEMS: &[&str] = &[
    r#"{"id":"q01","prompt":"Quelle est la préfecture de la Corse-du-Sud ?","points":100,"feedback":{"general":"Aiacciu est aussi la capitale régionale."},"type":"single_choice","choices":[{"id":"a","text":"Aiacciu","credit":100},{"id":"b","text":"Bastia","credit":0},{"id":"c","text":"Corti","credit":0,"feedback":"Corti fut la capitale de Pasquale Paoli."}],"shuffle":false}"#,
    r#"{"id":"q02","prompt":"Coche les verbes.","points":200,"type":"multiple_choice","choices":[{"id":"a","text":"manger","correct":true},{"id":"b","text":"rapide","correct":false},{"id":"c","text":"courir","correct":true},{"id":"d","text":"maison","correct":false}],"penalty":"wrong_cancels_right","shuffle":true}"#,
    r#"{"id":"q03","prompt":"L'eau bout à 100 °C au niveau de la mer.","points":50,"type":"true_false","answer":true}"#,
    r#"{"id":"q04","prompt":"Comment dit-on « jeudi » en corse ?","points":100,"type":"short_text","answers":[{"text":"ghjovedì","variants":["ghjovi"],"matching":{"case_sensitive":false,"accent_sensitive":true,"typos":false},"credit":100}]}"#,
    r#"{"id":"q05","prompt":"Complète.","points":200,"type":"cloze","parts":[{"type":"text","text":"L'acqua "},{"type":"typed_gap","answers":[{"text":"hè","matching":{"case_sensitive":false,"accent_sensitive":true,"typos":false},"credit":100}]},{"type":"text","text":" fresca è "},{"type":"choice_gap","options":[{"id":"a","text":"limpida","credit":100},{"id":"b","text":"limpidu","credit":0}]},{"type":"text","text":"."}]}"#,
    r#"{"id":"q06","prompt":"Aire d'un rectangle de 2,5 m sur 4 m ?","points":150,"type":"numeric","answers":[{"value":"10","tolerance":{"type":"absolute","margin":"0"},"credit":100}],"unit":{"symbol":"m²","variants":["m2"],"required":true}}"#,
    r#"{"id":"q07","prompt":"Associe chaque mot corse à sa traduction.","points":300,"type":"matching","pairs":[{"left":{"id":"l1","text":"casa"},"right":{"id":"r1","text":"maison"}},{"left":{"id":"l2","text":"acqua"},"right":{"id":"r2","text":"eau"}},{"left":{"id":"l3","text":"pane"},"right":{"id":"r3","text":"pain"}}],"distractors":[{"id":"r4","text":"vin"}]}"#,
    r#"{"id":"q08","prompt":"Range ces événements dans l'ordre.","points":200,"type":"ordering","cards":[{"id":"a","text":"Indépendance de la Corse (1755)"},{"id":"b","text":"Traité de Versailles (1768)"},{"id":"c","text":"Naissance de Napoléon (1769)"},{"id":"d","text":"Création de deux départements (1976)"}],"credit":"longest_sequence"}"#,
    r#"{"id":"q09","prompt":"Classe ces animaux.","points":200,"type":"categorising","categories":[{"id":"mammals","name":"Mammifères","cards":[{"id":"a","text":"mouflon"},{"id":"b","text":"sanglier"}]},{"id":"birds","name":"Oiseaux","cards":[{"id":"c","text":"gypaète"},{"id":"d","text":"sittelle"}]}]}"#,
    r#"{"id":"q10","prompt":"Écris la phrase que tu entends.","points":400,"type":"dictation","audio":"audio/dictee-10.ogg","text":"Ghjovi, l'acqua di u fiume era fresca è limpida.","matching":{"case_sensitive":false,"accent_sensitive":true,"typos":false}}"#,
    r#"{"id":"q11","prompt":"Décris ton village en quelques phrases.","points":300,"type":"free_text","accepts":"text","guidance":"Trois phrases, un adjectif au moins."}"#,
    r#"{"id":"q12","prompt":"Leghji à voce alta : « A muntagna hè bella. »","points":200,"type":"free_text","accepts":"audio"}"#,
];

/// The stored shape of a pupil's answer of every kind (drafts are kept as JSON too).
const ANSWERS: &[&str] = &[
    r#"{"type":"single_choice","choice":"a"}"#,
    r#"{"type":"multiple_choice","choices":["a","b","c"]}"#,
    r#"{"type":"true_false","value":true}"#,
    r#"{"type":"short_text","text":"Ghjovedì"}"#,
    r#"{"type":"cloze","gaps":[{"type":"typed","text":"hè"},{"type":"chosen","option":"b"}]}"#,
    r#"{"type":"numeric","text":"10,0 m2"}"#,
    r#"{"type":"matching","pairs":{"l1":"r1","l2":"r2","l3":"r4"}}"#,
    r#"{"type":"ordering","order":["a","c","b","d"]}"#,
    r#"{"type":"categorising","placed":{"a":"mammals","b":"mammals","c":"birds","d":"mammals"}}"#,
    r#"{"type":"dictation","text":"Ghjovi l’acqua di fiume era fresca è limpida"}"#,
    r#"{"type":"free_text","text":"U mo paese hè chjucu. Ci sò trè chjese."}"#,
    r#"{"type":"free_text","text":"","audio":"recordings/pupil-42-q12.webm"}"#,
];

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn items_keep_their_stored_shape() {
    let exercise = twenty_items();
    for json in ITEMS {
        let item: Item = serde_json::from_str(json).expect(json);
        assert_eq!(
            serde_json::to_string(&item).expect("an item serialises"),
            *json
        );
        let fixture = exercise.items.iter().find(|i| i.id == item.id);
        assert_eq!(fixture, Some(&item));
        // The `type` is the item type's code.
        assert!(json.contains(&format!(r#""type":"{}""#, item.item_type().code())));
    }
    let types: std::collections::BTreeSet<&str> = ITEMS
        .iter()
        .map(|json| {
            let item: Item = serde_json::from_str(json).expect(json);
            item.item_type().code()
        })
        .collect();
    assert_eq!(types.len(), ItemType::ALL.len());
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn answers_keep_their_stored_shape() {
    let response = full_response();
    for json in ANSWERS {
        let answer: Answer = serde_json::from_str(json).expect(json);
        assert_eq!(
            serde_json::to_string(&answer).expect("an answer serialises"),
            *json
        );
        assert!(response.answers.values().any(|given| *given == answer));
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_minimal_item_reads_with_its_defaults() {
    // What an importer or a hand-written file may leave out.
    let json = r#"{"id":"q","prompt":"Jeudi ?","points":100,"type":"short_text","answers":[{"text":"ghjovedì"}]}"#;
    let item: Item = serde_json::from_str(json).expect("a minimal item");
    let ItemKind::ShortText(short) = &item.kind else {
        panic!("{item:?}");
    };
    assert_eq!(short.answers[0], TextAnswer::new("ghjovedì"));
    assert_eq!(short.answers[0].matching, TextMatching::default());
    assert!(!short.answers[0].matching.typos);
    assert!(short.answers[0].matching.accent_sensitive);
    assert_eq!(item.feedback, Feedback::default());
    // Defaults are written out when stored, so a later change of a default changes no stored
    // exercise.
    let stored = serde_json::to_string(&item).expect("an item serialises");
    assert!(stored.contains(r#""typos":false"#), "{stored}");
    assert!(stored.contains(r#""credit":100"#), "{stored}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn exercises_papers_and_outcomes_read_back_as_written() {
    let exercise = twenty_items();
    let json = serde_json::to_string(&exercise).expect("an exercise serialises");
    let back: Exercise = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(back, exercise);
    let paper = exercise.paper(5);
    let json = serde_json::to_string(&paper).expect("a paper serialises");
    assert_eq!(serde_json::from_str::<Paper>(&json).ok(), Some(paper));
    let outcome = score(&exercise.key(), &full_response()).expect("the response fits");
    let json = serde_json::to_string(&outcome).expect("an outcome serialises");
    assert_eq!(serde_json::from_str::<Outcome>(&json).ok(), Some(outcome));
    let problem = Problem::Item {
        item: id("q1"),
        problem: ItemProblem::GapAnswers {
            gap: 2,
            problem: AnswersProblem::NoFullCredit,
        },
    };
    let json = serde_json::to_string(&problem).expect("a problem serialises");
    assert_eq!(
        json,
        r#"{"type":"item","item":"q1","problem":{"type":"gap_answers","gap":2,"problem":{"type":"no_full_credit"}}}"#
    );
}

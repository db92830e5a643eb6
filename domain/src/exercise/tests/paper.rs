use super::fixtures::{full_response, twenty_items};
use super::*;

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_paper_holds_no_answer() {
    let exercise = twenty_items();
    let json = serde_json::to_string(&exercise.paper(3)).expect("a paper serialises");
    // Nothing that scores: no credits, no right boxes, no accepted texts or numbers, no pairing,
    // no feedback, no guidance.
    for secret in [
        "credit",
        "correct",
        "answers",
        "answer\"",
        "variants",
        "\"matching\":",
        "tolerance",
        "\"unit\"",
        "m²",
        "pairs",
        "feedback",
        "guidance",
        "Trois phrases",
        "Corti fut",
        "ghjovedì",
        "chevaux",
        "\"hè\"",
        "sò",
        "3.1416",
        "fiume era fresca",
        "penalty",
    ] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
    // …and what the pupil needs is there.
    for shown in [
        "Aiacciu",
        "limpidu",
        "audio/dictee-10.ogg",
        "Mammifères",
        "sanglier",
    ] {
        assert!(json.contains(shown), "{shown} missing from {json}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_key_keeps_the_answers_but_not_the_teachers_guidance() {
    let exercise = twenty_items();
    let json = serde_json::to_string(&exercise.key()).expect("a key serialises");
    assert!(json.contains("ghjovedì"));
    assert!(!json.contains("Trois phrases"));
    let back: AnswerKey = serde_json::from_str(&json).expect("a key reads back");
    assert_eq!(back, exercise.key());
    // The key read back scores as the one made on the server.
    let response = full_response();
    assert_eq!(score(&back, &response), score(&exercise.key(), &response));
}

fn order_of(paper: &Paper, item: &str) -> Vec<String> {
    let item = paper
        .items
        .iter()
        .find(|i| i.id.as_str() == item)
        .expect("an item");
    match &item.kind {
        PaperKind::Ordering { cards } => cards.iter().map(|c| c.id.to_string()).collect(),
        PaperKind::Matching { right, .. } => right.iter().map(|c| c.id.to_string()).collect(),
        PaperKind::Categorising { cards, .. } => cards.iter().map(|c| c.id.to_string()).collect(),
        PaperKind::SingleChoice { choices } | PaperKind::MultipleChoice { choices } => {
            choices.iter().map(|c| c.id.to_string()).collect()
        }
        other => panic!("{other:?}"),
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn cards_are_shuffled_the_same_way_for_the_same_seed() {
    let exercise = twenty_items();
    assert_eq!(exercise.paper(11), exercise.paper(11));
    // Across seeds the orders differ, and an ordering never comes out right.
    let mut orders = std::collections::BTreeSet::new();
    for seed in 0..200 {
        let paper = exercise.paper(seed);
        let order = order_of(&paper, "q08");
        assert_ne!(order, ["a", "b", "c", "d"], "seed {seed}");
        orders.insert(order);
        let mut right = order_of(&paper, "q07");
        right.sort();
        assert_eq!(right, ["r1", "r2", "r3", "r4"]);
        // Choices stay as written unless the teacher asked for a shuffle.
        assert_eq!(order_of(&paper, "q01"), ["a", "b", "c"]);
    }
    assert!(orders.len() > 10, "{orders:?}");
    // Shuffled choices too.
    let shuffled: std::collections::BTreeSet<Vec<String>> = (0..50)
        .map(|seed| order_of(&exercise.paper(seed), "q13"))
        .collect();
    assert!(shuffled.len() > 1);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_same_seed_gives_the_same_paper_on_every_platform() {
    // Fixed orders: a change of the generator would reshuffle every pupil's saved paper.
    let paper = twenty_items().paper(2026);
    assert_eq!(
        [
            order_of(&paper, "q07"),
            order_of(&paper, "q08"),
            order_of(&paper, "q09"),
            order_of(&paper, "q13"),
        ],
        EXPECTED_2026.map(|ids| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    );
}

const EXPECTED_2026: [&[&str]; 4] = [
    &["r3", "r2", "r1", "r4"],
    &["a", "c", "d", "b"],
    &["d", "c", "b", "a"],
    &["a", "c", "b"],
];

use super::fixtures::{full_response, twenty_items};
use super::*;
use Status::*;

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_twenty_item_fixture_scores_item_by_item() {
    let exercise = twenty_items();
    assert_eq!(exercise.problems(), []);
    assert_eq!(exercise.items.len(), 20);
    for item_type in ItemType::ALL {
        assert!(
            exercise
                .items
                .iter()
                .any(|item| item.item_type() == item_type),
            "{item_type:?}"
        );
    }
    let response = full_response();
    assert_eq!(response.check(&exercise.paper(42)), Ok(()));
    let outcome = score(&exercise.key(), &response).expect("the response fits");
    let got: Vec<(&str, u32, Status)> = outcome
        .items
        .iter()
        .map(|item| (item.item.as_str(), item.earned.hundredths(), item.status))
        .collect();
    assert_eq!(
        got,
        [
            ("q01", 100, Correct),
            ("q02", 100, Partial), // 2 right, 1 wrong: (2 − 1) / 2 of 2 points
            ("q03", 50, Correct),
            ("q04", 100, Correct), // decomposed ì, capital G
            ("q05", 100, Partial), // one gap of two
            ("q06", 150, Correct), // 10,0 m2
            ("q07", 200, Partial), // two pairs of three
            ("q08", 133, Partial), // L = 3 of 4: 2/3 of 2 points
            ("q09", 150, Partial), // three cards of four
            ("q10", 356, Partial), // 9 words, "u" missing: 8/9 of 4 points
            ("q11", 0, AwaitingTeacher),
            ("q12", 0, AwaitingTeacher),
            ("q13", 100, Correct),
            ("q14", 33, Partial),  // 2/3 − 1/2 = 1/6 of 2 points
            ("q15", 100, Correct), // 3,14 within 0.1 % of 3.1416
            ("q16", 100, Correct), // chevaus: a forgiven typo
            ("q17", 100, Partial), // one gap of three right (so ≠ sò)
            ("q18", 50, Partial),  // two positions of four
            ("q19", 50, Correct),
            ("q20", 200, Correct),
        ]
    );
    assert_eq!(outcome.max, exercise.max_points());
    assert_eq!(outcome.max, Points::from_hundredths(3550));
    assert_eq!(
        outcome.earned,
        outcome.items.iter().map(|item| item.earned).sum()
    );
    assert_eq!(outcome.awaiting_teacher, Points::from_hundredths(500));
}

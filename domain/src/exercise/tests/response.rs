use super::fixtures::{full_response, twenty_items};
use super::*;

fn with(item: &str, answer: Answer) -> Response {
    Response {
        answers: [(id(item), answer)].into_iter().collect(),
    }
}

fn text(t: &str) -> String {
    t.to_owned()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_response_that_does_not_fit_its_paper_is_an_error_not_a_panic() {
    use AnswerProblem::*;
    let exercise = twenty_items();
    let paper = exercise.paper(7);
    let key = exercise.key();
    let long = "a".repeat(MAX_ANSWER_CHARS + 1);
    for (item, answer, problem) in [
        ("q99", Answer::TrueFalse { value: true }, UnknownItem),
        (
            "q01",
            Answer::TrueFalse { value: true },
            WrongType {
                expected: ItemType::SingleChoice,
            },
        ),
        (
            "q01",
            Answer::SingleChoice { choice: id("z") },
            UnknownChoice { choice: id("z") },
        ),
        (
            "q02",
            Answer::MultipleChoice {
                choices: ids(&["a", "z"]).into_iter().collect(),
            },
            UnknownChoice { choice: id("z") },
        ),
        (
            "q05",
            Answer::Cloze {
                gaps: vec![None, None, None],
            },
            GapCount {
                expected: 2,
                found: 3,
            },
        ),
        (
            "q05",
            Answer::Cloze {
                gaps: vec![Some(GapAnswer::Chosen { option: id("a") }), None],
            },
            GapType { gap: 0 },
        ),
        (
            "q05",
            Answer::Cloze {
                gaps: vec![None, Some(GapAnswer::Chosen { option: id("z") })],
            },
            UnknownChoice { choice: id("z") },
        ),
        (
            "q07",
            Answer::Matching {
                pairs: [(id("r1"), id("l1"))].into_iter().collect(),
            },
            UnknownCard { card: id("r1") },
        ),
        (
            "q08",
            Answer::Ordering {
                order: ids(&["a", "b", "c"]),
            },
            NotAnOrder,
        ),
        (
            "q08",
            Answer::Ordering {
                order: ids(&["a", "b", "c", "c"]),
            },
            NotAnOrder,
        ),
        (
            "q08",
            Answer::Ordering {
                order: ids(&["a", "b", "c", "z"]),
            },
            UnknownCard { card: id("z") },
        ),
        (
            "q09",
            Answer::Categorising {
                placed: [(id("a"), id("fish"))].into_iter().collect(),
            },
            UnknownCategory {
                category: id("fish"),
            },
        ),
        (
            "q11",
            Answer::FreeText {
                text: text("Un paese"),
                audio: Some(id("recordings/x.webm")),
            },
            AudioNotAccepted,
        ),
        (
            "q12",
            Answer::FreeText {
                text: text("Un paese"),
                audio: None,
            },
            TextNotAccepted,
        ),
        ("q04", Answer::ShortText { text: long.clone() }, TooLong),
        ("q10", Answer::Dictation { text: long }, TooLong),
    ] {
        let response = with(item, answer);
        let expected = ResponseError {
            item: id(item),
            problem: problem.clone(),
        };
        assert_eq!(response.check(&paper), Err(expected.clone()), "{problem:?}");
        assert_eq!(score(&key, &response).err(), Some(expected), "{problem:?}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn drafts_and_empty_answers_fit_and_score_as_unanswered() {
    let exercise = twenty_items();
    let paper = exercise.paper(7);
    let empty = Response {
        answers: [
            ("q02", Answer::MultipleChoice { choices: [].into() }),
            ("q04", Answer::ShortText { text: text(" ") }),
            ("q05", Answer::Cloze { gaps: Vec::new() }),
            ("q08", Answer::Ordering { order: Vec::new() }),
            (
                "q11",
                Answer::FreeText {
                    text: String::new(),
                    audio: None,
                },
            ),
        ]
        .into_iter()
        .map(|(item, answer)| (id(item), answer))
        .collect(),
    };
    for response in [Response::default(), empty] {
        assert_eq!(response.check(&paper), Ok(()));
        let outcome = score(&exercise.key(), &response).expect("an empty response fits");
        assert!(
            outcome
                .items
                .iter()
                .all(|item| item.status == Status::Unanswered && item.earned == Points::ZERO)
        );
        assert_eq!(outcome.earned, Points::ZERO);
        assert_eq!(outcome.awaiting_teacher, Points::ZERO);
        assert_eq!(outcome.max, exercise.max_points());
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_draft_reads_back_as_it_was_saved() {
    let response = full_response();
    let json = serde_json::to_string(&response).expect("a response serialises");
    let back: Response = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(back, response);
    assert_eq!(back.check(&twenty_items().paper(1)), Ok(()));
    // Ids in a saved draft are checked as they are read.
    let bad = r#"{"answers":{"q 1":{"type":"true_false","value":true}}}"#;
    assert!(serde_json::from_str::<Response>(bad).is_err());
    let unknown_type = r#"{"answers":{"q1":{"type":"essay","text":""}}}"#;
    assert!(serde_json::from_str::<Response>(unknown_type).is_err());
}

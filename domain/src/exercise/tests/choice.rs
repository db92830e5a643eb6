use super::*;
use Status::*;

fn choices() -> ItemKind {
    ItemKind::SingleChoice(SingleChoice {
        choices: vec![
            Choice {
                id: id("a"),
                text: "Aiacciu".to_owned(),
                credit: Percent::FULL,
                feedback: Some("Iè !".to_owned()),
            },
            Choice {
                id: id("b"),
                text: "Aiaccio".to_owned(),
                credit: Percent::new(50).expect("a percentage"),
                feedback: Some("C'est le nom français.".to_owned()),
            },
            Choice {
                id: id("c"),
                text: "Bastia".to_owned(),
                credit: Percent::ZERO,
                feedback: Some("Bastia est en Haute-Corse.".to_owned()),
            },
        ],
        shuffle: false,
    })
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_single_choice_earns_the_credit_of_the_choice_picked() {
    let kind = choices();
    let pick = |c: &str| Some(Answer::SingleChoice { choice: id(c) });
    for (answer, earned, status) in [
        (pick("a"), 100, Correct),
        (pick("b"), 50, Partial),
        (pick("c"), 0, Wrong),
        (None, 0, Unanswered),
    ] {
        assert_scores(&kind, answer, earned, status);
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_picked_choice_feedback_comes_first_then_the_status_then_the_general() {
    let mut exercise = one_item(choices());
    exercise.items[0].feedback = Feedback {
        general: Some("Aiacciu est la préfecture.".to_owned()),
        correct: Some("Bravo.".to_owned()),
        partial: Some("Presque.".to_owned()),
        wrong: Some("Non.".to_owned()),
    };
    let feedback = |c: Option<&str>| {
        outcome(&exercise, c.map(|c| Answer::SingleChoice { choice: id(c) })).feedback
    };
    assert_eq!(
        feedback(Some("c")),
        [
            "Bastia est en Haute-Corse.",
            "Non.",
            "Aiacciu est la préfecture."
        ]
    );
    assert_eq!(
        feedback(Some("b")),
        [
            "C'est le nom français.",
            "Presque.",
            "Aiacciu est la préfecture."
        ]
    );
    assert_eq!(
        feedback(Some("a")),
        ["Iè !", "Bravo.", "Aiacciu est la préfecture."]
    );
    assert_eq!(feedback(None), ["Aiacciu est la préfecture."]);
    let detail = outcome(&exercise, Some(Answer::SingleChoice { choice: id("c") })).detail;
    assert_eq!(
        detail,
        Detail::SingleChoice {
            chosen: Some(id("c")),
            best: vec![id("a")]
        }
    );
}

/// Two correct boxes (a, c) and two others (b, d).
fn boxes(penalty: Penalty) -> ItemKind {
    let checkbox = |i: &str, correct| Checkbox {
        id: id(i),
        text: i.to_owned(),
        correct,
        feedback: (i == "b").then(|| "« rapide » est un adjectif.".to_owned()),
    };
    ItemKind::MultipleChoice(MultipleChoice {
        choices: vec![
            checkbox("a", true),
            checkbox("b", false),
            checkbox("c", true),
            checkbox("d", false),
        ],
        penalty,
        shuffle: false,
    })
}

fn ticks(ticked: &[&str]) -> Option<Answer> {
    Some(Answer::MultipleChoice {
        choices: ids(ticked).into_iter().collect(),
    })
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn wrong_ticks_cost_what_the_penalty_says_and_never_below_zero() {
    use Penalty::*;
    for (penalty, ticked, earned, status) in [
        (WrongCancelsRight, &["a", "c"][..], 100, Correct),
        (WrongCancelsRight, &["a"], 50, Partial),
        (WrongCancelsRight, &["a", "b", "c"], 50, Partial),
        (WrongCancelsRight, &["a", "b"], 0, Wrong),
        (WrongCancelsRight, &["a", "b", "c", "d"], 0, Wrong),
        (WrongCancelsRight, &["b", "d"], 0, Wrong), // −2 floored at 0
        (WrongCancelsRight, &[], 0, Unanswered),
        (Proportional, &["a", "c"], 100, Correct),
        (Proportional, &["a"], 50, Partial),
        (Proportional, &["a", "b", "c"], 50, Partial), // 1 − 1/2
        (Proportional, &["a", "b"], 0, Wrong),         // 1/2 − 1/2
        (Proportional, &["a", "b", "c", "d"], 0, Wrong), // everything ticked
        (Proportional, &["d"], 0, Wrong),              // −1/2 floored at 0
        (AllOrNothing, &["a", "c"], 100, Correct),
        (AllOrNothing, &["a"], 0, Wrong),
        (AllOrNothing, &["a", "b", "c"], 0, Wrong),
    ] {
        let got = outcome(&one_item(boxes(penalty)), ticks(ticked));
        assert_eq!(
            (got.earned.hundredths(), got.status),
            (earned, status),
            "{penalty:?} {ticked:?}"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn each_box_says_whether_it_was_ticked_and_should_have_been() {
    let got = outcome(&one_item(boxes(Penalty::default())), ticks(&["a", "b"]));
    let marks: Vec<(&str, bool, bool)> = match &got.detail {
        Detail::MultipleChoice { choices } => choices
            .iter()
            .map(|m| (m.choice.as_str(), m.ticked, m.correct))
            .collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        marks,
        [
            ("a", true, true),
            ("b", true, false),
            ("c", false, true),
            ("d", false, false)
        ]
    );
    assert_eq!(got.feedback, ["« rapide » est un adjectif."]);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn true_or_false() {
    for (answer, given, earned, status) in [
        (true, Some(true), 100, Correct),
        (true, Some(false), 0, Wrong),
        (false, Some(false), 100, Correct),
        (false, Some(true), 0, Wrong),
        (true, None, 0, Unanswered),
    ] {
        let kind = ItemKind::TrueFalse(TrueFalse { answer });
        assert_scores(
            &kind,
            given.map(|value| Answer::TrueFalse { value }),
            earned,
            status,
        );
    }
}

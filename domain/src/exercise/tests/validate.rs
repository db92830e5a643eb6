use super::fixtures::twenty_items;
use super::*;

/// The fixture with item `q` changed by `change`, and the problems found in that item.
fn problems_of(item: &str, change: impl FnOnce(&mut ItemKind)) -> Vec<ItemProblem> {
    let mut exercise = twenty_items();
    let target: ItemId = id(item);
    let found = exercise
        .items
        .iter_mut()
        .find(|i| i.id == target)
        .expect("a fixture item");
    change(&mut found.kind);
    exercise
        .problems()
        .into_iter()
        .map(|problem| match problem {
            Problem::Item { item, problem } if item == target => problem,
            other => panic!("{other:?}"),
        })
        .collect()
}

fn decimal(raw: &str) -> Decimal {
    raw.parse().expect("a number")
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn an_exercise_lists_what_is_wrong_with_it() {
    let mut exercise = twenty_items();
    exercise.title = " ".to_owned();
    exercise.items[1].id = id("q01");
    exercise.items[2].points = Points::ZERO;
    assert_eq!(
        exercise.problems(),
        [
            Problem::NoTitle,
            Problem::DuplicateItem { item: id("q01") },
            Problem::Item {
                item: id("q03"),
                problem: ItemProblem::ZeroPoints
            },
        ]
    );
    exercise.items.clear();
    assert_eq!(exercise.problems(), [Problem::NoTitle, Problem::NoItems]);
}

/// A change that breaks an item.
type Change = Box<dyn FnOnce(&mut ItemKind)>;

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn each_kind_of_item_has_its_problems() {
    use ItemProblem::*;
    let choices = |problem| Choices { problem };
    let answers = |problem| Answers { problem };
    let cards = |problem| Cards { problem };
    let cases: Vec<(&str, Change, Vec<ItemProblem>)> = vec![
        (
            "q01",
            Box::new(|kind| {
                if let ItemKind::SingleChoice(item) = kind {
                    item.choices
                        .iter_mut()
                        .for_each(|c| c.credit = Percent::ZERO);
                    item.choices[1].id = id("a");
                    item.choices[2].text = String::new();
                }
            }),
            vec![
                choices(ChoicesProblem::Duplicate { choice: id("a") }),
                choices(ChoicesProblem::Empty { choice: id("c") }),
                choices(ChoicesProblem::NoCorrect),
            ],
        ),
        (
            "q02",
            Box::new(|kind| {
                if let ItemKind::MultipleChoice(item) = kind {
                    item.choices.truncate(1);
                    item.choices[0].correct = false;
                }
            }),
            vec![
                choices(ChoicesProblem::TooFew),
                choices(ChoicesProblem::NoCorrect),
            ],
        ),
        (
            "q04",
            Box::new(|kind| {
                if let ItemKind::ShortText(item) = kind {
                    item.answers.clear();
                }
            }),
            vec![answers(AnswersProblem::NoAnswer)],
        ),
        (
            "q04",
            Box::new(|kind| {
                if let ItemKind::ShortText(item) = kind {
                    item.answers[0].variants.push(" ".to_owned());
                    item.answers[0].credit = Percent::new(50).expect("a percentage");
                }
            }),
            vec![
                answers(AnswersProblem::Blank { answer: 0 }),
                answers(AnswersProblem::NoFullCredit),
            ],
        ),
        (
            "q05",
            Box::new(|kind| {
                if let ItemKind::Cloze(item) = kind {
                    item.parts[1] = ClozePart::TypedGap {
                        answers: Vec::new(),
                    };
                    item.parts[3] = ClozePart::ChoiceGap {
                        options: Vec::new(),
                    };
                }
            }),
            vec![
                GapAnswers {
                    gap: 0,
                    problem: AnswersProblem::NoAnswer,
                },
                GapOptions {
                    gap: 1,
                    problem: ChoicesProblem::TooFew,
                },
                GapOptions {
                    gap: 1,
                    problem: ChoicesProblem::NoCorrect,
                },
            ],
        ),
        (
            "q05",
            Box::new(|kind| {
                if let ItemKind::Cloze(item) = kind {
                    item.parts.retain(|p| matches!(p, ClozePart::Text { .. }));
                }
            }),
            vec![NoGap],
        ),
        (
            "q06",
            Box::new(|kind| {
                if let ItemKind::Numeric(item) = kind {
                    item.answers[0].tolerance = Tolerance::Absolute {
                        margin: decimal("-0.1"),
                    };
                    item.answers.push(NumericAnswer {
                        value: Decimal::ZERO,
                        tolerance: Tolerance::Relative {
                            percent: decimal("5"),
                        },
                        credit: Percent::ZERO,
                        feedback: None,
                    });
                    item.unit = Some(Unit {
                        symbol: String::new(),
                        variants: Vec::new(),
                        required: false,
                    });
                }
            }),
            vec![
                NegativeTolerance { answer: 0 },
                RelativeToleranceAroundZero { answer: 1 },
                EmptyUnit,
            ],
        ),
        (
            "q06",
            Box::new(|kind| {
                if let ItemKind::Numeric(item) = kind {
                    item.answers.clear();
                }
            }),
            vec![answers(AnswersProblem::NoAnswer)],
        ),
        (
            "q07",
            Box::new(|kind| {
                if let ItemKind::Matching(item) = kind {
                    item.pairs.truncate(1);
                    item.distractors[0].id = id("l1");
                }
            }),
            vec![
                cards(CardsProblem::TooFew),
                cards(CardsProblem::Duplicate { card: id("l1") }),
            ],
        ),
        (
            "q08",
            Box::new(|kind| {
                if let ItemKind::Ordering(item) = kind {
                    item.cards[1].text = "\u{00A0}".to_owned();
                }
            }),
            vec![cards(CardsProblem::Empty { card: id("b") })],
        ),
        (
            "q09",
            Box::new(|kind| {
                if let ItemKind::Categorising(item) = kind {
                    item.categories.truncate(1);
                    item.categories[0].name = String::new();
                    item.categories[0].cards.truncate(1);
                }
            }),
            vec![
                TooFewCategories,
                EmptyCategoryName {
                    category: id("mammals"),
                },
                cards(CardsProblem::TooFew),
            ],
        ),
        (
            "q10",
            Box::new(|kind| {
                if let ItemKind::Dictation(item) = kind {
                    item.text = " « … » ".to_owned();
                }
            }),
            vec![EmptyDictation],
        ),
        (
            "q10",
            Box::new(|kind| {
                if let ItemKind::Dictation(item) = kind {
                    item.text = "parolla ".repeat(MAX_DICTATION_WORDS + 1);
                }
            }),
            vec![DictationTooLong {
                words: MAX_DICTATION_WORDS + 1,
            }],
        ),
        (
            "q10",
            Box::new(|kind| {
                if let ItemKind::Dictation(item) = kind {
                    item.audio = None;
                }
            }),
            vec![NoRecording],
        ),
    ];
    for (item, change, expected) in cases {
        assert_eq!(problems_of(item, change), expected, "{item}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn out_of_range_values_are_refused_as_they_are_read() {
    assert!(Percent::new(101).is_err());
    assert!(serde_json::from_str::<Percent>("101").is_err());
    assert!(serde_json::from_str::<Decimal>(r#""1e3""#).is_err());
    assert!(serde_json::from_str::<ItemId>(r#""""#).is_err());
    assert!(serde_json::from_str::<FileRef>(r#""""#).is_err());
    assert_eq!(
        "q 1".parse::<ItemId>(),
        Err(InvalidId::Character { character: ' ' })
    );
    assert_eq!("q1".repeat(40).parse::<ItemId>(), Err(InvalidId::TooLong));
    assert!("Q-1_a.b".parse::<ItemId>().is_ok());
}

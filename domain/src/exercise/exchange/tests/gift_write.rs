use super::*;
use crate::exercise::exchange::gift::{NotExported, Unexpressible};
use crate::exercise::fixtures::twenty_items;
use crate::exercise::{
    Accepts, Card, Checkbox, Choice, Cloze, ClozePart, Decimal, Exercise, Feedback, FreeText,
    Matching, MultipleChoice, Numeric, NumericAnswer, Pair, Penalty, Percent, Points, ShortText,
    SingleChoice, TextAnswer, TextMatching, Tolerance, TrueFalse, Unit,
};
use std::str::FromStr;

fn round_trip(exercise: &Exercise) -> (Report, Vec<NotExported>, String) {
    let (text, left_out) = gift::export(exercise);
    let report = gift::import(&text, &defaults()).unwrap_or_else(|e| panic!("{e}\n{text}"));
    (report, left_out, text)
}

/// `exercise` without the items GIFT leaves out.
fn expressible(exercise: &Exercise, left_out: &[NotExported]) -> Exercise {
    let mut kept = exercise.clone();
    kept.items
        .retain(|item| !left_out.iter().any(|gone| gone.item == item.id));
    kept
}

fn id<T: FromStr>(raw: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    raw.parse().expect("an identifier")
}

#[test]
fn the_twenty_item_fixture_comes_back_but_what_gift_cannot_ask() {
    let exercise = twenty_items();
    let (report, left_out, text) = round_trip(&exercise);
    let gone: Vec<(&str, &Unexpressible)> = left_out
        .iter()
        .map(|n| (n.item.as_str(), &n.reason))
        .collect();
    use crate::exercise::ItemType::*;
    assert_eq!(
        gone,
        [
            ("q05", &Unexpressible::Gaps { gaps: 2 }),
            (
                "q08",
                &Unexpressible::Kind {
                    item_type: Ordering
                }
            ),
            (
                "q09",
                &Unexpressible::Kind {
                    item_type: Categorising
                }
            ),
            (
                "q10",
                &Unexpressible::Kind {
                    item_type: Dictation
                }
            ),
            ("q12", &Unexpressible::Spoken),
            ("q17", &Unexpressible::Gaps { gaps: 3 }),
            (
                "q18",
                &Unexpressible::Kind {
                    item_type: Ordering
                }
            ),
        ]
    );
    assert_eq!(report.refused(), 0, "{text}");
    assert_eq!(
        report.exercise.as_ref(),
        Some(&expressible(&exercise, &left_out)),
        "{text}"
    );
    assert!(
        report.items.iter().all(|item| item.notes.is_empty()),
        "{report:#?}"
    );
}

/// Texts GIFT, Markdown or both read as markup, and Corsican.
const TRICKY: &[&str] = &[
    "ghjovedì",
    "l’acqua hè fresca",
    "a {b} c ~ d = e # f : g",
    "\\ backslash \\\\ two, \\n not a line break, \\* star",
    "%50% off",
    "[html] <b>not</b> bold",
    "[x] a box",
    "line one\nline two\n\n  - an indented item",
    "**gras** _it_ `code`",
    "::title:: and $CATEGORY: in the middle",
    "$CATEGORY: first",
    "// not a comment",
    "#### not general feedback",
    "&amp; stays &amp;",
    "T",
    "TRUE",
    "=",
    "{",
    "50 %",
    "100..5",
    "3:2",
    "a*b",
];

fn text(raw: &str) -> String {
    raw.to_owned()
}

fn exercise_with(t: &str) -> Exercise {
    let item = |n: usize, kind: ItemKind| Item {
        id: id(&format!("q{n}")),
        prompt: format!("{t} ({n})"),
        points: Points::from_hundredths(100 * u32::try_from(n).unwrap_or(1)),
        feedback: Feedback {
            general: Some(text(t)),
            correct: Some(format!("{t}!")),
            partial: Some(format!("{t}?")),
            wrong: Some(format!("no {t}")),
        },
        kind,
    };
    let choice = |c: &str, credit: u8| Choice {
        id: id(c),
        text: format!("{t} {c}"),
        credit: Percent::new(credit).expect("a percent"),
        feedback: Some(format!("{c}: {t}")),
    };
    let typed = |extra: &str| TextAnswer {
        text: format!("{t}{extra}"),
        variants: vec![format!("{t}{extra} variant"), "ghjovi".to_owned()],
        matching: TextMatching {
            case_sensitive: true,
            accent_sensitive: false,
            typos: true,
        },
        credit: Percent::new(60).expect("a percent"),
        feedback: Some(text(t)),
    };
    Exercise {
        title: format!("Titre : {t}"),
        language: LanguageTag::from(Lang::Co),
        statement: Some(format!("{t} — statement")),
        items: vec![
            item(1, ItemKind::TrueFalse(TrueFalse { answer: true })),
            item(
                2,
                ItemKind::SingleChoice(SingleChoice {
                    choices: vec![choice("x", 100), choice("y", 33), choice("z", 0)],
                    shuffle: false,
                }),
            ),
            item(
                3,
                ItemKind::MultipleChoice(MultipleChoice {
                    choices: ["k", "l", "m"]
                        .iter()
                        .enumerate()
                        .map(|(i, c)| Checkbox {
                            id: id(c),
                            text: format!("{t} {c}"),
                            correct: i != 1,
                            feedback: None,
                        })
                        .collect(),
                    penalty: Penalty::AllOrNothing,
                    shuffle: true,
                }),
            ),
            item(
                4,
                ItemKind::ShortText(ShortText {
                    answers: vec![TextAnswer::new(format!("{t} right")), typed(" half")],
                }),
            ),
            item(
                5,
                ItemKind::Numeric(Numeric {
                    answers: vec![
                        NumericAnswer {
                            value: "-12.5".parse().expect("a number"),
                            tolerance: Tolerance::Relative {
                                percent: "2".parse().expect("a number"),
                            },
                            credit: Percent::FULL,
                            feedback: Some(text(t)),
                        },
                        NumericAnswer {
                            value: "3.14159".parse().expect("a number"),
                            tolerance: Tolerance::Absolute {
                                margin: "0.01".parse().expect("a number"),
                            },
                            credit: Percent::new(50).expect("a percent"),
                            feedback: None,
                        },
                    ],
                    unit: Some(Unit {
                        symbol: "m²".to_owned(),
                        variants: vec!["m2".to_owned()],
                        required: true,
                    }),
                }),
            ),
            item(
                6,
                ItemKind::Matching(Matching {
                    pairs: vec![
                        Pair {
                            left: Card {
                                id: id("casa"),
                                text: format!("{t} casa"),
                            },
                            right: Card {
                                id: id("maison"),
                                text: format!("{t} maison -> house"),
                            },
                        },
                        Pair {
                            left: Card {
                                id: id("acqua"),
                                text: text("acqua"),
                            },
                            right: Card {
                                id: id("eau"),
                                text: format!("eau {t}"),
                            },
                        },
                    ],
                    distractors: vec![Card {
                        id: id("vin"),
                        text: text(t),
                    }],
                }),
            ),
            item(
                7,
                ItemKind::FreeText(FreeText {
                    accepts: Accepts::TextOrAudio,
                    guidance: Some(format!("{t} guidance")),
                }),
            ),
            item(
                8,
                ItemKind::Cloze(Cloze {
                    parts: vec![
                        ClozePart::Text {
                            text: format!("{t} before "),
                        },
                        ClozePart::ChoiceGap {
                            options: vec![choice("p", 100), choice("q", 100)],
                        },
                        ClozePart::Text {
                            text: format!(" after {t}"),
                        },
                    ],
                }),
            ),
            item(
                9,
                ItemKind::Cloze(Cloze {
                    parts: vec![
                        ClozePart::TypedGap {
                            answers: vec![typed(""), TextAnswer::new("hè")],
                        },
                        ClozePart::Text {
                            text: format!(" {t}."),
                        },
                    ],
                }),
            ),
        ],
    }
}

#[test]
fn every_kind_gift_asks_comes_back_whatever_its_texts() {
    for t in TRICKY {
        let exercise = exercise_with(t);
        let (report, left_out, gift) = round_trip(&exercise);
        let arrow = t.contains("->");
        assert!(left_out.is_empty() || arrow, "{t}: {left_out:?}");
        assert_eq!(
            report.exercise.as_ref(),
            Some(&expressible(&exercise, &left_out)),
            "{t}\n{gift}"
        );
        assert!(report.notes.is_empty(), "{t}: {:?}", report.notes);
    }
}

#[test]
fn an_arrow_in_a_left_card_or_a_typed_answer_cannot_be_written() {
    let mut exercise = exercise_with("a -> b");
    exercise
        .items
        .retain(|item| matches!(item.kind, ItemKind::Matching(_) | ItemKind::ShortText(_)));
    let (_, left_out) = gift::export(&exercise);
    let reasons: Vec<&Unexpressible> = left_out.iter().map(|n| &n.reason).collect();
    assert_eq!(reasons, [&Unexpressible::Arrow, &Unexpressible::Arrow]);
}

#[test]
fn penalties_come_back_from_weights_or_extras() {
    for penalty in [
        Penalty::WrongCancelsRight,
        Penalty::Proportional,
        Penalty::AllOrNothing,
    ] {
        for correct in [
            vec![true, false],
            vec![true, true, false, false],
            vec![true, true, true, false, false],
            vec![true, false, false, false, false, false, false],
            vec![true, true, true],
        ] {
            let exercise = one(ItemKind::MultipleChoice(MultipleChoice {
                choices: correct
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| Checkbox {
                        id: crate::exercise::exchange::build::choice_id(i),
                        text: format!("box {i}"),
                        correct: c,
                        feedback: None,
                    })
                    .collect(),
                penalty,
                shuffle: true,
            }));
            let (report, _, text) = round_trip(&exercise);
            assert_eq!(report.exercise, Some(exercise), "{text}");
        }
    }
}

fn one(kind: ItemKind) -> Exercise {
    Exercise {
        title: "Un".to_owned(),
        language: LanguageTag::from(Lang::Fr),
        statement: None,
        items: vec![Item {
            id: id("q"),
            prompt: "Coche.".to_owned(),
            points: Points::from_hundredths(100),
            feedback: Feedback::default(),
            kind,
        }],
    }
}

#[test]
fn items_at_moodles_defaults_need_no_scola_comment() {
    let exercise = Exercise {
        title: "Import".to_owned(),
        language: LanguageTag::from(Lang::Fr),
        statement: None,
        items: vec![
            Item {
                id: id("jeudi"),
                prompt: "Comment dit-on « jeudi » en corse ?".to_owned(),
                points: Points::from_hundredths(100),
                feedback: Feedback {
                    general: Some("Ghjovi, dinù.".to_owned()),
                    correct: None,
                    partial: None,
                    wrong: Some("Pensa à ghjovi.".to_owned()),
                },
                kind: ItemKind::ShortText(ShortText {
                    answers: vec![TextAnswer::new("ghjovedì"), TextAnswer::new("ghjovi")],
                }),
            },
            Item {
                id: id("capitale"),
                prompt: "A capitale di a Corsica hè Aiacciu.".to_owned(),
                points: Points::from_hundredths(100),
                feedback: Feedback {
                    correct: Some("Iè.".to_owned()),
                    wrong: Some("Innò, hè Aiacciu.".to_owned()),
                    ..Feedback::default()
                },
                kind: ItemKind::TrueFalse(TrueFalse { answer: true }),
            },
            Item {
                id: id("choix"),
                prompt: "L’eau ?".to_owned(),
                points: Points::from_hundredths(100),
                feedback: Feedback::default(),
                kind: ItemKind::SingleChoice(SingleChoice {
                    choices: vec![
                        Choice {
                            id: id("a"),
                            text: "acqua".to_owned(),
                            credit: Percent::FULL,
                            feedback: Some("Iè !".to_owned()),
                        },
                        Choice {
                            id: id("b"),
                            text: "vinu".to_owned(),
                            credit: Percent::ZERO,
                            feedback: None,
                        },
                    ],
                    shuffle: true,
                }),
            },
            Item {
                id: id("pi"),
                prompt: "π à 0,01 près".to_owned(),
                points: Points::from_hundredths(100),
                feedback: Feedback::default(),
                kind: ItemKind::Numeric(Numeric {
                    answers: vec![NumericAnswer {
                        value: Decimal::from_str("3.14").expect("a number"),
                        tolerance: Tolerance::Absolute {
                            margin: Decimal::from_str("0.01").expect("a number"),
                        },
                        credit: Percent::FULL,
                        feedback: None,
                    }],
                    unit: None,
                }),
            },
        ],
    };
    let (report, left_out, text) = round_trip(&exercise);
    assert!(left_out.is_empty());
    assert!(!text.contains("// scola {"), "{text}");
    assert_eq!(report.exercise, Some(exercise), "{text}");
}

#[test]
fn extras_that_no_longer_fit_are_ignored_with_a_note() {
    let exercise = one(ItemKind::SingleChoice(SingleChoice {
        choices: vec![
            Choice {
                id: id("oui"),
                text: "oui".to_owned(),
                credit: Percent::FULL,
                feedback: None,
            },
            Choice {
                id: id("non"),
                text: "non".to_owned(),
                credit: Percent::ZERO,
                feedback: None,
            },
        ],
        shuffle: false,
    }));
    let (text, _) = gift::export(&exercise);
    // A teacher adds a third choice by hand: the two ids no longer fit three choices.
    let edited = text.replace("\t~non", "\t~non\n\t~peut-être");
    let report = gift::import(&edited, &defaults()).expect("reads");
    assert_eq!(report.items[0].notes, [Note::ExtrasIgnored]);
    let ItemKind::SingleChoice(single) = kind(&report, "q") else {
        panic!()
    };
    let ids: Vec<&str> = single.choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert!(single.shuffle);
    // Unreadable extras too.
    let broken = text.replace("// scola {", "// scola {oops");
    let report = gift::import(&broken, &defaults()).expect("reads");
    assert_eq!(report.items[0].notes, [Note::ExtrasIgnored]);
}

#[test]
fn cloze_items_gift_cannot_hold() {
    let gap = ClozePart::TypedGap {
        answers: vec![TextAnswer::new("hè")],
    };
    let at_end = one(ItemKind::Cloze(Cloze {
        parts: vec![
            ClozePart::Text {
                text: "L'acqua ".to_owned(),
            },
            gap.clone(),
        ],
    }));
    let (_, left_out) = gift::export(&at_end);
    assert_eq!(left_out[0].reason, Unexpressible::GapAtEnd);
}

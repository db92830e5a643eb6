//! A realistic exercise of 20 items (every kind at least once) and a response to all of them,
//! some right, some partly, some wrong: what the tests use, and what a benchmark times when it
//! scores "a 20-item exercise" natively or compiled to WebAssembly (feature `fixtures`).

use super::*;
use std::fmt::Debug;
use std::str::FromStr;

fn id<T: FromStr>(raw: &str) -> T
where
    T::Err: Debug,
{
    raw.parse().expect("fixture identifiers are valid")
}

fn percent(value: u8) -> Percent {
    Percent::new(value).expect("fixture percentages are at most 100")
}

fn item(item_id: &str, prompt: &str, hundredths: u32, kind: ItemKind) -> Item {
    Item {
        id: id(item_id),
        prompt: prompt.to_owned(),
        points: Points::from_hundredths(hundredths),
        feedback: Feedback::default(),
        kind,
    }
}

fn choice(choice_id: &str, text: &str, credit: u8) -> Choice {
    Choice {
        id: id(choice_id),
        text: text.to_owned(),
        credit: percent(credit),
        feedback: None,
    }
}

fn checkbox(choice_id: &str, text: &str, correct: bool) -> Checkbox {
    Checkbox {
        id: id(choice_id),
        text: text.to_owned(),
        correct,
        feedback: None,
    }
}

fn card(card_id: &str, text: &str) -> Card {
    Card {
        id: id(card_id),
        text: text.to_owned(),
    }
}

fn pair(left: (&str, &str), right: (&str, &str)) -> Pair {
    Pair {
        left: card(left.0, left.1),
        right: card(right.0, right.1),
    }
}

fn text(text: &str) -> ClozePart {
    ClozePart::Text {
        text: text.to_owned(),
    }
}

fn typed_gap(answers: &[&str]) -> ClozePart {
    ClozePart::TypedGap {
        answers: answers.iter().map(|&a| TextAnswer::new(a)).collect(),
    }
}

fn decimal(raw: &str) -> Decimal {
    raw.parse().expect("fixture numbers are valid")
}

fn numeric(value: &str, tolerance: Tolerance, unit: Option<Unit>) -> ItemKind {
    ItemKind::Numeric(Numeric {
        answers: vec![NumericAnswer {
            value: decimal(value),
            tolerance,
            credit: Percent::FULL,
            feedback: None,
        }],
        unit,
    })
}

fn category(category_id: &str, name: &str, cards: Vec<Card>) -> Category {
    Category {
        id: id(category_id),
        name: name.to_owned(),
        cards,
    }
}

/// A mixed French and Corsican exercise, 20 items, every kind at least once.
pub fn twenty_items() -> Exercise {
    let mut capital = item(
        "q01",
        "Quelle est la préfecture de la Corse-du-Sud ?",
        100,
        ItemKind::SingleChoice(SingleChoice {
            choices: vec![
                choice("a", "Aiacciu", 100),
                choice("b", "Bastia", 0),
                Choice {
                    feedback: Some("Corti fut la capitale de Pasquale Paoli.".to_owned()),
                    ..choice("c", "Corti", 0)
                },
            ],
            shuffle: false,
        }),
    );
    capital.feedback.general = Some("Aiacciu est aussi la capitale régionale.".to_owned());
    let jeudi = TextAnswer {
        variants: vec!["ghjovi".to_owned()],
        ..TextAnswer::new("ghjovedì")
    };
    Exercise {
        title: "Révisions : la Corse, les mots et les nombres".to_owned(),
        language: LanguageTag::from(crate::lang::Lang::Fr),
        statement: Some("Réponds à chaque question. Les accents comptent.".to_owned()),
        items: vec![
            capital,
            item(
                "q02",
                "Coche les verbes.",
                200,
                ItemKind::MultipleChoice(MultipleChoice {
                    choices: vec![
                        checkbox("a", "manger", true),
                        checkbox("b", "rapide", false),
                        checkbox("c", "courir", true),
                        checkbox("d", "maison", false),
                    ],
                    penalty: Penalty::WrongCancelsRight,
                    shuffle: true,
                }),
            ),
            item(
                "q03",
                "L'eau bout à 100 °C au niveau de la mer.",
                50,
                ItemKind::TrueFalse(TrueFalse { answer: true }),
            ),
            item(
                "q04",
                "Comment dit-on « jeudi » en corse ?",
                100,
                ItemKind::ShortText(ShortText {
                    answers: vec![jeudi],
                }),
            ),
            item(
                "q05",
                "Complète.",
                200,
                ItemKind::Cloze(Cloze {
                    parts: vec![
                        text("L'acqua "),
                        typed_gap(&["hè"]),
                        text(" fresca è "),
                        ClozePart::ChoiceGap {
                            options: vec![choice("a", "limpida", 100), choice("b", "limpidu", 0)],
                        },
                        text("."),
                    ],
                }),
            ),
            item(
                "q06",
                "Aire d'un rectangle de 2,5 m sur 4 m ?",
                150,
                numeric(
                    "10",
                    Tolerance::default(),
                    Some(Unit {
                        symbol: "m²".to_owned(),
                        variants: vec!["m2".to_owned()],
                        required: true,
                    }),
                ),
            ),
            item(
                "q07",
                "Associe chaque mot corse à sa traduction.",
                300,
                ItemKind::Matching(Matching {
                    pairs: vec![
                        pair(("l1", "casa"), ("r1", "maison")),
                        pair(("l2", "acqua"), ("r2", "eau")),
                        pair(("l3", "pane"), ("r3", "pain")),
                    ],
                    distractors: vec![card("r4", "vin")],
                }),
            ),
            item(
                "q08",
                "Range ces événements dans l'ordre.",
                200,
                ItemKind::Ordering(Ordering {
                    cards: vec![
                        card("a", "Indépendance de la Corse (1755)"),
                        card("b", "Traité de Versailles (1768)"),
                        card("c", "Naissance de Napoléon (1769)"),
                        card("d", "Création de deux départements (1976)"),
                    ],
                    credit: OrderCredit::LongestSequence,
                }),
            ),
            item(
                "q09",
                "Classe ces animaux.",
                200,
                ItemKind::Categorising(Categorising {
                    categories: vec![
                        category(
                            "mammals",
                            "Mammifères",
                            vec![card("a", "mouflon"), card("b", "sanglier")],
                        ),
                        category(
                            "birds",
                            "Oiseaux",
                            vec![card("c", "gypaète"), card("d", "sittelle")],
                        ),
                    ],
                }),
            ),
            item(
                "q10",
                "Écris la phrase que tu entends.",
                400,
                ItemKind::Dictation(Dictation {
                    audio: Some(id("audio/dictee-10.ogg")),
                    text: "Ghjovi, l'acqua di u fiume era fresca è limpida.".to_owned(),
                    matching: TextMatching::default(),
                }),
            ),
            item(
                "q11",
                "Décris ton village en quelques phrases.",
                300,
                ItemKind::FreeText(FreeText {
                    accepts: Accepts::Text,
                    guidance: Some("Trois phrases, un adjectif au moins.".to_owned()),
                }),
            ),
            item(
                "q12",
                "Leghji à voce alta : « A muntagna hè bella. »",
                200,
                ItemKind::FreeText(FreeText {
                    accepts: Accepts::Audio,
                    guidance: None,
                }),
            ),
            item(
                "q13",
                "Combien de côtés a un hexagone ?",
                100,
                ItemKind::SingleChoice(SingleChoice {
                    choices: vec![
                        choice("a", "5", 0),
                        choice("b", "6", 100),
                        choice("c", "8", 0),
                    ],
                    shuffle: true,
                }),
            ),
            item(
                "q14",
                "Coche les nombres premiers.",
                200,
                ItemKind::MultipleChoice(MultipleChoice {
                    choices: vec![
                        checkbox("a", "2", true),
                        checkbox("b", "9", false),
                        checkbox("c", "11", true),
                        checkbox("d", "15", false),
                        checkbox("e", "17", true),
                    ],
                    penalty: Penalty::Proportional,
                    shuffle: false,
                }),
            ),
            item(
                "q15",
                "Donne une valeur approchée de π.",
                100,
                numeric(
                    "3.1416",
                    Tolerance::Relative {
                        percent: decimal("0.1"),
                    },
                    None,
                ),
            ),
            item(
                "q16",
                "Quel est le pluriel de « cheval » ?",
                100,
                ItemKind::ShortText(ShortText {
                    answers: vec![TextAnswer {
                        matching: TextMatching {
                            typos: true,
                            ..TextMatching::default()
                        },
                        ..TextAnswer::new("chevaux")
                    }],
                }),
            ),
            item(
                "q17",
                "Conjugue « essere » au présent.",
                300,
                ItemKind::Cloze(Cloze {
                    parts: vec![
                        text("eiu "),
                        typed_gap(&["sò"]),
                        text(", tù "),
                        typed_gap(&["sì"]),
                        text(", ellu "),
                        typed_gap(&["hè"]),
                    ],
                }),
            ),
            item(
                "q18",
                "Range du plus petit au plus grand.",
                100,
                ItemKind::Ordering(Ordering {
                    cards: vec![
                        card("a", "0,09"),
                        card("b", "0,1"),
                        card("c", "0,25"),
                        card("d", "1,2"),
                    ],
                    credit: OrderCredit::Positions,
                }),
            ),
            item(
                "q19",
                "Le Monte Cintu est plus bas que le Monte Rotondu.",
                50,
                ItemKind::TrueFalse(TrueFalse { answer: false }),
            ),
            item(
                "q20",
                "Associe chaque pays à sa capitale.",
                200,
                ItemKind::Matching(Matching {
                    pairs: vec![
                        pair(("fr", "France"), ("paris", "Paris")),
                        pair(("it", "Italie"), ("rome", "Rome")),
                        pair(("es", "Espagne"), ("madrid", "Madrid")),
                        pair(("pt", "Portugal"), ("lisbon", "Lisbonne")),
                    ],
                    distractors: Vec::new(),
                }),
            ),
        ],
    }
}

fn ids<T: FromStr>(raw: &[&str]) -> Vec<T>
where
    T::Err: Debug,
{
    raw.iter().map(|&r| id(r)).collect()
}

/// A response to every item of [`twenty_items`], as a pupil could give it.
pub fn full_response() -> Response {
    let text = |t: &str| t.to_owned();
    let answers = [
        ("q01", Answer::SingleChoice { choice: id("a") }),
        (
            "q02",
            Answer::MultipleChoice {
                choices: ids(&["a", "b", "c"]).into_iter().collect(),
            },
        ),
        ("q03", Answer::TrueFalse { value: true }),
        (
            "q04",
            Answer::ShortText {
                text: text("Ghjovedi\u{0300}"),
            },
        ),
        (
            "q05",
            Answer::Cloze {
                gaps: vec![
                    Some(GapAnswer::Typed { text: text("hè") }),
                    Some(GapAnswer::Chosen { option: id("b") }),
                ],
            },
        ),
        (
            "q06",
            Answer::Numeric {
                text: text("10,0 m2"),
            },
        ),
        (
            "q07",
            Answer::Matching {
                pairs: [("l1", "r1"), ("l2", "r2"), ("l3", "r4")]
                    .into_iter()
                    .map(|(l, r)| (id(l), id(r)))
                    .collect(),
            },
        ),
        (
            "q08",
            Answer::Ordering {
                order: ids(&["a", "c", "b", "d"]),
            },
        ),
        (
            "q09",
            Answer::Categorising {
                placed: [
                    ("a", "mammals"),
                    ("b", "mammals"),
                    ("c", "birds"),
                    ("d", "mammals"),
                ]
                .into_iter()
                .map(|(c, g)| (id(c), id(g)))
                .collect(),
            },
        ),
        (
            "q10",
            Answer::Dictation {
                text: text("Ghjovi l’acqua di fiume era fresca è limpida"),
            },
        ),
        (
            "q11",
            Answer::FreeText {
                text: text("U mo paese hè chjucu. Ci sò trè chjese."),
                audio: None,
            },
        ),
        (
            "q12",
            Answer::FreeText {
                text: String::new(),
                audio: Some(id("recordings/pupil-42-q12.webm")),
            },
        ),
        ("q13", Answer::SingleChoice { choice: id("b") }),
        (
            "q14",
            Answer::MultipleChoice {
                choices: ids(&["a", "c", "d"]).into_iter().collect(),
            },
        ),
        ("q15", Answer::Numeric { text: text("3,14") }),
        (
            "q16",
            Answer::ShortText {
                text: text("chevaus"),
            },
        ),
        (
            "q17",
            Answer::Cloze {
                gaps: vec![
                    Some(GapAnswer::Typed { text: text("so") }),
                    Some(GapAnswer::Typed { text: text("sì") }),
                    None,
                ],
            },
        ),
        (
            "q18",
            Answer::Ordering {
                order: ids(&["b", "a", "c", "d"]),
            },
        ),
        ("q19", Answer::TrueFalse { value: false }),
        (
            "q20",
            Answer::Matching {
                pairs: [
                    ("fr", "paris"),
                    ("it", "rome"),
                    ("es", "madrid"),
                    ("pt", "lisbon"),
                ]
                .into_iter()
                .map(|(l, r)| (id(l), id(r)))
                .collect(),
            },
        ),
    ];
    Response {
        answers: answers
            .into_iter()
            .map(|(item, answer)| (id(item), answer))
            .collect(),
    }
}

//! What the generated teachers write and their pupils answer: 20-item exercises mixing every
//! kind of item (numbers drawn per exercise, Corsican vocabulary with its northern and southern
//! spellings, dictations, a free answer for the teacher to score), in French or, in Corsican
//! lessons, entirely in Corsican; and a pupil's answers to any exercise, right or wrong as a
//! pupil of a given skill would give them. Seeded, like the rest of the plan.

use domain::exercise::{
    Accepts, Answer, Card, Categorising, Category, Checkbox, Choice, Cloze, ClozePart, Dictation,
    Exercise, FreeText, GapAnswer, Item, ItemKind, LanguageTag, Matching, MultipleChoice, Numeric,
    NumericAnswer, OrderCredit, Ordering, Pair, Penalty, Percent, Points, Response, ShortText,
    SingleChoice, TextAnswer, TextMatching, Tolerance, TrueFalse, Unit,
};
use domain::lang::Lang;
use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::str::FromStr;

/// Words a Corsican lesson asks for: French, Corsican, other accepted spellings.
const WORDS: &[(&str, &str, &[&str])] = &[
    ("maison", "casa", &[]),
    ("eau", "acqua", &[]),
    ("pain", "pane", &[]),
    ("montagne", "muntagna", &[]),
    ("mer", "mare", &[]),
    ("soleil", "sole", &[]),
    ("jour", "ghjornu", &[]),
    ("nuit", "notte", &[]),
    ("chien", "cane", &[]),
    ("chat", "ghjattu", &["gattu"]),
    ("fleur", "fiore", &["fiori"]),
    ("arbre", "arburu", &["alburu"]),
    ("village", "paese", &[]),
    ("école", "scola", &[]),
    ("livre", "libru", &[]),
    ("ami", "amicu", &[]),
    ("frère", "fratellu", &["frateddu"]),
    ("sœur", "surella", &["suredda"]),
    ("jeudi", "ghjovi", &["ghjovedì"]),
    ("cheval", "cavallu", &["cavaddu"]),
    ("châtaigne", "castagna", &[]),
    ("fromage", "casgiu", &[]),
];

/// Sentences read aloud for a dictation, in each language.
const DICTATIONS_FR: &[&str] = &[
    "Le vent souffle sur la montagne et les bergers rentrent au village.",
    "Ce matin, la mer était calme et les bateaux sont sortis du port.",
    "Les châtaignes ramassées en automne donnent une farine très douce.",
];
const DICTATIONS_CO: &[&str] = &[
    "L'acqua di u fiume era fresca è limpida.",
    "Ghjovi andaremu in paese cù i nostri amichi.",
    "A muntagna hè bella quandu u sole si ne và.",
];

/// The kinds of one exercise, every kind at least once: 20 items.
const KINDS: [Kind; 20] = [
    Kind::SingleChoice,
    Kind::SingleChoice,
    Kind::SingleChoice,
    Kind::MultipleChoice,
    Kind::MultipleChoice,
    Kind::TrueFalse,
    Kind::TrueFalse,
    Kind::TrueFalse,
    Kind::ShortText,
    Kind::ShortText,
    Kind::Cloze,
    Kind::Cloze,
    Kind::Numeric,
    Kind::Numeric,
    Kind::Numeric,
    Kind::Matching,
    Kind::Ordering,
    Kind::Categorising,
    Kind::Dictation,
    Kind::FreeText,
];

#[derive(Clone, Copy, Debug)]
enum Kind {
    SingleChoice,
    MultipleChoice,
    TrueFalse,
    ShortText,
    Cloze,
    Numeric,
    Matching,
    Ordering,
    Categorising,
    Dictation,
    FreeText,
}

/// Identifiers the generator makes are valid by construction.
fn id<T: FromStr>(raw: &str) -> T
where
    T::Err: Debug,
{
    raw.parse().expect("generated identifiers are valid")
}

fn card(card_id: &str, text: impl Into<String>) -> Card {
    Card {
        id: id(card_id),
        text: text.into(),
    }
}

fn choice(choice_id: &str, text: impl Into<String>, credit: Percent) -> Choice {
    Choice {
        id: id(choice_id),
        text: text.into(),
        credit,
        feedback: None,
    }
}

/// The one text of a prompt in the exercise's language.
fn say(co: bool, fr: &str, corsican: &str) -> String {
    if co { corsican } else { fr }.to_owned()
}

/// Distinct numbers in `range`, `n` of them.
fn distinct(rng: &mut StdRng, n: usize, range: std::ops::Range<u32>) -> Vec<u32> {
    let mut all: Vec<u32> = range.collect();
    all.shuffle(rng);
    all.truncate(n);
    all
}

/// An exercise of 20 items by a teacher of `subject` (its name), number `n` of theirs; in
/// Corsican when `co`.
pub fn write(rng: &mut StdRng, subject: &str, n: usize, co: bool) -> Exercise {
    let mut kinds = KINDS;
    kinds.shuffle(rng);
    let items = kinds
        .iter()
        .enumerate()
        .map(|(i, &kind)| item(rng, kind, &format!("q{:02}", i + 1), co))
        .collect();
    Exercise {
        title: if co {
            format!("{subject} : eserciziu {n}")
        } else {
            format!("{subject} : exercice {n}")
        },
        language: LanguageTag::from(if co { Lang::Co } else { Lang::Fr }),
        statement: Some(say(
            co,
            "Réponds à chaque question. Les accents comptent.",
            "Rispondi à ogni quistione. L'accenti contanu.",
        )),
        items,
    }
}

fn item(rng: &mut StdRng, kind: Kind, item_id: &str, co: bool) -> Item {
    let (prompt, points, kind) = match kind {
        Kind::SingleChoice => {
            let (a, b) = (rng.gen_range(3..13_u32), rng.gen_range(3..13_u32));
            let right = a * b;
            let choices = vec![
                choice("a", right.to_string(), Percent::FULL),
                choice("b", (right + a).to_string(), Percent::ZERO),
                choice("c", (right - 1).to_string(), Percent::ZERO),
            ];
            (
                format!("{} {a} × {b} ?", say(co, "Combien font", "Quantu face")),
                100,
                ItemKind::SingleChoice(SingleChoice {
                    choices,
                    shuffle: true,
                }),
            )
        }
        Kind::MultipleChoice => {
            let k = rng.gen_range(3..8_u32);
            let m = rng.gen_range(2..9_u32);
            let mut numbers = vec![k * m, k * m + 1];
            let others: Vec<u32> = distinct(rng, 3, 10..60)
                .into_iter()
                .filter(|n| !numbers.contains(n))
                .collect();
            numbers.extend(others);
            numbers.shuffle(rng);
            let choices = numbers
                .iter()
                .enumerate()
                .map(|(i, &n)| Checkbox {
                    id: id(&format!("c{i}")),
                    text: n.to_string(),
                    correct: n % k == 0,
                    feedback: None,
                })
                .collect();
            (
                format!(
                    "{} {k}.",
                    say(co, "Coche les multiples de", "Marca i multiplici di")
                ),
                200,
                ItemKind::MultipleChoice(MultipleChoice {
                    choices,
                    penalty: Penalty::WrongCancelsRight,
                    shuffle: true,
                }),
            )
        }
        Kind::TrueFalse => {
            let n = rng.gen_range(10..200_u32);
            (
                format!(
                    "{n} {}",
                    say(co, "est un nombre pair.", "hè un numeru paru.")
                ),
                50,
                ItemKind::TrueFalse(TrueFalse { answer: n % 2 == 0 }),
            )
        }
        Kind::ShortText => {
            let (fr, corsican, variants) = WORDS[rng.gen_range(0..WORDS.len())];
            let answer = TextAnswer {
                variants: variants.iter().map(|v| (*v).to_owned()).collect(),
                matching: TextMatching {
                    typos: rng.gen_bool(0.5),
                    ..TextMatching::default()
                },
                ..TextAnswer::new(corsican)
            };
            (
                if co {
                    format!("Cumu si dice « {fr} » in corsu ?")
                } else {
                    format!("Comment dit-on « {fr} » en corse ?")
                },
                100,
                ItemKind::ShortText(ShortText {
                    answers: vec![answer],
                }),
            )
        }
        Kind::Cloze => {
            let picked = distinct(rng, 3, 0..WORDS.len() as u32);
            let [typed, chosen, wrong] = [0, 1, 2].map(|i| WORDS[picked[i] as usize]);
            let parts = vec![
                ClozePart::Text {
                    text: format!("« {} » {} ", typed.0, say(co, "se dit", "si dice")),
                },
                ClozePart::TypedGap {
                    answers: vec![TextAnswer {
                        variants: typed.2.iter().map(|v| (*v).to_owned()).collect(),
                        ..TextAnswer::new(typed.1)
                    }],
                },
                ClozePart::Text {
                    text: format!(", « {} » {} ", chosen.0, say(co, "se dit", "si dice")),
                },
                ClozePart::ChoiceGap {
                    options: vec![
                        choice("a", chosen.1, Percent::FULL),
                        choice("b", wrong.1, Percent::ZERO),
                    ],
                },
                ClozePart::Text {
                    text: ".".to_owned(),
                },
            ];
            (
                say(co, "Complète.", "Compie."),
                200,
                ItemKind::Cloze(Cloze { parts }),
            )
        }
        Kind::Numeric => {
            let side = rng.gen_range(2..40_u32);
            let half = rng.gen_bool(0.5);
            let (prompt, value, unit) = if half {
                (
                    format!(
                        "{} {side} ?",
                        say(co, "Quelle est la moitié de", "Quale hè a mità di")
                    ),
                    format!("{}.{}", side / 2, if side % 2 == 1 { "5" } else { "0" }),
                    None,
                )
            } else {
                (
                    format!(
                        "{} {side} cm ?",
                        say(
                            co,
                            "Périmètre d'un carré de côté",
                            "Perimetru d'un quadratu di latu"
                        )
                    ),
                    (4 * side).to_string(),
                    Some(Unit {
                        symbol: "cm".to_owned(),
                        variants: vec![],
                        required: false,
                    }),
                )
            };
            (
                prompt,
                150,
                ItemKind::Numeric(Numeric {
                    answers: vec![NumericAnswer {
                        value: id(&value),
                        tolerance: Tolerance::default(),
                        credit: Percent::FULL,
                        feedback: None,
                    }],
                    unit,
                }),
            )
        }
        Kind::Matching => {
            let picked = distinct(rng, 4, 0..WORDS.len() as u32);
            let pairs = picked[..3]
                .iter()
                .enumerate()
                .map(|(i, &w)| Pair {
                    left: card(&format!("l{i}"), WORDS[w as usize].1),
                    right: card(&format!("r{i}"), WORDS[w as usize].0),
                })
                .collect();
            (
                say(
                    co,
                    "Associe chaque mot corse à sa traduction.",
                    "Associa ogni parolla corsa à a so traduzzione.",
                ),
                300,
                ItemKind::Matching(Matching {
                    pairs,
                    distractors: vec![card("r9", WORDS[picked[3] as usize].0)],
                }),
            )
        }
        Kind::Ordering => {
            let mut numbers = distinct(rng, 4, 1..100);
            numbers.sort_unstable();
            let cards = numbers
                .iter()
                .enumerate()
                .map(|(i, n)| card(&format!("k{i}"), format!("{},{}", n / 10, n % 10)))
                .collect();
            (
                say(
                    co,
                    "Range du plus petit au plus grand.",
                    "Metti in ordine da u più chjucu à u più grande.",
                ),
                200,
                ItemKind::Ordering(Ordering {
                    cards,
                    credit: if rng.gen_bool(0.5) {
                        OrderCredit::LongestSequence
                    } else {
                        OrderCredit::Positions
                    },
                }),
            )
        }
        Kind::Categorising => {
            let numbers = distinct(rng, 4, 1..50);
            let (even, odd): (Vec<u32>, Vec<u32>) = numbers.iter().partition(|n| *n % 2 == 0);
            let cards = |list: &[u32]| -> Vec<Card> {
                list.iter()
                    .map(|n| card(&format!("n{n}"), n.to_string()))
                    .collect()
            };
            (
                say(co, "Classe ces nombres.", "Classa sti numeri."),
                200,
                ItemKind::Categorising(Categorising {
                    categories: vec![
                        Category {
                            id: id("even"),
                            name: say(co, "Pairs", "Pari"),
                            cards: cards(&even),
                        },
                        Category {
                            id: id("odd"),
                            name: say(co, "Impairs", "Dispari"),
                            cards: cards(&odd),
                        },
                    ],
                }),
            )
        }
        Kind::Dictation => {
            let sentences = if co { DICTATIONS_CO } else { DICTATIONS_FR };
            let n = rng.gen_range(0..sentences.len());
            (
                say(
                    co,
                    "Écris la phrase que tu entends.",
                    "Scrivi a frase chì tù senti.",
                ),
                400,
                ItemKind::Dictation(Dictation {
                    // A name, not a stored file: the generated region has no recordings.
                    audio: Some(
                        format!("audio/dictee-{n}.ogg")
                            .try_into()
                            .expect("generated file names are valid"),
                    ),
                    text: sentences[n].to_owned(),
                    matching: TextMatching::default(),
                }),
            )
        }
        Kind::FreeText => (
            say(co, "Explique ta méthode.", "Spiega u to metudu."),
            300,
            ItemKind::FreeText(FreeText {
                accepts: Accepts::Text,
                guidance: None,
            }),
        ),
    };
    Item {
        id: id(item_id),
        prompt,
        points: Points::from_hundredths(points),
        feedback: Default::default(),
        kind,
    }
}

/// A pupil's answers to the first `answered` items of `exercise`, each right with probability
/// `skill` (a typo, a wrong pick, a swapped card otherwise).
pub fn answer(rng: &mut StdRng, exercise: &Exercise, skill: f64, answered: usize) -> Response {
    let answers = exercise
        .items
        .iter()
        .take(answered)
        .map(|item| (item.id.clone(), answer_item(rng, &item.kind, skill)))
        .collect();
    Response { answers }
}

/// One letter less: a typo, or a wrong word when it is short.
fn misspelt(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    chars.pop();
    chars.into_iter().collect()
}

fn answer_item(rng: &mut StdRng, kind: &ItemKind, skill: f64) -> Answer {
    let mut right = || rng.gen_bool(skill);
    match kind {
        ItemKind::SingleChoice(item) => {
            let best = item
                .choices
                .iter()
                .position(|c| c.credit.is_full())
                .unwrap_or(0);
            let pick = if right() {
                best
            } else {
                (best + 1) % item.choices.len()
            };
            Answer::SingleChoice {
                choice: item.choices[pick].id.clone(),
            }
        }
        ItemKind::MultipleChoice(item) => Answer::MultipleChoice {
            choices: item
                .choices
                .iter()
                .filter(|c| c.correct == right())
                .map(|c| c.id.clone())
                .collect(),
        },
        ItemKind::TrueFalse(item) => Answer::TrueFalse {
            value: item.answer == right(),
        },
        ItemKind::ShortText(item) => {
            let text = &item.answers[0].text;
            Answer::ShortText {
                text: if right() {
                    text.clone()
                } else {
                    misspelt(text)
                },
            }
        }
        ItemKind::Cloze(item) => Answer::Cloze {
            gaps: item
                .gaps()
                .map(|gap| match gap {
                    ClozePart::TypedGap { answers } => Some(GapAnswer::Typed {
                        text: if right() {
                            answers[0].text.clone()
                        } else {
                            misspelt(&answers[0].text)
                        },
                    }),
                    ClozePart::ChoiceGap { options } => Some(GapAnswer::Chosen {
                        option: options[usize::from(!right())].id.clone(),
                    }),
                    ClozePart::Text { .. } => None,
                })
                .collect(),
        },
        ItemKind::Numeric(item) => {
            let value = item.answers[0].value.to_string().replace('.', ",");
            Answer::Numeric {
                text: if right() { value } else { format!("{value}1") },
            }
        }
        ItemKind::Matching(item) => Answer::Matching {
            pairs: item
                .pairs
                .iter()
                .map(|p| {
                    let to = if right() {
                        p.right.id.clone()
                    } else {
                        item.distractors
                            .first()
                            .map_or(p.right.id.clone(), |d| d.id.clone())
                    };
                    (p.left.id.clone(), to)
                })
                .collect(),
        },
        ItemKind::Ordering(item) => {
            let mut order: Vec<_> = item.cards.iter().map(|c| c.id.clone()).collect();
            if !right() {
                order.swap(0, 1);
            }
            Answer::Ordering { order }
        }
        ItemKind::Categorising(item) => {
            let mut placed = BTreeMap::new();
            for (c, category) in item.categories.iter().enumerate() {
                for card in &category.cards {
                    let other = &item.categories[(c + 1) % item.categories.len()];
                    let to = if right() { category } else { other };
                    placed.insert(card.id.clone(), to.id.clone());
                }
            }
            Answer::Categorising { placed }
        }
        ItemKind::Dictation(item) => {
            let mut words: Vec<&str> = item.text.split(' ').collect();
            if !right() {
                words.remove(words.len() / 2);
            }
            Answer::Dictation {
                text: words.join(" "),
            }
        }
        ItemKind::FreeText(_) => Answer::FreeText {
            text: "J'ai d'abord relu la question, puis j'ai vérifié mon calcul.".to_owned(),
            audio: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::exercise::{Detail, Status, score};
    use rand::SeedableRng;

    #[test]
    fn exercises_are_valid_and_answers_fit_their_papers() {
        let mut rng = StdRng::seed_from_u64(9);
        for n in 0..40 {
            let exercise = write(&mut rng, "Mathématiques", n, n % 3 == 0);
            assert_eq!(exercise.items.len(), 20);
            assert_eq!(exercise.problems(), vec![], "{exercise:?}");
            let response = answer(&mut rng, &exercise, 0.7, 20);
            response
                .check(&exercise.paper(n as u64))
                .expect("answers fit the paper");
            let outcome = score(&exercise.key(), &response).expect("scored");
            assert!(outcome.earned < outcome.max, "{outcome:?}");
        }
    }

    #[test]
    fn a_skilled_pupil_gets_everything_right_but_the_free_answer() {
        let mut rng = StdRng::seed_from_u64(3);
        let exercise = write(&mut rng, "Lingua corsa", 1, true);
        assert_eq!(exercise.language.as_str(), "co");
        let outcome =
            score(&exercise.key(), &answer(&mut rng, &exercise, 1.0, 20)).expect("scored");
        for item in &outcome.items {
            let expected = if matches!(item.detail, Detail::FreeText) {
                Status::AwaitingTeacher
            } else {
                Status::Correct
            };
            assert_eq!(item.status, expected, "{item:?}");
        }
        let poor = score(&exercise.key(), &answer(&mut rng, &exercise, 0.0, 20)).expect("scored");
        // Only typos forgiven earn anything.
        assert!(
            poor.earned.hundredths() * 4 < poor.max.hundredths(),
            "{poor:?}"
        );
    }
}

//! Table-driven tests of exercises. Every test is marked to run both natively (`cargo test`) and
//! compiled to wasm32 under node (the command is in `domain/Cargo.toml`), since scoring runs in
//! the browser and on the server and must agree.

mod bench;
mod cards;
mod choice;
mod dictation;
mod fixture;
mod json;
mod language;
mod numeric;
mod paper;
mod response;
mod text;
mod typed;
mod validate;

use super::*;
use std::fmt::Debug;
use std::str::FromStr;

pub(super) fn id<T: FromStr>(raw: &str) -> T
where
    T::Err: Debug,
{
    raw.parse().expect("a valid identifier")
}

pub(super) fn ids<T: FromStr + Ord>(raw: &[&str]) -> Vec<T>
where
    T::Err: Debug,
{
    raw.iter().map(|&r| id(r)).collect()
}

/// An exercise of one item `q`, worth one point.
pub(super) fn one_item(kind: ItemKind) -> Exercise {
    Exercise {
        title: "Test".to_owned(),
        language: LanguageTag::from(crate::lang::Lang::Co),
        statement: None,
        items: vec![Item {
            id: id("q"),
            prompt: "?".to_owned(),
            points: Points::from_hundredths(100),
            feedback: Feedback::default(),
            kind,
        }],
    }
}

/// The outcome of the one item of `exercise` given `answer` (or none).
pub(super) fn outcome(exercise: &Exercise, answer: Option<Answer>) -> ItemOutcome {
    let response = Response {
        answers: answer.into_iter().map(|a| (id("q"), a)).collect(),
    };
    let mut outcome = score(&exercise.key(), &response).expect("a response that fits");
    assert_eq!(outcome.items.len(), 1);
    outcome.items.remove(0)
}

/// Asserts the points (in hundredths, of 100) and status `answer` earns on `kind`.
#[track_caller]
pub(super) fn assert_scores(kind: &ItemKind, answer: Option<Answer>, earned: u32, status: Status) {
    let exercise = one_item(kind.clone());
    let got = outcome(&exercise, answer.clone());
    assert_eq!(
        (got.earned.hundredths(), got.status),
        (earned, status),
        "{answer:?}"
    );
    assert_eq!(got.max, Points::from_hundredths(100));
}

pub(super) fn typed(text: &str) -> Answer {
    Answer::ShortText {
        text: text.to_owned(),
    }
}

//! What an exercise's server function answered, said in the reader's language.

use crate::api::exercises::{ExerciseError, ExerciseProblem};
use crate::error::AppError;
use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, describe_error};
use domain::exercise::MarkError;
use domain::exercise::assignment::{Closed, MAX_ATTEMPTS, RulesProblem};
use domain::lang::Lang;
use leptos::prelude::*;

pub fn describe(lang: Lang, error: &ExerciseError) -> String {
    match error {
        ExerciseError::App(e) => describe_error(lang, e),
        ExerciseError::Area(problem) => match problem {
            ExerciseProblem::Closed(closed) => closed_message(*closed).text(lang),
            ExerciseProblem::Problems(_) => M::Problems.text(lang),
            ExerciseProblem::Rules(rules) => {
                let texts: Vec<String> =
                    rules.iter().map(|r| rule_message(*r).text(lang)).collect();
                texts.join(" ")
            }
            ExerciseProblem::AlreadyGiven => M::AlreadyGiven.text(lang),
            ExerciseProblem::Answers(_) => M::AnswerUnreadable.text(lang),
            ExerciseProblem::Files(files) => M::FilesNotYours {
                count: i64::try_from(files.len()).unwrap_or(i64::MAX),
            }
            .text(lang),
            // Said in full by the import screen (`exchange_text`), whose texts only teachers
            // download.
            ExerciseProblem::Import(_)
            | ExerciseProblem::NothingTaken
            | ExerciseProblem::UploadUnreadable => M::ImportFailed.text(lang),
            ExerciseProblem::Mark(problem) => mark_message(lang, problem),
        },
    }
}

fn mark_message(lang: Lang, problem: &MarkError) -> String {
    match problem {
        MarkError::NotHandedIn => M::MarkNotHandedIn,
        MarkError::NoSuchItem => M::MarkNoItem,
        MarkError::NotFree => M::MarkNotFree,
        MarkError::Unanswered => M::MarkUnanswered,
        MarkError::TooMany { max } => M::MarkTooMany {
            max: domain::locale::hundredths(lang, i64::from(max.hundredths())),
        },
    }
    .text(lang)
}

fn closed_message(closed: Closed) -> M {
    match closed {
        Closed::NotYetOpen => M::ClosedNotYetOpen,
        Closed::PastDue => M::ClosedPastDue,
        Closed::NoAttemptsLeft => M::ClosedNoAttemptsLeft,
        Closed::HandedIn => M::ClosedHandedIn,
    }
}

fn rule_message(problem: RulesProblem) -> M {
    match problem {
        RulesProblem::DueBeforeOpening => M::DueBeforeOpening,
        RulesProblem::Attempts => M::Attempts {
            max: i64::from(MAX_ATTEMPTS),
        },
        RulesProblem::AfterDueWithoutDue => M::AfterDueWithoutDue,
    }
}

/// The request never reached the server, or its answer was lost: the network, not the answers.
pub fn is_offline(error: &ExerciseError) -> bool {
    matches!(
        error,
        ExerciseError::App(AppError::Communication(_) | AppError::Busy)
    )
}

/// An error of a whole page or form, announced to screen readers.
#[component]
pub fn ExerciseBanner(#[prop(into)] error: Signal<Option<ExerciseError>>) -> impl IntoView {
    crate::components::area_error::area_banner(error)
}

pub use crate::components::area_error::when_loaded;

impl crate::components::area_error::Described for ExerciseError {
    fn describe(&self, lang: Lang) -> String {
        describe(lang, self)
    }
}

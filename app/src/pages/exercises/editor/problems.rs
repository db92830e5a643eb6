//! What is wrong with an exercise as written (`Exercise::problems`, the same check the server
//! makes), said in the reader's language.

use crate::i18n::Message;
use crate::i18n::msg::Exercises as M;
use domain::exercise::cloze_text::ClozeTextError;
use domain::exercise::{
    AnswersProblem, CardsProblem, ChoicesProblem, Exercise, ItemProblem, MAX_DICTATION_WORDS,
    Problem,
};
use domain::lang::Lang;

pub fn describe(lang: Lang, exercise: &Exercise, problem: &Problem) -> String {
    match problem {
        Problem::NoTitle => M::ProblemNoTitle.text(lang),
        Problem::NoItems => M::ProblemNoItems.text(lang),
        Problem::DuplicateItem { .. } => M::ProblemDuplicateItem.text(lang),
        Problem::Item { item, problem } => {
            let number = exercise
                .items
                .iter()
                .position(|i| i.id == *item)
                .map_or(0, |n| n + 1);
            M::ProblemItem {
                number: i64::try_from(number).unwrap_or(0),
                problem: item_problem(lang, problem),
            }
            .text(lang)
        }
    }
}

pub fn item_problem(lang: Lang, problem: &ItemProblem) -> String {
    let gap = |gap: usize, problem: String| {
        M::ProblemGap {
            gap: i64::try_from(gap + 1).unwrap_or(0),
            problem,
        }
        .text(lang)
    };
    match problem {
        ItemProblem::ZeroPoints => M::ProblemZeroPoints.text(lang),
        ItemProblem::Choices { problem } => choices(problem).text(lang),
        ItemProblem::Answers { problem } => answers(problem).text(lang),
        ItemProblem::NoGap => M::ProblemNoGap.text(lang),
        ItemProblem::GapAnswers { gap: n, problem } => gap(*n, answers(problem).text(lang)),
        ItemProblem::GapOptions { gap: n, problem } => gap(*n, choices(problem).text(lang)),
        ItemProblem::NegativeTolerance { .. } | ItemProblem::RelativeToleranceAroundZero { .. } => {
            M::ProblemTolerance.text(lang)
        }
        ItemProblem::EmptyUnit => M::ProblemEmptyUnit.text(lang),
        ItemProblem::Cards { problem } => match problem {
            CardsProblem::TooFew => M::ProblemTooFewCards,
            CardsProblem::Duplicate { .. } => M::ProblemDuplicate,
            CardsProblem::Empty { .. } => M::ProblemEmpty,
        }
        .text(lang),
        ItemProblem::TooFewCategories => M::ProblemTooFewCategories.text(lang),
        ItemProblem::DuplicateCategory { .. } => M::ProblemDuplicate.text(lang),
        ItemProblem::EmptyCategoryName { .. } => M::ProblemEmpty.text(lang),
        ItemProblem::EmptyDictation => M::ProblemEmptyDictation.text(lang),
        ItemProblem::NoRecording => M::ProblemNoRecording.text(lang),
        ItemProblem::DictationTooLong { .. } => M::ProblemDictationTooLong {
            max: i64::try_from(MAX_DICTATION_WORDS).unwrap_or(i64::MAX),
        }
        .text(lang),
    }
}

fn choices(problem: &ChoicesProblem) -> M {
    match problem {
        ChoicesProblem::TooFew => M::ProblemTooFewChoices,
        ChoicesProblem::Duplicate { .. } => M::ProblemDuplicate,
        ChoicesProblem::Empty { .. } => M::ProblemEmpty,
        ChoicesProblem::NoCorrect => M::ProblemNoCorrect,
    }
}

fn answers(problem: &AnswersProblem) -> M {
    match problem {
        AnswersProblem::NoAnswer => M::ProblemNoAnswer,
        AnswersProblem::Blank { .. } => M::ProblemBlankAnswer,
        AnswersProblem::NoFullCredit => M::ProblemNoFullCredit,
    }
}

pub fn cloze(error: ClozeTextError) -> M {
    match error {
        ClozeTextError::Unclosed { .. } => M::ClozeUnclosed,
        ClozeTextError::EmptyGap { .. } => M::ClozeEmptyGap,
        ClozeTextError::Unopened { .. } => M::ClozeUnopened,
        ClozeTextError::NoRightOption { .. } => M::ClozeNoRightOption,
    }
}

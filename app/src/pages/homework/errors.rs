//! What the homework functions answered, said in the reader's language.

use crate::api::homework::{HomeworkError, HomeworkProblem};
use crate::components::area_error::Described;
use crate::i18n::msg::Homework as M;
use crate::i18n::{Message, describe_error};
use domain::homework::{
    HandInError, HistoryError, HomeworkProblem as Invalid, TextProblem, WorkProblem,
};
use domain::lang::Lang;

impl Described for HomeworkError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            HomeworkError::App(e) => describe_error(lang, e),
            HomeworkError::Area(p) => problem(lang, p),
        }
    }
}

fn text(lang: Lang, p: &TextProblem) -> String {
    match p {
        TextProblem::Empty => M::ProblemEmpty.text(lang),
        TextProblem::TooLong { max } => M::ProblemTooLong {
            max: domain::locale::number(lang, i64::try_from(*max).unwrap_or(i64::MAX)),
        }
        .text(lang),
    }
}

fn problem(lang: Lang, p: &HomeworkProblem) -> String {
    match p {
        HomeworkProblem::LessonCancelled => M::ProblemCancelled.text(lang),
        HomeworkProblem::InvalidHomework(all) => all
            .iter()
            .map(|p| match p {
                Invalid::Text(t) => text(lang, t),
                Invalid::Attachments(_) => M::ProblemAttachments.text(lang),
                Invalid::DueBeforeSet => M::ProblemDueBefore.text(lang),
            })
            .collect::<Vec<_>>()
            .join(" "),
        HomeworkProblem::Revision(HistoryError::NotAuthor) => M::ProblemNotAuthor.text(lang),
        HomeworkProblem::Revision(_) | HomeworkProblem::SavesCrossed => {
            M::ProblemCrossed.text(lang)
        }
        HomeworkProblem::WorkOutsideLimits(w) => match w {
            WorkProblem::TextTooLong { max } => M::ProblemTooLong {
                max: domain::locale::number(lang, i64::try_from(*max).unwrap_or(i64::MAX)),
            }
            .text(lang),
            _ => M::ProblemWork {
                max: domain::locale::number(
                    lang,
                    i64::try_from(domain::homework::MAX_FILES).unwrap_or(i64::MAX),
                ),
            }
            .text(lang),
        },
        HomeworkProblem::HandInRefused(e) => match e {
            HandInError::NotOnline => M::ProblemNotOnline.text(lang),
            HandInError::Empty => M::ProblemNothing.text(lang),
            HandInError::AlreadyHandedIn | HandInError::NoResubmission => M::ProblemOnce.text(lang),
            HandInError::PastDeadline => M::ProblemPastDeadline.text(lang),
            HandInError::Returned => M::ProblemAlreadyReturned.text(lang),
            HandInError::NotHandedIn | HandInError::ReturnBeforeHandIn => {
                M::ProblemNotHandedIn.text(lang)
            }
            HandInError::Comment(t) => text(lang, t),
        },
        HomeworkProblem::FileNotYours => M::ProblemFile.text(lang),
        HomeworkProblem::DaysAsked { .. } => M::ProblemDays.text(lang),
    }
}

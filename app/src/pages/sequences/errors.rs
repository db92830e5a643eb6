//! What a sequence's server function answered, said in the reader's language.

use crate::api::sequences::{SequenceError, SequenceProblem};
use crate::components::area_error::Described;
use crate::i18n::msg::Sequences as M;
use crate::i18n::{Message, describe_error};
use crate::pages::file_problems::file_problem_text;
use domain::exercise::assignment::Closed;
use domain::lang::Lang;
use domain::sequence::archive::ArchiveProblem;
use domain::sequence::{MAX_STEPS, Problem, StepId};

impl Described for SequenceError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            SequenceError::App(e) => describe_error(lang, e),
            SequenceError::Area(problem) => problem_text(lang, problem, |id| i64::from(id.get())),
        }
    }
}

/// A problem said with step numbers as the reader counts them (`number` of a step's id).
pub fn problem_text(
    lang: Lang,
    problem: &SequenceProblem,
    number: impl Fn(StepId) -> i64,
) -> String {
    match problem {
        SequenceProblem::Problems(problems) => {
            let mut text = M::Problems.text(lang);
            for p in problems {
                text.push(' ');
                text.push_str(&written(*p, &number).text(lang));
            }
            text
        }
        SequenceProblem::Exercises(steps) => steps
            .iter()
            .map(|s| M::ProblemExercises { number: number(*s) }.text(lang))
            .collect::<Vec<_>>()
            .join(" "),
        SequenceProblem::Files(files) => M::ProblemFiles {
            count: i64::try_from(files.len()).unwrap_or(i64::MAX),
        }
        .text(lang),
        SequenceProblem::Rules(_) => M::Problems.text(lang),
        SequenceProblem::AlreadyGiven => M::ProblemAlreadyGiven.text(lang),
        SequenceProblem::Licence => M::ProblemLicence.text(lang),
        SequenceProblem::Closed(Closed::NotYetOpen) => M::ProblemNotYetOpen.text(lang),
        SequenceProblem::Closed(_) | SequenceProblem::NoSuchStep => M::ProblemNoSuchStep.text(lang),
        SequenceProblem::Archive(problem) => archive_text(lang, problem),
    }
}

/// Why an archive was refused (the archive's own step numbers: it is not open anywhere).
fn archive_text(lang: Lang, problem: &ArchiveProblem) -> String {
    match problem {
        ArchiveProblem::NotAZip => M::ArchiveNotZip.text(lang),
        ArchiveProblem::TooLarge => M::ArchiveTooLarge.text(lang),
        ArchiveProblem::NoManifest => M::ArchiveNoManifest.text(lang),
        ArchiveProblem::UnknownFormat => M::ArchiveUnknownFormat.text(lang),
        ArchiveProblem::Unreadable(file) => M::ArchiveUnreadable { file: file.clone() }.text(lang),
        ArchiveProblem::MissingExercise(step) => M::ArchiveMissingExercise {
            step: i64::from(step.get()),
        }
        .text(lang),
        ArchiveProblem::Problems => M::ArchiveProblems.text(lang),
        ArchiveProblem::Media { file, problem } => M::ArchiveMedia {
            file: file.clone(),
            reason: file_problem_text(lang, problem),
        }
        .text(lang),
    }
}

fn written(problem: Problem, number: impl Fn(StepId) -> i64) -> M {
    match problem {
        Problem::NoTitle => M::ProblemNoTitle,
        Problem::TitleTooLong => M::ProblemTitleTooLong,
        Problem::SummaryTooLong => M::ProblemSummaryTooLong,
        Problem::NoSteps => M::ProblemNoSteps,
        Problem::TooManySteps => M::ProblemTooManySteps {
            max: i64::try_from(MAX_STEPS).unwrap_or(i64::MAX),
        },
        Problem::DuplicateStep(s) => M::ProblemDuplicateStep {
            step: i64::from(s.get()),
        },
        Problem::StepWithoutTitle(s) => M::ProblemStepWithoutTitle { number: number(s) },
        Problem::StepTitleTooLong(s) => M::ProblemStepTitleTooLong { number: number(s) },
        Problem::EmptyLesson(s) => M::ProblemEmptyLesson { number: number(s) },
        Problem::LessonTooLong(s) => M::ProblemLessonTooLong { number: number(s) },
        Problem::NotAWebAddress(s) => M::ProblemNotAWebAddress { number: number(s) },
        Problem::TooManyCredits => M::ProblemTooManyCredits,
    }
}

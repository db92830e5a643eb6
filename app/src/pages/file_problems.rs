//! Why the server refused a file, said in the reader's language: a picture or a recording for
//! an exercise, a step's document, a sequence's archive.

use crate::i18n::Message;
use crate::i18n::msg::Files as F;
use domain::file::{FileProblem, FileUse};
use domain::homework::UploadError;
use domain::lang::Lang;

pub fn file_problem_text(lang: Lang, problem: &FileProblem) -> String {
    match problem {
        FileProblem::Empty
        | FileProblem::Part {
            problem: UploadError::Empty,
        } => F::Empty.text(lang),
        FileProblem::TooBig { max }
        | FileProblem::Part {
            problem: UploadError::TooLarge { max },
        } => F::TooBig {
            max: i64::try_from(max / (1024 * 1024)).unwrap_or(i64::MAX),
        }
        .text(lang),
        FileProblem::NotAccepted { usage } => match usage {
            FileUse::Audio | FileUse::AnswerAudio => F::NotAudio,
            FileUse::Image => F::NotImage,
            FileUse::Resource | FileUse::HandIn => F::NotResource,
            FileUse::Archive => F::NotArchive,
        }
        .text(lang),
        FileProblem::AttemptClosed => F::AttemptClosed.text(lang),
        FileProblem::Part { .. } => F::PartFailed.text(lang),
    }
}

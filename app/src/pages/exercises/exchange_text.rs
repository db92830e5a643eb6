//! What an import or an export says (`domain::exercise::exchange`), in the reader's language:
//! why a question was refused, what changed on the way in, why a file cannot be read, why GIFT
//! cannot hold an item.

use super::editor::problems::item_problem;
use super::editor::type_name;
use super::errors;
use crate::api::exercises::{ExerciseError, ExerciseProblem};
use crate::i18n::Message;
use crate::i18n::msg::ExercisesImport as M;
use domain::exercise::exchange::{FileNote, Format, ImportError, Note, Reason, Unexpressible};
use domain::lang::Lang;

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A size in megabytes, to the tenth, rounded up (a file just over the limit never reads as
/// the limit itself).
pub fn megabytes(lang: Lang, bytes: usize) -> String {
    let tenths = (bytes as u64).div_ceil(1024 * 1024 / 10);
    domain::locale::decimal(lang, i64::try_from(tenths).unwrap_or(i64::MAX), 1)
}

pub fn format_name(format: Format) -> M {
    match format {
        Format::Gift => M::FormatGift,
        Format::MoodleXml => M::FormatMoodleXml,
        Format::Qti => M::FormatQti,
    }
}

/// An error of the import or export screens: the file's own errors in full, the others as the
/// area says them.
pub fn describe(lang: Lang, error: &ExerciseError) -> String {
    match error {
        ExerciseError::Area(ExerciseProblem::Import(e)) => import_error(lang, e),
        ExerciseError::Area(ExerciseProblem::NothingTaken) => M::NothingTaken.text(lang),
        ExerciseError::Area(ExerciseProblem::UploadUnreadable) => M::UploadUnreadable.text(lang),
        other => errors::describe(lang, other),
    }
}

pub fn import_error(lang: Lang, error: &ImportError) -> String {
    match error {
        ImportError::TooLarge { bytes, max } => M::ErrorTooLarge {
            size: megabytes(lang, *bytes),
            max: megabytes(lang, *max),
        },
        ImportError::InvalidEncoding { offset } => M::ErrorInvalidEncoding {
            offset: count(*offset),
        },
        ImportError::UnsupportedEncoding { declared } => M::ErrorUnsupportedEncoding {
            declared: declared.clone(),
        },
        ImportError::Archive => M::ErrorArchive,
        ImportError::MalformedXml { line, column, .. } => M::ErrorMalformedXml {
            line: i64::from(*line),
            column: i64::from(*column),
        },
        ImportError::Dtd => M::ErrorDtd,
        ImportError::TooManyNodes { max } => M::ErrorTooManyNodes {
            max: i64::from(*max),
        },
        ImportError::TooDeep { max } => M::ErrorTooDeep { max: count(*max) },
        ImportError::TooManyQuestions { count: n, max } => M::ErrorTooManyQuestions {
            count: count(*n),
            max: count(*max),
        },
        ImportError::WrongRoot { found, expected } => M::ErrorWrongRoot {
            found: found.clone(),
            expected: expected.clone(),
        },
        ImportError::NoQuestions => M::ErrorNoQuestions,
    }
    .text(lang)
}

pub fn reason(lang: Lang, reason: &Reason) -> String {
    let s = |text: &String| text.clone();
    match reason {
        Reason::Description => M::ReasonDescription,
        Reason::Problems { problems } => {
            let texts: Vec<String> = problems.iter().map(|p| item_problem(lang, p)).collect();
            M::ReasonProblems {
                problems: texts.join(" "),
            }
        }
        Reason::UnsupportedQuestionType { name } => {
            M::ReasonUnsupportedQuestionType { name: s(name) }
        }
        Reason::UnsupportedInteraction { name } => {
            M::ReasonUnsupportedInteraction { name: s(name) }
        }
        Reason::UnsupportedContent { element } => M::ReasonUnsupportedContent {
            element: s(element),
        },
        Reason::NoInteraction => M::ReasonNoInteraction,
        Reason::SeveralInteractions => M::ReasonSeveralInteractions,
        Reason::Adaptive => M::ReasonAdaptive,
        Reason::Template => M::ReasonTemplate,
        Reason::CustomResponseProcessing => M::ReasonCustomResponseProcessing,
        Reason::UnknownTemplate { uri } => M::ReasonUnknownTemplate { uri: s(uri) },
        Reason::NoScoring => M::ReasonNoScoring,
        Reason::ResponseMismatch { declared } => M::ReasonResponseMismatch {
            declared: s(declared),
        },
        Reason::UnknownIdentifier { identifier } => M::ReasonUnknownIdentifier {
            identifier: s(identifier),
        },
        Reason::InvalidGrade { grade } => M::ReasonInvalidGrade { grade: s(grade) },
        Reason::NotANumber { text } => M::ReasonNotANumber { text: s(text) },
        Reason::Wildcard { answer } => M::ReasonWildcard { answer: s(answer) },
        Reason::CatchAllWithCredit => M::ReasonCatchAllWithCredit,
        Reason::BraceNotClosed => M::ReasonBraceNotClosed,
        Reason::BraceNotOpened => M::ReasonBraceNotOpened,
        Reason::SeveralAnswerBlocks => M::ReasonSeveralAnswerBlocks,
        Reason::MatchingWithoutArrow { answer } => {
            M::ReasonMatchingWithoutArrow { answer: s(answer) }
        }
        Reason::MalformedGap { text } => M::ReasonMalformedGap { text: s(text) },
        Reason::GapNotAlone { kind } => M::ReasonGapNotAlone { kind: s(kind) },
        Reason::UnsupportedGap { kind } => M::ReasonUnsupportedGap { kind: s(kind) },
        Reason::GapOutOfRange { gap } => M::ReasonGapOutOfRange { gap: count(*gap) },
        Reason::UnitConversion => M::ReasonUnitConversion,
        Reason::ManyToManyMatching => M::ReasonManyToManyMatching,
        Reason::UnmatchedCard { card } => M::ReasonUnmatchedCard { card: s(card) },
        Reason::TooManyParts { count: n, max } => M::ReasonTooManyParts {
            count: count(*n),
            max: count(*max),
        },
        Reason::Missing { element } => M::ReasonMissing {
            element: s(element),
        },
    }
    .text(lang)
}

pub fn note(lang: Lang, note: &Note) -> String {
    match note {
        Note::ApproximateScoring => M::NoteApproximateScoring,
        Note::CreditRounded => M::NoteCreditRounded,
        Note::NegativeCreditAsZero => M::NoteNegativeCreditAsZero,
        Note::MarkupRemoved => M::NoteMarkupRemoved,
        Note::MediaDropped { count: n } => M::NoteMediaDropped { count: count(*n) },
        Note::UnequalGapWeights => M::NoteUnequalGapWeights,
        Note::ShownAsDropDown => M::NoteShownAsDropDown,
        Note::FixedPositionsIgnored => M::NoteFixedPositionsIgnored,
        Note::AssociationAsMatching => M::NoteAssociationAsMatching,
        Note::MatchingAsCategorising => M::NoteMatchingAsCategorising,
        Note::ExtrasIgnored => M::NoteExtrasIgnored,
        Note::HintsDropped => M::NoteHintsDropped,
        Note::ResponseTemplateDropped => M::NoteResponseTemplateDropped,
    }
    .text(lang)
}

pub fn file_note(lang: Lang, note: &FileNote) -> String {
    match note {
        FileNote::CategoryIgnored { name } => M::FileNoteCategoryIgnored { name: name.clone() },
        FileNote::HeaderIgnored => M::FileNoteHeaderIgnored,
    }
    .text(lang)
}

pub fn unexpressible(lang: Lang, why: &Unexpressible) -> String {
    match why {
        Unexpressible::Kind { item_type } => M::UnexpressibleKind {
            kind: type_name(*item_type).text(lang),
        },
        Unexpressible::Gaps { gaps } => M::UnexpressibleGaps { gaps: count(*gaps) },
        Unexpressible::GapAtEnd => M::UnexpressibleGapAtEnd,
        Unexpressible::Arrow => M::UnexpressibleArrow,
        Unexpressible::Tolerance => M::UnexpressibleTolerance,
        Unexpressible::Spoken => M::UnexpressibleSpoken,
    }
    .text(lang)
}

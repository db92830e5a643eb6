//! Pedagogical sequences: teachers write them (`authoring`), give them to their classes and
//! groups and follow the pupils' progress (`assigning`), publish them to the library shared by
//! every school and copy colleagues' (`library`); pupils go through them and parents follow
//! (`doing`); a sequence travels to other instances as an open archive (`archive`). A sequence's exercise steps are given as exercises of their own, so doing them,
//! scoring them and reading their results is the exercises area's work.

pub mod archive;
pub mod assigning;
pub mod authoring;
pub mod doing;
mod error;
pub mod library;

pub use error::{SequenceError, SequenceProblem};

use crate::api::exercises::Score;
use domain::exercise::LanguageTag;
use domain::exercise::assignment::Rules;
use domain::ids::{
    AccountId, AssignmentId, ExerciseId, SchoolId, SequenceAssignmentId, SequenceId,
};
use domain::sequence::{Credit, Discipline, Level, Licence, Progress, Sequence, StepId, StepState};
use domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A sequence in its author's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SequenceSummary {
    pub id: SequenceId,
    pub title: String,
    pub language: LanguageTag,
    pub discipline: Discipline,
    pub level: Level,
    pub steps: u32,
    pub updated: Timestamp,
    pub published: bool,
    /// To how many groups it has been given.
    pub given: u32,
}

/// A sequence opened by its author.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthoredSequence {
    pub id: SequenceId,
    pub school: SchoolId,
    pub sequence: Sequence,
    pub published: bool,
    pub deleted: bool,
    /// To whom it was given, latest first.
    pub given: Vec<GivenSequence>,
}

/// An assignment of a sequence, as its author's editor lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenSequence {
    pub assignment: SequenceAssignmentId,
    pub group: String,
    pub rules: Rules,
}

/// What the library searches for; empty parts match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryQuery {
    pub text: String,
    pub discipline: Option<Discipline>,
    pub level: Option<Level>,
    pub language: Option<LanguageTag>,
}

/// A sequence of the library, as a search lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryEntry {
    pub id: SequenceId,
    pub title: String,
    pub language: LanguageTag,
    pub discipline: Discipline,
    pub level: Level,
    pub licence: Licence,
    pub steps: u32,
    pub author: String,
    pub school: String,
    pub published: Timestamp,
}

/// A sequence of the library opened to be read before copying it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedSequence {
    pub entry: LibraryEntry,
    pub sequence: Sequence,
    /// The titles of its exercises, with their number of items.
    pub exercises: Vec<ExerciseTitle>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseTitle {
    pub id: ExerciseId,
    pub title: String,
    pub items: u32,
}

/// A sequence given to a pupil, as their list (or their parent's) shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignedSequence {
    pub assignment: SequenceAssignmentId,
    pub title: String,
    pub group: String,
    pub rules: Rules,
    pub progress: Progress,
}

/// A given sequence as a pupil goes through it (or a parent or teacher reads a pupil's way).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journey {
    pub assignment: SequenceAssignmentId,
    pub pupil: AccountId,
    pub title: String,
    pub language: LanguageTag,
    pub summary: Option<String>,
    pub licence: Licence,
    pub credits: Vec<Credit>,
    pub rules: Rules,
    pub steps: Vec<JourneyStep>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourneyStep {
    pub id: StepId,
    pub title: String,
    pub content: StepContent,
    pub state: StepState,
}

/// A step as given: lessons and links as written, an exercise as the assignment to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StepContent {
    Lesson {
        text: String,
    },
    Link {
        url: String,
    },
    Exercise {
        assignment: AssignmentId,
        /// The last score handed in, when the rules let the pupil see it.
        score: Option<Score>,
    },
    /// A document, a picture or a recording, at its address (`FileId::url`).
    File {
        file: domain::file::FileId,
        kind: domain::file::FileKind,
    },
}

/// Everyone's progress through a given sequence, for the teacher.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SequenceResults {
    pub title: String,
    pub group: String,
    pub steps: Vec<ResultStep>,
    pub pupils: Vec<PupilProgress>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultStep {
    pub id: StepId,
    pub title: String,
    /// For an exercise step: its assignment, whose results say more.
    pub assignment: Option<AssignmentId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilProgress {
    pub pupil: AccountId,
    pub first_name: String,
    pub last_name: String,
    /// In the order of [`SequenceResults::steps`].
    pub states: Vec<StepState>,
    /// Exercise steps' last scores, in the same order (`None` for other steps).
    pub scores: Vec<Option<Score>>,
}

impl PupilProgress {
    pub fn progress(&self) -> Progress {
        Progress::of(self.states.iter().copied())
    }
}

//! Interactive exercises: teachers write them (`authoring`) and give them to their classes and
//! groups (`assigning`); pupils do them (`doing`). The answers reach a pupil's browser only when
//! the assignment's rules allow, and the score that counts is the server's.

pub mod assigning;
pub mod authoring;
pub mod doing;
mod error;
pub mod exchange;
pub mod results;

pub use error::{ExerciseError, ExerciseProblem};

use domain::exercise::assignment::Rules;
use domain::exercise::statistics::ItemStatistics;
use domain::exercise::{
    AnswerKey, ItemId, ItemType, LanguageTag, Outcome, Paper, Points, Response, Status,
};
use domain::file::FileId;
use domain::ids::{AccountId, AssignmentId, AttemptId, ExerciseId, SchoolId};
use domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// An exercise in its author's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseSummary {
    pub id: ExerciseId,
    pub title: String,
    pub language: LanguageTag,
    pub items: u32,
    pub points: Points,
    pub updated: Timestamp,
    /// To how many groups it has been given.
    pub assignments: u32,
}

/// An exercise opened by its author, answers included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authored {
    pub id: ExerciseId,
    pub school: SchoolId,
    pub version: i64,
    pub exercise: domain::exercise::Exercise,
    pub deleted: bool,
    /// To whom it was given, latest first.
    #[serde(default)]
    pub given: Vec<Given>,
}

/// An assignment of an exercise, as its author's editor lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Given {
    pub assignment: AssignmentId,
    pub group: String,
    pub rules: Rules,
    /// Pupils who handed in at least once.
    pub handed_in: u32,
}

/// An assignment as a pupil's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignedExercise {
    pub assignment: AssignmentId,
    pub title: String,
    pub group: String,
    pub rules: Rules,
    /// Attempts handed in.
    pub handed_in: u32,
    /// An attempt started and not handed in.
    pub in_progress: bool,
    /// The last score handed in, when the rules let the pupil see it.
    pub last_score: Option<Score>,
}

/// Points earned out of the points available.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub earned: Points,
    pub max: Points,
    /// Points a teacher has yet to give (free answers).
    pub awaiting_teacher: Points,
}

impl From<&Outcome> for Score {
    fn from(outcome: &Outcome) -> Self {
        Score {
            earned: outcome.earned,
            max: outcome.max,
            awaiting_teacher: outcome.awaiting_teacher,
        }
    }
}

/// One pupil in a teacher's results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilResult {
    pub pupil: AccountId,
    pub first_name: String,
    pub last_name: String,
    pub handed_in: u32,
    pub last_score: Option<Score>,
    pub last_handed_in: Option<Timestamp>,
    /// The last attempt's points per item, in the order of [`AssignmentResults::items`]; `None` where
    /// nothing was handed in or the attempt's version had no such item.
    #[serde(default)]
    pub items: Vec<Option<ItemScore>>,
}

/// An assignment's results: per pupil, per item, and what the class got wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentResults {
    /// The exercise's title and the group's name, for the screen's title.
    pub title: String,
    pub group: String,
    /// The exercise's items as it is now.
    pub items: Vec<ItemColumn>,
    pub pupils: Vec<PupilResult>,
    /// Per item, in the order of `items`.
    pub statistics: Vec<ItemStatistics>,
    /// Every free answer handed in (every attempt), for the teacher to score.
    pub free_answers: Vec<FreeAnswer>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemColumn {
    pub id: ItemId,
    pub item_type: ItemType,
    pub points: Points,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemScore {
    pub earned: Points,
    pub status: Status,
}

/// A free answer of an attempt handed in, and the teacher's points if given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeAnswer {
    pub attempt: AttemptId,
    /// The attempt's number for this pupil.
    pub number: i64,
    pub pupil: AccountId,
    pub first_name: String,
    pub last_name: String,
    pub item: ItemId,
    pub text: String,
    /// The pupil's recording, played from `/files/<id>`.
    pub audio: Option<FileId>,
    pub max: Points,
    /// `None` until the teacher scores it.
    pub given: Option<Points>,
}

/// Everything a pupil's browser needs to do an attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sitting {
    pub attempt: AttemptId,
    /// The assignment's school, where a spoken answer is uploaded.
    pub school: SchoolId,
    pub number: i64,
    pub paper: Paper,
    /// The answers as last saved.
    pub response: Response,
    pub rules: Rules,
    /// Only when the rules let the pupil see the answers now.
    pub key: Option<AnswerKey>,
    /// When this attempt was handed in, with its score if the pupil may see it.
    pub handed_in: Option<Timestamp>,
    pub outcome: Option<Outcome>,
}

/// What handing in answers: the score if the pupil may see it now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub at: Timestamp,
    pub outcome: Option<Outcome>,
}

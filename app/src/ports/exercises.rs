use super::StoreError;
use crate::api::exercises::{AssignedExercise, ExerciseSummary, Given, PupilResult};
use async_trait::async_trait;
use domain::authz::exercises::{AssignmentFacts, ExerciseFacts};
use domain::exercise::assignment::Rules;
use domain::exercise::{Exercise, ItemId, MarkError, Outcome, Points, Response};
use domain::ids::{AccountId, AssignmentId, AttemptId, ExerciseId, GroupId, SchoolId};
use domain::school_calendar::SchoolYear;
use domain::time::Timestamp;

/// An exercise as stored: its current version, written out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredExercise {
    pub id: ExerciseId,
    pub facts: ExerciseFacts,
    pub version: i64,
    pub exercise: Exercise,
    pub deleted: bool,
}

/// An assignment as decisions need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAssignment {
    pub id: AssignmentId,
    pub facts: AssignmentFacts,
    pub exercise: ExerciseId,
    pub rules: Rules,
}

/// One pupil's attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAttempt {
    pub id: AttemptId,
    pub assignment: AssignmentId,
    pub pupil: AccountId,
    pub number: i64,
    pub exercise: ExerciseId,
    pub version: i64,
    pub seed: u64,
    pub response: Response,
    pub saved: Timestamp,
    pub handed_in: Option<HandedIn>,
}

/// What the server's scoring said when the attempt was handed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandedIn {
    pub at: Timestamp,
    pub outcome: Outcome,
}

/// Interactive exercises: written by teachers, given to groups, done by pupils.
#[async_trait]
pub trait Exercises: Send + Sync {
    /// The author's exercises in one school, deleted ones apart, most recently changed first.
    async fn exercises_of(
        &self,
        owner: AccountId,
        school: SchoolId,
    ) -> Result<Vec<ExerciseSummary>, StoreError>;
    /// Deleted ones too (to restore them).
    async fn exercise(&self, id: ExerciseId) -> Result<Option<StoredExercise>, StoreError>;
    /// A version an attempt was given, as it is scored against it. Only for an attempt's
    /// version: those are never rewritten, so the store may keep them in memory.
    async fn exercise_version(
        &self,
        id: ExerciseId,
        version: i64,
    ) -> Result<Option<std::sync::Arc<Exercise>>, StoreError>;
    async fn create_exercise(
        &self,
        school: SchoolId,
        owner: AccountId,
        exercise: &Exercise,
        now: Timestamp,
    ) -> Result<ExerciseId, StoreError>;
    /// Writes the new text: over the current version while no attempt uses it, as a new version
    /// otherwise (earlier attempts keep the one they were scored against). Answers the version.
    async fn save_exercise(
        &self,
        id: ExerciseId,
        exercise: &Exercise,
        now: Timestamp,
    ) -> Result<i64, StoreError>;
    /// `deleted`: `Some(now)` deletes, `None` restores.
    async fn set_exercise_deleted(
        &self,
        id: ExerciseId,
        deleted: Option<Timestamp>,
    ) -> Result<(), StoreError>;

    /// The school of a group, if it exists.
    async fn group_school(&self, group: GroupId) -> Result<Option<SchoolId>, StoreError>;
    async fn assign(
        &self,
        exercise: ExerciseId,
        group: GroupId,
        by: AccountId,
        rules: &Rules,
        now: Timestamp,
    ) -> Result<AssignmentId, StoreError>;
    async fn assignment(&self, id: AssignmentId) -> Result<Option<StoredAssignment>, StoreError>;
    /// The assignments of the groups a pupil is in this `year`, open or to come, with their
    /// attempts; of exercises not deleted.
    async fn assigned_to(
        &self,
        pupil: AccountId,
        year: SchoolYear,
    ) -> Result<Vec<AssignedExercise>, StoreError>;
    /// The assignments of an exercise, latest first, with how many pupils handed in.
    async fn given(&self, exercise: ExerciseId) -> Result<Vec<Given>, StoreError>;
    /// Everyone of the group, with their attempts handed in.
    async fn results(&self, assignment: AssignmentId) -> Result<Vec<PupilResult>, StoreError>;
    /// The group's name, if it exists.
    async fn group_name(&self, group: GroupId) -> Result<Option<String>, StoreError>;
    /// Every attempt handed in on the assignment, by pupil and number.
    async fn handed_in(&self, assignment: AssignmentId) -> Result<Vec<StoredAttempt>, StoreError>;
    /// Applies a teacher's points to a free answer of an attempt handed in
    /// (`Outcome::mark`), its totals with it, in one write that a concurrent mark of the same
    /// attempt waits for; answers the new outcome.
    async fn mark(
        &self,
        attempt: AttemptId,
        item: &ItemId,
        points: Option<Points>,
    ) -> Result<Result<Outcome, MarkError>, StoreError>;

    /// The pupil's attempts at an assignment, first first.
    async fn attempts(
        &self,
        assignment: AssignmentId,
        pupil: AccountId,
    ) -> Result<Vec<StoredAttempt>, StoreError>;
    async fn attempt(&self, id: AttemptId) -> Result<Option<StoredAttempt>, StoreError>;
    /// An attempt with its assignment, read together: what every save and hand-in checks.
    async fn attempt_with_assignment(
        &self,
        id: AttemptId,
    ) -> Result<Option<(StoredAttempt, StoredAssignment)>, StoreError>;
    /// Starts attempt `number` on the exercise's current version. `None` when that number is
    /// taken already (the same start sent twice): the caller reads the attempts again.
    async fn start_attempt(
        &self,
        assignment: AssignmentId,
        pupil: AccountId,
        number: i64,
        seed: u64,
        now: Timestamp,
    ) -> Result<Option<AttemptId>, StoreError>;
    /// Saves answers of an attempt not handed in; `false` if it was handed in meanwhile.
    async fn save_response(
        &self,
        attempt: AttemptId,
        response: &Response,
        now: Timestamp,
    ) -> Result<bool, StoreError>;
    /// Hands in, once: `false` if it was handed in already (the first one counts).
    async fn hand_in(
        &self,
        attempt: AttemptId,
        response: &Response,
        outcome: &Outcome,
        now: Timestamp,
    ) -> Result<bool, StoreError>;
}

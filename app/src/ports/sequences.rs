use super::StoreError;
use crate::api::exercises::Score;
use crate::api::sequences::{
    AssignedSequence, GivenSequence, LibraryEntry, LibraryQuery, PublishedSequence,
    SequenceResults, SequenceSummary,
};
use async_trait::async_trait;
use domain::authz::exercises::AssignmentFacts;
use domain::authz::sequences::SequenceFacts;
use domain::exercise::Exercise;
use domain::exercise::assignment::Rules;
use domain::ids::{
    AccountId, AssignmentId, ExerciseId, GroupId, SchoolId, SequenceAssignmentId, SequenceId,
};
use domain::school_calendar::SchoolYear;
use domain::sequence::{Licence, Sequence, StepId, StepState};
use domain::time::Timestamp;

/// A sequence as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredSequence {
    pub id: SequenceId,
    pub facts: SequenceFacts,
    pub sequence: Sequence,
    pub deleted: bool,
}

/// A sequence given to a group: the steps as they were given, and the exercise assignments made
/// for its exercise steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredSequenceAssignment {
    pub id: SequenceAssignmentId,
    pub facts: AssignmentFacts,
    pub sequence_id: SequenceId,
    pub group: String,
    pub rules: Rules,
    pub sequence: Sequence,
    pub exercise_steps: Vec<(StepId, AssignmentId)>,
}

/// What a pupil has done of a given sequence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepMarks {
    /// Lessons and links marked done.
    pub seen: Vec<StepId>,
    pub exercises: Vec<ExerciseWork>,
}

/// A pupil's work on one exercise step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExerciseWork {
    pub assignment: AssignmentId,
    pub state: StepState,
    pub last_score: Option<Score>,
}

/// Pedagogical sequences: written by teachers, given to groups, gone through by pupils, shared
/// in the library.
#[async_trait]
pub trait Sequences: Send + Sync {
    /// The author's sequences in one school, deleted ones apart, most recently changed first.
    async fn sequences_of(
        &self,
        owner: AccountId,
        school: SchoolId,
    ) -> Result<Vec<SequenceSummary>, StoreError>;
    /// Deleted ones too (to restore them).
    async fn sequence(&self, id: SequenceId) -> Result<Option<StoredSequence>, StoreError>;
    async fn create_sequence(
        &self,
        school: SchoolId,
        owner: AccountId,
        sequence: &Sequence,
        now: Timestamp,
    ) -> Result<SequenceId, StoreError>;
    async fn save_sequence(
        &self,
        id: SequenceId,
        sequence: &Sequence,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// `Some(now)` deletes, `None` restores.
    async fn set_sequence_deleted(
        &self,
        id: SequenceId,
        deleted: Option<Timestamp>,
    ) -> Result<(), StoreError>;
    /// `Some(now)` publishes to the library, `None` takes it out.
    async fn set_sequence_published(
        &self,
        id: SequenceId,
        published: Option<Timestamp>,
    ) -> Result<(), StoreError>;
    /// Which of `exercises` are `owner`'s own in `school`, not deleted.
    async fn usable_exercises(
        &self,
        owner: AccountId,
        school: SchoolId,
        exercises: &[ExerciseId],
    ) -> Result<Vec<ExerciseId>, StoreError>;

    /// Gives the sequence as it is now, and each of its exercises, to the group, in one
    /// transaction. `Conflict` when given to that group for that opening already.
    async fn assign_sequence(
        &self,
        id: SequenceId,
        sequence: &Sequence,
        group: GroupId,
        by: AccountId,
        rules: &Rules,
        now: Timestamp,
    ) -> Result<SequenceAssignmentId, StoreError>;
    async fn sequence_assignment(
        &self,
        id: SequenceAssignmentId,
    ) -> Result<Option<StoredSequenceAssignment>, StoreError>;
    /// The assignments of a sequence, latest first.
    async fn sequence_given(&self, id: SequenceId) -> Result<Vec<GivenSequence>, StoreError>;
    /// The sequences given to the groups a pupil is in this `year`, not deleted, with how far
    /// the pupil is.
    async fn sequences_assigned_to(
        &self,
        pupil: AccountId,
        year: SchoolYear,
    ) -> Result<Vec<AssignedSequence>, StoreError>;
    async fn step_marks(
        &self,
        assignment: SequenceAssignmentId,
        pupil: AccountId,
    ) -> Result<StepMarks, StoreError>;
    /// Once: marking a step done again changes nothing.
    async fn mark_step_done(
        &self,
        assignment: SequenceAssignmentId,
        pupil: AccountId,
        step: StepId,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// Everyone of the group and their state on each step (title left for the caller).
    async fn sequence_results(
        &self,
        given: &StoredSequenceAssignment,
    ) -> Result<SequenceResults, StoreError>;

    /// Published, Creative Commons, not deleted sequences matching the query (`text` already
    /// folded by `domain::sequence::search_key`), most recently published first.
    async fn library(
        &self,
        text: &str,
        query: &LibraryQuery,
        limit: u32,
    ) -> Result<Vec<LibraryEntry>, StoreError>;
    /// A sequence of the library with its entry and its exercises' titles.
    async fn published(&self, id: SequenceId) -> Result<Option<PublishedSequence>, StoreError>;
    /// Copies the sequence and its exercises (their current versions) into `school` for
    /// `owner`, under `licence`, crediting the original's author, in one transaction. `None`
    /// when the original's licence does not allow that copy.
    async fn copy_sequence(
        &self,
        id: SequenceId,
        school: SchoolId,
        owner: AccountId,
        licence: Licence,
        now: Timestamp,
    ) -> Result<Option<SequenceId>, StoreError>;
    /// Writes an imported sequence (steps giving `exercises` by the archive's ids), its
    /// exercises as new ones, and the records of its `files` (their bodies stored already), each
    /// exercise using those of them it names; in one transaction, for `owner` in `school`.
    async fn import_sequence(
        &self,
        school: SchoolId,
        owner: AccountId,
        sequence: &Sequence,
        exercises: &[(ExerciseId, Exercise)],
        files: &[super::StoredFile],
        now: Timestamp,
    ) -> Result<SequenceId, StoreError>;
}

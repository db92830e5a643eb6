//! Pedagogical sequences: as written, given to groups, the steps pupils marked done, the library.

use super::decode::{Code, Count, JsonText, json_text};
use super::exercises::{count, insert_exercise, rules, score};
use super::files::{insert_file, use_file};
use super::sql::statements;
use super::{Db, fail};
use app::api::exercises::Score;
use app::api::sequences::{
    AssignedSequence, ExerciseTitle, GivenSequence, LibraryEntry, LibraryQuery, PublishedSequence,
    PupilProgress, ResultStep, SequenceResults, SequenceSummary,
};
use app::ports::FileUser;
use app::ports::{
    ExerciseWork, Sequences, StepMarks, StoreError, StoredFile, StoredSequence,
    StoredSequenceAssignment,
};
use async_trait::async_trait;
use domain::authz::exercises::AssignmentFacts;
use domain::authz::sequences::SequenceFacts;
use domain::exercise::assignment::{Feedback, Rules};
use domain::exercise::{Exercise, LanguageTag};
use domain::ids::{
    AccountId, AssignmentId, ExerciseId, GroupId, SchoolId, SequenceAssignmentId, SequenceId,
};
use domain::school_calendar::SchoolYear;
use domain::sequence::{
    Credit, Discipline, Level, Licence, Progress, Sequence, StepBody, StepId, StepState,
};
use domain::time::Timestamp;
use sqlx::AnyConnection;

statements! {
    SEQUENCES_OF = "SELECT s.id AS id, s.title AS title, s.language AS language, \
          s.discipline AS discipline, s.level AS level, s.steps AS steps, \
          s.updated_at AS updated_at, s.published_at AS published_at, \
          (SELECT COUNT(*) FROM sequence_assignments a WHERE a.sequence_id = s.id) AS given \
        FROM sequences s \
        WHERE s.owner_id = $1 AND s.school_id = $2 AND s.deleted_at IS NULL \
        ORDER BY s.updated_at DESC, s.id DESC";
    SEQUENCE = "SELECT id, school_id, owner_id, licence, published_at, deleted_at, content \
        FROM sequences WHERE id = $1";
    CREATE_SEQUENCE = "INSERT INTO sequences (school_id, owner_id, title, language, discipline, \
          level, licence, steps, content, search_text, copied_from, created_at, updated_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id";
    SAVE_SEQUENCE = "UPDATE sequences SET title = $2, language = $3, discipline = $4, \
          level = $5, licence = $6, steps = $7, content = $8, search_text = $9, updated_at = $10 \
        WHERE id = $1";
    SET_SEQUENCE_DELETED = "UPDATE sequences SET deleted_at = $2 WHERE id = $1";
    SET_SEQUENCE_PUBLISHED = "UPDATE sequences SET published_at = $2 WHERE id = $1";
    /// The author's live exercises in a school: what exercise steps may give.
    OWN_EXERCISES = "SELECT id FROM exercises \
        WHERE owner_id = $1 AND school_id = $2 AND deleted_at IS NULL";

    ASSIGN_SEQUENCE = "INSERT INTO sequence_assignments (sequence_id, group_id, assigned_by, \
          opens_at, due_at, feedback, attempts, content, steps, created_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
    /// An exercise step's assignment; the same exercise given to the same group at the same
    /// instant already is that assignment.
    ASSIGN_STEP_EXERCISE = "INSERT INTO assignments (exercise_id, group_id, assigned_by, \
          opens_at, due_at, feedback, attempts, created_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
        ON CONFLICT (exercise_id, group_id, opens_at) DO NOTHING RETURNING id";
    SAME_ASSIGNMENT = "SELECT id FROM assignments \
        WHERE exercise_id = $1 AND group_id = $2 AND opens_at = $3";
    LINK_STEP_EXERCISE = "INSERT INTO sequence_exercises (sequence_assignment_id, step_id, \
          assignment_id) VALUES ($1, $2, $3)";
    SEQUENCE_ASSIGNMENT = "SELECT a.sequence_id AS sequence_id, \
          a.group_id AS group_id, g.school_id AS school_id, g.name AS group_name, \
          a.assigned_by AS assigned_by, a.opens_at AS opens_at, a.due_at AS due_at, \
          a.feedback AS feedback, a.attempts AS attempts, a.content AS content \
        FROM sequence_assignments a JOIN school_groups g ON g.id = a.group_id \
        WHERE a.id = $1";
    STEP_EXERCISES = "SELECT step_id, assignment_id FROM sequence_exercises \
        WHERE sequence_assignment_id = $1 ORDER BY step_id";
    SEQUENCE_GIVEN = "SELECT a.id AS id, g.name AS group_name, a.opens_at AS opens_at, \
          a.due_at AS due_at, a.feedback AS feedback, a.attempts AS attempts \
        FROM sequence_assignments a JOIN school_groups g ON g.id = a.group_id \
        WHERE a.sequence_id = $1 \
        ORDER BY a.opens_at DESC, a.id DESC";
    /// A pupil's sequences of this year's groups, with the steps they have done: lessons and
    /// links marked, exercise steps whose exercise they handed in.
    ASSIGNED_SEQUENCES = "SELECT a.id AS id, s.title AS title, g.name AS group_name, \
          a.opens_at AS opens_at, a.due_at AS due_at, a.feedback AS feedback, \
          a.attempts AS attempts, a.steps AS steps, \
          (SELECT COUNT(*) FROM sequence_progress p \
            WHERE p.sequence_assignment_id = a.id AND p.pupil_id = m.account_id) AS seen, \
          (SELECT COUNT(*) FROM sequence_exercises x \
            WHERE x.sequence_assignment_id = a.id AND EXISTS (SELECT 1 FROM attempts t \
              WHERE t.assignment_id = x.assignment_id AND t.pupil_id = m.account_id \
                AND t.submitted_at IS NOT NULL)) AS handed_in \
        FROM memberships m \
        JOIN school_groups g ON g.id = m.group_id \
        JOIN school_years y ON y.id = g.year_id AND y.starts_at = $2 \
        JOIN sequence_assignments a ON a.group_id = g.id \
        JOIN sequences s ON s.id = a.sequence_id AND s.deleted_at IS NULL \
        WHERE m.account_id = $1 \
        ORDER BY COALESCE(a.due_at, a.opens_at), a.id";
    SEEN_STEPS = "SELECT step_id FROM sequence_progress \
        WHERE sequence_assignment_id = $1 AND pupil_id = $2";
    /// A pupil's attempts at the exercise steps: a row per attempt (or one with none), in order.
    STEP_ATTEMPTS = "SELECT x.step_id AS step_id, x.assignment_id AS assignment_id, \
          t.pupil_id AS pupil_id, t.id AS attempt_id, t.submitted_at AS submitted_at, \
          t.earned AS earned, t.max_points AS max_points, \
          t.awaiting_teacher AS awaiting_teacher \
        FROM sequence_exercises x \
        LEFT JOIN attempts t ON t.assignment_id = x.assignment_id AND t.pupil_id = $2 \
        WHERE x.sequence_assignment_id = $1 \
        ORDER BY x.step_id, t.number";
    MARK_STEP_DONE = "INSERT INTO sequence_progress (sequence_assignment_id, pupil_id, step_id, \
          done_at) VALUES ($1, $2, $3, $4) \
        ON CONFLICT (sequence_assignment_id, pupil_id, step_id) DO NOTHING";
    GROUP_PUPILS = "SELECT p.id AS id, p.first_name AS first_name, p.last_name AS last_name \
        FROM memberships m JOIN accounts p ON p.id = m.account_id \
        WHERE m.group_id = $1 \
        ORDER BY p.last_name, p.first_name, p.id";
    EVERYONE_SEEN = "SELECT pupil_id, step_id FROM sequence_progress \
        WHERE sequence_assignment_id = $1";
    /// Everyone's attempts at the exercise steps, in order.
    EVERYONE_ATTEMPTS = "SELECT x.step_id AS step_id, x.assignment_id AS assignment_id, \
          t.pupil_id AS pupil_id, t.id AS attempt_id, t.submitted_at AS submitted_at, \
          t.earned AS earned, t.max_points AS max_points, \
          t.awaiting_teacher AS awaiting_teacher \
        FROM sequence_exercises x \
        JOIN attempts t ON t.assignment_id = x.assignment_id \
        WHERE x.sequence_assignment_id = $1 \
        ORDER BY t.number";

    /// Searched words: up to three patterns, `%` for none (the text has no `%` or `_`: the
    /// search key keeps letters and digits only).
    LIBRARY = "SELECT s.id AS id, s.title AS title, s.language AS language, \
          s.discipline AS discipline, s.level AS level, s.licence AS licence, s.steps AS steps, \
          s.published_at AS published_at, o.first_name AS first_name, \
          o.last_name AS last_name, sc.name AS school_name \
        FROM sequences s JOIN schools sc ON sc.id = s.school_id \
        LEFT JOIN accounts o ON o.id = s.owner_id \
        WHERE s.published_at IS NOT NULL AND s.deleted_at IS NULL \
          AND s.licence <> 'all_rights_reserved' \
          AND ($1 = '' OR s.discipline = $1) AND ($2 = '' OR s.level = $2) \
          AND ($3 = '' OR s.language = $3) \
          AND s.search_text LIKE $4 AND s.search_text LIKE $5 AND s.search_text LIKE $6 \
        ORDER BY s.published_at DESC, s.id DESC LIMIT $7";
    LIBRARY_ENTRY = "SELECT s.id AS id, s.title AS title, s.language AS language, \
          s.discipline AS discipline, s.level AS level, s.licence AS licence, s.steps AS steps, \
          s.published_at AS published_at, o.first_name AS first_name, \
          o.last_name AS last_name, sc.name AS school_name, s.content AS content \
        FROM sequences s JOIN schools sc ON sc.id = s.school_id \
        LEFT JOIN accounts o ON o.id = s.owner_id \
        WHERE s.id = $1 AND s.published_at IS NOT NULL AND s.deleted_at IS NULL";
    /// A sequence to copy: published, or its author's own (the caller has checked which).
    COPY_SOURCE = "SELECT s.id AS id, s.title AS title, s.language AS language, \
          s.discipline AS discipline, s.level AS level, s.licence AS licence, s.steps AS steps, \
          s.published_at AS published_at, o.first_name AS first_name, \
          o.last_name AS last_name, sc.name AS school_name, s.content AS content \
        FROM sequences s JOIN schools sc ON sc.id = s.school_id \
        LEFT JOIN accounts o ON o.id = s.owner_id \
        WHERE s.id = $1 AND s.deleted_at IS NULL";
    EXERCISE_TITLE = "SELECT id, title, items FROM exercises WHERE id = $1";
    /// An exercise's current version, to copy.
    CURRENT_CONTENT = "SELECT v.content AS content FROM exercises e \
        JOIN exercise_versions v ON v.exercise_id = e.id AND v.version = e.version \
        WHERE e.id = $1";
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    title: String,
    language: Code<LanguageTag>,
    discipline: Code<Discipline>,
    level: Code<Level>,
    steps: Count,
    updated_at: i64,
    published_at: Option<i64>,
    given: Count,
}

#[derive(sqlx::FromRow)]
struct SequenceRow {
    id: i64,
    school_id: i64,
    owner_id: Option<i64>,
    licence: Code<Licence>,
    published_at: Option<i64>,
    deleted_at: Option<i64>,
    content: JsonText<Sequence>,
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: i64,
}

#[derive(sqlx::FromRow)]
struct AssignmentRow {
    sequence_id: i64,
    group_id: i64,
    school_id: i64,
    group_name: String,
    assigned_by: Option<i64>,
    opens_at: i64,
    due_at: Option<i64>,
    feedback: Code<Feedback>,
    attempts: Option<i64>,
    content: JsonText<Sequence>,
}

#[derive(sqlx::FromRow)]
struct StepExerciseRow {
    step_id: i64,
    assignment_id: i64,
}

#[derive(sqlx::FromRow)]
struct GivenRow {
    id: i64,
    group_name: String,
    opens_at: i64,
    due_at: Option<i64>,
    feedback: Code<Feedback>,
    attempts: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct AssignedRow {
    id: i64,
    title: String,
    group_name: String,
    opens_at: i64,
    due_at: Option<i64>,
    feedback: Code<Feedback>,
    attempts: Option<i64>,
    steps: Count,
    seen: Count,
    handed_in: Count,
}

#[derive(sqlx::FromRow)]
struct StepRow {
    step_id: i64,
}

#[derive(sqlx::FromRow)]
struct SeenRow {
    pupil_id: i64,
    step_id: i64,
}

#[derive(sqlx::FromRow)]
struct AttemptRow {
    step_id: i64,
    assignment_id: i64,
    pupil_id: Option<i64>,
    attempt_id: Option<i64>,
    submitted_at: Option<i64>,
    earned: Option<i64>,
    max_points: Option<i64>,
    awaiting_teacher: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct PupilRow {
    id: i64,
    first_name: String,
    last_name: String,
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    title: String,
    language: Code<LanguageTag>,
    discipline: Code<Discipline>,
    level: Code<Level>,
    licence: Code<Licence>,
    steps: Count,
    published_at: Option<i64>,
    first_name: Option<String>,
    last_name: Option<String>,
    school_name: String,
}

#[derive(sqlx::FromRow)]
struct PublishedRow {
    #[sqlx(flatten)]
    entry: EntryRow,
    content: JsonText<Sequence>,
}

#[derive(sqlx::FromRow)]
struct TitleRow {
    id: i64,
    title: String,
    items: Count,
}

#[derive(sqlx::FromRow)]
struct ContentRow {
    content: JsonText<Exercise>,
}

fn step_id(raw: i64, column: &'static str) -> Result<StepId, StoreError> {
    u32::try_from(raw)
        .map(StepId::new)
        .map_err(|_| super::decode::corrupt(column, &raw.to_string()))
}

impl EntryRow {
    fn entry(self) -> LibraryEntry {
        let author = match (self.first_name, self.last_name) {
            (Some(first), Some(last)) => format!("{first} {last}"),
            // The author's account is gone; the school's name still says where it came from.
            _ => String::new(),
        };
        LibraryEntry {
            id: SequenceId::new(self.id),
            title: self.title,
            language: self.language.0,
            discipline: self.discipline.0,
            level: self.level.0,
            licence: self.licence.0,
            steps: self.steps.0,
            author,
            school: self.school_name,
            published: Timestamp::from_unix(self.published_at.unwrap_or_default()),
        }
    }
}

/// One pupil's state on an exercise step, from their attempts in order.
fn work(attempts: &[&AttemptRow]) -> Result<(StepState, Option<Score>), StoreError> {
    let mut state = StepState::ToDo;
    let mut last = None;
    for a in attempts.iter().filter(|a| a.attempt_id.is_some()) {
        if a.submitted_at.is_some() {
            state = StepState::Done;
            last = score(a.earned, a.max_points, a.awaiting_teacher)?.or(last);
        } else if state != StepState::Done {
            state = StepState::Started;
        }
    }
    Ok((state, last))
}

/// The columns of a sequence as written that lists and the library read without its JSON.
pub(crate) struct Columns<'a> {
    sequence: &'a Sequence,
    content: String,
    search: String,
}

impl<'a> Columns<'a> {
    pub(crate) fn of(sequence: &'a Sequence) -> Result<Self, StoreError> {
        Ok(Columns {
            sequence,
            content: json_text(sequence)?,
            search: sequence.search_text(),
        })
    }
}

pub(crate) async fn insert_sequence(
    tx: &mut AnyConnection,
    school: SchoolId,
    owner: AccountId,
    c: Columns<'_>,
    copied_from: Option<SequenceId>,
    now: Timestamp,
) -> Result<SequenceId, StoreError> {
    let s = c.sequence;
    let row: IdRow = CREATE_SEQUENCE
        .query_as()
        .bind(school.get())
        .bind(owner.get())
        .bind(s.title.trim())
        .bind(s.language.as_str())
        .bind(s.discipline.code())
        .bind(s.level.code())
        .bind(s.licence.code())
        .bind(count(s.steps.len()))
        .bind(c.content)
        .bind(c.search)
        .bind(copied_from.map(SequenceId::get))
        .bind(now.unix())
        .fetch_one(&mut *tx)
        .await
        .map_err(fail)?;
    Ok(SequenceId::new(row.id))
}

/// Gives the sequence as it is now to the group, with an exercise assignment per exercise (the
/// same exercise given to the same group at the same opening already is that assignment).
pub(crate) async fn give(
    tx: &mut AnyConnection,
    id: SequenceId,
    sequence: &Sequence,
    group: GroupId,
    by: AccountId,
    rules: &Rules,
    now: Timestamp,
) -> Result<SequenceAssignmentId, StoreError> {
    let content = json_text(sequence)?;
    let row: IdRow = ASSIGN_SEQUENCE
        .query_as()
        .bind(id.get())
        .bind(group.get())
        .bind(by.get())
        .bind(rules.opens.unix())
        .bind(rules.due.map(Timestamp::unix))
        .bind(rules.feedback.code())
        .bind(rules.attempts.map(i64::from))
        .bind(content)
        .bind(count(sequence.steps.len()))
        .bind(now.unix())
        .fetch_one(&mut *tx)
        .await
        .map_err(fail)?;
    let mut given: Vec<(ExerciseId, i64)> = Vec::new();
    for step in &sequence.steps {
        let StepBody::Exercise { exercise } = step.body else {
            continue;
        };
        let assignment = match given.iter().find(|(e, _)| *e == exercise) {
            Some(&(_, a)) => a,
            None => {
                let made: Option<IdRow> = ASSIGN_STEP_EXERCISE
                    .query_as()
                    .bind(exercise.get())
                    .bind(group.get())
                    .bind(by.get())
                    .bind(rules.opens.unix())
                    .bind(rules.due.map(Timestamp::unix))
                    .bind(rules.feedback.code())
                    .bind(rules.attempts.map(i64::from))
                    .bind(now.unix())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(fail)?;
                let a = match made {
                    Some(r) => r.id,
                    None => {
                        let same: IdRow = SAME_ASSIGNMENT
                            .query_as()
                            .bind(exercise.get())
                            .bind(group.get())
                            .bind(rules.opens.unix())
                            .fetch_one(&mut *tx)
                            .await
                            .map_err(fail)?;
                        same.id
                    }
                };
                given.push((exercise, a));
                a
            }
        };
        LINK_STEP_EXERCISE
            .query()
            .bind(row.id)
            .bind(i64::from(step.id.get()))
            .bind(assignment)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
    }
    Ok(SequenceAssignmentId::new(row.id))
}

#[async_trait]
impl Sequences for Db {
    async fn sequences_of(
        &self,
        owner: AccountId,
        school: SchoolId,
    ) -> Result<Vec<SequenceSummary>, StoreError> {
        let rows: Vec<SummaryRow> = SEQUENCES_OF
            .query_as()
            .bind(owner.get())
            .bind(school.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| SequenceSummary {
                id: SequenceId::new(r.id),
                title: r.title,
                language: r.language.0,
                discipline: r.discipline.0,
                level: r.level.0,
                steps: r.steps.0,
                updated: Timestamp::from_unix(r.updated_at),
                published: r.published_at.is_some(),
                given: r.given.0,
            })
            .collect())
    }

    async fn sequence(&self, id: SequenceId) -> Result<Option<StoredSequence>, StoreError> {
        let row: Option<SequenceRow> = SEQUENCE
            .query_as()
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| StoredSequence {
            id: SequenceId::new(r.id),
            facts: SequenceFacts {
                school: SchoolId::new(r.school_id),
                owner: r.owner_id.map(AccountId::new),
                published: r.published_at.is_some() && r.deleted_at.is_none(),
                licence: r.licence.0,
            },
            sequence: r.content.0,
            deleted: r.deleted_at.is_some(),
        }))
    }

    async fn create_sequence(
        &self,
        school: SchoolId,
        owner: AccountId,
        sequence: &Sequence,
        now: Timestamp,
    ) -> Result<SequenceId, StoreError> {
        let columns = Columns::of(sequence)?;
        let mut conn = self.writer.acquire().await.map_err(fail)?;
        insert_sequence(&mut conn, school, owner, columns, None, now).await
    }

    async fn save_sequence(
        &self,
        id: SequenceId,
        sequence: &Sequence,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let c = Columns::of(sequence)?;
        SAVE_SEQUENCE
            .query()
            .bind(id.get())
            .bind(sequence.title.trim())
            .bind(sequence.language.as_str())
            .bind(sequence.discipline.code())
            .bind(sequence.level.code())
            .bind(sequence.licence.code())
            .bind(count(sequence.steps.len()))
            .bind(c.content)
            .bind(c.search)
            .bind(now.unix())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn set_sequence_deleted(
        &self,
        id: SequenceId,
        deleted: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        SET_SEQUENCE_DELETED
            .query()
            .bind(id.get())
            .bind(deleted.map(Timestamp::unix))
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn set_sequence_published(
        &self,
        id: SequenceId,
        published: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        SET_SEQUENCE_PUBLISHED
            .query()
            .bind(id.get())
            .bind(published.map(Timestamp::unix))
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn usable_exercises(
        &self,
        owner: AccountId,
        school: SchoolId,
        exercises: &[ExerciseId],
    ) -> Result<Vec<ExerciseId>, StoreError> {
        if exercises.is_empty() {
            return Ok(vec![]);
        }
        let rows: Vec<IdRow> = OWN_EXERCISES
            .query_as()
            .bind(owner.get())
            .bind(school.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| ExerciseId::new(r.id))
            .filter(|id| exercises.contains(id))
            .collect())
    }

    async fn assign_sequence(
        &self,
        id: SequenceId,
        sequence: &Sequence,
        group: GroupId,
        by: AccountId,
        rules: &Rules,
        now: Timestamp,
    ) -> Result<SequenceAssignmentId, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let given = give(&mut tx, id, sequence, group, by, rules, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok(given)
    }

    async fn sequence_assignment(
        &self,
        id: SequenceAssignmentId,
    ) -> Result<Option<StoredSequenceAssignment>, StoreError> {
        let row: Option<AssignmentRow> = SEQUENCE_ASSIGNMENT
            .query_as()
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        let Some(r) = row else {
            return Ok(None);
        };
        let steps: Vec<StepExerciseRow> = STEP_EXERCISES
            .query_as()
            .bind(id.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let exercise_steps = steps
            .into_iter()
            .map(|s| {
                Ok((
                    step_id(s.step_id, "sequence_exercises.step_id")?,
                    AssignmentId::new(s.assignment_id),
                ))
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some(StoredSequenceAssignment {
            id,
            facts: AssignmentFacts {
                school: SchoolId::new(r.school_id),
                group: GroupId::new(r.group_id),
                teacher: r.assigned_by.map(AccountId::new),
            },
            sequence_id: SequenceId::new(r.sequence_id),
            group: r.group_name,
            rules: rules(r.opens_at, r.due_at, r.feedback.0, r.attempts)?,
            sequence: r.content.0,
            exercise_steps,
        }))
    }

    async fn sequence_given(&self, id: SequenceId) -> Result<Vec<GivenSequence>, StoreError> {
        let rows: Vec<GivenRow> = SEQUENCE_GIVEN
            .query_as()
            .bind(id.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        rows.into_iter()
            .map(|r| {
                Ok(GivenSequence {
                    assignment: SequenceAssignmentId::new(r.id),
                    group: r.group_name,
                    rules: rules(r.opens_at, r.due_at, r.feedback.0, r.attempts)?,
                })
            })
            .collect()
    }

    async fn sequences_assigned_to(
        &self,
        pupil: AccountId,
        year: SchoolYear,
    ) -> Result<Vec<AssignedSequence>, StoreError> {
        let rows: Vec<AssignedRow> = ASSIGNED_SEQUENCES
            .query_as()
            .bind(pupil.get())
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        rows.into_iter()
            .map(|r| {
                Ok(AssignedSequence {
                    assignment: SequenceAssignmentId::new(r.id),
                    title: r.title,
                    group: r.group_name,
                    rules: rules(r.opens_at, r.due_at, r.feedback.0, r.attempts)?,
                    progress: Progress {
                        done: (r.seen.0 + r.handed_in.0).min(r.steps.0),
                        steps: r.steps.0,
                    },
                })
            })
            .collect()
    }

    async fn step_marks(
        &self,
        assignment: SequenceAssignmentId,
        pupil: AccountId,
    ) -> Result<StepMarks, StoreError> {
        let seen: Vec<StepRow> = SEEN_STEPS
            .query_as()
            .bind(assignment.get())
            .bind(pupil.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let attempts: Vec<AttemptRow> = STEP_ATTEMPTS
            .query_as()
            .bind(assignment.get())
            .bind(pupil.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let mut exercises: Vec<ExerciseWork> = Vec::new();
        for a in &attempts {
            let id = AssignmentId::new(a.assignment_id);
            if exercises.iter().any(|w| w.assignment == id) {
                continue;
            }
            let of_it: Vec<&AttemptRow> = attempts
                .iter()
                .filter(|b| b.assignment_id == a.assignment_id)
                .collect();
            let (state, last_score) = work(&of_it)?;
            exercises.push(ExerciseWork {
                assignment: id,
                state,
                last_score,
            });
        }
        Ok(StepMarks {
            seen: seen
                .into_iter()
                .map(|r| step_id(r.step_id, "sequence_progress.step_id"))
                .collect::<Result<_, _>>()?,
            exercises,
        })
    }

    async fn mark_step_done(
        &self,
        assignment: SequenceAssignmentId,
        pupil: AccountId,
        step: StepId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        MARK_STEP_DONE
            .query()
            .bind(assignment.get())
            .bind(pupil.get())
            .bind(i64::from(step.get()))
            .bind(now.unix())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn sequence_results(
        &self,
        given: &StoredSequenceAssignment,
    ) -> Result<SequenceResults, StoreError> {
        let pupils: Vec<PupilRow> = GROUP_PUPILS
            .query_as()
            .bind(given.facts.group.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let seen: Vec<SeenRow> = EVERYONE_SEEN
            .query_as()
            .bind(given.id.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let attempts: Vec<AttemptRow> = EVERYONE_ATTEMPTS
            .query_as()
            .bind(given.id.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let steps: Vec<ResultStep> = given
            .sequence
            .steps
            .iter()
            .map(|s| ResultStep {
                id: s.id,
                title: s.title.clone(),
                assignment: given
                    .exercise_steps
                    .iter()
                    .find(|(id, _)| *id == s.id)
                    .map(|(_, a)| *a),
            })
            .collect();
        let mut out = Vec::with_capacity(pupils.len());
        for p in pupils {
            let mut states = Vec::with_capacity(steps.len());
            let mut scores = Vec::with_capacity(steps.len());
            for step in &steps {
                let (state, score) = match step.assignment {
                    Some(_) => {
                        let of_it: Vec<&AttemptRow> = attempts
                            .iter()
                            .filter(|a| {
                                a.pupil_id == Some(p.id) && i64::from(step.id.get()) == a.step_id
                            })
                            .collect();
                        work(&of_it)?
                    }
                    None if seen
                        .iter()
                        .any(|s| s.pupil_id == p.id && s.step_id == i64::from(step.id.get())) =>
                    {
                        (StepState::Done, None)
                    }
                    None => (StepState::ToDo, None),
                };
                states.push(state);
                scores.push(score);
            }
            out.push(PupilProgress {
                pupil: AccountId::new(p.id),
                first_name: p.first_name,
                last_name: p.last_name,
                states,
                scores,
            });
        }
        Ok(SequenceResults {
            title: given.sequence.title.clone(),
            group: given.group.clone(),
            steps,
            pupils: out,
        })
    }

    async fn library(
        &self,
        text: &str,
        query: &LibraryQuery,
        limit: u32,
    ) -> Result<Vec<LibraryEntry>, StoreError> {
        let patterns = like_patterns(text);
        let rows: Vec<EntryRow> = LIBRARY
            .query_as()
            .bind(query.discipline.map_or("", Discipline::code))
            .bind(query.level.map_or("", Level::code))
            .bind(query.language.as_ref().map_or("", LanguageTag::as_str))
            .bind(patterns[0].as_str())
            .bind(patterns[1].as_str())
            .bind(patterns[2].as_str())
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows.into_iter().map(EntryRow::entry).collect())
    }

    async fn published(&self, id: SequenceId) -> Result<Option<PublishedSequence>, StoreError> {
        let row: Option<PublishedRow> = LIBRARY_ENTRY
            .query_as()
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let sequence = row.content.0;
        let mut exercises = Vec::new();
        for exercise in sequence.exercises() {
            let title: Option<TitleRow> = EXERCISE_TITLE
                .query_as()
                .bind(exercise.get())
                .fetch_optional(&self.pool)
                .await
                .map_err(fail)?;
            if let Some(t) = title {
                exercises.push(ExerciseTitle {
                    id: ExerciseId::new(t.id),
                    title: t.title,
                    items: t.items.0,
                });
            }
        }
        Ok(Some(PublishedSequence {
            entry: row.entry.entry(),
            sequence,
            exercises,
        }))
    }

    async fn copy_sequence(
        &self,
        id: SequenceId,
        school: SchoolId,
        owner: AccountId,
        licence: Licence,
        now: Timestamp,
    ) -> Result<Option<SequenceId>, StoreError> {
        use super::files::{COPY_EXERCISE_FILES, COPY_SEQUENCE_FILES};
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let original: Option<PublishedRow> = COPY_SOURCE
            .query_as()
            .bind(id.get())
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?;
        let Some(original) = original else {
            return Ok(None);
        };
        let sequence = original.content.0;
        let entry = original.entry.entry();
        let mut copies = Vec::new();
        for exercise in sequence.exercises() {
            let content: ContentRow = CURRENT_CONTENT
                .query_as()
                .bind(exercise.get())
                .fetch_one(&mut *tx)
                .await
                .map_err(fail)?;
            let made = insert_exercise(&mut tx, school, owner, &content.content.0, now).await?;
            COPY_EXERCISE_FILES
                .query()
                .bind(made.get())
                .bind(exercise.get())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
            copies.push((exercise, made));
        }
        let credit = Credit {
            title: entry.title,
            author: entry.author,
            school: entry.school,
            licence: entry.licence,
        };
        let Some(copy) = sequence.copied(credit, licence, &copies) else {
            return Ok(None);
        };
        let made =
            insert_sequence(&mut tx, school, owner, Columns::of(&copy)?, Some(id), now).await?;
        COPY_SEQUENCE_FILES
            .query()
            .bind(made.get())
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(Some(made))
    }

    async fn import_sequence(
        &self,
        school: SchoolId,
        owner: AccountId,
        sequence: &Sequence,
        exercises: &[(ExerciseId, Exercise)],
        files: &[StoredFile],
        now: Timestamp,
    ) -> Result<SequenceId, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        for file in files {
            insert_file(&mut tx, file).await?;
        }
        let mut made = Vec::with_capacity(exercises.len());
        for (old, exercise) in exercises {
            let id = insert_exercise(&mut tx, school, owner, exercise, now).await?;
            // Only the files of this archive: a name left from the exporting instance is
            // nobody's here, and shares nothing.
            let used = exercise.files();
            let imported = files.iter().filter(|f| used.contains(&f.id));
            for file in imported {
                use_file(&mut tx, FileUser::Exercise(id), &file.id).await?;
            }
            made.push((*old, id));
        }
        // `archive::unpack` checked that every step's exercise is in the archive.
        let written = sequence
            .giving(&made)
            .ok_or_else(|| StoreError::Corrupt("an imported step lost its exercise".into()))?;
        let id = insert_sequence(&mut tx, school, owner, Columns::of(&written)?, None, now).await?;
        let shown = written.files();
        for file in files.iter().filter(|f| shown.contains(&f.id)) {
            use_file(&mut tx, FileUser::Sequence(id), &file.id).await?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(id)
    }
}

/// The three `LIKE` patterns of a folded search: a word each, the third taking the rest in
/// order; `%` where there is no word.
fn like_patterns(folded: &str) -> [String; 3] {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let pattern = |ws: &[&str]| {
        if ws.is_empty() {
            "%".to_owned()
        } else {
            format!("%{}%", ws.join("%"))
        }
    };
    [
        pattern(words.get(..1).unwrap_or(&[])),
        pattern(words.get(1..2).unwrap_or(&[])),
        pattern(words.get(2..).unwrap_or(&[])),
    ]
}

#[cfg(test)]
mod tests {
    use super::like_patterns;

    #[test]
    fn searched_words_become_patterns() {
        assert_eq!(like_patterns(""), ["%", "%", "%"]);
        assert_eq!(like_patterns("ghjorni"), ["%ghjorni%", "%", "%"]);
        assert_eq!(
            like_patterns("a b c d"),
            ["%a%", "%b%", "%c%d%"].map(String::from)
        );
    }
}

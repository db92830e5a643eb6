//! Interactive exercises: exercises and their versions, assignments, attempts.

use super::decode::{Code, Count, JsonText, json_text};
use super::sql::statements;
use super::{Db, fail};
use app::api::exercises::{AssignedExercise, ExerciseSummary, Given, PupilResult, Score};
use app::ports::{
    Exercises, HandedIn, StoreError, StoredAssignment, StoredAttempt, StoredExercise,
};
use async_trait::async_trait;
use domain::authz::exercises::{AssignmentFacts, ExerciseFacts};
use domain::exercise::assignment::{Feedback, Rules};
use domain::exercise::{Exercise, ItemId, LanguageTag, MarkError, Outcome, Points, Response};
use domain::ids::{AccountId, AssignmentId, AttemptId, ExerciseId, GroupId, SchoolId};
use domain::school_calendar::SchoolYear;
use domain::time::Timestamp;
use std::sync::Arc;

statements! {
    EXERCISES_OF = "SELECT e.id AS id, e.title AS title, e.language AS language, \
          e.items AS items, e.points AS points, e.updated_at AS updated_at, \
          (SELECT COUNT(*) FROM assignments a WHERE a.exercise_id = e.id) AS assignments \
        FROM exercises e \
        WHERE e.owner_id = $1 AND e.school_id = $2 AND e.deleted_at IS NULL \
        ORDER BY e.updated_at DESC, e.id DESC";
    EXERCISE = "SELECT e.id AS id, e.school_id AS school_id, e.owner_id AS owner_id, \
          e.version AS version, e.deleted_at AS deleted_at, v.content AS content \
        FROM exercises e JOIN exercise_versions v \
          ON v.exercise_id = e.id AND v.version = e.version \
        WHERE e.id = $1";
    VERSION = "SELECT content FROM exercise_versions WHERE exercise_id = $1 AND version = $2";
    CREATE_EXERCISE = "INSERT INTO exercises (school_id, owner_id, title, language, items, \
          points, version, created_at, updated_at) \
        VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id";
    CREATE_VERSION = "INSERT INTO exercise_versions (exercise_id, version, content, created_at) \
        VALUES ($1, $2, $3, $4)";
    /// Whether a pupil has started on a version: then it is never rewritten.
    VERSION_USED = "SELECT COUNT(*) AS n FROM attempts WHERE exercise_id = $1 AND version = $2";
    TOUCH_EXERCISE = "UPDATE exercises SET updated_at = $2 WHERE id = $1";
    CURRENT_VERSION = "SELECT version FROM exercises WHERE id = $1";
    REWRITE_VERSION = "UPDATE exercise_versions SET content = $3, created_at = $4 \
        WHERE exercise_id = $1 AND version = $2";
    UPDATE_EXERCISE = "UPDATE exercises SET title = $2, language = $3, items = $4, points = $5, \
          version = $6, updated_at = $7 \
        WHERE id = $1";
    SET_DELETED = "UPDATE exercises SET deleted_at = $2 WHERE id = $1";

    GROUP_SCHOOL = "SELECT school_id FROM school_groups WHERE id = $1";
    ASSIGN = "INSERT INTO assignments (exercise_id, group_id, assigned_by, opens_at, due_at, \
          feedback, attempts, created_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    ASSIGNMENT = "SELECT a.id AS id, a.exercise_id AS exercise_id, a.group_id AS group_id, \
          g.school_id AS school_id, a.assigned_by AS assigned_by, a.opens_at AS opens_at, \
          a.due_at AS due_at, a.feedback AS feedback, a.attempts AS attempts \
        FROM assignments a JOIN school_groups g ON g.id = a.group_id \
        WHERE a.id = $1";
    /// A pupil's assignments of this year's groups, with their attempts: one row per attempt
    /// (or one with no attempt), in order.
    ASSIGNED_TO = "SELECT a.id AS id, e.title AS title, g.name AS group_name, \
          a.opens_at AS opens_at, a.due_at AS due_at, a.feedback AS feedback, \
          a.attempts AS attempts, t.submitted_at AS submitted_at, t.earned AS earned, \
          t.max_points AS max_points, t.awaiting_teacher AS awaiting_teacher, \
          t.id AS attempt_id \
        FROM memberships m \
        JOIN school_groups g ON g.id = m.group_id \
        JOIN school_years y ON y.id = g.year_id AND y.starts_at = $2 \
        JOIN assignments a ON a.group_id = g.id \
        JOIN exercises e ON e.id = a.exercise_id AND e.deleted_at IS NULL \
        LEFT JOIN attempts t ON t.assignment_id = a.id AND t.pupil_id = m.account_id \
        WHERE m.account_id = $1 \
        ORDER BY COALESCE(a.due_at, a.opens_at), a.id, t.number";
    /// An exercise's assignments, latest first, with how many pupils handed in.
    GIVEN = "SELECT a.id AS id, g.name AS group_name, a.opens_at AS opens_at, \
          a.due_at AS due_at, a.feedback AS feedback, a.attempts AS attempts, \
          (SELECT COUNT(DISTINCT t.pupil_id) FROM attempts t \
            WHERE t.assignment_id = a.id AND t.submitted_at IS NOT NULL) AS handed_in \
        FROM assignments a JOIN school_groups g ON g.id = a.group_id \
        WHERE a.exercise_id = $1 \
        ORDER BY a.opens_at DESC, a.id DESC";
    /// Everyone in the group, with their attempts handed in: one row per attempt (or one with
    /// none), in order.
    RESULTS = "SELECT p.id AS pupil, p.first_name AS first_name, p.last_name AS last_name, \
          t.submitted_at AS submitted_at, t.earned AS earned, t.max_points AS max_points, \
          t.awaiting_teacher AS awaiting_teacher \
        FROM assignments a \
        JOIN memberships m ON m.group_id = a.group_id \
        JOIN accounts p ON p.id = m.account_id \
        LEFT JOIN attempts t ON t.assignment_id = a.id AND t.pupil_id = p.id \
          AND t.submitted_at IS NOT NULL \
        WHERE a.id = $1 \
        ORDER BY p.last_name, p.first_name, p.id, t.number";

    GROUP_NAME = "SELECT name FROM school_groups WHERE id = $1";
    /// Every attempt handed in on an assignment.
    HANDED_IN = "SELECT id, assignment_id, pupil_id, number, exercise_id, version, seed, \
          response, saved_at, submitted_at, outcome \
        FROM attempts WHERE assignment_id = $1 AND submitted_at IS NOT NULL \
        ORDER BY pupil_id, number";
    /// Takes the attempt's write lock (SQLite) or row lock (PostgreSQL) before its outcome is
    /// read, so that two marks of one attempt go one after the other and neither is lost.
    LOCK_ATTEMPT = "UPDATE attempts SET outcome = outcome WHERE id = $1";
    OUTCOME = "SELECT outcome FROM attempts WHERE id = $1 AND submitted_at IS NOT NULL";
    MARK = "UPDATE attempts SET earned = $2, awaiting_teacher = $3, outcome = $4 WHERE id = $1";

    ATTEMPT_COLUMNS_OF = "SELECT id, assignment_id, pupil_id, number, exercise_id, version, \
          seed, response, saved_at, submitted_at, outcome \
        FROM attempts WHERE assignment_id = $1 AND pupil_id = $2 ORDER BY number";
    ATTEMPT = "SELECT id, assignment_id, pupil_id, number, exercise_id, version, seed, \
          response, saved_at, submitted_at, outcome \
        FROM attempts WHERE id = $1";
    ATTEMPT_WITH_ASSIGNMENT = "SELECT t.id AS id, t.assignment_id AS assignment_id, \
          t.pupil_id AS pupil_id, t.number AS number, t.exercise_id AS exercise_id, \
          t.version AS version, t.seed AS seed, t.response AS response, \
          t.saved_at AS saved_at, t.submitted_at AS submitted_at, t.outcome AS outcome, \
          a.exercise_id AS given_exercise_id, a.group_id AS group_id, \
          g.school_id AS school_id, a.assigned_by AS assigned_by, a.opens_at AS opens_at, \
          a.due_at AS due_at, a.feedback AS feedback, a.attempts AS attempts \
        FROM attempts t JOIN assignments a ON a.id = t.assignment_id \
        JOIN school_groups g ON g.id = a.group_id \
        WHERE t.id = $1";
    /// The attempt is given the exercise's version of the moment; a number already taken by
    /// the same pupil (a start sent twice) inserts nothing.
    START_ATTEMPT = "INSERT INTO attempts (assignment_id, pupil_id, number, exercise_id, \
          version, seed, response, started_at, saved_at) \
        SELECT a.id, $2, $3, e.id, e.version, $4, '{}', $5, $5 \
        FROM assignments a JOIN exercises e ON e.id = a.exercise_id \
        WHERE a.id = $1 \
        ON CONFLICT (assignment_id, pupil_id, number) DO NOTHING \
        RETURNING id";
    SAVE_RESPONSE = "UPDATE attempts SET response = $2, saved_at = $3 \
        WHERE id = $1 AND submitted_at IS NULL";
    HAND_IN = "UPDATE attempts SET response = $2, saved_at = $3, submitted_at = $3, \
          earned = $4, max_points = $5, awaiting_teacher = $6, outcome = $7 \
        WHERE id = $1 AND submitted_at IS NULL";
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    title: String,
    language: Code<LanguageTag>,
    items: Count,
    points: i64,
    updated_at: i64,
    assignments: Count,
}

#[derive(sqlx::FromRow)]
struct ExerciseRow {
    id: i64,
    school_id: i64,
    owner_id: Option<i64>,
    version: i64,
    deleted_at: Option<i64>,
    content: JsonText<Exercise>,
}

#[derive(sqlx::FromRow)]
struct ContentRow {
    content: JsonText<Exercise>,
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: i64,
}

#[derive(sqlx::FromRow)]
struct CountRow {
    n: Count,
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    version: i64,
}

#[derive(sqlx::FromRow)]
struct SchoolRow {
    school_id: i64,
}

#[derive(sqlx::FromRow)]
struct AssignmentRow {
    id: i64,
    exercise_id: i64,
    group_id: i64,
    school_id: i64,
    assigned_by: Option<i64>,
    opens_at: i64,
    due_at: Option<i64>,
    feedback: Code<Feedback>,
    attempts: Option<i64>,
}

/// An attempt and its assignment ([`AssignmentRow`]'s columns, its id being the attempt's
/// `assignment_id`).
#[derive(sqlx::FromRow)]
struct AttemptAssignmentRow {
    #[sqlx(flatten)]
    attempt: AttemptRow,
    given_exercise_id: i64,
    group_id: i64,
    school_id: i64,
    assigned_by: Option<i64>,
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
    attempt_id: Option<i64>,
    submitted_at: Option<i64>,
    earned: Option<i64>,
    max_points: Option<i64>,
    awaiting_teacher: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct GivenRow {
    id: i64,
    group_name: String,
    opens_at: i64,
    due_at: Option<i64>,
    feedback: Code<Feedback>,
    attempts: Option<i64>,
    handed_in: Count,
}

#[derive(sqlx::FromRow)]
struct ResultRow {
    pupil: i64,
    first_name: String,
    last_name: String,
    submitted_at: Option<i64>,
    earned: Option<i64>,
    max_points: Option<i64>,
    awaiting_teacher: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct NameRow {
    name: String,
}

#[derive(sqlx::FromRow)]
struct OutcomeRow {
    outcome: Option<JsonText<Outcome>>,
}

#[derive(sqlx::FromRow)]
struct AttemptRow {
    id: i64,
    assignment_id: i64,
    pupil_id: i64,
    number: i64,
    exercise_id: i64,
    version: i64,
    seed: i64,
    response: JsonText<Response>,
    saved_at: i64,
    submitted_at: Option<i64>,
    outcome: Option<JsonText<Outcome>>,
}

impl TryFrom<AssignmentRow> for StoredAssignment {
    type Error = StoreError;
    fn try_from(r: AssignmentRow) -> Result<Self, StoreError> {
        Ok(StoredAssignment {
            id: AssignmentId::new(r.id),
            facts: AssignmentFacts {
                school: SchoolId::new(r.school_id),
                group: GroupId::new(r.group_id),
                teacher: r.assigned_by.map(AccountId::new),
            },
            exercise: ExerciseId::new(r.exercise_id),
            rules: rules(r.opens_at, r.due_at, r.feedback.0, r.attempts)?,
        })
    }
}

pub(super) fn points(value: i64, column: &'static str) -> Result<Points, StoreError> {
    u32::try_from(value)
        .map(Points::from_hundredths)
        .map_err(|_| super::decode::corrupt(column, &value.to_string()))
}

/// Writes a new exercise, its first version as given (a teacher's, a copy, an import).
pub(crate) async fn insert_exercise(
    tx: &mut sqlx::AnyConnection,
    school: SchoolId,
    owner: AccountId,
    exercise: &Exercise,
    now: Timestamp,
) -> Result<ExerciseId, StoreError> {
    let row: IdRow = CREATE_EXERCISE
        .query_as()
        .bind(school.get())
        .bind(owner.get())
        .bind(exercise.title.as_str())
        .bind(exercise.language.as_str())
        .bind(count(exercise.items.len()))
        .bind(hundredths(exercise.max_points()))
        .bind(now.unix())
        .fetch_one(&mut *tx)
        .await
        .map_err(fail)?;
    CREATE_VERSION
        .query()
        .bind(row.id)
        .bind(1_i64)
        .bind(json_text(exercise)?)
        .bind(now.unix())
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
    Ok(ExerciseId::new(row.id))
}

pub(super) fn hundredths(points: Points) -> i64 {
    i64::from(points.hundredths())
}

pub(super) fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(super) fn rules(
    opens_at: i64,
    due_at: Option<i64>,
    feedback: Feedback,
    attempts: Option<i64>,
) -> Result<Rules, StoreError> {
    let attempts = attempts
        .map(|n| {
            u8::try_from(n)
                .map_err(|_| super::decode::corrupt("assignments.attempts", &n.to_string()))
        })
        .transpose()?;
    Ok(Rules {
        opens: Timestamp::from_unix(opens_at),
        due: due_at.map(Timestamp::from_unix),
        feedback,
        attempts,
    })
}

/// Points of an attempt handed in, when the row has them all.
pub(super) fn score(
    earned: Option<i64>,
    max: Option<i64>,
    awaiting: Option<i64>,
) -> Result<Option<Score>, StoreError> {
    match (earned, max, awaiting) {
        (Some(e), Some(m), Some(a)) => Ok(Some(Score {
            earned: points(e, "attempts.earned")?,
            max: points(m, "attempts.max_points")?,
            awaiting_teacher: points(a, "attempts.awaiting_teacher")?,
        })),
        _ => Ok(None),
    }
}

impl TryFrom<AttemptRow> for StoredAttempt {
    type Error = StoreError;

    fn try_from(r: AttemptRow) -> Result<Self, StoreError> {
        let handed_in = match (r.submitted_at, r.outcome) {
            (Some(at), Some(outcome)) => Some(HandedIn {
                at: Timestamp::from_unix(at),
                outcome: outcome.0,
            }),
            (None, None) => None,
            _ => {
                return Err(super::decode::corrupt(
                    "attempts.outcome",
                    "handed in without an outcome",
                ));
            }
        };
        Ok(StoredAttempt {
            id: AttemptId::new(r.id),
            assignment: AssignmentId::new(r.assignment_id),
            pupil: AccountId::new(r.pupil_id),
            number: r.number,
            exercise: ExerciseId::new(r.exercise_id),
            version: r.version,
            // Stored as the signed integer both databases have; the bits are the seed's.
            seed: u64::from_ne_bytes(r.seed.to_ne_bytes()),
            response: r.response.0,
            saved: Timestamp::from_unix(r.saved_at),
            handed_in,
        })
    }
}

#[async_trait]
impl Exercises for Db {
    async fn exercises_of(
        &self,
        owner: AccountId,
        school: SchoolId,
    ) -> Result<Vec<ExerciseSummary>, StoreError> {
        let rows: Vec<SummaryRow> = EXERCISES_OF
            .query_as()
            .bind(owner.get())
            .bind(school.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        rows.into_iter()
            .map(|r| {
                Ok(ExerciseSummary {
                    id: ExerciseId::new(r.id),
                    title: r.title,
                    language: r.language.0,
                    items: r.items.0,
                    points: points(r.points, "exercises.points")?,
                    updated: Timestamp::from_unix(r.updated_at),
                    assignments: r.assignments.0,
                })
            })
            .collect()
    }

    async fn exercise(&self, id: ExerciseId) -> Result<Option<StoredExercise>, StoreError> {
        let row: Option<ExerciseRow> = EXERCISE
            .query_as()
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| StoredExercise {
            id: ExerciseId::new(r.id),
            facts: ExerciseFacts {
                school: SchoolId::new(r.school_id),
                owner: r.owner_id.map(AccountId::new),
            },
            version: r.version,
            exercise: r.content.0,
            deleted: r.deleted_at.is_some(),
        }))
    }

    async fn exercise_version(
        &self,
        id: ExerciseId,
        version: i64,
    ) -> Result<Option<Arc<Exercise>>, StoreError> {
        if let Some(kept) = self.versions.get(id, version) {
            return Ok(Some(kept));
        }
        let row: Option<ContentRow> = VERSION
            .query_as()
            .bind(id.get())
            .bind(version)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| {
            let exercise = Arc::new(r.content.0);
            self.versions.keep(id, version, Arc::clone(&exercise));
            exercise
        }))
    }

    async fn create_exercise(
        &self,
        school: SchoolId,
        owner: AccountId,
        exercise: &Exercise,
        now: Timestamp,
    ) -> Result<ExerciseId, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let id = insert_exercise(&mut tx, school, owner, exercise, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok(id)
    }

    async fn save_exercise(
        &self,
        id: ExerciseId,
        exercise: &Exercise,
        now: Timestamp,
    ) -> Result<i64, StoreError> {
        let content = json_text(exercise)?;
        let now_unix = now.unix();
        let mut tx = self.writer.begin().await.map_err(fail)?;
        // A write first takes the write lock (SQLite) or the row's lock (PostgreSQL): two saves
        // of the same exercise go one after the other and never make the same version twice.
        TOUCH_EXERCISE
            .query()
            .bind(id.get())
            .bind(now_unix)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        let current: VersionRow = CURRENT_VERSION
            .query_as()
            .bind(id.get())
            .fetch_one(&mut *tx)
            .await
            .map_err(fail)?;
        let used: CountRow = VERSION_USED
            .query_as()
            .bind(id.get())
            .bind(current.version)
            .fetch_one(&mut *tx)
            .await
            .map_err(fail)?;
        let version = if used.n.0 == 0 {
            REWRITE_VERSION
                .query()
                .bind(id.get())
                .bind(current.version)
                .bind(content)
                .bind(now_unix)
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
            current.version
        } else {
            CREATE_VERSION
                .query()
                .bind(id.get())
                .bind(current.version + 1)
                .bind(content)
                .bind(now_unix)
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
            current.version + 1
        };
        UPDATE_EXERCISE
            .query()
            .bind(id.get())
            .bind(exercise.title.as_str())
            .bind(exercise.language.as_str())
            .bind(count(exercise.items.len()))
            .bind(hundredths(exercise.max_points()))
            .bind(version)
            .bind(now_unix)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(version)
    }

    async fn set_exercise_deleted(
        &self,
        id: ExerciseId,
        deleted: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        SET_DELETED
            .query()
            .bind(id.get())
            .bind(deleted.map(Timestamp::unix))
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn group_school(&self, group: GroupId) -> Result<Option<SchoolId>, StoreError> {
        let row: Option<SchoolRow> = GROUP_SCHOOL
            .query_as()
            .bind(group.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| SchoolId::new(r.school_id)))
    }

    async fn assign(
        &self,
        exercise: ExerciseId,
        group: GroupId,
        by: AccountId,
        rules: &Rules,
        now: Timestamp,
    ) -> Result<AssignmentId, StoreError> {
        let row: IdRow = ASSIGN
            .query_as()
            .bind(exercise.get())
            .bind(group.get())
            .bind(by.get())
            .bind(rules.opens.unix())
            .bind(rules.due.map(Timestamp::unix))
            .bind(rules.feedback.code())
            .bind(rules.attempts.map(i64::from))
            .bind(now.unix())
            .fetch_one(&self.writer)
            .await
            .map_err(fail)?;
        Ok(AssignmentId::new(row.id))
    }

    async fn assignment(&self, id: AssignmentId) -> Result<Option<StoredAssignment>, StoreError> {
        let row: Option<AssignmentRow> = ASSIGNMENT
            .query_as()
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        row.map(StoredAssignment::try_from).transpose()
    }

    async fn assigned_to(
        &self,
        pupil: AccountId,
        year: SchoolYear,
    ) -> Result<Vec<AssignedExercise>, StoreError> {
        let rows: Vec<AssignedRow> = ASSIGNED_TO
            .query_as()
            .bind(pupil.get())
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let mut list: Vec<AssignedExercise> = Vec::new();
        for r in rows {
            let id = AssignmentId::new(r.id);
            if list.last().is_none_or(|last| last.assignment != id) {
                list.push(AssignedExercise {
                    assignment: id,
                    title: r.title,
                    group: r.group_name,
                    rules: rules(r.opens_at, r.due_at, r.feedback.0, r.attempts)?,
                    handed_in: 0,
                    in_progress: false,
                    last_score: None,
                });
            }
            let Some(entry) = list.last_mut() else {
                continue;
            };
            if r.attempt_id.is_none() {
                continue;
            }
            if r.submitted_at.is_some() {
                entry.handed_in += 1;
                entry.last_score = score(r.earned, r.max_points, r.awaiting_teacher)?;
            } else {
                entry.in_progress = true;
            }
        }
        Ok(list)
    }

    async fn given(&self, exercise: ExerciseId) -> Result<Vec<Given>, StoreError> {
        let rows: Vec<GivenRow> = GIVEN
            .query_as()
            .bind(exercise.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        rows.into_iter()
            .map(|r| {
                Ok(Given {
                    assignment: AssignmentId::new(r.id),
                    group: r.group_name,
                    rules: rules(r.opens_at, r.due_at, r.feedback.0, r.attempts)?,
                    handed_in: r.handed_in.0,
                })
            })
            .collect()
    }

    async fn results(&self, assignment: AssignmentId) -> Result<Vec<PupilResult>, StoreError> {
        let rows: Vec<ResultRow> = RESULTS
            .query_as()
            .bind(assignment.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let mut list: Vec<PupilResult> = Vec::new();
        for r in rows {
            let pupil = AccountId::new(r.pupil);
            if list.last().is_none_or(|last| last.pupil != pupil) {
                list.push(PupilResult {
                    pupil,
                    first_name: r.first_name,
                    last_name: r.last_name,
                    handed_in: 0,
                    last_score: None,
                    last_handed_in: None,
                    items: Vec::new(),
                });
            }
            let Some(entry) = list.last_mut() else {
                continue;
            };
            if let Some(at) = r.submitted_at {
                entry.handed_in += 1;
                entry.last_handed_in = Some(Timestamp::from_unix(at));
                entry.last_score = score(r.earned, r.max_points, r.awaiting_teacher)?;
            }
        }
        Ok(list)
    }

    async fn group_name(&self, group: GroupId) -> Result<Option<String>, StoreError> {
        let row: Option<NameRow> = GROUP_NAME
            .query_as()
            .bind(group.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| r.name))
    }

    async fn handed_in(&self, assignment: AssignmentId) -> Result<Vec<StoredAttempt>, StoreError> {
        let rows: Vec<AttemptRow> = HANDED_IN
            .query_as()
            .bind(assignment.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        rows.into_iter().map(StoredAttempt::try_from).collect()
    }

    async fn mark(
        &self,
        attempt: AttemptId,
        item: &ItemId,
        points: Option<Points>,
    ) -> Result<Result<Outcome, MarkError>, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        LOCK_ATTEMPT
            .query()
            .bind(attempt.get())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        let row: Option<OutcomeRow> = OUTCOME
            .query_as()
            .bind(attempt.get())
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?;
        let Some(mut outcome) = row.and_then(|r| r.outcome).map(|o| o.0) else {
            return Ok(Err(MarkError::NotHandedIn));
        };
        if let Err(problem) = outcome.mark(item, points) {
            return Ok(Err(problem));
        }
        MARK.query()
            .bind(attempt.get())
            .bind(hundredths(outcome.earned))
            .bind(hundredths(outcome.awaiting_teacher))
            .bind(json_text(&outcome)?)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(Ok(outcome))
    }

    async fn attempts(
        &self,
        assignment: AssignmentId,
        pupil: AccountId,
    ) -> Result<Vec<StoredAttempt>, StoreError> {
        let rows: Vec<AttemptRow> = ATTEMPT_COLUMNS_OF
            .query_as()
            .bind(assignment.get())
            .bind(pupil.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        rows.into_iter().map(StoredAttempt::try_from).collect()
    }

    async fn attempt(&self, id: AttemptId) -> Result<Option<StoredAttempt>, StoreError> {
        let row: Option<AttemptRow> = ATTEMPT
            .query_as()
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        row.map(StoredAttempt::try_from).transpose()
    }

    async fn attempt_with_assignment(
        &self,
        id: AttemptId,
    ) -> Result<Option<(StoredAttempt, StoredAssignment)>, StoreError> {
        let row: Option<AttemptAssignmentRow> = ATTEMPT_WITH_ASSIGNMENT
            .query_as()
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        let Some(r) = row else {
            return Ok(None);
        };
        let assignment = StoredAssignment::try_from(AssignmentRow {
            id: r.attempt.assignment_id,
            exercise_id: r.given_exercise_id,
            group_id: r.group_id,
            school_id: r.school_id,
            assigned_by: r.assigned_by,
            opens_at: r.opens_at,
            due_at: r.due_at,
            feedback: r.feedback,
            attempts: r.attempts,
        })?;
        Ok(Some((StoredAttempt::try_from(r.attempt)?, assignment)))
    }

    async fn start_attempt(
        &self,
        assignment: AssignmentId,
        pupil: AccountId,
        number: i64,
        seed: u64,
        now: Timestamp,
    ) -> Result<Option<AttemptId>, StoreError> {
        let row: Option<IdRow> = START_ATTEMPT
            .query_as()
            .bind(assignment.get())
            .bind(pupil.get())
            .bind(number)
            .bind(i64::from_ne_bytes(seed.to_ne_bytes()))
            .bind(now.unix())
            .fetch_optional(&self.writer)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| AttemptId::new(r.id)))
    }

    async fn save_response(
        &self,
        attempt: AttemptId,
        response: &Response,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let (id, response, at) = (attempt.get(), json_text(response)?, now.unix());
        let changed = self
            .write_batched(Box::new(move |conn| {
                Box::pin(async move {
                    let done = SAVE_RESPONSE
                        .query()
                        .bind(id)
                        .bind(response)
                        .bind(at)
                        .execute(conn)
                        .await?;
                    Ok(done.rows_affected())
                })
            }))
            .await?;
        Ok(changed == 1)
    }

    async fn hand_in(
        &self,
        attempt: AttemptId,
        response: &Response,
        outcome: &Outcome,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let (id, at) = (attempt.get(), now.unix());
        let (response, marks) = (json_text(response)?, json_text(outcome)?);
        let points = [outcome.earned, outcome.max, outcome.awaiting_teacher].map(hundredths);
        let changed = self
            .write_batched(Box::new(move |conn| {
                Box::pin(async move {
                    let done = HAND_IN
                        .query()
                        .bind(id)
                        .bind(response)
                        .bind(at)
                        .bind(points[0])
                        .bind(points[1])
                        .bind(points[2])
                        .bind(marks)
                        .execute(conn)
                        .await?;
                    Ok(done.rows_affected())
                })
            }))
            .await?;
        Ok(changed == 1)
    }
}

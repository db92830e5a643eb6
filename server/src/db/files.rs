//! Stored files' records, and the exercises that use them (their bytes: `crate::storage`).

use super::decode::{Code, Size};
use super::sql::statements;
use super::{Db, fail};
use app::ports::{Files, StoreError, StoredFile};
use async_trait::async_trait;
use domain::authz::exercises::{AssignmentFacts, ExerciseFacts};
use domain::authz::files::AttemptFacts;
use domain::authz::files::FileFacts;
use domain::file::{FileId, FileKind, FileUse};
use domain::ids::{AccountId, AttemptId, ExerciseId, GroupId, SchoolId};
use domain::time::Timestamp;

statements! {
    CREATE_FILE = "INSERT INTO files (id, school_id, owner_id, purpose, content_type, size, name, \
          sha256, created_at, attempt_id) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    FILE = "SELECT id, school_id, owner_id, purpose, content_type, size, name, sha256, \
          created_at, attempt_id \
        FROM files WHERE id = $1";
    /// The attempt a spoken answer was recorded in, and its assignment.
    FILE_ATTEMPT = "SELECT g.school_id AS school_id, a.group_id AS group_id, \
          a.assigned_by AS assigned_by, t.pupil_id AS pupil_id \
        FROM attempts t \
        JOIN assignments a ON a.id = t.assignment_id \
        JOIN school_groups g ON g.id = a.group_id \
        WHERE t.id = $1";
    /// The exercises using a file, deleted ones included (their author may restore them).
    FILE_EXERCISES = "SELECT e.school_id AS school_id, e.owner_id AS owner_id \
        FROM exercise_files f JOIN exercises e ON e.id = f.exercise_id \
        WHERE f.file_id = $1";
    /// The assignments of the exercises using a file, but of deleted exercises, which pupils
    /// no longer see.
    FILE_ASSIGNMENTS = "SELECT g.school_id AS school_id, a.group_id AS group_id, \
          a.assigned_by AS assigned_by \
        FROM exercise_files f \
        JOIN exercises e ON e.id = f.exercise_id AND e.deleted_at IS NULL \
        JOIN assignments a ON a.exercise_id = e.id \
        JOIN school_groups g ON g.id = a.group_id \
        WHERE f.file_id = $1";
    FILES_USED = "SELECT file_id FROM exercise_files WHERE exercise_id = $1 ORDER BY file_id";
    USE_FILE = "INSERT INTO exercise_files (exercise_id, file_id) VALUES ($1, $2) \
        ON CONFLICT (exercise_id, file_id) DO NOTHING";
}

#[derive(sqlx::FromRow)]
struct FileRow {
    id: Code<FileId>,
    school_id: i64,
    owner_id: Option<i64>,
    purpose: Code<FileUse>,
    content_type: Code<FileKind>,
    size: Size,
    name: Option<String>,
    sha256: String,
    created_at: i64,
    attempt_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct ExerciseRow {
    school_id: i64,
    owner_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct AssignmentRow {
    school_id: i64,
    group_id: i64,
    assigned_by: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct AttemptRow {
    school_id: i64,
    group_id: i64,
    assigned_by: Option<i64>,
    pupil_id: i64,
}

#[derive(sqlx::FromRow)]
struct UsedRow {
    file_id: Code<FileId>,
}

impl From<FileRow> for StoredFile {
    fn from(r: FileRow) -> Self {
        StoredFile {
            id: r.id.0,
            school: SchoolId::new(r.school_id),
            owner: r.owner_id.map(AccountId::new),
            usage: r.purpose.0,
            kind: r.content_type.0,
            size: r.size.0,
            name: r.name,
            sha256: r.sha256,
            created: Timestamp::from_unix(r.created_at),
            attempt: r.attempt_id.map(AttemptId::new),
        }
    }
}

#[async_trait]
impl Files for Db {
    async fn create_file(&self, file: &StoredFile) -> Result<(), StoreError> {
        CREATE_FILE
            .query()
            .bind(file.id.as_str())
            .bind(file.school.get())
            .bind(file.owner.map(AccountId::get))
            .bind(file.usage.code())
            .bind(file.kind.code())
            .bind(i64::try_from(file.size).unwrap_or(i64::MAX))
            .bind(file.name.as_deref())
            .bind(file.sha256.as_str())
            .bind(file.created.unix())
            .bind(file.attempt.map(AttemptId::get))
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn file(&self, id: &FileId) -> Result<Option<StoredFile>, StoreError> {
        let row: Option<FileRow> = FILE
            .query_as()
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(StoredFile::from))
    }

    async fn file_facts(&self, file: &StoredFile) -> Result<FileFacts, StoreError> {
        let exercises: Vec<ExerciseRow> = FILE_EXERCISES
            .query_as()
            .bind(file.id.as_str())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let assignments: Vec<AssignmentRow> = FILE_ASSIGNMENTS
            .query_as()
            .bind(file.id.as_str())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let answer = match file.attempt {
            Some(attempt) => {
                let row: Option<AttemptRow> = FILE_ATTEMPT
                    .query_as()
                    .bind(attempt.get())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(fail)?;
                row.map(|r| AttemptFacts {
                    assignment: AssignmentFacts {
                        school: SchoolId::new(r.school_id),
                        group: GroupId::new(r.group_id),
                        teacher: r.assigned_by.map(AccountId::new),
                    },
                    pupil: AccountId::new(r.pupil_id),
                })
            }
            None => None,
        };
        Ok(FileFacts {
            school: file.school,
            owner: file.owner,
            usage: file.usage,
            answer,
            exercises: exercises
                .into_iter()
                .map(|r| ExerciseFacts {
                    school: SchoolId::new(r.school_id),
                    owner: r.owner_id.map(AccountId::new),
                })
                .collect(),
            assignments: assignments
                .into_iter()
                .map(|r| AssignmentFacts {
                    school: SchoolId::new(r.school_id),
                    group: GroupId::new(r.group_id),
                    teacher: r.assigned_by.map(AccountId::new),
                })
                .collect(),
        })
    }

    async fn files_used(&self, exercise: ExerciseId) -> Result<Vec<FileId>, StoreError> {
        let rows: Vec<UsedRow> = FILES_USED
            .query_as()
            .bind(exercise.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows.into_iter().map(|r| r.file_id.0).collect())
    }

    async fn use_files(&self, exercise: ExerciseId, files: &[FileId]) -> Result<(), StoreError> {
        for file in files {
            USE_FILE
                .query()
                .bind(exercise.get())
                .bind(file.as_str())
                .execute(&self.pool)
                .await
                .map_err(fail)?;
        }
        Ok(())
    }
}

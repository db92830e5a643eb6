//! Stored files' records, and the exercises and sequences that use them (their bytes:
//! `crate::storage`).

use super::decode::{Code, Size};
use super::sql::statements;
use super::{Db, fail};
use app::ports::{FileUser, Files, PartsUpload, StoreError, StoredFile};
use async_trait::async_trait;
use domain::authz::exercises::{AssignmentFacts, ExerciseFacts};
use domain::authz::files::AttemptFacts;
use domain::authz::files::FileFacts;
use domain::authz::sequences::SequenceFacts;
use domain::file::{FileId, FileKind, FileUse, UploadId};
use domain::ids::{AccountId, AttemptId, GroupId, SchoolId};
use domain::sequence::Licence;
use domain::time::Timestamp;
use sqlx::AnyConnection;

statements! {
    CREATE_UPLOAD = "INSERT INTO uploads (id, school_id, owner_id, purpose, name, total, \
          part_size, received, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8)";
    UPLOAD = "SELECT id, school_id, owner_id, purpose, name, total, part_size, received, \
          created_at, file_id FROM uploads WHERE id = $1";
    FINISH_UPLOAD = "UPDATE uploads SET file_id = $2 WHERE id = $1";
    ADVANCE_UPLOAD = "UPDATE uploads SET received = $3 WHERE id = $1 AND received = $2";
    DELETE_UPLOAD = "DELETE FROM uploads WHERE id = $1";
    UPLOADS_BEFORE = "SELECT id, school_id, owner_id, purpose, name, total, part_size, \
          received, created_at, file_id FROM uploads WHERE created_at < $1 ORDER BY created_at";
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
    /// The groups whose cahier de textes shows a file.
    FILE_CAHIER_GROUPS = "SELECT school_id, group_id FROM cahier_files WHERE file_id = $1";
    /// The hand-in a file is part of, once the teacher may read it.
    FILE_HAND_IN = "SELECT h.school_id AS school_id, h.group_id AS group_id, \
          h.author_id AS author_id, i.pupil_id AS pupil_id \
        FROM hand_in_files f JOIN hand_ins i ON i.id = f.hand_in_id \
        JOIN homework h ON h.id = i.homework_id WHERE f.file_id = $1 AND f.shared = 1";
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
    /// The sequences using a file, deleted ones included (their author may restore them).
    FILE_SEQUENCES = "SELECT s.school_id AS school_id, s.owner_id AS owner_id, \
          s.licence AS licence, s.published_at AS published_at, s.deleted_at AS deleted_at \
        FROM sequence_files f JOIN sequences s ON s.id = f.sequence_id \
        WHERE f.file_id = $1";
    /// Those sequences as given, but of deleted sequences, which pupils no longer see.
    FILE_SEQUENCES_GIVEN = "SELECT g.school_id AS school_id, a.group_id AS group_id, \
          a.assigned_by AS assigned_by \
        FROM sequence_files f \
        JOIN sequences s ON s.id = f.sequence_id AND s.deleted_at IS NULL \
        JOIN sequence_assignments a ON a.sequence_id = s.id \
        JOIN school_groups g ON g.id = a.group_id \
        WHERE f.file_id = $1";
    FILES_USED = "SELECT file_id FROM exercise_files WHERE exercise_id = $1 ORDER BY file_id";
    /// A file used once and no more (an archive imported or downloaded), never one in use.
    DELETE_FILE = "DELETE FROM files WHERE id = $1 \
        AND NOT EXISTS (SELECT 1 FROM exercise_files f WHERE f.file_id = $1) \
        AND NOT EXISTS (SELECT 1 FROM sequence_files f WHERE f.file_id = $1)";
    FILES_BEFORE = "SELECT id FROM files WHERE purpose = $1 AND created_at < $2";
    USE_FILE = "INSERT INTO exercise_files (exercise_id, file_id) VALUES ($1, $2) \
        ON CONFLICT (exercise_id, file_id) DO NOTHING";
    SEQUENCE_FILES_USED = "SELECT file_id FROM sequence_files WHERE sequence_id = $1 \
        ORDER BY file_id";
    USE_SEQUENCE_FILE = "INSERT INTO sequence_files (sequence_id, file_id) VALUES ($1, $2) \
        ON CONFLICT (sequence_id, file_id) DO NOTHING";
    /// A copy shows what its original showed (the library's readers could see those files).
    COPY_EXERCISE_FILES = "INSERT INTO exercise_files (exercise_id, file_id) \
        SELECT $1, file_id FROM exercise_files WHERE exercise_id = $2";
    COPY_SEQUENCE_FILES = "INSERT INTO sequence_files (sequence_id, file_id) \
        SELECT $1, file_id FROM sequence_files WHERE sequence_id = $2";
}

#[derive(sqlx::FromRow)]
struct CahierRow {
    school_id: i64,
    group_id: i64,
}

#[derive(sqlx::FromRow)]
struct HandInRow {
    school_id: i64,
    group_id: i64,
    author_id: Option<i64>,
    pupil_id: i64,
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
struct UploadRow {
    id: Code<UploadId>,
    school_id: i64,
    owner_id: i64,
    purpose: Code<FileUse>,
    name: Option<String>,
    total: Size,
    part_size: Size,
    received: Size,
    created_at: i64,
    file_id: Option<Code<FileId>>,
}

impl UploadRow {
    fn upload(self) -> PartsUpload {
        PartsUpload {
            id: self.id.0,
            school: SchoolId::new(self.school_id),
            owner: AccountId::new(self.owner_id),
            usage: self.purpose.0,
            name: self.name,
            total: self.total.0,
            part_size: self.part_size.0,
            received: self.received.0,
            created: Timestamp::from_unix(self.created_at),
            file: self.file_id.map(|f| f.0),
        }
    }
}

/// A size as stored (sizes are far below `i64::MAX`).
fn stored_size(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[derive(sqlx::FromRow)]
struct ExerciseRow {
    school_id: i64,
    owner_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct SequenceRow {
    school_id: i64,
    owner_id: Option<i64>,
    licence: Code<Licence>,
    published_at: Option<i64>,
    deleted_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct AssignmentRow {
    school_id: i64,
    group_id: i64,
    assigned_by: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: Code<FileId>,
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

impl AssignmentRow {
    fn facts(self) -> AssignmentFacts {
        AssignmentFacts {
            school: SchoolId::new(self.school_id),
            group: GroupId::new(self.group_id),
            teacher: self.assigned_by.map(AccountId::new),
        }
    }
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
    async fn create_upload(&self, upload: &PartsUpload) -> Result<(), StoreError> {
        CREATE_UPLOAD
            .query()
            .bind(upload.id.as_str())
            .bind(upload.school.get())
            .bind(upload.owner.get())
            .bind(upload.usage.code())
            .bind(upload.name.as_deref())
            .bind(stored_size(upload.total))
            .bind(stored_size(upload.part_size))
            .bind(upload.created.unix())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn upload(&self, id: &UploadId) -> Result<Option<PartsUpload>, StoreError> {
        let row: Option<UploadRow> = UPLOAD
            .query_as()
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(UploadRow::upload))
    }

    async fn advance_upload(&self, id: &UploadId, from: u64, to: u64) -> Result<bool, StoreError> {
        self.changed(
            ADVANCE_UPLOAD
                .query()
                .bind(id.as_str())
                .bind(stored_size(from))
                .bind(stored_size(to)),
        )
        .await
    }

    async fn finish_upload(&self, id: &UploadId, file: &FileId) -> Result<(), StoreError> {
        FINISH_UPLOAD
            .query()
            .bind(id.as_str())
            .bind(file.as_str())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn delete_upload(&self, id: &UploadId) -> Result<(), StoreError> {
        DELETE_UPLOAD
            .query()
            .bind(id.as_str())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn uploads_before(&self, before: Timestamp) -> Result<Vec<PartsUpload>, StoreError> {
        let rows: Vec<UploadRow> = UPLOADS_BEFORE
            .query_as()
            .bind(before.unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows.into_iter().map(UploadRow::upload).collect())
    }

    async fn create_file(&self, file: &StoredFile) -> Result<(), StoreError> {
        let mut conn = self.writer.acquire().await.map_err(fail)?;
        insert_file(&mut conn, file).await
    }

    async fn archives_before(&self, before: Timestamp) -> Result<Vec<FileId>, StoreError> {
        let rows: Vec<IdRow> = FILES_BEFORE
            .query_as()
            .bind(FileUse::Archive.code())
            .bind(before.unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows.into_iter().map(|r| r.id.0).collect())
    }

    async fn delete_file(&self, id: &FileId) -> Result<(), StoreError> {
        DELETE_FILE
            .query()
            .bind(id.as_str())
            .execute(&self.writer)
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

    async fn file_facts(
        &self,
        file: &StoredFile,
        children: &[AccountId],
    ) -> Result<FileFacts, StoreError> {
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
        let sequences: Vec<SequenceRow> = FILE_SEQUENCES
            .query_as()
            .bind(file.id.as_str())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let given: Vec<AssignmentRow> = FILE_SEQUENCES_GIVEN
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
        let cahier: Vec<CahierRow> = FILE_CAHIER_GROUPS
            .query_as()
            .bind(file.id.as_str())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let hand_in: Option<HandInRow> = FILE_HAND_IN
            .query_as()
            .bind(file.id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        // A caller's children in those groups: a parent reads what their child's class shows.
        let mut lessons = Vec::with_capacity(cahier.len());
        for row in cahier {
            let group = GroupId::new(row.group_id);
            lessons.push(domain::authz::homework::GroupFacts {
                school: SchoolId::new(row.school_id),
                group,
                child_in_it: !children.is_empty()
                    && app::ports::Homeworks::any_in_group(self, children, group).await?,
            });
        }
        Ok(FileFacts {
            school: file.school,
            owner: file.owner,
            usage: file.usage,
            lessons,
            hand_in: hand_in.map(|r| domain::authz::homework::HandInFacts {
                homework: domain::authz::homework::HomeworkFacts {
                    school: SchoolId::new(r.school_id),
                    group: GroupId::new(r.group_id),
                    author: r.author_id.map(AccountId::new),
                },
                pupil: AccountId::new(r.pupil_id),
            }),
            answer,
            exercises: exercises
                .into_iter()
                .map(|r| ExerciseFacts {
                    school: SchoolId::new(r.school_id),
                    owner: r.owner_id.map(AccountId::new),
                })
                .collect(),
            assignments: assignments.into_iter().map(AssignmentRow::facts).collect(),
            sequences: sequences
                .into_iter()
                .map(|r| SequenceFacts {
                    school: SchoolId::new(r.school_id),
                    owner: r.owner_id.map(AccountId::new),
                    published: r.published_at.is_some() && r.deleted_at.is_none(),
                    licence: r.licence.0,
                })
                .collect(),
            given: given.into_iter().map(AssignmentRow::facts).collect(),
        })
    }

    async fn files_used(&self, user: FileUser) -> Result<Vec<FileId>, StoreError> {
        let (statement, id) = match user {
            FileUser::Exercise(e) => (FILES_USED, e.get()),
            FileUser::Sequence(s) => (SEQUENCE_FILES_USED, s.get()),
        };
        let rows: Vec<UsedRow> = statement
            .query_as()
            .bind(id)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows.into_iter().map(|r| r.file_id.0).collect())
    }

    async fn use_files(&self, user: FileUser, files: &[FileId]) -> Result<(), StoreError> {
        let mut conn = self.writer.acquire().await.map_err(fail)?;
        for file in files {
            use_file(&mut conn, user, file).await?;
        }
        Ok(())
    }
}

/// Records a file whose body is in the store.
pub(crate) async fn insert_file(
    conn: &mut AnyConnection,
    file: &StoredFile,
) -> Result<(), StoreError> {
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
        .execute(&mut *conn)
        .await
        .map_err(fail)?;
    Ok(())
}

/// Records that an exercise or a sequence uses a file (once).
pub(crate) async fn use_file(
    conn: &mut AnyConnection,
    user: FileUser,
    file: &FileId,
) -> Result<(), StoreError> {
    let (statement, id) = match user {
        FileUser::Exercise(e) => (USE_FILE, e.get()),
        FileUser::Sequence(s) => (USE_SEQUENCE_FILE, s.get()),
    };
    statement
        .query()
        .bind(id)
        .bind(file.as_str())
        .execute(&mut *conn)
        .await
        .map_err(fail)?;
    Ok(())
}

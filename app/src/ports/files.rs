//! Stored files: their records ([`Files`], in the database) and their bytes ([`FileStore`], the
//! server's one storage module on `object_store`: a local directory or an S3-compatible bucket).
//! A file is written body first, record second, so that a file nobody can name is the worst a
//! failure leaves, never a record without its bytes.

use super::StoreError;
pub use crate::api::files::encoding::BodyError;
use async_trait::async_trait;
use domain::authz::files::FileFacts;
use domain::file::{FileId, FileKind, FileUse, UploadId};
use domain::ids::{AccountId, AttemptId, ExerciseId, SchoolId, SequenceId};
use domain::time::Timestamp;
use futures::stream::BoxStream;
use leptos::server_fn::Bytes;

/// A file's record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFile {
    pub id: FileId,
    pub school: SchoolId,
    /// `None` once the uploader's account is gone.
    pub owner: Option<AccountId>,
    pub usage: FileUse,
    /// What its content says it is.
    pub kind: FileKind,
    pub size: u64,
    /// As the uploader named it, cleaned (`domain::file::clean_name`).
    pub name: Option<String>,
    /// Hexadecimal SHA-256 of the bytes, to tell a damaged or substituted body.
    pub sha256: String,
    pub created: Timestamp,
    /// The attempt it is a spoken answer of (`FileUse::AnswerAudio`); `None` for other files,
    /// and once the attempt is gone.
    pub attempt: Option<AttemptId>,
}

/// What may show a file to the people it is given to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileUser {
    Exercise(ExerciseId),
    Sequence(SequenceId),
}

#[async_trait]
pub trait Files: Send + Sync {
    async fn create_file(&self, file: &StoredFile) -> Result<(), StoreError>;
    async fn file(&self, id: &FileId) -> Result<Option<StoredFile>, StoreError>;
    /// Removes a file's record, unless an exercise or a sequence uses it (its body:
    /// [`FileStore::delete`]).
    async fn delete_file(&self, id: &FileId) -> Result<(), StoreError>;
    /// Sequences' archives (use `archive`) stored before `before`: leftovers to sweep.
    async fn archives_before(&self, before: Timestamp) -> Result<Vec<FileId>, StoreError>;
    /// What deciding who may read it needs: the exercises and sequences that use it and their
    /// assignments (those of deleted ones left out: their pupils see them no more), the
    /// attempt it answers in, the cahier de textes and hand-ins that show it; `children`: the caller's (whether one is in a group that
    /// sees it is a fact about the caller's family, read here).
    async fn file_facts(
        &self,
        file: &StoredFile,
        children: &[AccountId],
    ) -> Result<FileFacts, StoreError>;
    /// The files an exercise or a sequence already uses.
    async fn files_used(&self, user: FileUser) -> Result<Vec<FileId>, StoreError>;
    /// Records that the exercise or sequence uses these files (kept when a later version stops
    /// naming them: an attempt or a sequence given earlier still shows them).
    async fn use_files(&self, user: FileUser, files: &[FileId]) -> Result<(), StoreError>;

    /// A file being sent in parts.
    async fn create_upload(&self, upload: &PartsUpload) -> Result<(), StoreError>;
    async fn upload(&self, id: &UploadId) -> Result<Option<PartsUpload>, StoreError>;
    /// Moves `received` from `from` to `to`; `false` when it was not at `from` any more (the same
    /// part sent twice at once: the other one took it).
    async fn advance_upload(&self, id: &UploadId, from: u64, to: u64) -> Result<bool, StoreError>;
    /// Records the file an upload became (its parts removed by then).
    async fn finish_upload(&self, id: &UploadId, file: &FileId) -> Result<(), StoreError>;
    async fn delete_upload(&self, id: &UploadId) -> Result<(), StoreError>;
    /// Uploads started before `before` and never finished: leftovers to sweep.
    async fn uploads_before(&self, before: Timestamp) -> Result<Vec<PartsUpload>, StoreError>;
}

/// A file being sent in parts: what for, how large, the part size agreed, the bytes received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartsUpload {
    pub id: UploadId,
    pub school: SchoolId,
    pub owner: AccountId,
    pub usage: FileUse,
    pub name: Option<String>,
    pub total: u64,
    pub part_size: u64,
    pub received: u64,
    pub created: Timestamp,
    /// The file it became, once whole and checked.
    pub file: Option<FileId>,
}

/// The bytes of a file, as they arrive or are read back.
pub type Body<E> = BoxStream<'static, Result<Bytes, E>>;

#[derive(Debug)]
pub enum PutError {
    Body(BodyError),
    Store(StoreError),
}

/// Where files' bytes are kept.
#[async_trait]
pub trait FileStore: Send + Sync {
    /// Writes `body` under `id`, whole or not at all: when the body fails or the store does,
    /// nothing is left under `id`.
    async fn put(&self, id: &FileId, body: Body<BodyError>) -> Result<(), PutError>;
    /// The bytes, as they are read; `None` when nothing is stored under `id`.
    async fn get(&self, id: &FileId) -> Result<Option<Body<StoreError>>, StoreError>;
    /// Removes the bytes (nothing to remove is no error).
    async fn delete(&self, id: &FileId) -> Result<(), StoreError>;

    /// Keeps one part of a file sent in parts (the `index`th), until the file is whole.
    async fn put_part(&self, upload: &UploadId, index: u64, bytes: Bytes)
    -> Result<(), StoreError>;
    /// A part's bytes; `None` when it is not there.
    async fn get_part(&self, upload: &UploadId, index: u64) -> Result<Option<Bytes>, StoreError>;
    /// Removes the parts of an upload (`count` of them at most).
    async fn delete_parts(&self, upload: &UploadId, count: u64) -> Result<(), StoreError>;
}

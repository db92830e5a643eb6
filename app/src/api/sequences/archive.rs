//! A sequence as an open archive (`domain::sequence::archive`, described in
//! `docs/sequence-archive.md`): its author exports it with its exercises and their media; a
//! teacher imports one into their sequences of a school.
//!
//! Both go through the file store rather than a body of their own: an export is stored as a
//! file of its author's, downloaded at `/files/<id>` like any file (read by its owner alone: no
//! exercise uses it); an import is first uploaded like any file (`files/upload`, use `archive`:
//! a zip, up to the archive's limit), then read from the store, once. The archive's zip is
//! written and read on the server only: the browser never carries a zip reader.

use super::SequenceError;
use crate::api::files::Uploaded;
use domain::file::FileId;
use domain::ids::{SchoolId, SequenceId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Packs the sequence, its exercises and the media they use into an archive stored as a file
/// of the author's, to download at its address.
#[server(endpoint = "sequences/export", input = Json)]
pub async fn export_sequence(id: SequenceId) -> Result<Uploaded, SequenceError> {
    server::export(id).await
}

/// Imports the archive uploaded as `archive` (a file of the caller's, use `archive`, in
/// `school`) as a new sequence of the caller's, not published, with new exercises and new
/// files; answers the new sequence. The upload is removed whatever the outcome; a refused
/// archive writes nothing.
#[server(endpoint = "sequences/import", input = Json)]
pub async fn import_sequence(
    school: SchoolId,
    archive: FileId,
) -> Result<SequenceId, SequenceError> {
    server::import(school, archive).await
}

#[cfg(feature = "ssr")]
mod server {
    use super::super::authoring::server::editable;
    use crate::api::files::Uploaded;
    use crate::api::files::server::{read_whole, remove, store_whole};
    use crate::api::gate::Me;
    use crate::api::sequences::{SequenceError, SequenceProblem};
    use crate::error::AppError;
    use crate::ports::StoredFile;
    use domain::authz::authorize;
    use domain::authz::files;
    use domain::authz::sequences::Action;
    use domain::exercise::Exercise;
    use domain::file::{FileId, FileKind, FileUse, clean_name};
    use domain::ids::{ExerciseId, SchoolId, SequenceId};
    use domain::sequence::archive::{self, ArchiveProblem, Media};
    use std::collections::BTreeMap;

    pub async fn export(id: SequenceId) -> Result<Uploaded, SequenceError> {
        let (me, stored) = editable("sequences/export", id).await?;
        if stored.deleted {
            return Err(AppError::NotFound.into());
        }
        let mut exercises: Vec<(ExerciseId, Exercise)> = Vec::new();
        for exercise in stored.sequence.exercises() {
            // Saving the sequence checked its exercises are the author's own.
            let Some(found) = me.ctx.store.exercise(exercise).await? else {
                return Err(AppError::NotFound.into());
            };
            exercises.push((exercise, found.exercise));
        }
        let named = archive::files_named(&stored.sequence, &exercises);
        let media = readable_media(&me, named).await?;
        let bytes = archive::pack(&stored.sequence, &exercises, &media)
            .map_err(SequenceProblem::Archive)?;
        let size = bytes.len() as u64;
        let (file, sha256) = store_whole(&me, bytes).await?;
        let record = StoredFile {
            attempt: None,
            id: file.clone(),
            school: stored.facts.school,
            owner: Some(me.info.account),
            usage: FileUse::Archive,
            kind: FileKind::Zip,
            size,
            name: clean_name(&format!("{}.zip", stored.sequence.title.trim())),
            sha256,
            created: me.ctx.now(),
        };
        if let Err(e) = me.ctx.store.create_file(&record).await {
            remove(&me, &file).await;
            return Err(AppError::from(e).into());
        }
        Ok(Uploaded {
            id: file,
            kind: FileKind::Zip,
            size,
        })
    }

    /// The bytes of the files named that the author may read (their own, or those of
    /// exercises they write); a file they may not read stays out of the archive, its address
    /// left as it is.
    async fn readable_media(
        me: &Me,
        named: std::collections::BTreeSet<FileId>,
    ) -> Result<Vec<Media>, AppError> {
        let mut media = Vec::new();
        for id in named {
            let Some(file) = me.ctx.store.file(&id).await? else {
                continue;
            };
            let facts = me.ctx.store.file_facts(&file, &me.caller.children).await?;
            let readable = authorize(&me.caller, files::Action::Read(&facts)).is_ok();
            let shown = matches!(
                file.usage,
                FileUse::Audio | FileUse::Image | FileUse::Resource
            );
            if !readable || !shown {
                continue;
            }
            let max = me.ctx.file_limits.of(file.usage).max(file.size);
            let Some(bytes) = read_whole(me, &id, max).await? else {
                continue;
            };
            media.push(Media {
                id,
                kind: file.kind,
                name: file.name,
                bytes,
            });
        }
        Ok(media)
    }

    pub async fn import(school: SchoolId, upload: FileId) -> Result<SequenceId, SequenceError> {
        let what = "sequences/import";
        let me = crate::api::gate::me(what).await?;
        me.may(Action::Author(school), what).await?;
        // Only an archive of one's own, uploaded for this school: anything else answers as a
        // file that does not exist.
        let Some(file) = me.ctx.store.file(&upload).await? else {
            return Err(me.refuse(what, Some(school)).await.into());
        };
        let own = file.owner == Some(me.info.account)
            && file.usage == FileUse::Archive
            && file.school == school;
        if !own {
            return Err(me.refuse(what, Some(school)).await.into());
        }
        let bytes = read_whole(&me, &upload, me.ctx.file_limits.archive).await;
        // Read once: the upload served its purpose, whatever comes of it.
        me.ctx.store.delete_file(&upload).await?;
        remove(&me, &upload).await;
        let Some(bytes) = bytes? else {
            return Err(SequenceProblem::Archive(ArchiveProblem::TooLarge).into());
        };
        let unpacked =
            archive::unpack(&bytes, me.ctx.file_limits).map_err(SequenceProblem::Archive)?;
        let mut stored: Vec<StoredFile> = Vec::with_capacity(unpacked.media.len());
        let mut renames = BTreeMap::new();
        for media in &unpacked.media {
            match store_whole(&me, media.bytes.clone()).await {
                Ok((id, sha256)) => {
                    renames.insert(media.id.clone(), id.clone());
                    stored.push(StoredFile {
                        attempt: None,
                        id,
                        school,
                        owner: Some(me.info.account),
                        usage: FileUse::of_media(media.kind),
                        kind: media.kind,
                        size: media.bytes.len() as u64,
                        name: media.name.clone(),
                        sha256,
                        created: me.ctx.now(),
                    });
                }
                Err(e) => {
                    forget(&me, &stored).await;
                    return Err(e.into());
                }
            }
        }
        let written: Result<SequenceId, SequenceError> = match unpacked.renamed(&renames) {
            Ok((sequence, exercises)) => me
                .ctx
                .store
                .import_sequence(
                    school,
                    me.info.account,
                    &sequence,
                    &exercises,
                    &stored,
                    me.ctx.now(),
                )
                .await
                .map_err(|e| AppError::from(e).into()),
            Err(problem) => Err(SequenceProblem::Archive(problem).into()),
        };
        if written.is_err() {
            forget(&me, &stored).await;
        }
        written
    }

    /// Removes the bodies stored for an import that was not written: nothing of it is left.
    async fn forget(me: &Me, stored: &[StoredFile]) {
        for file in stored {
            remove(me, &file.id).await;
        }
    }
}

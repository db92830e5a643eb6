//! Files sent in parts: a pupil's hand-in over a school's or a phone's weak connection. Each
//! part is kept in the store as it comes (`FileStore::put_part`), the upload's record says how
//! far it got (`domain::homework::Upload` decides which part may come next, and takes one sent
//! again as received); the first part's bytes are judged at once (a file of the wrong kind is
//! refused before the rest is sent); once whole, the parts are read back in order through the
//! same checks as a whole upload into one file, recorded, and removed. An upload abandoned
//! leaves parts nobody can name, swept after a day (`server::sweeper`).

use super::{Checked, remove};
use crate::api::area_error::AreaError;
use crate::api::files::encoding::{BodyError, Payload};
use crate::api::files::{FileError, FileUpload, PartsReceived, Uploaded};
use crate::api::gate::Me;
use crate::error::AppError;
use crate::ports::{PartsUpload, PutError, StoredFile};
use domain::authz::files::Action;
use domain::file::{FileProblem, FileUse, Intake, UploadId, clean_name};
use domain::homework::{Chunk, Upload, UploadError};
use domain::ids::SchoolId;
use futures::StreamExt;

fn refused(e: UploadError) -> FileError {
    AreaError::Area(FileProblem::Part { problem: e })
}

pub async fn start(
    school: SchoolId,
    usage: FileUse,
    name: Option<String>,
    total: u64,
    part_size: u64,
) -> Result<UploadId, FileError> {
    let what = "files/upload_start";
    let me = crate::api::gate::me(what).await?;
    me.may(Action::Upload { school, usage }, what).await?;
    Upload::new(total, part_size, me.ctx.file_limits.of(usage)).map_err(refused)?;
    let upload = PartsUpload {
        id: UploadId::from_random(rand::random()),
        school,
        owner: me.info.account,
        usage,
        name: name.as_deref().and_then(clean_name),
        total,
        part_size,
        received: 0,
        created: me.ctx.now(),
        file: None,
    };
    me.ctx.store.create_upload(&upload).await?;
    Ok(upload.id)
}

/// The caller's own upload; another's, or an unknown one, answers as forbidden.
async fn owned(me: &Me, what: &str, id: &UploadId) -> Result<PartsUpload, FileError> {
    match me.ctx.store.upload(id).await? {
        Some(upload) if upload.owner == me.info.account => Ok(upload),
        _ => Err(me.refuse(what, None).await.into()),
    }
}

/// Where an upload stands: its bytes received, and the file once it is one.
async fn standing(me: &Me, upload: &PartsUpload) -> Result<PartsReceived, FileError> {
    let file = match &upload.file {
        Some(id) => me.ctx.store.file(id).await?.map(|f| Uploaded {
            id: f.id,
            kind: f.kind,
            size: f.size,
        }),
        None => None,
    };
    Ok(PartsReceived {
        received: upload.received,
        file,
    })
}

pub async fn status(id: UploadId) -> Result<PartsReceived, FileError> {
    let what = "files/upload_status";
    let me = crate::api::gate::me(what).await?;
    let upload = owned(&me, what, &id).await?;
    standing(&me, &upload).await
}

pub async fn part(sent: FileUpload) -> Result<PartsReceived, FileError> {
    let what = "files/upload_part";
    let me = crate::api::gate::me(what).await?;
    let FileUpload { about, part, body } = sent;
    let (Some(part), Payload::Arriving(mut body)) = (part, body) else {
        return Err(AppError::Internal.into());
    };
    let upload = owned(&me, what, &part.upload).await?;
    if upload.school != about.school || upload.usage != about.usage {
        return Err(me.refuse(what, Some(upload.school)).await.into());
    }
    if upload.file.is_some() {
        return standing(&me, &upload).await;
    }
    let Some(mut state) = Upload::resume(upload.total, upload.part_size, upload.received) else {
        return Err(AppError::Internal.into());
    };
    // A part is held whole (a few megabytes at most): more than agreed is refused as it comes.
    let mut bytes = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|_| AppError::Communication("part interrupted".into()))?;
        bytes.extend_from_slice(&chunk);
        if bytes.len() as u64 > upload.part_size {
            return Err(refused(UploadError::ChunkTooLarge {
                max: upload.part_size,
            }));
        }
    }
    match state
        .accept(part.offset, bytes.len() as u64)
        .map_err(refused)?
    {
        Chunk::AlreadyReceived => return standing(&me, &upload).await,
        Chunk::Stored => {}
    }
    if part.offset == 0 {
        // Judged on its first bytes: a file of the wrong kind goes no further.
        let mut intake = Intake::new(upload.usage, me.ctx.file_limits);
        if let Err(problem) = intake.take(&bytes) {
            me.ctx.store.delete_upload(&upload.id).await?;
            return Err(AreaError::Area(problem));
        }
    }
    let index = state.index(part.offset);
    me.ctx
        .files
        .put_part(&upload.id, index, bytes.into())
        .await?;
    let received = state.next_offset();
    if !me
        .ctx
        .store
        .advance_upload(&upload.id, upload.received, received)
        .await?
    {
        // The same part, sent twice at once: the other one moved it on.
        let now = owned(&me, what, &upload.id).await?;
        return standing(&me, &now).await;
    }
    if !state.is_complete() {
        return Ok(PartsReceived {
            received,
            file: None,
        });
    }
    let file = assemble(&me, &upload, state.chunks()).await?;
    Ok(PartsReceived {
        received,
        file: Some(file),
    })
}

/// The parts, read back in order through the checks every upload goes through, stored as one
/// file and recorded; the parts removed.
async fn assemble(me: &Me, upload: &PartsUpload, chunks: u64) -> Result<Uploaded, FileError> {
    let id = domain::file::FileId::from_random(rand::random());
    let files = me.ctx.files.clone();
    let source = upload.id.clone();
    let parts = futures::stream::iter(0..chunks)
        .then(move |index| {
            let (files, source) = (files.clone(), source.clone());
            async move {
                match files.get_part(&source, index).await {
                    Ok(Some(bytes)) => Ok(bytes),
                    // A part gone (swept, or the store failing): the file is not whole.
                    Ok(None) | Err(_) => Err(BodyError::Interrupted),
                }
            }
        })
        .boxed();
    let checked = Checked::new(upload.usage, me.ctx.file_limits);
    match me.ctx.files.put(&id, checked.wrap(parts)).await {
        Ok(()) => {}
        Err(PutError::Body(BodyError::Refused(problem))) => {
            discard(me, upload, chunks).await;
            return Err(AreaError::Area(problem));
        }
        Err(PutError::Body(BodyError::Interrupted)) => {
            discard(me, upload, chunks).await;
            return Err(AppError::Communication("parts missing".into()).into());
        }
        Err(PutError::Store(e)) => return Err(e.into()),
    }
    let Some((kind, size, sha256)) = checked.verdict() else {
        remove(me, &id).await;
        return Err(AppError::Internal.into());
    };
    let file = StoredFile {
        id,
        school: upload.school,
        owner: Some(upload.owner),
        usage: upload.usage,
        kind,
        size,
        name: upload.name.clone(),
        sha256,
        created: me.ctx.now(),
        attempt: None,
    };
    if let Err(e) = me.ctx.store.create_file(&file).await {
        remove(me, &file.id).await;
        return Err(e.into());
    }
    me.ctx.store.finish_upload(&upload.id, &file.id).await?;
    if let Err(e) = me.ctx.files.delete_parts(&upload.id, chunks).await {
        tracing::error!(upload = %upload.id, error = %e, "parts left in the store");
    }
    Ok(Uploaded {
        id: file.id,
        kind,
        size,
    })
}

/// An upload that cannot become a file: its parts and its record go.
async fn discard(me: &Me, upload: &PartsUpload, chunks: u64) {
    if let Err(e) = me.ctx.files.delete_parts(&upload.id, chunks).await {
        tracing::error!(upload = %upload.id, error = %e, "parts left in the store");
    }
    if let Err(e) = me.ctx.store.delete_upload(&upload.id).await {
        tracing::error!(upload = %upload.id, error = %e, "an upload's record left");
    }
}

//! The bodies of the files' server functions (server side only).

use super::encoding::{Arriving, BodyError, Payload};
use super::{FileError, FileUpload, UploadAbout, Uploaded};
use crate::api::area_error::AreaError;
use crate::api::gate::Me;
use crate::error::AppError;
use crate::ports::{PutError, StoredFile};
use domain::authz::files::{Action, AttemptFacts};
use domain::file::{FileId, FileKind, FileProblem, FileUse, Intake, SizeLimits};
use domain::ids::AttemptId;
use futures::StreamExt;
use http::{HeaderName, HeaderValue, header};
use leptos::server_fn::codec::ByteStream;
use sha2::{Digest, Sha256};
use std::sync::{Arc, Mutex};

pub async fn upload(upload: FileUpload) -> Result<Uploaded, FileError> {
    let what = "files/upload";
    let me = crate::api::gate::me(what).await?;
    let FileUpload { about, body, .. } = upload;
    let attempt = match (about.usage, about.attempt) {
        (FileUse::AnswerAudio, Some(attempt)) => {
            Some(open_attempt(&me, what, &about, attempt).await?)
        }
        _ => {
            me.may(
                Action::Upload {
                    school: about.school,
                    usage: about.usage,
                },
                what,
            )
            .await?;
            None
        }
    };
    let Payload::Arriving(body) = body else {
        return Err(AppError::Internal.into());
    };
    let id = FileId::from_random(rand::random());
    let checked = Checked::new(about.usage, me.ctx.file_limits);
    match me.ctx.files.put(&id, checked.wrap(body)).await {
        Ok(()) => {}
        Err(PutError::Body(BodyError::Refused(problem))) => return Err(AreaError::Area(problem)),
        Err(PutError::Body(BodyError::Interrupted)) => {
            return Err(AppError::Communication("upload interrupted".into()).into());
        }
        Err(PutError::Store(e)) => return Err(e.into()),
    }
    let Some((kind, size, sha256)) = checked.verdict() else {
        // `wrap` lets no refused body through to the end: the store has it whole.
        remove(&me, &id).await;
        return Err(AppError::Internal.into());
    };
    let file = StoredFile {
        id,
        school: about.school,
        owner: Some(me.info.account),
        usage: about.usage,
        kind,
        size,
        name: about.name,
        sha256,
        created: me.ctx.now(),
        attempt,
    };
    if let Err(e) = me.ctx.store.create_file(&file).await {
        // Body first, record second: without its record, the body is removed.
        remove(&me, &file.id).await;
        return Err(e.into());
    }
    Ok(Uploaded {
        id: file.id,
        kind,
        size,
    })
}

/// Of the stored files a text names, those not `used` yet, each checked by `may_use` given what
/// its record tells of it (`FileFacts::unused`: the use asked for is not recorded yet): `Ok` with them all, or `Err` with those refused (an unknown file is refused the same
/// way, and the refusal audited: an author naming files not theirs is probing).
pub async fn new_files(
    me: &Me,
    area: &str,
    school: domain::ids::SchoolId,
    named: impl IntoIterator<Item = FileId>,
    used: &[FileId],
    may_use: impl Fn(&domain::authz::files::FileFacts) -> bool,
) -> Result<Result<Vec<FileId>, Vec<FileId>>, AppError> {
    let (mut usable, mut refused) = (vec![], vec![]);
    for id in named.into_iter().filter(|id| !used.contains(id)) {
        match me.ctx.store.file(&id).await? {
            Some(file)
                if may_use(&domain::authz::files::FileFacts::unused(
                    file.school,
                    file.owner,
                    file.usage,
                )) =>
            {
                usable.push(id)
            }
            _ => refused.push(id),
        }
    }
    if refused.is_empty() {
        return Ok(Ok(usable));
    }
    let detail = format!("{area}: files not the author's: {refused:?}");
    me.audit(
        domain::audit::AuditKind::AccessRefused,
        Some(school),
        &detail,
    )
    .await;
    Ok(Err(refused))
}

/// Stores bytes made or unpacked on the server (checked already) under a new id: the id and the
/// SHA-256 of the bytes, for its record.
pub(crate) async fn store_whole(me: &Me, bytes: Vec<u8>) -> Result<(FileId, String), AppError> {
    let id = FileId::from_random(rand::random());
    let sha256 = hex_sha256(&bytes);
    let body =
        futures::stream::once(
            async move { Ok::<_, BodyError>(leptos::server_fn::Bytes::from(bytes)) },
        );
    match me.ctx.files.put(&id, body.boxed()).await {
        Ok(()) => Ok((id, sha256)),
        Err(PutError::Store(e)) => Err(e.into()),
        Err(PutError::Body(_)) => Err(AppError::Internal),
    }
}

/// A stored file's bytes, whole: `None` past `max` bytes or without a body.
pub(crate) async fn read_whole(
    me: &Me,
    id: &FileId,
    max: u64,
) -> Result<Option<Vec<u8>>, AppError> {
    let Some(mut body) = me.ctx.files.get(id).await? else {
        tracing::error!(file = %id, "a recorded file has no body in the store");
        return Ok(None);
    };
    let mut bytes = Vec::new();
    while let Some(chunk) = body.next().await {
        bytes.extend_from_slice(&chunk?);
        if bytes.len() as u64 > max {
            return Ok(None);
        }
    }
    Ok(Some(bytes))
}

/// The attempt a spoken answer is sent for: the caller's own, on an assignment they may do,
/// in the school the upload names, and still open (a recording that arrives after the hand-in
/// could never be part of it). Another's attempt, or an unknown one, answers as forbidden.
async fn open_attempt(
    me: &Me,
    what: &str,
    about: &UploadAbout,
    id: AttemptId,
) -> Result<AttemptId, FileError> {
    let found = me.ctx.store.attempt(id).await?;
    let stored = match &found {
        Some(found) => me.ctx.store.assignment(found.assignment).await?,
        None => None,
    };
    let (Some(found), Some(stored)) = (found, stored) else {
        return Err(me.refuse(what, None).await.into());
    };
    let facts = AttemptFacts {
        assignment: stored.facts,
        pupil: found.pupil,
    };
    me.may(Action::Answer(&facts), what).await?;
    if stored.facts.school != about.school {
        return Err(me.refuse(what, Some(about.school)).await.into());
    }
    if found.handed_in.is_some() || stored.rules.open_at(me.ctx.now()).is_err() {
        return Err(AreaError::Area(FileProblem::AttemptClosed));
    }
    Ok(found.id)
}

/// Removes bodies stored for a write that did not happen.
pub(crate) async fn remove(me: &Me, id: &FileId) {
    if let Err(e) = me.ctx.files.delete(id).await {
        tracing::error!(file = %id, error = %e, "an unrecorded file's body is left in the store");
    }
}

/// The checks an upload goes through as it arrives, and what they found once it is whole.
#[derive(Clone)]
struct Checked(Arc<Mutex<Progress>>);

struct Progress {
    intake: Option<Intake>,
    hash: Sha256,
    verdict: Option<(FileKind, u64, String)>,
}

impl Checked {
    fn new(usage: FileUse, limits: SizeLimits) -> Checked {
        Checked(Arc::new(Mutex::new(Progress {
            intake: Some(Intake::new(usage, limits)),
            hash: Sha256::new(),
            verdict: None,
        })))
    }

    /// The body, each chunk checked and hashed as it passes; at its end, the file is judged
    /// whole (empty, too short to be what it claims) and a refusal ends the body in an error,
    /// so that the store keeps nothing of it.
    fn wrap(&self, body: Arriving) -> Arriving {
        let passing = self.clone();
        let ending = self.clone();
        let checked = body.map(move |chunk| {
            let chunk = chunk?;
            passing.with(|p| {
                let intake = p.intake.as_mut().ok_or(BodyError::Interrupted)?;
                intake.take(&chunk).map_err(BodyError::Refused)?;
                p.hash.update(&chunk);
                Ok(chunk)
            })
        });
        let end = futures::stream::once(async move { ending.judge() })
            .filter_map(|judged| async move { judged.err().map(|p| Err(BodyError::Refused(p))) });
        checked.chain(end).boxed()
    }

    fn judge(&self) -> Result<(), FileProblem> {
        self.with(|p| {
            let Some(intake) = p.intake.take() else {
                return Ok(());
            };
            let (kind, size) = intake.finish()?;
            let hex = hex_digest(std::mem::take(&mut p.hash));
            p.verdict = Some((kind, size, hex));
            Ok(())
        })
    }

    fn verdict(&self) -> Option<(FileKind, u64, String)> {
        self.with(|p| p.verdict.clone())
    }

    fn with<T>(&self, f: impl FnOnce(&mut Progress) -> T) -> T {
        let mut progress = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut progress)
    }
}

fn hex_digest(hash: Sha256) -> String {
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn hex_sha256(bytes: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(bytes);
    hex_digest(hash)
}

pub async fn download(id: FileId) -> Result<ByteStream<FileError>, FileError> {
    let what = "files/get";
    let me = crate::api::gate::me(what).await?;
    let Some(file) = me.ctx.store.file(&id).await? else {
        return Err(me.refuse(what, None).await.into());
    };
    let facts = me.ctx.store.file_facts(&file, &me.caller.children).await?;
    me.may(Action::Read(&facts), what).await?;
    let Some(body) = me.ctx.files.get(&id).await? else {
        tracing::error!(file = %id, "a recorded file has no body in the store");
        return Err(AppError::NotFound.into());
    };
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        for (name, value) in served_headers(&file) {
            response.insert_header(name, value);
        }
    }
    Ok(ByteStream::new(
        body.map(|chunk| chunk.map_err(FileError::from)),
    ))
}

/// What a file is served with: the type its content showed (never the uploader's claim), its
/// length, its name, and a policy under which, opened on its own, it can run nothing (the
/// server adds `nosniff` to every answer).
fn served_headers(file: &StoredFile) -> Vec<(HeaderName, HeaderValue)> {
    let fallback = format!("{}.{}", file.id, file.kind.extension());
    let name = file.name.as_deref().unwrap_or(&fallback);
    let disposition = format!(
        "{}; filename=\"{}\"; filename*=UTF-8''{}",
        if file.kind.shown_inline() {
            "inline"
        } else {
            "attachment"
        },
        ascii_name(name),
        percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC)
    );
    let mut headers = vec![
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static(file.kind.code()),
        ),
        (header::CONTENT_LENGTH, HeaderValue::from(file.size)),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "sandbox; default-src 'none'; img-src 'self'; media-src 'self'",
            ),
        ),
    ];
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.push((header::CONTENT_DISPOSITION, value));
    }
    headers
}

/// The name for browsers that ignore `filename*`: ASCII letters, digits, `.`, `-` and `_`.
fn ascii_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

pub(crate) mod parts;

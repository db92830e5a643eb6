//! A hand-in's file sent in parts, as the hand-in page sends it over a weak connection: a drop
//! in the middle costs one part, a part sent twice is taken once, a file of the wrong kind is
//! refused at its first part, another pupil's upload is not one's own, and an upload abandoned
//! is swept a day later with its parts.

use crate::support::{Session, TestServer};
use app::api::area_error::AreaError;
use app::api::files::{FileError, Part, UploadAbout, UploadStart, UploadStatus};
use app::error::AppError;
use domain::file::{FileProblem, FileUse, UploadId};
use domain::homework::{MIN_CHUNK_BYTES, UploadError};
use http::StatusCode;

const PART: u64 = MIN_CHUNK_BYTES;

/// A PDF of `len` bytes: its header, then spaces (what `infer` and the checks read).
fn pdf(len: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    bytes.resize(len, b' ');
    bytes
}

struct Sending<'a> {
    s: &'a TestServer,
    who: &'a Session,
    about: UploadAbout,
}

impl Sending<'_> {
    async fn start(&self, total: u64) -> Result<UploadId, FileError> {
        self.s
            .call(
                self.who,
                UploadStart {
                    school: self.about.school,
                    usage: self.about.usage,
                    name: self.about.name.clone(),
                    total,
                    part_size: PART,
                },
            )
            .await
            .result
    }

    async fn part(
        &self,
        upload: &UploadId,
        bytes: &[u8],
        offset: u64,
    ) -> crate::support::Reply<app::api::files::PartsReceived, FileError> {
        let end = (offset + PART).min(bytes.len() as u64);
        let part = Part {
            upload: upload.clone(),
            offset,
        };
        self.s
            .upload_part(
                self.who,
                &self.about,
                &part,
                bytes[offset as usize..end as usize].to_vec(),
            )
            .await
    }
}

async fn sending<'a>(s: &'a TestServer, who: &'a Session) -> Sending<'a> {
    Sending {
        s,
        who,
        about: UploadAbout {
            school: s.school_id("7200001N").await,
            usage: FileUse::HandIn,
            name: Some("copie.pdf".into()),
            attempt: None,
        },
    }
}

#[tokio::test]
async fn a_file_in_parts_goes_on_after_a_drop_and_is_whole_once() {
    let s = TestServer::start().await;
    let pupil = s.session_for("lisandru.pieri").await;
    let send = sending(&s, &pupil).await;
    let bytes = pdf(2 * PART as usize + 1000);
    let upload = send.start(bytes.len() as u64).await.expect("started");
    let first = send.part(&upload, &bytes, 0).await.ok();
    assert_eq!((first.received, first.file.is_none()), (PART, true));
    // The connection dropped; the page sent the third part: the server says where to go on.
    let ahead = send.part(&upload, &bytes, 2 * PART).await;
    assert_eq!(ahead.status, StatusCode::CONFLICT);
    assert_eq!(
        ahead.err(),
        AreaError::Area(FileProblem::Part {
            problem: UploadError::Gap { expected: PART }
        })
    );
    let asked = s
        .call(
            &pupil,
            UploadStatus {
                upload: upload.clone(),
            },
        )
        .await
        .ok();
    assert_eq!(asked.received, PART);
    // The first part again (its answer was lost): taken as received.
    assert_eq!(send.part(&upload, &bytes, 0).await.ok().received, PART);
    assert_eq!(
        send.part(&upload, &bytes, PART).await.ok().received,
        2 * PART
    );
    let last = send.part(&upload, &bytes, 2 * PART).await.ok();
    let file = last.file.expect("the file, whole");
    assert_eq!(file.size, bytes.len() as u64);
    let (status, _, body) = s.get_bytes(&pupil, &file.url()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.as_ref() == bytes.as_slice(), "the same bytes");
    // Asked again after the end (its answer lost too): the same file, not a second one.
    let again = s
        .call(
            &pupil,
            UploadStatus {
                upload: upload.clone(),
            },
        )
        .await
        .ok();
    assert_eq!(again.file.map(|f| f.id), Some(file.id));
    assert_eq!(
        s.count("SELECT COUNT(*) FROM files WHERE purpose = 'hand_in'")
            .await,
        1
    );
    // Not another pupil's to ask about, nor to add to.
    let matteu = s.session_for("matteu.rossi").await;
    let theirs = s
        .call(
            &matteu,
            UploadStatus {
                upload: upload.clone(),
            },
        )
        .await;
    assert_eq!(theirs.err(), AreaError::App(AppError::Forbidden));
    let other = sending(&s, &matteu).await;
    assert_eq!(
        other.part(&upload, &bytes, 0).await.err(),
        AreaError::App(AppError::Forbidden)
    );
}

#[tokio::test]
async fn a_wrong_kind_is_refused_at_the_first_part_and_too_large_before_any() {
    let s = TestServer::start().await;
    let pupil = s.session_for("lisandru.pieri").await;
    let send = sending(&s, &pupil).await;
    let text = vec![b'a'; 3 * PART as usize];
    let upload = send.start(text.len() as u64).await.expect("started");
    let refused = send.part(&upload, &text, 0).await.err();
    assert!(
        matches!(refused, AreaError::Area(FileProblem::NotAccepted { .. })),
        "{refused:?}"
    );
    // The upload is gone with it.
    let asked = s.call(&pupil, UploadStatus { upload }).await;
    assert_eq!(asked.err(), AreaError::App(AppError::Forbidden));
    // Larger than a hand-in's file may be: refused before a byte is sent.
    let huge = send.start(21 * 1024 * 1024).await;
    assert!(
        matches!(
            huge,
            Err(AreaError::Area(FileProblem::Part {
                problem: UploadError::TooLarge { .. }
            }))
        ),
        "{huge:?}"
    );
    // A teacher sends no hand-in.
    let teacher = s.session_for("maria.santoni").await;
    let theirs = sending(&s, &teacher).await.start(1000).await;
    assert_eq!(theirs, Err(AreaError::App(AppError::Forbidden)));
    assert_eq!(
        s.count("SELECT COUNT(*) FROM files WHERE purpose = 'hand_in'")
            .await,
        0,
        "nothing half-stored"
    );
}

#[tokio::test]
async fn an_upload_abandoned_is_swept_a_day_later_with_its_parts() {
    let s = TestServer::start().await;
    let pupil = s.session_for("lisandru.pieri").await;
    let send = sending(&s, &pupil).await;
    let bytes = pdf(2 * PART as usize);
    let upload = send.start(bytes.len() as u64).await.expect("started");
    send.part(&upload, &bytes, 0).await.ok();
    let files = s.app.ctx.files.clone();
    let now = server::system_clock();
    let swept = server::sweeper::sweep_uploads(&s.app.db, files.as_ref(), now)
        .await
        .expect("swept");
    assert_eq!(swept, 0, "kept for a day");
    assert!(
        files
            .get_part(&upload, 0)
            .await
            .expect("the store answers")
            .is_some()
    );
    let later = domain::time::Timestamp::from_unix(now.unix() + server::sweeper::ARCHIVES_KEPT + 1);
    let swept = server::sweeper::sweep_uploads(&s.app.db, files.as_ref(), later)
        .await
        .expect("swept");
    assert_eq!(swept, 1);
    assert!(
        files
            .get_part(&upload, 0)
            .await
            .expect("the store answers")
            .is_none(),
        "its part is gone"
    );
    let asked = s.call(&pupil, UploadStatus { upload }).await;
    assert_eq!(asked.err(), AreaError::App(AppError::Forbidden));
}

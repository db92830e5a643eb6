//! Stored files through the server functions: an upload is checked by size and content and
//! leaves nothing behind when refused or when storage fails; a file is served as it was
//! judged, with headers that keep a browser from running it, only to its owner and to those who
//! may see an exercise using it; a teacher names only her own files in her exercises.

use crate::support::{Session, TestServer};
use app::api::exercises::authoring::{GetExercise, SaveExercise};
use app::api::exercises::{ExerciseError, ExerciseProblem};
use app::api::files::{FileError, UploadAbout, Uploaded};
use app::error::AppError;
use app::ports::{Body, BodyError, FileStore, PutError, StoreError};
use axum::http::{StatusCode, header};
use domain::exercise::{Dictation, Exercise, FileRef, Item, ItemKind, Points, TextMatching};
use domain::file::{FileId, FileKind, FileProblem, FileUse, SizeLimits};
use domain::ids::{ExerciseId, SchoolId};
use futures::StreamExt;
use futures::future::join_all;
use object_store::ObjectStore;
use object_store::memory::InMemory;
use std::sync::Arc;

const COLLEGE: &str = "7200001N";
const LYCEE: &str = "6200001G";

/// A WAV file of `samples` 16-bit samples at 8 kHz: a real one, that a browser plays.
pub fn wav(samples: usize) -> Vec<u8> {
    let data = u32::try_from(samples * 2).expect("small");
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"RIFF");
    bytes.extend_from_slice(&(36 + data).to_le_bytes());
    bytes.extend_from_slice(b"WAVEfmt ");
    bytes.extend_from_slice(&16_u32.to_le_bytes());
    bytes.extend_from_slice(&1_u16.to_le_bytes());
    bytes.extend_from_slice(&1_u16.to_le_bytes());
    bytes.extend_from_slice(&8000_u32.to_le_bytes());
    bytes.extend_from_slice(&16000_u32.to_le_bytes());
    bytes.extend_from_slice(&2_u16.to_le_bytes());
    bytes.extend_from_slice(&16_u16.to_le_bytes());
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&data.to_le_bytes());
    for n in 0..samples {
        // A 440 Hz square wave, quietly.
        let sample: i16 = if (n * 440 * 2 / 8000) % 2 == 0 {
            2000
        } else {
            -2000
        };
        bytes.extend_from_slice(&sample.to_le_bytes());
    }
    bytes
}

/// A 1×1 PNG.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\xdac\xfc\xff\xff?\0\x05\xfe\x02\xfe\xa7\xd1\xa2\xbe\0\0\0\0IEND\xaeB`\x82";

fn about(school: SchoolId, usage: FileUse, name: &str) -> UploadAbout {
    UploadAbout {
        school,
        usage,
        name: Some(name.to_owned()),
        attempt: None,
    }
}

/// A dictation on `recording`, and a statement showing `picture`.
pub fn dictation(recording: &FileId, picture: &str) -> Exercise {
    Exercise {
        title: "Dittatu".into(),
        language: "co".parse().expect("tag"),
        statement: Some(format!("![fiume]({picture})")),
        items: vec![Item {
            id: "q1".parse().expect("id"),
            prompt: "Scrivite ciò chì sentite.".into(),
            points: Points::from_hundredths(100),
            feedback: Default::default(),
            kind: ItemKind::Dictation(Dictation {
                audio: Some(recording.as_str().parse::<FileRef>().expect("ref")),
                text: "L’acqua hè fresca.".into(),
                matching: TextMatching::default(),
            }),
        }],
    }
}

/// The demo's Corsican exercise, given to the Corsican group (Lisandru, not Lucia).
async fn ghjorni(s: &TestServer) -> ExerciseId {
    ExerciseId::new(
        s.scalar(
            "SELECT MIN(a.exercise_id) FROM assignments a \
             JOIN school_groups g ON g.id = a.group_id WHERE g.name = $1",
            "Lingua corsa 5e",
        )
        .await,
    )
}

#[tokio::test]
async fn a_file_is_checked_stored_and_served_only_to_whom_may_see_it() {
    let s = TestServer::start().await;
    let maria = s.session_for("maria.santoni").await;
    let college = s.school_id(COLLEGE).await;
    let sound = wav(800);
    let uploaded: Uploaded = s
        .upload(
            &maria,
            &about(college, FileUse::Audio, "dictée 1.wav"),
            sound.clone(),
        )
        .await
        .ok();
    assert_eq!(
        (uploaded.kind, uploaded.size),
        (FileKind::Wav, sound.len() as u64)
    );
    assert_eq!(uploaded.url(), format!("/files/{}.wav", uploaded.id));

    // Its owner hears it back, as it was judged, in a form no browser runs.
    let (status, headers, bytes) = s.get_bytes(&maria, &uploaded.url()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes.as_ref(), sound.as_slice());
    let header = |name: header::HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header(header::CONTENT_TYPE), "audio/wav");
    assert_eq!(header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(
        header(header::CONTENT_DISPOSITION),
        "inline; filename=\"dict_e_1.wav\"; filename*=UTF-8''dict%C3%A9e%201%2Ewav"
    );
    let csp = header(header::CONTENT_SECURITY_POLICY);
    assert!(csp.starts_with("sandbox; default-src 'none'"), "{csp}");
    assert_eq!(header(header::CACHE_CONTROL), "private, no-cache");
    // The address without its extension names the same file.
    let plain = format!("/files/{}", uploaded.id);
    assert_eq!(s.get_bytes(&maria, &plain).await.0, StatusCode::OK);

    // Nobody else, until an exercise given to them uses it.
    let lisandru = s.session_for("lisandru.pieri").await;
    assert_eq!(
        s.get_bytes(&lisandru, &plain).await.0,
        StatusCode::FORBIDDEN
    );
    let picture: Uploaded = s
        .upload(
            &maria,
            &about(college, FileUse::Image, "fiume.png"),
            PNG.to_vec(),
        )
        .await
        .ok();
    assert_eq!(picture.kind, FileKind::Png);
    let exercise = ghjorni(&s).await;
    s.call(
        &maria,
        SaveExercise {
            id: exercise,
            exercise: dictation(&uploaded.id, &picture.url()),
        },
    )
    .await
    .ok();
    for (who, expected) in [
        ("lisandru.pieri", StatusCode::OK),
        ("maria.santoni", StatusCode::OK),
        // Not in the Corsican group.
        ("lucia.vincenti", StatusCode::FORBIDDEN),
        // Parents, staff and admins do not see exercises.
        ("ghjuvanni.pieri", StatusCode::FORBIDDEN),
        ("paola.leca", StatusCode::FORBIDDEN),
        ("petru.casanova", StatusCode::FORBIDDEN),
        ("admin.scola", StatusCode::FORBIDDEN),
    ] {
        let session = s.session_for(who).await;
        for path in [&plain, &picture.url()] {
            let (status, headers, _) = s.get_bytes(&session, path).await;
            assert_eq!(status, expected, "{who} {path}");
            if status != StatusCode::OK {
                assert_eq!(
                    headers
                        .get(header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok()),
                    Some("application/json"),
                    "a refusal is no file"
                );
            }
        }
    }
    assert_eq!(
        s.get_bytes(&Session::anonymous(), &plain).await.0,
        StatusCode::UNAUTHORIZED
    );
    // An unknown id answers like a forbidden one; what is no id at all is no file.
    let unknown = format!("/files/{}", "0".repeat(32));
    assert_eq!(s.get_bytes(&maria, &unknown).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        s.get_bytes(&maria, "/files/x.png").await.0,
        StatusCode::NOT_FOUND
    );
    // A deleted exercise is no longer shown to pupils, nor are its files.
    s.call(
        &maria,
        app::api::exercises::authoring::DeleteExercise {
            id: exercise,
            deleted: true,
        },
    )
    .await
    .ok();
    assert_eq!(
        s.get_bytes(&lisandru, &plain).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(s.get_bytes(&maria, &plain).await.0, StatusCode::OK);
}

/// What an upload left behind: bodies in the store, records in the database.
async fn left(s: &TestServer, store: &InMemory) -> (usize, i64) {
    let bodies = store.list(None).count().await;
    (bodies, s.count("SELECT COUNT(*) FROM files").await)
}

#[tokio::test]
async fn refused_uploads_leave_nothing() {
    let store = Arc::new(InMemory::new());
    let s = TestServer::start_with_files(
        Arc::new(server::storage::Storage::over(store.clone())),
        |c| {
            c.file_limits = SizeLimits {
                audio: 1024 * 1024,
                image: 1024 * 1024,
                resource: 1024 * 1024,
                ..SizeLimits::default()
            };
        },
    )
    .await;
    let maria = s.session_for("maria.santoni").await;
    let college = s.school_id(COLLEGE).await;
    let max = 1024 * 1024;
    let cases: Vec<(UploadAbout, Vec<u8>, FileError, u16)> = vec![
        (
            about(college, FileUse::Audio, "long.wav"),
            wav(max / 2),
            FileError::Area(FileProblem::TooBig { max: max as u64 }),
            413,
        ),
        (
            about(college, FileUse::Image, "x.png"),
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".repeat(20),
            FileError::Area(FileProblem::NotAccepted {
                usage: FileUse::Image,
            }),
            415,
        ),
        (
            about(college, FileUse::Image, "son.png"),
            wav(100),
            FileError::Area(FileProblem::NotAccepted {
                usage: FileUse::Image,
            }),
            415,
        ),
        (
            about(college, FileUse::Audio, "court.wav"),
            b"RIFF".to_vec(),
            FileError::Area(FileProblem::NotAccepted {
                usage: FileUse::Audio,
            }),
            415,
        ),
        (
            about(college, FileUse::Audio, "vide.wav"),
            vec![],
            FileError::Area(FileProblem::Empty),
            422,
        ),
    ];
    for (about, bytes, expected, status) in cases {
        let reply = s.upload(&maria, &about, bytes).await;
        assert_eq!(reply.status.as_u16(), status, "{about:?}");
        assert_eq!(reply.err(), expected);
    }
    // Only a teacher of the school uploads.
    for who in [
        "lisandru.pieri",
        "paola.leca",
        "petru.casanova",
        "ghjuvanni.pieri",
    ] {
        let session = s.session_for(who).await;
        let reply = s
            .upload(
                &session,
                &about(college, FileUse::Image, "x.png"),
                PNG.to_vec(),
            )
            .await;
        assert_eq!(reply.err(), FileError::App(AppError::Forbidden), "{who}");
    }
    let reply = s
        .upload(
            &Session::anonymous(),
            &about(college, FileUse::Image, "x.png"),
            PNG.to_vec(),
        )
        .await;
    assert_eq!(reply.err(), FileError::App(AppError::SignInRequired));
    // Uploads come as octet streams from this site, like every call.
    let foreign = s.upload_raw(&maria, "school=1", PNG.to_vec()).await;
    assert!(!foreign.status.is_success());
    assert_eq!(left(&s, &store).await, (0, 0));

    // The record cannot be written: the body written before it is removed.
    for drop in [
        "DROP TABLE exercise_files",
        "DROP TABLE sequence_files",
        "DROP TABLE hand_in_files",
        "DROP TABLE cahier_files",
        "DROP TABLE uploads",
        "DROP TABLE files",
    ] {
        sqlx::query(drop)
            .execute(s.app.db.writer())
            .await
            .expect("drop");
    }
    let reply = s
        .upload(
            &maria,
            &about(college, FileUse::Image, "x.png"),
            PNG.to_vec(),
        )
        .await;
    assert_eq!(reply.err(), FileError::App(AppError::Internal));
    assert_eq!(store.list(None).count().await, 0);
}

/// A store that takes the whole body, then fails.
struct Failing;

#[async_trait::async_trait]
impl FileStore for Failing {
    async fn put(&self, _: &FileId, mut body: Body<BodyError>) -> Result<(), PutError> {
        while let Some(chunk) = body.next().await {
            chunk.map_err(PutError::Body)?;
        }
        Err(PutError::Store(StoreError::Unavailable("disk full".into())))
    }
    async fn get(&self, _: &FileId) -> Result<Option<Body<StoreError>>, StoreError> {
        Ok(None)
    }
    async fn delete(&self, _: &FileId) -> Result<(), StoreError> {
        Ok(())
    }
    async fn put_part(
        &self,
        _: &domain::file::UploadId,
        _: u64,
        _: leptos::server_fn::Bytes,
    ) -> Result<(), StoreError> {
        Err(StoreError::Unavailable("disk full".into()))
    }
    async fn get_part(
        &self,
        _: &domain::file::UploadId,
        _: u64,
    ) -> Result<Option<leptos::server_fn::Bytes>, StoreError> {
        Ok(None)
    }
    async fn delete_parts(&self, _: &domain::file::UploadId, _: u64) -> Result<(), StoreError> {
        Ok(())
    }
}

#[tokio::test]
async fn a_recording_of_several_megabytes_is_taken_whole() {
    let s = TestServer::start().await;
    let maria = s.session_for("maria.santoni").await;
    let college = s.school_id(COLLEGE).await;
    // Three minutes at 8 kHz: past axum's and the server functions' usual body limits.
    let sound = wav(8000 * 180);
    let uploaded = s
        .upload(
            &maria,
            &about(college, FileUse::Audio, "long.wav"),
            sound.clone(),
        )
        .await
        .ok();
    let (status, _, bytes) = s.get_bytes(&maria, &uploaded.url()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes.len(), sound.len());
    assert!(bytes.as_ref() == sound.as_slice());
}

#[tokio::test]
async fn a_failing_store_records_nothing() {
    let s = TestServer::start_with_files(Arc::new(Failing), |_| {}).await;
    let maria = s.session_for("maria.santoni").await;
    let college = s.school_id(COLLEGE).await;
    let reply = s
        .upload(&maria, &about(college, FileUse::Audio, "a.wav"), wav(100))
        .await;
    assert_eq!(reply.err(), FileError::App(AppError::Internal));
    assert_eq!(s.count("SELECT COUNT(*) FROM files").await, 0);
}

#[tokio::test]
async fn a_teacher_names_only_her_own_files_of_the_school() {
    let s = TestServer::start().await;
    let maria = s.session_for("maria.santoni").await;
    let college = s.school_id(COLLEGE).await;
    let lycee = s.school_id(LYCEE).await;
    // Paola teaches in the collège too, for this test.
    sqlx::query(
        "INSERT INTO roles (account_id, school_id, profile) \
         SELECT id, $1, 'teacher' FROM accounts WHERE username = 'paola.leca'",
    )
    .bind(college.get())
    .execute(s.app.db.writer())
    .await
    .expect("role");
    let paola = s.session_for("paola.leca").await;
    let hers: Uploaded = s
        .upload(&paola, &about(college, FileUse::Audio, "a.wav"), wav(100))
        .await
        .ok();
    let of_the_lycee: Uploaded = s
        .upload(&maria, &about(lycee, FileUse::Audio, "a.wav"), wav(100))
        .await
        .ok();
    let mine: Uploaded = s
        .upload(
            &maria,
            &about(college, FileUse::Image, "a.png"),
            PNG.to_vec(),
        )
        .await
        .ok();
    // A colleague's file stays hers.
    assert_eq!(
        s.get_bytes(&maria, &hers.url()).await.0,
        StatusCode::FORBIDDEN
    );
    let exercise = ghjorni(&s).await;
    let unknown: FileId = "f".repeat(32).parse().expect("id");
    for (recording, refused) in [
        (&hers.id, &hers.id),
        (&of_the_lycee.id, &of_the_lycee.id),
        (&unknown, &unknown),
    ] {
        let reply = s
            .call(
                &maria,
                SaveExercise {
                    id: exercise,
                    exercise: dictation(recording, &mine.url()),
                },
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            reply.err(),
            ExerciseError::Area(ExerciseProblem::Files(vec![refused.clone()]))
        );
    }
    // Nothing was saved, and Lisandru sees none of them.
    let saved = s.call(&maria, GetExercise { id: exercise }).await.ok();
    assert!(saved.exercise.files().is_empty());
    let lisandru = s.session_for("lisandru.pieri").await;
    for file in [&hers, &of_the_lycee, &mine] {
        assert_eq!(
            s.get_bytes(&lisandru, &file.url()).await.0,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn forty_uploads_at_once_are_forty_files() {
    let s = TestServer::start().await;
    let maria = s.session_for("maria.santoni").await;
    let college = s.school_id(COLLEGE).await;
    let uploads = (0..40).map(|n| {
        let (s, maria) = (&s, &maria);
        async move {
            s.upload(
                maria,
                &about(college, FileUse::Audio, "a.wav"),
                wav(100 + n),
            )
            .await
            .ok()
        }
    });
    let ids: std::collections::BTreeSet<FileId> =
        join_all(uploads).await.into_iter().map(|u| u.id).collect();
    assert_eq!(ids.len(), 40);
    assert_eq!(s.count("SELECT COUNT(*) FROM files").await, 40);
    for id in ids.iter().take(3) {
        let (status, _, bytes) = s.get_bytes(&maria, &format!("/files/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(bytes.starts_with(b"RIFF"));
    }
}

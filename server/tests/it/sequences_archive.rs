//! A sequence as an open archive through the server functions: its author exports it with its
//! exercises and their media; a teacher imports one as an independent copy whose media are new
//! files of theirs; a hostile or broken archive writes nothing, in the database or the store.

use crate::files::{PNG, dictation, wav};
use crate::support::{Session, TestServer};
use app::api::exercises::authoring::{CreateExercise, GetExercise};
use app::api::files::{FileError, UploadAbout, Uploaded};
use app::api::sequences::archive::{ExportSequence, ImportSequence};
use app::api::sequences::authoring::{CreateSequence, GetSequence};
use app::api::sequences::{SequenceError, SequenceProblem};
use app::error::AppError;
use axum::http::{StatusCode, header};
use domain::exercise::{Exercise, ItemKind};
use domain::file::{FileId, FileKind, FileProblem, FileUse, SizeLimits};
use domain::ids::{ExerciseId, SchoolId, SequenceId};
use domain::sequence::archive::{ArchiveProblem, MANIFEST, Manifest, Media, VERSION, pack, unpack};
use domain::sequence::{Credit, Discipline, Level, Licence, Sequence, Step, StepBody, StepId};
use futures::StreamExt;
use futures::future::join_all;
use object_store::ObjectStore;
use object_store::memory::InMemory;
use std::io::Write;
use std::sync::Arc;

const COLLEGE: &str = "7200001N";
const LYCEE: &str = "6200001G";

fn sequence(exercise: ExerciseId, picture: &str) -> Sequence {
    Sequence {
        title: "U fiume".into(),
        language: "co".parse().expect("tag"),
        discipline: Discipline::Corsican,
        level: Level::Cinquieme,
        licence: Licence::CcBySa,
        summary: Some("Un percorsu nant’à u fiume.".into()),
        steps: vec![
            Step {
                id: StepId::new(1),
                title: "Lezzione".into(),
                body: StepBody::Lesson {
                    text: format!("Fighjate u fiume : ![fiume]({picture})"),
                },
            },
            Step {
                id: StepId::new(4),
                title: "Dittatu".into(),
                body: StepBody::Exercise { exercise },
            },
        ],
        credits: vec![Credit {
            title: "U fiume".into(),
            author: "Anna Colonna".into(),
            school: "Liceu di Corti".into(),
            licence: Licence::CcBySa,
        }],
    }
}

/// An archive of a one-lesson sequence: what the authorization matrix imports.
pub fn lesson_archive() -> Vec<u8> {
    let lesson = Sequence {
        title: "Lezzione".into(),
        language: "co".parse().expect("tag"),
        discipline: Discipline::Corsican,
        level: Level::Cinquieme,
        licence: Licence::CcBy,
        summary: None,
        steps: vec![Step {
            id: StepId::new(1),
            title: "Lezzione".into(),
            body: StepBody::Lesson {
                text: "Luni, marti…".into(),
            },
        }],
        credits: vec![],
    };
    pack(&lesson, &[], &[]).expect("packed")
}

fn about_archive(school: SchoolId) -> UploadAbout {
    UploadAbout {
        attempt: None,
        school,
        usage: FileUse::Archive,
        name: Some("scola-sequence.zip".into()),
    }
}

struct Exported {
    s: TestServer,
    store: Arc<InMemory>,
    maria: Session,
    sequence: SequenceId,
    exercise: ExerciseId,
    recording: (Uploaded, Vec<u8>),
    picture: Uploaded,
}

/// maria.santoni's sequence in her collège: a lesson showing a picture, a dictation reading a
/// recording under the same picture.
async fn written() -> Exported {
    let store = Arc::new(InMemory::new());
    let s = TestServer::start_with_files(
        Arc::new(server::storage::Storage::over(store.clone())),
        |_| {},
    )
    .await;
    let maria = s.session_for("maria.santoni").await;
    let college = s.school_id(COLLEGE).await;
    let upload = |usage, name: &str| UploadAbout {
        attempt: None,
        school: college,
        usage,
        name: Some(name.into()),
    };
    let sound = wav(4000);
    let recording: Uploaded = s
        .upload(
            &maria,
            &upload(FileUse::Audio, "dittatu.wav"),
            sound.clone(),
        )
        .await
        .ok();
    let picture: Uploaded = s
        .upload(&maria, &upload(FileUse::Image, "fiume.png"), PNG.to_vec())
        .await
        .ok();
    let exercise = s
        .call(
            &maria,
            CreateExercise {
                school: college,
                exercise: dictation(&recording.id, &picture.url()),
            },
        )
        .await
        .ok();
    let sequence = s
        .call(
            &maria,
            CreateSequence {
                school: college,
                sequence: sequence(exercise, &picture.url()),
            },
        )
        .await
        .ok();
    Exported {
        s,
        store,
        maria,
        sequence,
        exercise,
        recording: (recording, sound),
        picture,
    }
}

impl Exported {
    async fn export(&self) -> Vec<u8> {
        let made: Uploaded = self
            .s
            .call(&self.maria, ExportSequence { id: self.sequence })
            .await
            .ok();
        assert_eq!(made.kind, FileKind::Zip);
        let (status, headers, bytes) = self.s.get_bytes(&self.maria, &made.url()).await;
        assert_eq!(status, StatusCode::OK);
        let disposition = headers
            .get(header::CONTENT_DISPOSITION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            disposition.starts_with("attachment; filename=\"U_fiume.zip\""),
            "{disposition}"
        );
        // The archive is its author's alone: a pupil of the exercise does not read it.
        let lisandru = self.s.session_for("lisandru.pieri").await;
        assert_eq!(
            self.s.get_bytes(&lisandru, &made.url()).await.0,
            StatusCode::FORBIDDEN
        );
        bytes.to_vec()
    }

    async fn import(
        &self,
        who: &Session,
        school: SchoolId,
        bytes: Vec<u8>,
    ) -> Result<SequenceId, SequenceError> {
        let upload: Uploaded = self.s.upload(who, &about_archive(school), bytes).await.ok();
        self.s
            .call(
                who,
                ImportSequence {
                    school,
                    archive: upload.id,
                },
            )
            .await
            .result
    }

    /// Sequences, exercises, file records, exercises' uses of files, and bodies in the store.
    async fn written_down(&self) -> [i64; 5] {
        [
            self.s.count("SELECT COUNT(*) FROM sequences").await,
            self.s.count("SELECT COUNT(*) FROM exercises").await,
            self.s.count("SELECT COUNT(*) FROM files").await,
            self.s.count("SELECT COUNT(*) FROM exercise_files").await,
            i64::try_from(self.store.list(None).count().await).expect("few"),
        ]
    }
}

#[tokio::test]
async fn an_exported_sequence_imports_as_a_copy_with_new_exercises_and_new_media() {
    let x = written().await;
    let bytes = x.export().await;
    // The archive holds the sequence, the exercise and both media as they were uploaded.
    let unpacked = unpack(&bytes, SizeLimits::default()).expect("a good archive");
    let mut media: Vec<(FileId, Vec<u8>)> = unpacked
        .media
        .iter()
        .map(|m| (m.id.clone(), m.bytes.clone()))
        .collect();
    media.sort();
    let mut expected = vec![
        (x.recording.0.id.clone(), x.recording.1.clone()),
        (x.picture.id.clone(), PNG.to_vec()),
    ];
    expected.sort();
    assert_eq!(media, expected);
    assert_eq!(unpacked.exercises[0].0, x.exercise);

    // maria imports it into her lycée; the copy is hers, unpublished, credits kept.
    let lycee = x.s.school_id(LYCEE).await;
    let before = x.written_down().await;
    let copy = x
        .import(&x.maria, lycee, bytes.clone())
        .await
        .expect("imported");
    let original =
        x.s.call(&x.maria, GetSequence { id: x.sequence })
            .await
            .ok();
    let imported = x.s.call(&x.maria, GetSequence { id: copy }).await.ok();
    assert_ne!(copy, x.sequence);
    assert_eq!(imported.school, lycee);
    assert!(!imported.published);
    assert_eq!(imported.sequence.credits, original.sequence.credits);
    assert_eq!(imported.sequence.title, original.sequence.title);
    let StepBody::Exercise {
        exercise: new_exercise,
    } = imported.sequence.steps[1].body
    else {
        panic!("an exercise step")
    };
    assert_ne!(new_exercise, x.exercise);
    // One new sequence, one new exercise, two new files used by it; the upload is gone.
    let after = x.written_down().await;
    assert_eq!(
        [
            after[0] - before[0],
            after[1] - before[1],
            after[2] - before[2],
            after[3] - before[3]
        ],
        [1, 1, 2, 2]
    );
    assert_eq!(
        after[4] - before[4],
        2,
        "the store holds the two new media only"
    );

    // The new exercise is the old one with its files renamed; their bytes are the same.
    let old =
        x.s.call(&x.maria, GetExercise { id: x.exercise })
            .await
            .ok();
    let new =
        x.s.call(&x.maria, GetExercise { id: new_exercise })
            .await
            .ok();
    assert_eq!(new.school, lycee);
    let old_files = old.exercise.files();
    let new_files = new.exercise.files();
    assert_eq!(new_files.len(), 2);
    assert!(old_files.is_disjoint(&new_files));
    let ItemKind::Dictation(dictation) = &new.exercise.items[0].kind else {
        panic!("a dictation")
    };
    let recording: FileId = dictation
        .audio
        .as_ref()
        .map(|r| r.as_str().parse().expect("an id"))
        .expect("a recording");
    let picture = new_files
        .iter()
        .find(|f| **f != recording)
        .expect("the picture")
        .clone();
    let lesson = match &imported.sequence.steps[0].body {
        StepBody::Lesson { text } => text.clone(),
        other => panic!("a lesson: {other:?}"),
    };
    assert!(
        lesson.contains(&format!("/files/{picture}.png")),
        "{lesson}"
    );
    let mut renamed = old.exercise.clone();
    if let ItemKind::Dictation(d) = &mut renamed.items[0].kind {
        d.audio = Some(recording.as_str().parse().expect("ref"));
    }
    renamed.statement = renamed
        .statement
        .map(|s| s.replace(x.picture.id.as_str(), picture.as_str()));
    assert_eq!(new.exercise, renamed);
    for (id, bytes) in [(&recording, &x.recording.1), (&picture, &PNG.to_vec())] {
        let (status, _, got) = x.s.get_bytes(&x.maria, &format!("/files/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(got.as_ref(), bytes.as_slice());
    }
    // The exporter's pupil reads the original's files (the exercise is given to his group),
    // not the copies.
    let lisandru = x.s.session_for("lisandru.pieri").await;
    for id in [&recording, &picture] {
        let (status, _, _) = x.s.get_bytes(&lisandru, &format!("/files/{id}")).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn only_the_author_exports_and_only_ones_own_archive_is_imported() {
    let x = written().await;
    let college = x.s.school_id(COLLEGE).await;
    for who in [
        "lisandru.pieri",
        "ghjuvanni.pieri",
        "petru.casanova",
        "paola.leca",
    ] {
        let session = x.s.session_for(who).await;
        let reply = x.s.call(&session, ExportSequence { id: x.sequence }).await;
        assert_eq!(
            reply.err(),
            SequenceError::App(AppError::Forbidden),
            "{who}"
        );
    }
    // An archive uploaded by maria is not another teacher's to import, nor hers to import
    // into a school it was not uploaded for; a picture of hers is no archive.
    let upload: Uploaded =
        x.s.upload(&x.maria, &about_archive(college), lesson_archive())
            .await
            .ok();
    let before = x.written_down().await;
    let lycee = x.s.school_id(LYCEE).await;
    for (school, archive) in [
        (lycee, upload.id.clone()),
        (college, x.picture.id.clone()),
        (college, FileId::from_random([7; 16])),
    ] {
        let reply = x.s.call(&x.maria, ImportSequence { school, archive }).await;
        assert_eq!(reply.err(), SequenceError::App(AppError::Forbidden));
    }
    assert_eq!(
        x.written_down().await,
        before,
        "nothing removed, nothing written"
    );
    // A pupil cannot even upload one.
    let lisandru = x.s.session_for("lisandru.pieri").await;
    let reply =
        x.s.upload(&lisandru, &about_archive(college), lesson_archive())
            .await;
    assert_eq!(reply.err(), FileError::App(AppError::Forbidden));
}

fn zip_of(files: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in files {
        zip.start_file(*name, options).expect("entry");
        zip.write_all(bytes).expect("bytes");
    }
    zip.finish().expect("zip").into_inner()
}

#[tokio::test]
async fn a_hostile_or_broken_archive_writes_nothing() {
    let x = written().await;
    let college = x.s.school_id(COLLEGE).await;
    let good = unpack(&x.export().await, SizeLimits::default()).expect("read");
    let before = x.written_down().await;

    // Not a zip at all: the upload refuses it.
    let reply =
        x.s.upload(
            &x.maria,
            &about_archive(college),
            b"<html>not a zip</html>".to_vec(),
        )
        .await;
    assert_eq!(
        reply.err(),
        FileError::Area(FileProblem::NotAccepted {
            usage: FileUse::Archive
        })
    );
    // A zip is no picture.
    let image = UploadAbout {
        attempt: None,
        usage: FileUse::Image,
        ..about_archive(college)
    };
    let reply = x.s.upload(&x.maria, &image, lesson_archive()).await;
    assert_eq!(
        reply.err(),
        FileError::Area(FileProblem::NotAccepted {
            usage: FileUse::Image
        })
    );

    let exercises: Vec<(ExerciseId, Exercise)> = good.exercises.clone();
    let media = |bytes: &[u8]| -> Vec<Media> {
        good.media
            .iter()
            .map(|m| Media {
                bytes: if m.kind.is_audio() {
                    m.bytes.clone()
                } else {
                    bytes.to_vec()
                },
                ..m.clone()
            })
            .collect()
    };
    let bomb = vec![b' '; 5 * 1024 * 1024];
    let mut newer = Manifest::new(good.sequence.clone(), vec![], vec![]);
    newer.version = VERSION + 1;
    let newer = serde_json::to_vec(&newer).expect("json");
    let missing = Manifest::new(good.sequence.clone(), vec![], vec![]);
    let missing = serde_json::to_vec(&missing).expect("json");
    let html = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".to_vec();
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".to_vec();
    let picture_file = format!("media/{}.png", x.picture.id);
    let cases: Vec<(&str, Vec<u8>, ArchiveProblem)> = vec![
        (
            "bomb",
            zip_of(&[(MANIFEST, &bomb)], zip::CompressionMethod::Deflated),
            ArchiveProblem::TooLarge,
        ),
        (
            "newer",
            zip_of(&[(MANIFEST, &newer)], zip::CompressionMethod::Stored),
            ArchiveProblem::UnknownFormat,
        ),
        (
            "missing exercise",
            zip_of(&[(MANIFEST, &missing)], zip::CompressionMethod::Stored),
            ArchiveProblem::MissingExercise(StepId::new(4)),
        ),
        (
            "no manifest",
            zip_of(&[("a.txt", b"x")], zip::CompressionMethod::Stored),
            ArchiveProblem::NoManifest,
        ),
        (
            "html as a picture",
            pack(&good.sequence, &exercises, &media(&html)).expect("packed"),
            ArchiveProblem::Media {
                file: picture_file.clone(),
                problem: FileProblem::NotAccepted {
                    usage: FileUse::Image,
                },
            },
        ),
        (
            "svg as a picture",
            pack(&good.sequence, &exercises, &media(&svg)).expect("packed"),
            ArchiveProblem::Media {
                file: picture_file.clone(),
                problem: FileProblem::NotAccepted {
                    usage: FileUse::Image,
                },
            },
        ),
    ];
    for (what, bytes, problem) in cases {
        let reply = x.import(&x.maria, college, bytes).await;
        assert_eq!(
            reply,
            Err(SequenceError::Area(SequenceProblem::Archive(problem))),
            "{what}"
        );
        assert_eq!(x.written_down().await, before, "{what} left something");
    }
}

#[tokio::test]
async fn one_archive_imported_many_times_at_once_gives_whole_copies() {
    let x = written().await;
    let bytes = x.export().await;
    let college = x.s.school_id(COLLEGE).await;
    let before = x.written_down().await;
    let imports = (0..6).map(|_| x.import(&x.maria, college, bytes.clone()));
    let done: Vec<SequenceId> = join_all(imports)
        .await
        .into_iter()
        .filter_map(|r| match r {
            Ok(id) => Some(id),
            Err(SequenceError::App(AppError::Busy)) => None,
            Err(other) => panic!("not a clean answer: {other:?}"),
        })
        .collect();
    assert!(!done.is_empty());
    let n = i64::try_from(done.len()).expect("few");
    let after = x.written_down().await;
    assert_eq!(
        [
            after[0] - before[0],
            after[1] - before[1],
            after[2] - before[2],
            after[3] - before[3],
            after[4] - before[4]
        ],
        [n, n, 2 * n, 2 * n, 2 * n]
    );
    // Each copy's exercise is its own.
    let mut exercises = Vec::new();
    for id in done {
        let copy = x.s.call(&x.maria, GetSequence { id }).await.ok();
        exercises.extend(copy.sequence.exercises());
    }
    exercises.sort();
    exercises.dedup();
    assert_eq!(i64::try_from(exercises.len()).expect("few"), n);
}

#[tokio::test]
async fn archives_left_behind_are_swept_a_day_later() {
    let x = written().await;
    let college = x.s.school_id(COLLEGE).await;
    // An archive exported and never downloaded, one uploaded and never imported.
    let exported = x.export().await;
    let _uploaded: Uploaded =
        x.s.upload(&x.maria, &about_archive(college), exported)
            .await
            .ok();
    let archives = "SELECT COUNT(*) FROM files WHERE purpose = 'archive'";
    assert_eq!(x.s.count(archives).await, 2);
    let before = x.written_down().await;
    let now = server::system_clock();
    let files = x.s.app.ctx.files.clone();
    let swept = server::sweeper::sweep_archives(&x.s.app.db, files.as_ref(), now)
        .await
        .expect("swept");
    assert_eq!(swept, 0, "kept for a day");
    let later = domain::time::Timestamp::from_unix(now.unix() + server::sweeper::ARCHIVES_KEPT + 1);
    let swept = server::sweeper::sweep_archives(&x.s.app.db, files.as_ref(), later)
        .await
        .expect("swept");
    assert_eq!(swept, 2);
    assert_eq!(x.s.count(archives).await, 0);
    let after = x.written_down().await;
    assert_eq!(after[2], before[2] - 2, "records");
    assert_eq!(after[4], before[4] - 2, "bodies");
    // The media and exercises stay.
    assert_eq!(&after[..2], &before[..2]);
}

//! Exercises from files, through the app's server functions: real GIFT, Moodle XML and QTI 2.1
//! files (`/work/shared/fixtures/exercises`) reported question by question before anything is
//! written, then created whole or not at all; hostile and broken files refused with nothing
//! written; an exercise downloaded as GIFT with the items GIFT cannot hold named.

use crate::support::{Session, TestServer};
use app::api::exercises::authoring::{CreateExercise, GetExercise, MyExercises};
use app::api::exercises::exchange::{
    ExportGift, ImportExercise, MAX_IMPORT_BYTES, PreviewImport, Upload,
};
use app::api::exercises::{ExerciseError, ExerciseProblem};
use app::error::AppError;
use base64::Engine;
use domain::exercise::exchange::{Format, ImportError, Outcome, Reason, Report, Unexpressible};
use domain::exercise::{Exercise, ItemType, LanguageTag};
use domain::ids::SchoolId;

fn fixture(path: &str) -> Vec<u8> {
    let full = format!(
        "{}/../../shared/fixtures/exercises/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn upload(name: &str, format: Option<Format>, bytes: &[u8]) -> Upload {
    Upload {
        name: name.to_owned(),
        format,
        language: "fr".parse::<LanguageTag>().expect("a tag"),
        content: base64::engine::general_purpose::STANDARD.encode(bytes),
    }
}

/// What each question became: its type when taken, its reason when refused.
fn outcomes(report: &Report) -> Vec<Result<ItemType, Reason>> {
    report
        .items
        .iter()
        .filter_map(|item| match &item.outcome {
            Outcome::Taken { item_type, .. } => Some(Ok(*item_type)),
            Outcome::Refused { reason } => Some(Err(reason.clone())),
            Outcome::Statement => None,
        })
        .collect()
}

struct Teacher {
    s: TestServer,
    teacher: Session,
    school: SchoolId,
}

async fn teacher() -> Teacher {
    let s = TestServer::start().await;
    let teacher = s.session_for("maria.santoni").await;
    let school = s.school_id("7200001N").await;
    Teacher { s, teacher, school }
}

impl Teacher {
    async fn preview(&self, file: Upload) -> Result<Report, ExerciseError> {
        self.s
            .call(
                &self.teacher,
                PreviewImport {
                    school: self.school,
                    upload: file,
                },
            )
            .await
            .result
    }

    async fn import(&self, file: Upload) -> Result<domain::ids::ExerciseId, ExerciseError> {
        self.s
            .call(
                &self.teacher,
                ImportExercise {
                    school: self.school,
                    upload: file,
                },
            )
            .await
            .result
    }

    /// Every exercise and version stored, whoever wrote it: an import that fails writes none.
    async fn stored(&self) -> (i64, i64) {
        (
            self.s.count("SELECT COUNT(*) FROM exercises").await,
            self.s.count("SELECT COUNT(*) FROM exercise_versions").await,
        )
    }
}

#[tokio::test]
async fn moodles_gift_file_is_reported_then_created_whole() {
    let t = teacher().await;
    let before = t.stored().await;
    let file = upload("questions.gift.txt", None, &fixture("questions.gift.txt"));
    let report = t.preview(file.clone()).await.expect("reported");
    assert_eq!(report.format, Format::Gift, "detected");
    use ItemType::*;
    assert_eq!(
        outcomes(&report),
        [
            Ok(FreeText),
            Ok(Matching),
            Ok(SingleChoice),
            Ok(MultipleChoice),
            Ok(Numeric),
            Ok(ShortText),
            Ok(TrueFalse),
            Ok(TrueFalse),
            Ok(TrueFalse),
        ]
    );
    assert_eq!(t.stored().await, before, "a report writes nothing");

    let id = t.import(file).await.expect("created");
    let got = t.s.call(&t.teacher, GetExercise { id }).await.ok().exercise;
    assert_eq!(got.title, "questions", "named after the file");
    assert_eq!(
        Some(&got),
        report.exercise.as_ref(),
        "what the report showed"
    );
    let mine =
        t.s.call(&t.teacher, MyExercises { school: t.school })
            .await
            .ok();
    assert!(mine.iter().any(|e| e.id == id && e.items == 9));
    assert_eq!(t.stored().await, (before.0 + 1, before.1 + 1));
}

#[tokio::test]
async fn moodle_xml_is_detected_and_refused_questions_say_why() {
    let t = teacher().await;
    let report = t
        .preview(upload(
            "html_chars_in_idnumbers.xml",
            None,
            &fixture("moodle-xml/html_chars_in_idnumbers.xml"),
        ))
        .await
        .expect("reported");
    assert_eq!(report.format, Format::MoodleXml);
    assert_eq!(outcomes(&report), [Ok(ItemType::TrueFalse)]);

    let grades = t
        .preview(upload(
            "grades.xml",
            Some(Format::MoodleXml),
            &fixture("moodle-xml/error_invalid_grades.xml"),
        ))
        .await
        .expect("reported");
    assert_eq!(
        outcomes(&grades),
        [Err(Reason::InvalidGrade {
            grade: "33".to_owned()
        })]
    );

    // Every question of the broken cloze file is refused: there is nothing to create, and
    // nothing is created.
    let before = t.stored().await;
    let broken = upload(
        "broken_cloze_questions.xml",
        None,
        &fixture("moodle-xml/broken_cloze_questions.xml"),
    );
    let report = t.preview(broken.clone()).await.expect("reported");
    assert_eq!(report.taken(), 0);
    assert_eq!(report.refused(), 5);
    assert!(outcomes(&report).contains(&Err(Reason::NotANumber {
        text: "zero".to_owned()
    })));
    assert_eq!(
        t.import(broken).await,
        Err(ExerciseError::Area(ExerciseProblem::NothingTaken))
    );
    assert_eq!(t.stored().await, before);
}

#[tokio::test]
async fn qti_items_are_detected_taken_or_refused() {
    let t = teacher().await;
    let choice = t
        .preview(upload(
            "choice.xml",
            None,
            &fixture("qti21/items/choice.xml"),
        ))
        .await
        .expect("reported");
    assert_eq!(choice.format, Format::Qti);
    assert_eq!(outcomes(&choice), [Ok(ItemType::SingleChoice)]);
    let adaptive = t
        .preview(upload(
            "adaptive.xml",
            None,
            &fixture("qti21/items/adaptive.xml"),
        ))
        .await
        .expect("reported");
    assert_eq!(outcomes(&adaptive), [Err(Reason::Adaptive)]);
    // A GIFT file said to be QTI is not guessed at: the reader says what it found.
    let wrong = t
        .preview(upload(
            "questions.gift.txt",
            Some(Format::Qti),
            &fixture("questions.gift.txt"),
        ))
        .await;
    assert!(
        matches!(
            wrong,
            Err(ExerciseError::Area(ExerciseProblem::Import(
                ImportError::MalformedXml { .. }
            )))
        ),
        "{wrong:?}"
    );
}

#[tokio::test]
async fn hostile_and_broken_files_are_refused_and_nothing_is_written() {
    let t = teacher().await;
    let before = t.stored().await;
    let laughs = br#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<quiz><question type="truefalse"><name><text>&lol3;</text></name></question></quiz>"#;
    let truncated = &fixture("qti21/items/choice.xml")[..400];
    let latin1 = b"::Q1:: Caf\xe9 ou th\xe9 ? {=caf\xe9 ~th\xe9}";
    let mut too_large = b"::Q1:: Vrai ? {T}\n\n".to_vec();
    too_large.resize(MAX_IMPORT_BYTES + 1, b' ');
    let cases: [(&str, &[u8], ImportError); 4] = [
        ("laughs.xml", laughs, ImportError::Dtd),
        (
            "latin1.gift",
            latin1,
            ImportError::InvalidEncoding { offset: 10 },
        ),
        (
            "big.gift",
            &too_large,
            ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1,
                max: MAX_IMPORT_BYTES,
            },
        ),
        ("zip.zip", b"PK\x03\x04\x14\x00", ImportError::Archive),
    ];
    for (name, bytes, expected) in cases {
        let refused = ExerciseError::Area(ExerciseProblem::Import(expected));
        assert_eq!(
            t.preview(upload(name, None, bytes)).await.err(),
            Some(refused.clone()),
            "{name}"
        );
        assert_eq!(
            t.import(upload(name, None, bytes)).await.err(),
            Some(refused),
            "{name}"
        );
    }
    let cut = t.import(upload("cut.xml", None, truncated)).await;
    assert!(
        matches!(
            cut,
            Err(ExerciseError::Area(ExerciseProblem::Import(
                ImportError::MalformedXml { .. }
            )))
        ),
        "{cut:?}"
    );
    // Not base64: a forged request.
    let mut forged = upload("x.gift", None, b"");
    forged.content = "not base64 !".to_owned();
    assert_eq!(
        t.import(forged).await,
        Err(ExerciseError::Area(ExerciseProblem::UploadUnreadable))
    );
    assert_eq!(t.stored().await, before);

    // Far past the limit, the request's body is never read whole: refused, nothing written.
    let mut huge = upload("huge.gift", None, b"");
    huge.content = "A".repeat(2 * MAX_IMPORT_BYTES);
    let answer =
        t.s.call_raw(
            &t.teacher,
            "exercises/import",
            serde_json::json!({"school": t.school, "upload": huge}),
        )
        .await;
    assert!(answer.status.is_client_error(), "{}", answer.status);
    assert_eq!(t.stored().await, before);
}

#[tokio::test]
async fn pupils_import_nothing() {
    let t = teacher().await;
    let pupil = t.s.session_for("lisandru.pieri").await;
    let before = t.stored().await;
    let refused =
        t.s.call(
            &pupil,
            ImportExercise {
                school: t.school,
                upload: upload("q.gift", None, b"::Q1:: Vrai ? {T}"),
            },
        )
        .await
        .result;
    assert_eq!(refused, Err(ExerciseError::App(AppError::Forbidden)));
    assert_eq!(t.stored().await, before);
}

#[tokio::test]
async fn an_exercise_downloads_as_gift_naming_what_gift_cannot_hold() {
    let t = teacher().await;
    let exercise: Exercise = serde_json::from_str(
        r#"{"title":"Capitales / 5e","language":"fr","items":[
{"id":"q1","prompt":"Préfecture de la Haute-Corse ?","points":100,"type":"short_text","answers":[{"text":"Bastia"}]},
{"id":"q2","prompt":"Dans l'ordre, du nord au sud.","points":100,"type":"ordering","cards":[{"id":"a","text":"Bastia"},{"id":"b","text":"Corti"},{"id":"c","text":"Aiacciu"}]},
{"id":"q3","prompt":"Aiacciu est en Corse-du-Sud.","points":100,"type":"true_false","answer":true}
]}"#,
    )
    .expect("an exercise");
    let id =
        t.s.call(
            &t.teacher,
            CreateExercise {
                school: t.school,
                exercise: exercise.clone(),
            },
        )
        .await
        .ok();
    let file = t.s.call(&t.teacher, ExportGift { id }).await.ok();
    assert_eq!(file.name, "Capitales 5e.gift.txt");
    assert_eq!(file.not_exported.len(), 1);
    let (number, left) = &file.not_exported[0];
    assert_eq!((*number, left.item.to_string()), (2, "q2".to_owned()));
    assert_eq!(
        left.reason,
        Unexpressible::Kind {
            item_type: ItemType::Ordering
        }
    );
    // What was written reads back as the other two items.
    let back = t
        .preview(upload(&file.name, None, file.text.as_bytes()))
        .await
        .expect("reads back");
    let mut expected = exercise;
    expected.items.remove(1);
    assert_eq!(back.exercise, Some(expected));

    // Someone else's exercise answers like a missing one.
    let pupil = t.s.session_for("lisandru.pieri").await;
    assert_eq!(
        t.s.call(&pupil, ExportGift { id }).await.result,
        Err(ExerciseError::App(AppError::Forbidden))
    );
}

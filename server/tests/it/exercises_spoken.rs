//! Spoken answers to free-text items, through the server functions: a pupil uploads a recording
//! only during an open attempt of their own; it is heard by the pupil, their parents and the
//! teachers who follow the assignment, nobody else; an answer names only a recording of its own
//! attempt; the teacher finds it in the results and marks it.

use crate::files::{PNG, wav};
use crate::support::{Session, TestServer};
use app::api::exercises::assigning::AssignExercise;
use app::api::exercises::authoring::CreateExercise;
use app::api::exercises::doing::{HandIn, HandedInWork, OpenAssignment, SaveAnswers};
use app::api::exercises::results::{MarkAnswer, Results};
use app::api::exercises::{ExerciseError, Sitting};
use app::api::files::{FileError, UploadAbout, Uploaded};
use app::error::AppError;
use axum::http::{StatusCode, header};
use domain::exercise::assignment::{Feedback, Rules};
use domain::exercise::{Answer, Exercise, Points, Response};
use domain::file::{FileId, FileKind, FileProblem, FileUse};
use domain::ids::{AssignmentId, AttemptId, SchoolId};
use domain::time::Timestamp;
use futures::future::join_all;

const COLLEGE: &str = "7200001N";

const SPOKEN: &str = r#"{"title":"Leghje","language":"co","items":[
{"id":"q1","prompt":"Leghji à voce alta : « A muntagna hè bella. »","points":400,"type":"free_text","accepts":"audio"},
{"id":"q2","prompt":"Dì o scrivi u to nome.","points":100,"type":"free_text","accepts":"text_or_audio"}
]}"#;

/// maria.santoni's reading exercise, given to 5e A (Lisandru and Matteu), one attempt each.
async fn given(s: &TestServer, teacher: &Session) -> (SchoolId, AssignmentId) {
    let school = s.school_id(COLLEGE).await;
    let exercise: Exercise = serde_json::from_str(SPOKEN).expect("an exercise");
    let id = s
        .call(teacher, CreateExercise { school, exercise })
        .await
        .ok();
    let now = server::system_clock().unix();
    let assignment = s
        .call(
            teacher,
            AssignExercise {
                exercise: id,
                group: s.group_id("5e A").await,
                rules: Rules {
                    opens: Timestamp::from_unix(now - 60),
                    due: None,
                    feedback: Feedback::AfterSubmission,
                    attempts: Some(1),
                },
            },
        )
        .await
        .ok();
    (school, assignment)
}

fn about(school: SchoolId, attempt: Option<AttemptId>) -> UploadAbout {
    UploadAbout {
        school,
        usage: FileUse::AnswerAudio,
        name: None,
        attempt,
    }
}

/// An answer to the reading item naming `file`.
fn spoken(file: &str) -> Response {
    serde_json::from_value(serde_json::json!({
        "answers": {"q1": {"type": "free_text", "audio": file}}
    }))
    .expect("a response")
}

async fn open(s: &TestServer, who: &Session, assignment: AssignmentId) -> Sitting {
    s.call(who, OpenAssignment { assignment }).await.ok()
}

async fn status(s: &TestServer, who: &str, path: &str) -> StatusCode {
    let session = s.session_for(who).await;
    s.get_bytes(&session, path).await.0
}

#[tokio::test]
async fn a_spoken_answer_is_heard_by_its_pupil_their_parents_and_its_teachers_only() {
    let s = TestServer::start().await;
    let maria = s.session_for("maria.santoni").await;
    let lisandru = s.session_for("lisandru.pieri").await;
    let (school, assignment) = given(&s, &maria).await;
    let sitting = open(&s, &lisandru, assignment).await;
    assert_eq!(sitting.school, school);
    let sound = wav(4000);
    let recording: Uploaded = s
        .upload(
            &lisandru,
            &about(school, Some(sitting.attempt)),
            sound.clone(),
        )
        .await
        .ok();
    assert_eq!(recording.kind, FileKind::Wav);
    let response = spoken(recording.id.as_str());
    s.call(
        &lisandru,
        SaveAnswers {
            attempt: sitting.attempt,
            response: response.clone(),
        },
    )
    .await
    .ok();

    // A colleague who teaches 5e B only.
    sqlx::query("INSERT INTO roles (account_id, school_id, profile) VALUES ($1, $2, 'teacher')")
        .bind(s.account_id("paola.leca").await.get())
        .bind(school.get())
        .execute(s.app.db.writer())
        .await
        .expect("role");
    sqlx::query(
        "INSERT INTO teachings (group_id, account_id, subject_id) \
         SELECT $1, $2, MIN(id) FROM subjects WHERE school_id = $3",
    )
    .bind(s.group_id("5e B").await.get())
    .bind(s.account_id("paola.leca").await.get())
    .bind(school.get())
    .execute(s.app.db.writer())
    .await
    .expect("teaching");

    let path = format!("/files/{}", recording.id);
    let (answered, headers, bytes) = s.get_bytes(&lisandru, &path).await;
    assert_eq!(answered, StatusCode::OK);
    assert_eq!(bytes.as_ref(), sound.as_slice());
    assert_eq!(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("audio/wav")
    );
    for (who, expected) in [
        ("maria.santoni", StatusCode::OK),
        // His father.
        ("ghjuvanni.pieri", StatusCode::OK),
        // A classmate, another pupil's mother, a teacher of another class, the school's admin.
        ("matteu.rossi", StatusCode::FORBIDDEN),
        ("catalina.rossi", StatusCode::FORBIDDEN),
        ("paola.leca", StatusCode::FORBIDDEN),
        ("petru.casanova", StatusCode::FORBIDDEN),
        ("lucia.vincenti", StatusCode::FORBIDDEN),
    ] {
        assert_eq!(status(&s, who, &path).await, expected, "{who}");
    }

    // Handed in: the teacher finds it among the answers to mark, and marks it.
    s.call(
        &lisandru,
        HandIn {
            attempt: sitting.attempt,
            response,
        },
    )
    .await
    .ok();
    let results = s.call(&maria, Results { assignment }).await.ok();
    let to_mark: Vec<_> = results
        .free_answers
        .iter()
        .map(|a| (a.item.to_string(), a.audio.clone(), a.text.clone()))
        .collect();
    assert_eq!(
        to_mark,
        [("q1".to_owned(), Some(recording.id.clone()), String::new())]
    );
    let outcome = s
        .call(
            &maria,
            MarkAnswer {
                attempt: sitting.attempt,
                item: "q1".parse().expect("an id"),
                points: Some(Points::from_hundredths(300)),
            },
        )
        .await
        .ok();
    assert_eq!(outcome.earned, Points::from_hundredths(300));
    // His father reads his work handed in, the recording named in it; another pupil's mother
    // does not, and finds nothing of her son's, who handed nothing in.
    let father = s.session_for("ghjuvanni.pieri").await;
    let lisandru_id = s.account_id("lisandru.pieri").await;
    let work = s
        .call(
            &father,
            HandedInWork {
                assignment,
                pupil: lisandru_id,
            },
        )
        .await
        .ok();
    assert_eq!(work.attempt, sitting.attempt);
    assert_eq!(
        work.response.answers.get(&"q1".parse().expect("an id")),
        Some(&Answer::FreeText {
            text: String::new(),
            audio: Some(recording.id.as_str().parse().expect("a reference")),
        })
    );
    let catalina = s.session_for("catalina.rossi").await;
    assert_eq!(
        s.call(
            &catalina,
            HandedInWork {
                assignment,
                pupil: lisandru_id,
            },
        )
        .await
        .err(),
        ExerciseError::App(AppError::Forbidden)
    );
    assert_eq!(
        s.call(
            &catalina,
            HandedInWork {
                assignment,
                pupil: s.account_id("matteu.rossi").await,
            },
        )
        .await
        .err(),
        ExerciseError::App(AppError::NotFound)
    );

    // Still his to hear back in his handed-in work; no more recording for it.
    assert_eq!(status(&s, "lisandru.pieri", &path).await, StatusCode::OK);
    let late = s
        .upload(&lisandru, &about(school, Some(sitting.attempt)), wav(100))
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(late.err(), FileError::Area(FileProblem::AttemptClosed));
}

#[tokio::test]
async fn a_pupil_records_only_in_an_attempt_of_their_own_and_names_only_their_recordings() {
    let s = TestServer::start().await;
    let maria = s.session_for("maria.santoni").await;
    let lisandru = s.session_for("lisandru.pieri").await;
    let matteu = s.session_for("matteu.rossi").await;
    let (school, assignment) = given(&s, &maria).await;
    let his = open(&s, &lisandru, assignment).await.attempt;
    let other = open(&s, &matteu, assignment).await.attempt;
    let before = s.count("SELECT COUNT(*) FROM files").await;

    // Uploads refused: in another's attempt, in none, in an unknown one, in another school,
    // by the teacher, and what is no recording.
    let lycee = s.school_id("6200001G").await;
    for (who, about, expected) in [
        (&lisandru, about(school, Some(other)), AppError::Forbidden),
        (&lisandru, about(school, None), AppError::Forbidden),
        (
            &lisandru,
            about(school, Some(AttemptId::new(999_999))),
            AppError::Forbidden,
        ),
        (&lisandru, about(lycee, Some(his)), AppError::Forbidden),
        (&maria, about(school, Some(his)), AppError::Forbidden),
    ] {
        let reply = s.upload(who, &about, wav(100)).await;
        assert_eq!(reply.err(), FileError::App(expected), "{about:?}");
    }
    let picture = s
        .upload(&lisandru, &about(school, Some(his)), PNG.to_vec())
        .await;
    assert_eq!(
        picture.err(),
        FileError::Area(FileProblem::NotAccepted {
            usage: FileUse::AnswerAudio
        })
    );
    assert_eq!(s.count("SELECT COUNT(*) FROM files").await, before);

    // Answers naming a recording not of this attempt are refused, saved or handed in: Matteu's,
    // the teacher's picture, an unknown id, a reference that is no file id.
    let matteus: Uploaded = s
        .upload(&matteu, &about(school, Some(other)), wav(200))
        .await
        .ok();
    let teachers: Uploaded = s
        .upload(
            &maria,
            &UploadAbout {
                school,
                usage: FileUse::Audio,
                name: None,
                attempt: None,
            },
            wav(200),
        )
        .await
        .ok();
    let unknown = FileId::from_random([7; 16]);
    for named in [
        matteus.id.as_str(),
        teachers.id.as_str(),
        unknown.as_str(),
        "recordings/x.webm",
    ] {
        let save = s
            .call(
                &lisandru,
                SaveAnswers {
                    attempt: his,
                    response: spoken(named),
                },
            )
            .await;
        assert_eq!(
            save.err(),
            ExerciseError::App(AppError::Forbidden),
            "{named}"
        );
        let hand_in = s
            .call(
                &lisandru,
                HandIn {
                    attempt: his,
                    response: spoken(named),
                },
            )
            .await;
        assert_eq!(
            hand_in.err(),
            ExerciseError::App(AppError::Forbidden),
            "{named}"
        );
    }
    // Matteu's recording stays his: naming it gave Lisandru nothing.
    let matteus_path = format!("/files/{}", matteus.id);
    assert_eq!(
        s.get_bytes(&lisandru, &matteus_path).await.0,
        StatusCode::FORBIDDEN
    );

    // His own, saved 40 times at once: every save holds, the attempt keeps it.
    let mine: Uploaded = s
        .upload(&lisandru, &about(school, Some(his)), wav(300))
        .await
        .ok();
    let saves = (0..40).map(|_| {
        let (s, lisandru) = (&s, &lisandru);
        let response = spoken(mine.id.as_str());
        async move {
            s.call(
                lisandru,
                SaveAnswers {
                    attempt: his,
                    response,
                },
            )
            .await
            .ok()
        }
    });
    join_all(saves).await;
    let kept = open(&s, &lisandru, assignment).await.response;
    assert_eq!(
        kept.answers.get(&"q1".parse().expect("an id")),
        Some(&Answer::FreeText {
            text: String::new(),
            audio: Some(mine.id.as_str().parse().expect("a reference")),
        })
    );
}

//! Pedagogical sequences through the server functions: a teacher writes, gives and follows; a
//! pupil goes through the steps (exercise steps done by handing them in); a parent follows; the
//! library shares Creative Commons sequences and copies credit their authors and never touch
//! the original.

use crate::support::{Session, TestServer};
use app::api::exercises::authoring::{CreateExercise, DeleteExercise};
use app::api::exercises::doing::{HandIn, OpenAssignment};
use app::api::sequences::assigning::{AssignSequence, ResultsOf};
use app::api::sequences::authoring::{
    CreateSequence, DeleteSequence, GetSequence, MySequences, PublishSequence, SaveSequence,
};
use app::api::sequences::doing::{AssignedSequences, OpenJourney, StepDone};
use app::api::sequences::library::{CopySequence, ReadPublished, SearchLibrary};
use app::api::sequences::{LibraryQuery, SequenceError, SequenceProblem, StepContent};
use app::error::AppError;
use domain::exercise::assignment::{Closed, Feedback, Rules};
use domain::exercise::{Exercise, Response};
use domain::ids::{AssignmentId, ExerciseId, SchoolId, SequenceAssignmentId, SequenceId};
use domain::sequence::{
    Discipline, Level, Licence, Problem, Progress, Sequence, Step, StepBody, StepId, StepState,
};
use domain::time::Timestamp;
use futures::future::join_all;

const QUIZ: &str = r#"{"title":"Capitales","language":"fr","items":[
{"id":"q1","prompt":"Aiacciu est en Corse-du-Sud.","points":100,"type":"true_false","answer":true}
]}"#;

const RIGHT: &str = r#"{"answers":{"q1":{"type":"true_false","value":true}}}"#;

fn now() -> i64 {
    server::system_clock().unix()
}

fn step(id: u32, title: &str, body: StepBody) -> Step {
    Step {
        id: StepId::new(id),
        title: title.into(),
        body,
    }
}

fn sequence(exercise: ExerciseId) -> Sequence {
    Sequence {
        title: "La Corse".into(),
        language: "fr".parse().expect("test data"),
        discipline: Discipline::HistoryGeography,
        level: Level::Cinquieme,
        licence: Licence::CcBy,
        summary: Some("Les départements de la Corse.".into()),
        steps: vec![
            step(
                1,
                "Leçon",
                StepBody::Lesson {
                    text: "La Corse a **deux** départements.".into(),
                },
            ),
            step(
                2,
                "Carte",
                StepBody::Link {
                    url: "https://fr.wikipedia.org/wiki/Corse".into(),
                },
            ),
            step(3, "Exercice", StepBody::Exercise { exercise }),
        ],
        credits: vec![],
    }
}

fn rules(opens_in: i64) -> Rules {
    Rules {
        opens: Timestamp::from_unix(now() + opens_in),
        due: Some(Timestamp::from_unix(now() + 3600)),
        feedback: Feedback::AfterSubmission,
        attempts: None,
    }
}

struct Class {
    s: TestServer,
    teacher: Session,
    pupil: Session,
    school: SchoolId,
    exercise: ExerciseId,
    sequence: SequenceId,
}

/// maria.santoni's new sequence in her collège, with a quiz of hers as its last step.
async fn class() -> Class {
    let s = TestServer::start().await;
    let teacher = s.session_for("maria.santoni").await;
    let pupil = s.session_for("lisandru.pieri").await;
    let school = s.school_id("7200001N").await;
    let quiz: Exercise = serde_json::from_str(QUIZ).expect("test data");
    let exercise = s
        .call(
            &teacher,
            CreateExercise {
                school,
                exercise: quiz,
            },
        )
        .await
        .ok();
    let sequence = s
        .call(
            &teacher,
            CreateSequence {
                school,
                sequence: sequence(exercise),
            },
        )
        .await
        .ok();
    Class {
        s,
        teacher,
        pupil,
        school,
        exercise,
        sequence,
    }
}

impl Class {
    async fn give(&self, rules: Rules) -> Result<SequenceAssignmentId, SequenceError> {
        let group = self.s.group_id("5e A").await;
        self.s
            .call(
                &self.teacher,
                AssignSequence {
                    sequence: self.sequence,
                    group,
                    rules,
                },
            )
            .await
            .result
    }

    async fn journey(
        &self,
        session: &Session,
        given: SequenceAssignmentId,
    ) -> app::api::sequences::Journey {
        self.s
            .call(
                session,
                OpenJourney {
                    assignment: given,
                    pupil: self.s.account_id("lisandru.pieri").await,
                },
            )
            .await
            .ok()
    }
}

fn exercise_assignment(journey: &app::api::sequences::Journey) -> AssignmentId {
    journey
        .steps
        .iter()
        .find_map(|s| match s.content {
            StepContent::Exercise { assignment, .. } => Some(assignment),
            _ => None,
        })
        .expect("an exercise step")
}

#[tokio::test]
async fn a_pupil_goes_through_the_steps_and_the_teacher_and_parent_follow() {
    let c = class().await;
    let mine =
        c.s.call(&c.teacher, MySequences { school: c.school })
            .await
            .ok();
    let listed = mine.iter().find(|s| s.id == c.sequence).expect("listed");
    assert_eq!(
        (listed.steps, listed.given, listed.published),
        (3, 0, false)
    );

    let given = c.give(rules(-60)).await.expect("given");
    let lisandru = c.s.account_id("lisandru.pieri").await;
    let list =
        c.s.call(&c.pupil, AssignedSequences { pupil: lisandru })
            .await
            .ok();
    let entry = list
        .iter()
        .find(|a| a.assignment == given)
        .expect("on his list");
    assert_eq!(entry.progress, Progress { done: 0, steps: 3 });

    let journey = c.journey(&c.pupil, given).await;
    assert_eq!(journey.steps.len(), 3);
    assert!(journey.steps.iter().all(|s| s.state == StepState::ToDo));

    // The lesson marked done forty times at once (double taps, two tabs): done once.
    let marks = join_all((0..40).map(|_| {
        c.s.call(
            &c.pupil,
            StepDone {
                assignment: given,
                step: StepId::new(1),
            },
        )
    }))
    .await;
    assert!(marks.into_iter().all(|m| m.status.is_success()));
    // An exercise step is done by handing the exercise in, not by a word.
    let refused =
        c.s.call(
            &c.pupil,
            StepDone {
                assignment: given,
                step: StepId::new(3),
            },
        )
        .await
        .err();
    assert_eq!(refused, SequenceError::Area(SequenceProblem::NoSuchStep));

    let assignment = exercise_assignment(&journey);
    let sitting = c.s.call(&c.pupil, OpenAssignment { assignment }).await.ok();
    let response: Response = serde_json::from_str(RIGHT).expect("test data");
    c.s.call(
        &c.pupil,
        HandIn {
            attempt: sitting.attempt,
            response,
        },
    )
    .await
    .ok();

    let journey = c.journey(&c.pupil, given).await;
    let states: Vec<StepState> = journey.steps.iter().map(|s| s.state).collect();
    assert_eq!(states, [StepState::Done, StepState::ToDo, StepState::Done]);
    // Scores handed in show when the rules say (after submission: now).
    assert!(matches!(
        journey.steps[2].content,
        StepContent::Exercise { score: Some(_), .. }
    ));

    // His father follows; the teacher sees everyone of the class.
    let father = c.s.session_for("ghjuvanni.pieri").await;
    let seen = c.journey(&father, given).await;
    assert_eq!(seen.steps[0].state, StepState::Done);
    let fathers_list =
        c.s.call(&father, AssignedSequences { pupil: lisandru })
            .await
            .ok();
    let entry = fathers_list
        .iter()
        .find(|a| a.assignment == given)
        .expect("test data");
    assert_eq!(entry.progress, Progress { done: 2, steps: 3 });
    // …but marks nothing for him.
    let not_his =
        c.s.call(
            &father,
            StepDone {
                assignment: given,
                step: StepId::new(2),
            },
        )
        .await
        .err();
    assert_eq!(not_his, SequenceError::App(AppError::Forbidden));

    let results =
        c.s.call(&c.teacher, ResultsOf { assignment: given })
            .await
            .ok();
    assert_eq!(results.title, "La Corse");
    let row = results
        .pupils
        .iter()
        .find(|p| p.first_name == "Lisandru")
        .expect("in the results");
    assert_eq!(row.progress(), Progress { done: 2, steps: 3 });
    assert!(row.scores[2].is_some());
    let matteu = results
        .pupils
        .iter()
        .find(|p| p.first_name == "Matteu")
        .expect("test data");
    assert_eq!(matteu.progress().done, 0);

    // A pupil of another class sees nothing of it.
    let lucia = c.s.session_for("lucia.vincenti").await;
    let lucia_id = c.s.account_id("lucia.vincenti").await;
    let theirs =
        c.s.call(
            &lucia,
            OpenJourney {
                assignment: given,
                pupil: lucia_id,
            },
        )
        .await
        .err();
    assert_eq!(theirs, SequenceError::App(AppError::Forbidden));
}

#[tokio::test]
async fn editing_after_giving_keeps_the_steps_given_and_nothing_opens_early() {
    let c = class().await;
    // One opening for both gifts below: computed twice, a second could pass between them.
    let soon = rules(600);
    let early = c.give(soon).await.expect("given");
    let refused =
        c.s.call(
            &c.pupil,
            OpenJourney {
                assignment: early,
                pupil: c.s.account_id("lisandru.pieri").await,
            },
        )
        .await
        .err();
    assert_eq!(
        refused,
        SequenceError::Area(SequenceProblem::Closed(Closed::NotYetOpen))
    );
    // The same gift sent twice is one gift.
    assert_eq!(
        c.give(soon).await.err(),
        Some(SequenceError::Area(SequenceProblem::AlreadyGiven))
    );

    let given = c.give(rules(-60)).await.expect("given");
    let mut changed = sequence(c.exercise);
    changed.steps.remove(0);
    changed.title = "La Corse, deuxième version".into();
    c.s.call(
        &c.teacher,
        SaveSequence {
            id: c.sequence,
            sequence: changed,
        },
    )
    .await
    .ok();
    let journey = c.journey(&c.pupil, given).await;
    assert_eq!(journey.title, "La Corse");
    assert_eq!(journey.steps.len(), 3);
    let opened =
        c.s.call(&c.teacher, GetSequence { id: c.sequence })
            .await
            .ok();
    assert_eq!(opened.sequence.steps.len(), 2);
    assert_eq!(opened.given.len(), 2);

    // Deleted: gone from the pupils' lists; undone: back.
    let lisandru = c.s.account_id("lisandru.pieri").await;
    let delete = |deleted| DeleteSequence {
        id: c.sequence,
        deleted,
    };
    c.s.call(&c.teacher, delete(true)).await.ok();
    let list =
        c.s.call(&c.pupil, AssignedSequences { pupil: lisandru })
            .await
            .ok();
    assert!(!list.iter().any(|a| a.assignment == given));
    c.s.call(&c.teacher, delete(false)).await.ok();
    let list =
        c.s.call(&c.pupil, AssignedSequences { pupil: lisandru })
            .await
            .ok();
    assert!(list.iter().any(|a| a.assignment == given));
}

#[tokio::test]
async fn steps_give_only_the_authors_own_live_exercises_of_the_school() {
    let c = class().await;
    // Her own, but written in the lycée.
    let lycee = c.s.school_id("6200001G").await;
    let elsewhere =
        c.s.call(
            &c.teacher,
            CreateExercise {
                school: lycee,
                exercise: serde_json::from_str(QUIZ).expect("test data"),
            },
        )
        .await
        .ok();
    let refused =
        c.s.call(
            &c.teacher,
            CreateSequence {
                school: c.school,
                sequence: sequence(elsewhere),
            },
        )
        .await
        .err();
    assert_eq!(
        refused,
        SequenceError::Area(SequenceProblem::Exercises(vec![StepId::new(3)]))
    );
    // An id that is nobody's.
    let refused =
        c.s.call(
            &c.teacher,
            CreateSequence {
                school: c.school,
                sequence: sequence(ExerciseId::new(999_999)),
            },
        )
        .await
        .err();
    assert!(matches!(
        refused,
        SequenceError::Area(SequenceProblem::Exercises(_))
    ));
    // Problems come all at once.
    let mut broken = sequence(c.exercise);
    broken.title.clear();
    broken.steps[1].body = StepBody::Link {
        url: "javascript:alert(1)".into(),
    };
    let refused =
        c.s.call(
            &c.teacher,
            SaveSequence {
                id: c.sequence,
                sequence: broken,
            },
        )
        .await
        .err();
    assert_eq!(
        refused,
        SequenceError::Area(SequenceProblem::Problems(vec![
            Problem::NoTitle,
            Problem::NotAWebAddress(StepId::new(2))
        ]))
    );
    // Its exercise deleted since: the sequence can no longer be given.
    c.s.call(
        &c.teacher,
        DeleteExercise {
            id: c.exercise,
            deleted: true,
        },
    )
    .await
    .ok();
    assert_eq!(
        c.give(rules(-60)).await.err(),
        Some(SequenceError::Area(SequenceProblem::Exercises(vec![
            StepId::new(3)
        ])))
    );
    // A pupil writes none.
    let pupils =
        c.s.call(
            &c.pupil,
            CreateSequence {
                school: c.school,
                sequence: sequence(c.exercise),
            },
        )
        .await
        .err();
    assert_eq!(pupils, SequenceError::App(AppError::Forbidden));
}

#[tokio::test]
async fn the_library_shares_creative_commons_sequences_and_copies_never_touch_the_original() {
    let c = class().await;
    let query = |text: &str| SearchLibrary {
        query: LibraryQuery {
            text: text.into(),
            ..LibraryQuery::default()
        },
    };
    // The demo's Corsican sequence is there, found without its accents and capitals.
    let found = c.s.call(&c.teacher, query("GHJORNI settimana")).await.ok();
    let corsican = found
        .iter()
        .find(|e| e.title == "I ghjorni di a settimana")
        .expect("in the library");
    assert_eq!(corsican.licence, Licence::CcBySa);
    assert_eq!(corsican.author, "Maria Santoni");
    // Not yet published: not there.
    assert!(
        !c.s.call(&c.teacher, query("corse departements"))
            .await
            .ok()
            .iter()
            .any(|e| e.id == c.sequence)
    );
    let publish = |published| PublishSequence {
        id: c.sequence,
        published,
    };
    c.s.call(&c.teacher, publish(true)).await.ok();
    let by_tags =
        c.s.call(
            &c.teacher,
            SearchLibrary {
                query: LibraryQuery {
                    text: String::new(),
                    discipline: Some(Discipline::HistoryGeography),
                    level: Some(Level::Cinquieme),
                    language: Some("fr".parse().expect("test data")),
                },
            },
        )
        .await
        .ok();
    assert_eq!(
        by_tags.iter().map(|e| e.id).collect::<Vec<_>>(),
        [c.sequence]
    );

    // A teacher of the lycée only: paola.leca made a teacher there for the test.
    sqlx::query(
        "INSERT INTO roles (account_id, school_id, profile) \
         SELECT a.id, s.id, 'teacher' FROM accounts a, schools s \
         WHERE a.username = 'paola.leca' AND s.uai = '6200001G'",
    )
    .execute(c.s.app.db.writer())
    .await
    .expect("test data");
    let colleague = c.s.session_for("paola.leca").await;
    let lycee = c.s.school_id("6200001G").await;
    let read =
        c.s.call(&colleague, ReadPublished { id: c.sequence })
            .await
            .ok();
    assert_eq!(read.exercises.len(), 1);
    assert_eq!(read.exercises[0].title, "Capitales");
    // Not into a school where she does not teach.
    let copy = |school, licence| CopySequence {
        id: c.sequence,
        school,
        licence,
    };
    assert_eq!(
        c.s.call(&colleague, copy(c.school, Licence::CcBy))
            .await
            .err(),
        SequenceError::App(AppError::Forbidden)
    );
    let copied =
        c.s.call(&colleague, copy(lycee, Licence::CcBySa))
            .await
            .ok();
    let theirs = c.s.call(&colleague, GetSequence { id: copied }).await.ok();
    assert_eq!(theirs.school, lycee);
    assert_eq!(theirs.sequence.licence, Licence::CcBySa);
    let credit = &theirs.sequence.credits[0];
    assert_eq!(
        (
            credit.title.as_str(),
            credit.author.as_str(),
            credit.licence
        ),
        ("La Corse", "Maria Santoni", Licence::CcBy)
    );
    let StepBody::Exercise {
        exercise: copied_exercise,
    } = theirs.sequence.steps[2].body
    else {
        panic!("the exercise step stays an exercise step");
    };
    assert_ne!(copied_exercise, c.exercise);
    // The copy is hers to change; the original stays as it was, and stays maria's.
    let mut changed = theirs.sequence.clone();
    changed.title = "La Corse (lycée)".into();
    changed.credits.clear();
    c.s.call(
        &colleague,
        SaveSequence {
            id: copied,
            sequence: changed,
        },
    )
    .await
    .ok();
    let after = c.s.call(&colleague, GetSequence { id: copied }).await.ok();
    assert_eq!(after.sequence.credits.len(), 1, "credits cannot be dropped");
    let original =
        c.s.call(&c.teacher, GetSequence { id: c.sequence })
            .await
            .ok();
    assert_eq!(original.sequence.title, "La Corse");
    assert_eq!(
        c.s.call(
            &colleague,
            SaveSequence {
                id: c.sequence,
                sequence: after.sequence.clone()
            }
        )
        .await
        .err(),
        SequenceError::App(AppError::Forbidden)
    );

    // Share-alike stays share-alike; all rights reserved is not published.
    let corsican_copy = CopySequence {
        id: corsican.id,
        school: lycee,
        licence: Licence::CcBy,
    };
    assert_eq!(
        c.s.call(&colleague, corsican_copy).await.err(),
        SequenceError::Area(SequenceProblem::Licence)
    );
    let mut reserved = original.sequence.clone();
    reserved.licence = Licence::AllRightsReserved;
    assert_eq!(
        c.s.call(
            &c.teacher,
            SaveSequence {
                id: c.sequence,
                sequence: reserved.clone()
            }
        )
        .await
        .err(),
        SequenceError::Area(SequenceProblem::Licence)
    );
    c.s.call(&c.teacher, publish(false)).await.ok();
    c.s.call(
        &c.teacher,
        SaveSequence {
            id: c.sequence,
            sequence: reserved,
        },
    )
    .await
    .ok();
    assert_eq!(
        c.s.call(&c.teacher, publish(true)).await.err(),
        SequenceError::Area(SequenceProblem::Licence)
    );
    // Taken out of the library: colleagues no longer read it.
    assert_eq!(
        c.s.call(&colleague, ReadPublished { id: c.sequence })
            .await
            .err(),
        SequenceError::App(AppError::Forbidden)
    );
    // Pupils never browse the library.
    assert_eq!(
        c.s.call(&c.pupil, query("")).await.err(),
        SequenceError::App(AppError::Forbidden)
    );
}

#[tokio::test]
async fn the_demo_sequences_count_the_work_already_done() {
    let s = TestServer::start().await;
    let pupil = s.session_for("lisandru.pieri").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let list = s
        .call(&pupil, AssignedSequences { pupil: lisandru })
        .await
        .ok();
    let titles: Vec<&str> = list.iter().map(|a| a.title.as_str()).collect();
    assert!(titles.contains(&"Les fractions pas à pas"), "{titles:?}");
    assert!(titles.contains(&"I ghjorni di a settimana"), "{titles:?}");
    let fractions = list
        .iter()
        .find(|a| a.title == "Les fractions pas à pas")
        .expect("test data");
    // He handed in the fractions exercise: its step is done.
    assert_eq!(fractions.progress, Progress { done: 1, steps: 4 });
    let journey = s
        .call(
            &pupil,
            OpenJourney {
                assignment: fractions.assignment,
                pupil: lisandru,
            },
        )
        .await
        .ok();
    assert_eq!(journey.steps[3].state, StepState::Done);
}

/// A small but real PDF (one empty page).
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n\
trailer<</Root 1 0 R>>\n%%EOF\n";

#[tokio::test]
async fn a_steps_files_go_to_whom_the_sequence_is_given_and_to_the_library() {
    use app::api::files::{UploadAbout, Uploaded};
    use axum::http::{StatusCode, header};
    use domain::file::{FileKind, FileUse};
    let c = class().await;
    let upload = |session: &Session, school, name: &str, bytes: &[u8]| {
        let about = UploadAbout {
            attempt: None,
            school,
            usage: FileUse::Resource,
            name: Some(name.into()),
        };
        let bytes = bytes.to_vec();
        let s = &c.s;
        let session = session.clone();
        async move {
            let uploaded: Uploaded = s.upload(&session, &about, bytes).await.ok();
            uploaded
        }
    };
    let sheet = upload(&c.teacher, c.school, "fiche.pdf", PDF).await;
    let picture = upload(&c.teacher, c.school, "carte.png", crate::files::PNG).await;
    assert_eq!((sheet.kind, picture.kind), (FileKind::Pdf, FileKind::Png));
    // HTML is not a document a step may hold, whatever its name says.
    let page =
        c.s.upload(
            &c.teacher,
            &UploadAbout {
                attempt: None,
                school: c.school,
                usage: FileUse::Resource,
                name: Some("fiche.pdf".into()),
            },
            b"<html><script>alert(1)</script></html>".to_vec(),
        )
        .await;
    assert_eq!(page.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let mut written = sequence(c.exercise);
    written.steps.push(step(
        4,
        "Fiche",
        StepBody::File {
            file: sheet.id.clone(),
            kind: sheet.kind,
        },
    ));
    if let StepBody::Lesson { text } = &mut written.steps[0].body {
        text.push_str(&format!("\n\n![Carte]({})", picture.url()));
    }
    // A file step must say what its file is.
    let mut lying = written.clone();
    lying.steps[3].body = StepBody::File {
        file: sheet.id.clone(),
        kind: FileKind::Png,
    };
    let save = |sequence| SaveSequence {
        id: c.sequence,
        sequence,
    };
    assert_eq!(
        c.s.call(&c.teacher, save(lying)).await.err(),
        SequenceError::Area(SequenceProblem::Files(vec![sheet.id.clone()]))
    );
    c.s.call(&c.teacher, save(written.clone())).await.ok();

    // Before it is given, nobody but its author reads them.
    let status = |session: &Session, url: String| {
        let s = &c.s;
        let session = session.clone();
        async move { s.get_bytes(&session, &url).await.0 }
    };
    assert_eq!(status(&c.pupil, sheet.url()).await, StatusCode::FORBIDDEN);
    let (ok, headers, bytes) = c.s.get_bytes(&c.teacher, &sheet.url()).await;
    assert_eq!((ok, bytes.as_ref()), (StatusCode::OK, PDF));
    // A PDF is saved, never opened in Scola's pages.
    assert!(
        headers
            .get(header::CONTENT_DISPOSITION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("attachment;")),
        "{headers:?}"
    );

    let given = c.give(rules(-60)).await.expect("given");
    let journey = c.journey(&c.pupil, given).await;
    assert_eq!(
        journey.steps[3].content,
        StepContent::File {
            file: sheet.id.clone(),
            kind: FileKind::Pdf
        }
    );
    // The pupil marks it read like a lesson.
    c.s.call(
        &c.pupil,
        StepDone {
            assignment: given,
            step: StepId::new(4),
        },
    )
    .await
    .ok();
    for (who, expected) in [
        ("lisandru.pieri", StatusCode::OK),
        // Another class, a parent, the administration: no.
        ("lucia.vincenti", StatusCode::FORBIDDEN),
        ("ghjuvanni.pieri", StatusCode::FORBIDDEN),
        ("admin.scola", StatusCode::FORBIDDEN),
        // A teacher of another school, while it is not in the library.
        ("paola.leca", StatusCode::FORBIDDEN),
    ] {
        let session = c.s.session_for(who).await;
        for url in [sheet.url(), picture.url()] {
            assert_eq!(status(&session, url.clone()).await, expected, "{who} {url}");
        }
    }

    // Someone else's file, or one of another school, cannot be slipped into a step.
    sqlx::query(
        "INSERT INTO roles (account_id, school_id, profile) \
         SELECT a.id, s.id, 'teacher' FROM accounts a, schools s \
         WHERE a.username = 'paola.leca' AND s.uai = '6200001G'",
    )
    .execute(c.s.app.db.writer())
    .await
    .expect("test data");
    let colleague = c.s.session_for("paola.leca").await;
    let lycee = c.s.school_id("6200001G").await;
    let hers = upload(&colleague, lycee, "sienne.pdf", PDF).await;
    let mut slipped = written.clone();
    slipped.steps.push(step(
        5,
        "Pas à moi",
        StepBody::File {
            file: hers.id.clone(),
            kind: FileKind::Pdf,
        },
    ));
    assert_eq!(
        c.s.call(&c.teacher, save(slipped)).await.err(),
        SequenceError::Area(SequenceProblem::Files(vec![hers.id.clone()]))
    );
    assert_eq!(status(&c.pupil, hers.url()).await, StatusCode::FORBIDDEN);

    // Published, its files are read by teachers of every school, and a copy shows them and
    // its exercises' to the copier, who may save it as it is.
    c.s.call(
        &c.teacher,
        PublishSequence {
            id: c.sequence,
            published: true,
        },
    )
    .await
    .ok();
    assert_eq!(status(&colleague, sheet.url()).await, StatusCode::OK);
    assert_eq!(status(&c.pupil, hers.url()).await, StatusCode::FORBIDDEN);
    let copied =
        c.s.call(
            &colleague,
            CopySequence {
                id: c.sequence,
                school: lycee,
                licence: Licence::CcBy,
            },
        )
        .await
        .ok();
    let theirs = c.s.call(&colleague, GetSequence { id: copied }).await.ok();
    c.s.call(
        &colleague,
        SaveSequence {
            id: copied,
            sequence: theirs.sequence.clone(),
        },
    )
    .await
    .ok();
    // Taken out of the library, the original's files stay readable through the copy only by
    // those the copy concerns: the copier.
    c.s.call(
        &c.teacher,
        PublishSequence {
            id: c.sequence,
            published: false,
        },
    )
    .await
    .ok();
    assert_eq!(status(&colleague, sheet.url()).await, StatusCode::OK);
    let other = c.s.session_for("petru.casanova").await;
    assert_eq!(status(&other, sheet.url()).await, StatusCode::FORBIDDEN);
}

//! Interactive exercises through the server functions: a teacher writes and gives, a pupil
//! does and hands in, the server scores; versions keep earlier scores; answers reach the pupil
//! only when the rules say; the same request sent many times at once counts once.

use crate::support::{Session, TestServer};
use app::api::exercises::assigning::AssignExercise;
use app::api::exercises::authoring::{
    CreateExercise, DeleteExercise, GetExercise, MyExercises, SaveExercise,
};
use app::api::exercises::doing::{Assigned, HandIn, OpenAssignment, SaveAnswers};
use app::api::exercises::results::Results;
use app::api::exercises::{ExerciseError, ExerciseProblem};
use app::error::AppError;
use domain::exercise::assignment::{Closed, Feedback, Rules};
use domain::exercise::{Exercise, Points, Response, Status};
use domain::ids::{AssignmentId, ExerciseId};
use domain::time::Timestamp;
use futures::future::join_all;

const QUIZ: &str = r#"{"title":"Capitales","language":"fr","items":[
{"id":"q1","prompt":"Préfecture de la Haute-Corse ?","points":100,"type":"short_text","answers":[{"text":"Bastia"}]},
{"id":"q2","prompt":"Aiacciu est en Corse-du-Sud.","points":100,"type":"true_false","answer":true}
]}"#;

fn quiz() -> Exercise {
    serde_json::from_str(QUIZ).expect("the quiz reads")
}

fn answers(json: &str) -> Response {
    serde_json::from_str(json).expect("answers read")
}

const RIGHT: &str = r#"{"answers":{"q1":{"type":"short_text","text":"bastia"},"q2":{"type":"true_false","value":true}}}"#;

fn now() -> i64 {
    server::system_clock().unix()
}

fn rules(feedback: Feedback, due_in: i64) -> Rules {
    Rules {
        opens: Timestamp::from_unix(now() - 60),
        due: Some(Timestamp::from_unix(now() + due_in)),
        feedback,
        attempts: Some(2),
    }
}

struct Class {
    s: TestServer,
    teacher: Session,
    pupil: Session,
    exercise: ExerciseId,
}

/// maria.santoni's new quiz, in her collège.
async fn class() -> Class {
    let s = TestServer::start().await;
    let teacher = s.session_for("maria.santoni").await;
    let pupil = s.session_for("lisandru.pieri").await;
    let school = s.school_id("7200001N").await;
    let exercise = s
        .call(
            &teacher,
            CreateExercise {
                school,
                exercise: quiz(),
            },
        )
        .await
        .ok();
    Class {
        s,
        teacher,
        pupil,
        exercise,
    }
}

impl Class {
    async fn give(&self, rules: Rules) -> AssignmentId {
        let group = self.s.group_id("5e A").await;
        self.s
            .call(
                &self.teacher,
                AssignExercise {
                    exercise: self.exercise,
                    group,
                    rules,
                },
            )
            .await
            .ok()
    }
}

#[tokio::test]
async fn a_teacher_writes_gives_and_reads_the_results() {
    let c = class().await;
    let school = c.s.school_id("7200001N").await;
    let mine = c.s.call(&c.teacher, MyExercises { school }).await.ok();
    let listed = mine.iter().find(|e| e.id == c.exercise).expect("listed");
    assert_eq!(
        (listed.items, listed.points),
        (2, Points::from_hundredths(200))
    );

    let assignment = c.give(rules(Feedback::Instant, 3600)).await;
    let list =
        c.s.call(
            &c.pupil,
            Assigned {
                pupil: c.s.account_id("lisandru.pieri").await,
            },
        )
        .await
        .ok();
    assert!(
        list.iter()
            .any(|a| a.assignment == assignment && a.title == "Capitales")
    );

    let sitting = c.s.call(&c.pupil, OpenAssignment { assignment }).await.ok();
    // Instant feedback: the key comes with the paper.
    assert!(sitting.key.is_some());
    let receipt =
        c.s.call(
            &c.pupil,
            HandIn {
                attempt: sitting.attempt,
                response: answers(RIGHT),
            },
        )
        .await
        .ok();
    let outcome = receipt.outcome.expect("shown at once");
    assert_eq!(outcome.earned, Points::from_hundredths(200));

    let results = c.s.call(&c.teacher, Results { assignment }).await.ok();
    let lisandru = results
        .pupils
        .iter()
        .find(|r| r.first_name == "Lisandru")
        .expect("in the results");
    assert_eq!(lisandru.handed_in, 1);
    assert_eq!(
        lisandru.last_score.map(|s| s.earned),
        Some(Points::from_hundredths(200))
    );
    // Matteu, also in 5e A, has not started: he is listed with nothing handed in.
    assert!(
        results
            .pupils
            .iter()
            .any(|r| r.first_name == "Matteu" && r.handed_in == 0)
    );

    // The author's editor lists to whom the exercise went, and how many handed in.
    let authored =
        c.s.call(&c.teacher, GetExercise { id: c.exercise })
            .await
            .ok();
    let given: Vec<(AssignmentId, &str, u32)> = authored
        .given
        .iter()
        .map(|g| (g.assignment, g.group.as_str(), g.handed_in))
        .collect();
    assert_eq!(given, [(assignment, "5e A", 1)]);
}

#[tokio::test]
async fn editing_after_attempts_never_changes_earlier_scores() {
    let c = class().await;
    let assignment = c.give(rules(Feedback::Instant, 3600)).await;
    let sitting = c.s.call(&c.pupil, OpenAssignment { assignment }).await.ok();
    c.s.call(
        &c.pupil,
        HandIn {
            attempt: sitting.attempt,
            response: answers(RIGHT),
        },
    )
    .await
    .ok();

    // The teacher now accepts only "Bastìa": the first attempt keeps its full marks.
    let mut changed = quiz();
    changed.items[0] = serde_json::from_str(
        r#"{"id":"q1","prompt":"Préfecture ?","points":100,"type":"short_text","answers":[{"text":"Bastìa","matching":{"case_sensitive":false,"accent_sensitive":true,"typos":false}}]}"#,
    )
    .expect("an item");
    let version =
        c.s.call(
            &c.teacher,
            SaveExercise {
                id: c.exercise,
                exercise: changed.clone(),
            },
        )
        .await
        .ok();
    assert_eq!(version, 2);
    let got =
        c.s.call(&c.teacher, GetExercise { id: c.exercise })
            .await
            .ok();
    assert_eq!(got.exercise, changed);
    let results = c.s.call(&c.teacher, Results { assignment }).await.ok();
    let lisandru = results
        .pupils
        .iter()
        .find(|r| r.first_name == "Lisandru")
        .expect("listed");
    assert_eq!(
        lisandru.last_score.map(|s| s.earned),
        Some(Points::from_hundredths(200))
    );

    // The second attempt is given the new version and scored by it.
    let second = c.s.call(&c.pupil, OpenAssignment { assignment }).await.ok();
    assert_eq!(second.number, 2);
    assert_eq!(second.paper.items[0].prompt, "Préfecture ?");
    let receipt =
        c.s.call(
            &c.pupil,
            HandIn {
                attempt: second.attempt,
                response: answers(RIGHT),
            },
        )
        .await
        .ok();
    let outcome = receipt.outcome.expect("instant feedback");
    assert_eq!(outcome.items[0].status, Status::Wrong);
    assert_eq!(outcome.earned, Points::from_hundredths(100));

    // Two attempts allowed, both used: the last one is shown, no third starts.
    let third = c.s.call(&c.pupil, OpenAssignment { assignment }).await.ok();
    assert_eq!(third.attempt, second.attempt);
    assert!(third.handed_in.is_some());

    // Saving again without attempts on version 2 in between would rewrite it; with them, a
    // third version.
    let version =
        c.s.call(
            &c.teacher,
            SaveExercise {
                id: c.exercise,
                exercise: quiz(),
            },
        )
        .await
        .ok();
    assert_eq!(version, 3);
    let again =
        c.s.call(
            &c.teacher,
            SaveExercise {
                id: c.exercise,
                exercise: quiz(),
            },
        )
        .await
        .ok();
    assert_eq!(again, 3);
}

#[tokio::test]
async fn answers_stay_on_the_server_until_the_rules_allow() {
    let c = class().await;
    let assignment = c.give(rules(Feedback::AfterDue, 3600)).await;
    let sitting = c.s.call(&c.pupil, OpenAssignment { assignment }).await.ok();
    assert_eq!(sitting.key, None);
    // Nothing in the paper names an accepted answer.
    let paper = serde_json::to_string(&sitting.paper).expect("a paper");
    assert!(!paper.to_lowercase().contains("bastia"), "{paper}");

    c.s.call(
        &c.pupil,
        SaveAnswers {
            attempt: sitting.attempt,
            response: answers(RIGHT),
        },
    )
    .await
    .ok();
    let reopened = c.s.call(&c.pupil, OpenAssignment { assignment }).await.ok();
    assert_eq!(reopened.attempt, sitting.attempt);
    assert_eq!(reopened.response, answers(RIGHT), "saved as typed");

    let receipt =
        c.s.call(
            &c.pupil,
            HandIn {
                attempt: sitting.attempt,
                response: answers(RIGHT),
            },
        )
        .await
        .ok();
    assert_eq!(receipt.outcome, None, "not before the due date");
    let list =
        c.s.call(
            &c.pupil,
            Assigned {
                pupil: c.s.account_id("lisandru.pieri").await,
            },
        )
        .await
        .ok();
    let entry = list
        .iter()
        .find(|a| a.assignment == assignment)
        .expect("listed");
    assert_eq!((entry.handed_in, entry.last_score), (1, None));
    // Handed in: nothing more is saved to it.
    let late =
        c.s.call(
            &c.pupil,
            SaveAnswers {
                attempt: sitting.attempt,
                response: Response::default(),
            },
        )
        .await;
    assert_eq!(
        late.err(),
        ExerciseError::Area(ExerciseProblem::Closed(Closed::HandedIn))
    );
}

#[tokio::test]
async fn the_same_hand_in_forty_times_at_once_counts_once() {
    let c = class().await;
    let assignment = c.give(rules(Feedback::AfterSubmission, 3600)).await;
    // Forty opens at once start one attempt.
    let opened = join_all((0..40).map(|_| c.s.call(&c.pupil, OpenAssignment { assignment }))).await;
    let attempts: std::collections::BTreeSet<_> =
        opened.into_iter().map(|r| r.ok().attempt).collect();
    assert_eq!(attempts.len(), 1);
    let attempt = *attempts.iter().next().expect("one attempt");

    let receipts = join_all((0..40).map(|_| {
        c.s.call(
            &c.pupil,
            HandIn {
                attempt,
                response: answers(RIGHT),
            },
        )
    }))
    .await;
    let receipts: Vec<_> = receipts.into_iter().map(|r| r.ok()).collect();
    assert!(receipts.iter().all(|r| *r == receipts[0]));
    let handed_in =
        c.s.count(
            "SELECT COUNT(*) FROM attempts \
             WHERE submitted_at IS NOT NULL AND assignment_id = (SELECT MAX(id) FROM assignments)",
        )
        .await;
    assert_eq!(handed_in, 1);
}

#[tokio::test]
async fn forged_late_and_foreign_work_is_refused() {
    let c = class().await;
    let assignment = c.give(rules(Feedback::Instant, 3600)).await;
    let sitting = c.s.call(&c.pupil, OpenAssignment { assignment }).await.ok();

    // An answer to an item the paper does not have, or of the wrong kind.
    for forged in [
        r#"{"answers":{"q9":{"type":"true_false","value":true}}}"#,
        r#"{"answers":{"q2":{"type":"short_text","text":"vrai"}}}"#,
    ] {
        let refused =
            c.s.call(
                &c.pupil,
                HandIn {
                    attempt: sitting.attempt,
                    response: answers(forged),
                },
            )
            .await
            .err();
        assert!(
            matches!(refused, ExerciseError::Area(ExerciseProblem::Answers(_))),
            "{forged}: {refused:?}"
        );
    }

    // Another pupil of the class cannot hand in Lisandru's attempt.
    let matteu = c.s.session_for("matteu.rossi").await;
    let theirs =
        c.s.call(
            &matteu,
            HandIn {
                attempt: sitting.attempt,
                response: answers(RIGHT),
            },
        )
        .await;
    assert_eq!(theirs.err(), ExerciseError::App(AppError::Forbidden));

    // Past the due date nothing is handed in.
    sqlx_exec(&c.s, "UPDATE assignments SET due_at = opens_at + 1").await;
    let late =
        c.s.call(
            &c.pupil,
            HandIn {
                attempt: sitting.attempt,
                response: answers(RIGHT),
            },
        )
        .await;
    assert_eq!(
        late.err(),
        ExerciseError::Area(ExerciseProblem::Closed(Closed::PastDue))
    );

    // An invalid exercise is refused with its problems, and a deleted one can be restored.
    let mut empty = quiz();
    empty.items.clear();
    let refused =
        c.s.call(
            &c.teacher,
            SaveExercise {
                id: c.exercise,
                exercise: empty,
            },
        )
        .await
        .err();
    assert!(
        matches!(
            &refused,
            ExerciseError::Area(ExerciseProblem::Problems(p)) if !p.is_empty()
        ),
        "{refused:?}"
    );
    c.s.call(
        &c.teacher,
        DeleteExercise {
            id: c.exercise,
            deleted: true,
        },
    )
    .await
    .ok();
    let school = c.s.school_id("7200001N").await;
    let mine = c.s.call(&c.teacher, MyExercises { school }).await.ok();
    assert!(mine.iter().all(|e| e.id != c.exercise));
    c.s.call(
        &c.teacher,
        DeleteExercise {
            id: c.exercise,
            deleted: false,
        },
    )
    .await
    .ok();
    let mine = c.s.call(&c.teacher, MyExercises { school }).await.ok();
    assert!(mine.iter().any(|e| e.id == c.exercise));
}

async fn sqlx_exec(s: &TestServer, sql: &'static str) {
    sqlx::query(sql)
        .execute(s.app.db.writer())
        .await
        .expect(sql);
}

/// `server exercises import …` as a person runs it, on this test's database.
fn import_command(s: &TestServer, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["exercises", "import"])
        .args(args)
        .env("DATABASE_URL", &s.config.database_url)
        // The demo's database is only opened for a loopback address.
        .env("SCOLA_ADDR", "127.0.0.1:8080")
        .env("SCOLA_HTTPS", "0")
        .env("RUST_LOG", "warn")
        .output()
        .expect("the command runs")
}

const GIFT_BANK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/fixtures/exercises/questions.gift.txt"
);

#[tokio::test]
async fn a_question_bank_is_imported_from_the_command_line_whole_or_not_at_all() {
    let s = TestServer::start().await;
    let exercises = "SELECT COUNT(*) FROM exercises";
    let before = s.count(exercises).await;

    // A dry run reports each question as JSON and writes nothing.
    let out = import_command(&s, &[GIFT_BANK, "--format", "gift", "--dry-run", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).expect("one JSON array");
    assert_eq!(items.len(), 9);
    assert!(
        items
            .iter()
            .all(|i| i["status"] == "taken" && i["type"].is_string())
    );
    assert_eq!(s.count(exercises).await, before);

    // Written: one exercise of the teacher, with every question taken.
    let out = import_command(
        &s,
        &[
            GIFT_BANK,
            "--format",
            "gift",
            "--school",
            "7200001N",
            "--teacher",
            "maria.santoni",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.contains("9 taken, 0 refused"), "{human}");
    assert_eq!(s.count(exercises).await, before + 1);
    assert_eq!(
        s.count("SELECT MAX(items) FROM exercises WHERE id = (SELECT MAX(id) FROM exercises)")
            .await,
        9
    );

    // Not a teacher there, a file with nothing to take, a hostile file: refused, nothing written.
    let out = import_command(
        &s,
        &[
            GIFT_BANK,
            "--format",
            "gift",
            "--school",
            "7200001N",
            "--teacher",
            "lisandru.pieri",
        ],
    );
    assert!(!out.status.success());
    let dir = std::env::temp_dir().join(format!("scola-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let bomb = dir.join("bomb.xml");
    std::fs::write(
        &bomb,
        "<?xml version=\"1.0\"?><!DOCTYPE q [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><quiz>&b;</quiz>",
    )
    .expect("write");
    let out = import_command(
        &s,
        &[
            bomb.to_str().expect("path"),
            "--format",
            "moodle-xml",
            "--school",
            "7200001N",
            "--teacher",
            "maria.santoni",
        ],
    );
    assert!(!out.status.success());
    assert_eq!(s.count(exercises).await, before + 1);
}

//! An assignment's results in depth, through the server functions: each pupil's points per item,
//! the class's averages and most frequent wrong answers, and the free answers the teacher who
//! gave the exercise scores (counted in the pupil's score, shown to the pupil when the rules
//! allow, undone); refused to a pupil, and to a teacher who did not give it.

use crate::support::TestServer;
use app::api::exercises::assigning::AssignExercise;
use app::api::exercises::authoring::CreateExercise;
use app::api::exercises::doing::{Assigned, HandIn, OpenAssignment};
use app::api::exercises::results::{MarkAnswer, Results};
use app::api::exercises::{ExerciseError, ExerciseProblem};
use app::error::AppError;
use domain::exercise::assignment::{Feedback, Rules};
use domain::exercise::statistics::{Given, WrongAnswer};
use domain::exercise::{Exercise, ItemId, MarkError, Points, Response, Status};
use domain::ids::AttemptId;
use domain::time::Timestamp;
use futures::future::join_all;

const ESSAY: &str = r#"{"title":"Les fractions","language":"fr","items":[
{"id":"q1","prompt":"Un quart s'écrit…","points":100,"type":"single_choice","choices":[{"id":"a","text":"1/4","credit":100},{"id":"b","text":"4/1"},{"id":"c","text":"1/3"}]},
{"id":"q2","prompt":"Explique ce qu'est un dénominateur.","points":400,"type":"free_text"}
]}"#;

fn response(json: &str) -> Response {
    serde_json::from_str(json).expect("answers read")
}

fn item(raw: &str) -> ItemId {
    raw.parse().expect("an id")
}

fn hundredths(n: u32) -> Points {
    Points::from_hundredths(n)
}

#[tokio::test]
async fn a_teacher_reads_each_item_and_marks_free_answers_with_undo() {
    let s = TestServer::start().await;
    let teacher = s.session_for("maria.santoni").await;
    let lisandru = s.session_for("lisandru.pieri").await;
    let matteu = s.session_for("matteu.rossi").await;
    let school = s.school_id("7200001N").await;
    let exercise: Exercise = serde_json::from_str(ESSAY).expect("an exercise");
    let id = s
        .call(&teacher, CreateExercise { school, exercise })
        .await
        .ok();
    let now = server::system_clock().unix();
    let assignment = s
        .call(
            &teacher,
            AssignExercise {
                exercise: id,
                group: s.group_id("5e A").await,
                rules: Rules {
                    opens: Timestamp::from_unix(now - 60),
                    due: None,
                    feedback: Feedback::AfterSubmission,
                    attempts: Some(2),
                },
            },
        )
        .await
        .ok();

    // Lisandru: 4/1, then 1/4 with an essay; Matteu: 4/1, no essay.
    let hand_in = async |who, json: &str| -> AttemptId {
        let sitting = s.call(who, OpenAssignment { assignment }).await.ok();
        s.call(
            who,
            HandIn {
                attempt: sitting.attempt,
                response: response(json),
            },
        )
        .await
        .ok();
        sitting.attempt
    };
    hand_in(
        &lisandru,
        r#"{"answers":{"q1":{"type":"single_choice","choice":"b"}}}"#,
    )
    .await;
    let essay = hand_in(
        &lisandru,
        r#"{"answers":{"q1":{"type":"single_choice","choice":"a"},"q2":{"type":"free_text","text":"Le nombre de parts."}}}"#,
    )
    .await;
    let blank = hand_in(
        &matteu,
        r#"{"answers":{"q1":{"type":"single_choice","choice":"b"}}}"#,
    )
    .await;

    let results = s.call(&teacher, Results { assignment }).await.ok();
    assert_eq!(results.title, "Les fractions");
    assert_eq!(results.group, "5e A");
    let ids: Vec<String> = results.items.iter().map(|i| i.id.to_string()).collect();
    assert_eq!(ids, ["q1", "q2"]);
    let row = |name: &str| {
        results
            .pupils
            .iter()
            .find(|p| p.first_name == name)
            .expect("listed")
            .items
            .iter()
            .map(|i| i.map(|i| (i.earned, i.status)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        row("Lisandru"),
        [
            Some((hundredths(100), Status::Correct)),
            Some((Points::ZERO, Status::AwaitingTeacher))
        ]
    );
    assert_eq!(
        row("Matteu"),
        [
            Some((Points::ZERO, Status::Wrong)),
            Some((Points::ZERO, Status::Unanswered))
        ]
    );
    // q1: the last attempts, 1 and 0 → 0.5; 4/1 given twice over all attempts.
    let q1 = &results.statistics[0];
    assert_eq!(q1.average, Some(hundredths(50)));
    assert_eq!(
        q1.wrong,
        [WrongAnswer {
            given: Given::Text {
                text: "4/1".to_owned()
            },
            count: 2
        }]
    );
    // q2: Lisandru's essay awaits, Matteu's blank counts 0.
    let q2 = &results.statistics[1];
    assert_eq!(
        (q2.scored, q2.awaiting, q2.average),
        (1, 1, Some(Points::ZERO))
    );
    assert_eq!(results.free_answers.len(), 1);
    let free = &results.free_answers[0];
    assert_eq!(
        (free.attempt, free.text.as_str(), free.given, free.max),
        (essay, "Le nombre de parts.", None, hundredths(400))
    );

    // Marked 2.5 out of 4: in the score, the table and the pupil's own view.
    let mark = |attempt, points| MarkAnswer {
        attempt,
        item: item("q2"),
        points,
    };
    let score = s
        .call(&teacher, mark(essay, Some(hundredths(250))))
        .await
        .ok();
    assert_eq!(
        (score.earned, score.max, score.awaiting_teacher),
        (hundredths(350), hundredths(500), Points::ZERO)
    );
    let results = s.call(&teacher, Results { assignment }).await.ok();
    let pupil = results
        .pupils
        .iter()
        .find(|p| p.first_name == "Lisandru")
        .expect("listed");
    assert_eq!(pupil.last_score.map(|s| s.earned), Some(hundredths(350)));
    assert_eq!(results.free_answers[0].given, Some(hundredths(250)));
    assert_eq!(results.statistics[1].average, Some(hundredths(125)));
    let list = s
        .call(
            &lisandru,
            Assigned {
                pupil: s.account_id("lisandru.pieri").await,
            },
        )
        .await
        .ok();
    let mine = list
        .iter()
        .find(|a| a.assignment == assignment)
        .expect("listed");
    assert_eq!(mine.last_score.map(|s| s.earned), Some(hundredths(350)));
    let sitting = s.call(&lisandru, OpenAssignment { assignment }).await.ok();
    let seen = sitting.outcome.expect("the rules show the score");
    assert_eq!(
        (seen.items[1].earned, seen.items[1].status),
        (hundredths(250), Status::Partial)
    );

    // Undone: awaiting again, and the score as handed in.
    let score = s.call(&teacher, mark(essay, None)).await.ok();
    assert_eq!(
        (score.earned, score.awaiting_teacher),
        (hundredths(100), hundredths(400))
    );

    // Refused: more than the item's points, a blank answer, an item not free.
    let refused = |e| Err(ExerciseError::Area(ExerciseProblem::Mark(e)));
    assert_eq!(
        s.call(&teacher, mark(essay, Some(hundredths(401))))
            .await
            .result,
        refused(MarkError::TooMany {
            max: hundredths(400)
        })
    );
    assert_eq!(
        s.call(&teacher, mark(blank, Some(hundredths(100))))
            .await
            .result,
        refused(MarkError::Unanswered)
    );
    assert_eq!(
        s.call(
            &teacher,
            MarkAnswer {
                attempt: essay,
                item: item("q1"),
                points: Some(Points::ZERO)
            }
        )
        .await
        .result,
        refused(MarkError::NotFree)
    );

    // Neither the pupil nor a parent marks or reads the class's results.
    let forbidden = Some(ExerciseError::App(AppError::Forbidden));
    for who in [&lisandru, &s.session_for("ghjuvanni.pieri").await] {
        assert_eq!(
            s.call(who, mark(essay, Some(hundredths(400))))
                .await
                .result
                .err(),
            forbidden
        );
        assert_eq!(
            s.call(who, Results { assignment }).await.result.err(),
            forbidden
        );
    }

    // Forty marks of the same answer at once: one of them holds, and the totals fit it.
    let marks =
        join_all((0..40u32).map(|n| s.call(&teacher, mark(essay, Some(hundredths(n * 10)))))).await;
    assert!(marks.into_iter().all(|r| r.result.is_ok()));
    let results = s.call(&teacher, Results { assignment }).await.ok();
    let given = results.free_answers[0].given.expect("marked");
    let pupil = results
        .pupils
        .iter()
        .find(|p| p.first_name == "Lisandru")
        .expect("listed");
    assert_eq!(
        pupil.last_score.map(|s| (s.earned, s.awaiting_teacher)),
        Some((hundredths(100) + given, Points::ZERO))
    );
}

#[tokio::test]
async fn a_teacher_marks_no_attempt_of_an_assignment_she_did_not_give() {
    let s = TestServer::start().await;
    let teacher = s.session_for("maria.santoni").await;
    // Lucia's work in 5e B was given by a colleague who has left.
    let lucia_attempt = AttemptId::new(
        s.scalar(
            "SELECT MAX(t.id) FROM attempts t JOIN accounts p ON p.id = t.pupil_id \
             WHERE p.username = $1",
            "lucia.vincenti",
        )
        .await,
    );
    let before = s
        .count("SELECT COUNT(*) FROM attempts WHERE outcome IS NOT NULL")
        .await;
    assert_eq!(
        s.call(
            &teacher,
            MarkAnswer {
                attempt: lucia_attempt,
                item: item("q1"),
                points: Some(Points::ZERO),
            }
        )
        .await
        .result,
        Err(ExerciseError::App(AppError::Forbidden))
    );
    assert_eq!(
        s.call(
            &teacher,
            MarkAnswer {
                attempt: AttemptId::new(999_999),
                item: item("q1"),
                points: None,
            }
        )
        .await
        .result,
        Err(ExerciseError::App(AppError::Forbidden))
    );
    assert_eq!(
        s.count("SELECT COUNT(*) FROM attempts WHERE outcome IS NOT NULL")
            .await,
        before
    );
}

//! Writes many people send at once (answers saved as typed, hand-ins): committed together on
//! SQLite (`server::db::batch`), each answering only what is on disk.

use crate::support::TestServer;
use sqlx::Row;

/// Forty writes at once, one of them failing: whatever batches they fall into, a write that
/// answers success is stored, and one that answers failure left nothing (a batch that fails
/// is rolled back whole and every write in it hears so).
#[tokio::test]
async fn a_write_answers_success_only_when_it_is_stored() {
    let s = TestServer::start().await;
    let school = s.school_id("7200001N").await.get();
    let mut ids = Vec::new();
    for n in 0..40 {
        let row = sqlx::query(
            "INSERT INTO subjects (school_id, code, name) VALUES ($1, $2, 'x') RETURNING id",
        )
        .bind(school)
        .bind(format!("batch-{n}"))
        .fetch_one(s.app.db.writer())
        .await
        .expect("a subject");
        ids.push(row.get::<i64, _>(0));
    }
    let failing = ids[17];
    let writes = ids.iter().map(|&id| {
        let db = s.app.db.clone();
        tokio::spawn(async move {
            db.write_batched(Box::new(move |conn| {
                Box::pin(async move {
                    let changed = sqlx::query("UPDATE subjects SET name = $1 WHERE id = $2")
                        .bind(format!("batch-{id}"))
                        .bind(id)
                        .execute(&mut *conn)
                        .await?
                        .rows_affected();
                    if id == failing {
                        // A statement the database refuses, after this write's own change.
                        sqlx::query("UPDATE no_such_table SET x = 1")
                            .execute(&mut *conn)
                            .await?;
                    }
                    Ok(changed)
                })
            }))
            .await
        })
    });
    let answers = futures::future::join_all(writes).await;
    let mut stored = 0;
    for (id, answer) in ids.iter().zip(answers) {
        let answer = answer.expect("the write's task ends");
        let name: String = sqlx::query("SELECT name FROM subjects WHERE id = $1")
            .bind(id)
            .fetch_one(s.app.db.pool())
            .await
            .expect("the subject")
            .get(0);
        match answer {
            Ok(changed) => {
                assert_eq!(changed, 1, "subject {id}");
                assert_eq!(name, format!("batch-{id}"), "subject {id} answered stored");
                stored += 1;
            }
            Err(_) => assert_ne!(name, format!("batch-{id}"), "subject {id} answered failed"),
        }
    }
    // How many shared the failing write's batch depends on timing; on PostgreSQL, none.
    assert!(stored < 40, "the failing write answered success");
    let refused: String = sqlx::query("SELECT name FROM subjects WHERE id = $1")
        .bind(failing)
        .fetch_one(s.app.db.pool())
        .await
        .expect("the subject")
        .get(0);
    assert_ne!(
        refused,
        format!("batch-{failing}"),
        "the failing write left nothing"
    );
}

//! The region generator on the suite's backend: what it writes is a working ENT (people sign in
//! and see their own class, children, classes taught), it never writes a region twice, and
//! what it gives is the same for the same seed.

use crate::support::{Session, TestServer, login};
use app::api::home::LoadHome;
use domain::school::GroupKind;
use server::generate::{GenerateError, PASSWORD, Scale, generate};
use sqlx::Row;

async fn first_of(server: &TestServer, profile: &str, school_uai: &str) -> String {
    sqlx::query(
        "SELECT a.username FROM accounts a JOIN roles r ON r.account_id = a.id \
         JOIN schools s ON s.id = r.school_id WHERE r.profile = $1 AND s.uai = $2 \
         ORDER BY a.id LIMIT 1",
    )
    .bind(profile)
    .bind(school_uai)
    .fetch_one(server.app.db.pool())
    .await
    .expect("a generated account")
    .get(0)
}

#[tokio::test]
async fn a_generated_region_is_a_working_ent() {
    let server = TestServer::start().await;
    let accounts_before = server.count("SELECT COUNT(*) FROM accounts").await;
    let mut seen = vec![];
    let done = generate(
        &server.app.db,
        Scale {
            schools: 2,
            seed: 11,
            activated: true,
        },
        server::system_clock(),
        |p| seen.push(p.done),
    )
    .await
    .expect("generated");
    assert_eq!(seen, vec![1, 2], "progress after each school");
    assert_eq!(done.done, 2);
    assert!(done.pupils >= 2 * 480 && done.pupils <= 2 * 960, "{done:?}");
    let accounts = server.count("SELECT COUNT(*) FROM accounts").await;
    assert_eq!(
        accounts - accounts_before,
        i64::try_from(done.accounts).expect("count")
    );
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM roles r JOIN accounts a ON a.id = r.account_id WHERE r.profile = 'pupil' AND a.username NOT IN ('lisandru.pieri','anna.colonna','matteu.rossi','lucia.vincenti','ghjulia.pieri','santu.albertini')")
            .await,
        i64::try_from(done.pupils).expect("count")
    );

    let uai: String = sqlx::query("SELECT uai FROM schools ORDER BY id DESC LIMIT 1")
        .fetch_one(server.app.db.pool())
        .await
        .expect("school")
        .get(0);
    // A pupil signs in with the shared password, no charter or password step, and sees a class.
    let pupil = first_of(&server, "pupil", &uai).await;
    let session = server.sign_in_with(&pupil, PASSWORD).await;
    let home = server.call(&session, LoadHome {}).await.ok();
    let groups = &home.schools[0].groups;
    assert!(
        groups.iter().any(|g| g.kind == GroupKind::Class),
        "{home:?}"
    );
    // A parent sees their child; a teacher the classes they teach.
    let parent = first_of(&server, "parent", &uai).await;
    let home = server
        .call(&server.session_for(&parent).await, LoadHome {})
        .await
        .ok();
    assert!(!home.children.is_empty());
    let teacher = first_of(&server, "teacher", &uai).await;
    let home = server
        .call(&server.session_for(&teacher).await, LoadHome {})
        .await
        .ok();
    assert!(!home.schools[0].groups.is_empty());

    // Some families have children in both schools: their parents see both, in both schools.
    let parent: String = sqlx::query(
        "SELECT a.username FROM accounts a JOIN parent_links l ON l.parent_id = a.id \
         JOIN roles r ON r.account_id = l.child_id AND r.profile = 'pupil' \
         WHERE a.username <> 'ghjuvanni.pieri' \
         GROUP BY a.id, a.username HAVING COUNT(DISTINCT r.school_id) > 1 ORDER BY a.id LIMIT 1",
    )
    .fetch_one(server.app.db.pool())
    .await
    .expect("a family across two schools")
    .get(0);
    let home = server
        .call(&server.session_for(&parent).await, LoadHome {})
        .await
        .ok();
    let schools: std::collections::BTreeSet<&str> =
        home.children.iter().map(|c| c.school.as_str()).collect();
    assert_eq!(schools.len(), 2, "{:?}", home.children);
    assert_eq!(home.schools.len(), 2);

    // Nothing is written twice: the same region again is refused, whole.
    let again = generate(
        &server.app.db,
        Scale {
            schools: 1,
            seed: 11,
            activated: true,
        },
        server::system_clock(),
        |_| {},
    )
    .await;
    assert!(
        matches!(again, Err(GenerateError::AlreadyGenerated(_))),
        "{again:?}"
    );
    assert_eq!(
        server.count("SELECT COUNT(*) FROM accounts").await,
        accounts
    );
}

#[tokio::test]
async fn the_same_seed_gives_the_same_region() {
    let (a, b) = (TestServer::start().await, TestServer::start().await);
    for server in [&a, &b] {
        generate(
            &server.app.db,
            Scale {
                schools: 1,
                seed: 3,
                activated: true,
            },
            server::system_clock(),
            |_| {},
        )
        .await
        .expect("generated");
    }
    let names = |server: &TestServer| {
        let pool = server.app.db.pool().clone();
        async move {
            sqlx::query("SELECT username FROM accounts ORDER BY id")
                .fetch_all(&pool)
                .await
                .expect("names")
                .into_iter()
                .map(|r| r.get::<String, _>(0))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(names(&a).await, names(&b).await);
}

#[tokio::test]
async fn scale_out_of_bounds_is_refused() {
    let server = TestServer::start().await;
    let none = generate(
        &server.app.db,
        Scale {
            schools: 0,
            seed: 1,
            activated: true,
        },
        server::system_clock(),
        |_| {},
    )
    .await;
    assert!(matches!(none, Err(GenerateError::Scale)));
}

#[tokio::test]
async fn generated_accounts_replace_their_password_unless_activated() {
    let server = TestServer::start().await;
    generate(
        &server.app.db,
        Scale {
            schools: 1,
            seed: 5,
            activated: false,
        },
        server::system_clock(),
        |_| {},
    )
    .await
    .expect("generated");
    let pupil = first_of(&server, "pupil", &last_uai(&server).await).await;
    let signed_in = server
        .call(&Session::anonymous(), login(&pupil, PASSWORD))
        .await;
    let info = signed_in.ok();
    assert!(info.must_change_password, "{info:?}");
    assert!(info.must_accept_charter, "{info:?}");
    assert_eq!(
        server
            .count(
                "SELECT COUNT(*) FROM accounts WHERE must_change_password = 0 AND id IN \
                 (SELECT r.account_id FROM roles r JOIN schools s ON s.id = r.school_id \
                 WHERE s.uai NOT IN ('7200001N', '6200001G'))"
            )
            .await,
        0,
        "every generated account has a one-time password"
    );
}

async fn last_uai(server: &TestServer) -> String {
    sqlx::query("SELECT uai FROM schools ORDER BY id DESC LIMIT 1")
        .fetch_one(server.app.db.pool())
        .await
        .expect("a school")
        .get(0)
}

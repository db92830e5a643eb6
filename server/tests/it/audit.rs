//! The audit trail: whose trail shows what, counted refusals, retention, paging and filters,
//! reads of personal data, and what typed input reaches it.

use crate::support::{Session, TestServer};
use app::ports::{AuditEvent, AuditLog};
use domain::audit::{AuditKind, Retention};
use domain::ids::{AccountId, SchoolId};
use domain::time::Timestamp;
use serde_json::{Value, json};
use std::sync::Arc;

async fn school(s: &TestServer, uai: &str) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT id FROM schools WHERE uai = $1")
        .bind(uai)
        .fetch_one(s.app.db.pool())
        .await
        .expect("school")
        .get(0)
}

async fn college(s: &TestServer) -> i64 {
    school(s, "7200001N").await
}

async fn lycee(s: &TestServer) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT id FROM schools WHERE uai <> '7200001N' ORDER BY id")
        .fetch_one(s.app.db.pool())
        .await
        .expect("lycée")
        .get(0)
}

/// The entries of the trail a caller sees, first page.
async fn trail(s: &TestServer, who: &Session, school: Option<i64>, filter: Value) -> Value {
    s.call(
        who,
        "audit/list",
        json!({ "school": school, "filter": filter }),
    )
    .await
    .ok()
    .clone()
}

fn entries(page: &Value) -> &Vec<Value> {
    page["entries"].as_array().expect("entries")
}

/// `(count_key IS NULL, count)` rows of one kind, by caller and detail.
async fn counted_rows(s: &TestServer, kind: &str, account: Option<i64>, detail: &str) -> Vec<i64> {
    use sqlx::Row;
    sqlx::query(
        "SELECT count FROM audit_log WHERE kind = $1 AND detail = $2 \
         AND (account_id = $3 OR (account_id IS NULL AND $4 = 1)) ORDER BY id",
    )
    .bind(kind)
    .bind(detail)
    .bind(account.unwrap_or(-1))
    .bind(i64::from(account.is_none()))
    .fetch_all(s.app.db.pool())
    .await
    .expect("rows")
    .into_iter()
    .map(|r| r.get::<i64, _>(0))
    .collect()
}

fn event(at: Timestamp, kind: AuditKind, account: Option<i64>, school: Option<i64>) -> AuditEvent {
    AuditEvent {
        at,
        kind,
        account: account.map(AccountId::new),
        username: None,
        school: school.map(SchoolId::new),
        ip: "192.0.2.1".into(),
        detail: String::new(),
    }
}

/// The same server with its clock stopped at `at`: for tests that must not straddle a minute.
fn stopped_at(s: &mut TestServer, at: Timestamp) {
    let mut ctx = s.app.ctx.clone();
    ctx.clock = Arc::new(move || at);
    s.app.router = server::http::router(
        server::http::HttpState::new(&s.config, ctx),
        &s.config.dist_dir,
    );
}

#[tokio::test]
async fn a_school_admin_sees_only_entries_of_their_school() {
    let s = TestServer::start().await;
    let (college, lycee) = (college(&s).await, lycee(&s).await);
    let maria = s.account_id("maria.santoni").await;
    // Maria teaches in both: what she does in the lycée, from an address the collège never
    // saw, is the lycée's business.
    let mut in_lycee = event(
        server::system_clock(),
        AuditKind::AccountUpdated,
        Some(maria),
        Some(lycee),
    );
    in_lycee.ip = "198.51.100.77".into();
    in_lycee.detail = "lycée business".into();
    s.app.db.record(in_lycee).await.expect("recorded");
    let mut in_college = event(
        server::system_clock(),
        AuditKind::AccountUpdated,
        Some(maria),
        Some(college),
    );
    in_college.detail = "collège business".into();
    s.app.db.record(in_college).await.expect("recorded");
    // And a refusal she earns in the lycée through the real door.
    let teacher = s.session_for("maria.santoni").await;
    assert_eq!(
        s.call(&teacher, "admin/subjects", json!({ "school": lycee }))
            .await
            .error(),
        "Forbidden"
    );

    let admin = s.session_for("petru.casanova").await;
    let page = trail(&s, &admin, Some(college), json!({})).await;
    let text = page.to_string();
    assert!(text.contains("collège business"), "{text}");
    assert!(!text.contains("lycée business"), "{text}");
    assert!(!text.contains("198.51.100.77"), "{text}");
    assert!(!text.contains("admin/subjects"), "{text}");
    for e in entries(&page) {
        assert_eq!(e["school"], json!(college), "{e}");
    }

    let platform = s.session_for("admin.scola").await;
    let lycee_trail = trail(&s, &platform, Some(lycee), json!({}))
        .await
        .to_string();
    assert!(lycee_trail.contains("lycée business"));
    assert!(lycee_trail.contains("admin/subjects"));
    let everything = trail(&s, &platform, None, json!({})).await.to_string();
    assert!(everything.contains("lycée business") && everything.contains("collège business"));
}

#[tokio::test]
async fn forty_concurrent_refusals_are_one_entry_counting_forty() {
    let mut s = TestServer::start().await;
    let now = server::system_clock();
    stopped_at(&mut s, now);
    let college = college(&s).await;
    let maria = s.account_id("maria.santoni").await;
    let teacher = s.session_for("maria.santoni").await;
    let calls = (0..40).map(|_| s.call(&teacher, "audit/list", json!({ "school": college })));
    for answer in futures::future::join_all(calls).await {
        assert_eq!(answer.error(), "Forbidden");
    }
    assert_eq!(
        counted_rows(&s, "access-refused", Some(maria), "audit/list").await,
        [40]
    );

    // Anonymous refusals too: one entry per function and minute, whoever calls.
    let anonymous = Session::anonymous();
    let calls = (0..25).map(|_| s.call(&anonymous, "home", json!({})));
    for answer in futures::future::join_all(calls).await {
        assert_eq!(answer.error(), "SignInRequired");
    }
    assert_eq!(counted_rows(&s, "access-refused", None, "home").await, [25]);

    // The next minute starts a new entry.
    stopped_at(&mut s, now.plus_seconds(60));
    s.call(&teacher, "audit/list", json!({ "school": college }))
        .await
        .error();
    assert_eq!(
        counted_rows(&s, "access-refused", Some(maria), "audit/list").await,
        [40, 1]
    );
    // The platform admin reads the count.
    let platform = s.session_for("admin.scola").await;
    let page = trail(
        &s,
        &platform,
        Some(college),
        json!({ "kind": "AccessRefused" }),
    )
    .await;
    assert!(
        entries(&page)
            .iter()
            .any(|e| e["count"] == json!(40) && e["detail"] == json!("audit/list")),
        "{page}"
    );
}

#[tokio::test]
async fn the_sweeper_deletes_entries_past_retention() {
    let s = TestServer::start().await;
    let now = server::system_clock();
    let day = 86_400;
    for (age_days, detail) in [
        (400, "very old"),
        (366, "just too old"),
        (364, "kept"),
        (0, "today"),
    ] {
        let mut e = event(
            now.plus_seconds(-age_days * day),
            AuditKind::AccountCreated,
            None,
            None,
        );
        e.detail = detail.into();
        s.app.db.record(e).await.expect("recorded");
    }
    let before = s.count("SELECT COUNT(*) FROM audit_log").await;
    assert_eq!(s.config.audit_retention, Retention::default());
    let deleted = server::sweeper::sweep(&s.app.db, s.config.audit_retention, now)
        .await
        .expect("sweep");
    assert_eq!(deleted, 2);
    assert_eq!(s.count("SELECT COUNT(*) FROM audit_log").await, before - 2);
    assert_eq!(
        s.count("SELECT COUNT(*) FROM audit_log WHERE detail = 'kept'")
            .await,
        1
    );
    let shorter = Retention::days(30).expect("30 days");
    server::sweeper::sweep(&s.app.db, shorter, now)
        .await
        .expect("sweep");
    assert_eq!(
        s.count("SELECT COUNT(*) FROM audit_log WHERE detail = 'kept'")
            .await,
        0
    );
    assert_eq!(
        s.count("SELECT COUNT(*) FROM audit_log WHERE detail = 'today'")
            .await,
        1
    );
}

#[tokio::test]
async fn the_trail_pages_and_filters() {
    let s = TestServer::start().await;
    let college = college(&s).await;
    let paola = s.account_id("paola.leca").await;
    let now = server::system_clock();
    let day = 86_400;
    // 120 entries over 120 days, a third of them failed sign-ins, a third by Paola.
    for i in 0..120_i64 {
        let kind = match i % 3 {
            0 => AuditKind::SignInFailed,
            1 => AuditKind::AccountUpdated,
            _ => AuditKind::GroupChanged,
        };
        let mut e = event(
            now.plus_seconds(-(120 - i) * day),
            kind,
            (i % 3 == 1).then_some(paola),
            Some(college),
        );
        e.username = (i % 3 == 1).then(|| "paola.leca".to_owned());
        e.detail = format!("entry {i}");
        s.app.db.record(e).await.expect("recorded");
    }
    let platform = s.session_for("admin.scola").await;
    let admin = s.session_for("petru.casanova").await;

    // Pages of 50, newest first, each after the last: every entry once.
    let mut seen = Vec::new();
    let mut before = Value::Null;
    let mut pages = 0;
    loop {
        let page = trail(&s, &admin, Some(college), json!({ "before": before })).await;
        pages += 1;
        for e in entries(&page) {
            seen.push(e["id"].as_i64().expect("id"));
        }
        if page["next"].is_null() {
            break;
        }
        assert_eq!(entries(&page).len(), 50);
        before = page["next"].clone();
    }
    let total = s
        .count("SELECT COUNT(*) FROM audit_log WHERE school_id = (SELECT id FROM schools WHERE uai = '7200001N')")
        .await;
    assert!(total >= 120);
    assert_eq!(i64::try_from(seen.len()).unwrap_or(0), total);
    assert!(
        seen.windows(2).all(|w| w[0] > w[1]),
        "newest first, no repeat"
    );
    assert!(pages >= 3);

    let failed = trail(&s, &platform, None, json!({ "kind": "SignInFailed" })).await;
    assert_eq!(entries(&failed).len(), 40);
    assert!(
        entries(&failed)
            .iter()
            .all(|e| e["kind"] == json!("SignInFailed"))
    );

    let by_paola = trail(&s, &admin, Some(college), json!({ "login": "Paola.Leca" })).await;
    assert_eq!(entries(&by_paola).len(), 40);
    assert!(
        entries(&by_paola)
            .iter()
            .all(|e| e["account"] == json!(paola))
    );

    // The ten days from 30 to 20 days ago, one entry a day.
    let range = trail(
        &s,
        &admin,
        Some(college),
        json!({
            "kind": "GroupChanged",
            "from": now.plus_seconds(-30 * day).unix(),
            "until": now.plus_seconds(-20 * day).unix(),
        }),
    )
    .await;
    let details: Vec<&str> = entries(&range)
        .iter()
        .filter_map(|e| e["detail"].as_str())
        .collect();
    // Entry i is (120 - i) days old: 90 ≤ i < 100, and i % 3 == 2.
    assert_eq!(details, ["entry 98", "entry 95", "entry 92"]);

    // Filters do not widen what a school admin may read.
    let lycee = lycee(&s).await;
    assert_eq!(
        s.call(
            &admin,
            "audit/list",
            json!({ "school": lycee, "filter": { "kind": "SignInFailed" } })
        )
        .await
        .error(),
        "Forbidden"
    );
}

#[tokio::test]
async fn reading_someone_elses_personal_data_is_in_the_trail() {
    let s = TestServer::start().await;
    let college = college(&s).await;
    let maria = s.account_id("maria.santoni").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let lucia = s.account_id("lucia.vincenti").await;
    let petru = s.account_id("petru.casanova").await;

    let teacher = s.session_for("maria.santoni").await;
    s.call(&teacher, "profile/get", json!({ "id": lisandru }))
        .await
        .ok();
    s.call(&teacher, "profile/get", json!({ "id": maria }))
        .await
        .ok();
    let admin = s.session_for("petru.casanova").await;
    s.call(
        &admin,
        "admin/accounts/get",
        json!({ "school": college, "account": lucia }),
    )
    .await
    .ok();

    let reads = trail(
        &s,
        &admin,
        Some(college),
        json!({ "kind": "PersonalDataRead" }),
    )
    .await;
    let reads: Vec<(Value, String)> = entries(&reads)
        .iter()
        .map(|e| {
            (
                e["account"].clone(),
                e["detail"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        reads,
        [
            (json!(petru), format!("admin/accounts/get: account {lucia}")),
            (json!(maria), format!("profile/get: account {lisandru}")),
        ],
        "one's own profile is not logged"
    );
}

#[tokio::test]
async fn typed_login_names_reach_the_trail_cut_to_what_a_login_may_hold() {
    let s = TestServer::start().await;
    let typed = format!(
        "<img src=x onerror=alert(1)>\nFAUX\u{202e}{}",
        "z".repeat(500)
    );
    let answer = s
        .call(
            &Session::anonymous(),
            "auth/login",
            json!({ "username": typed, "password": "whatever-it-is" }),
        )
        .await;
    assert_eq!(answer.error(), "BadCredentials");
    use sqlx::Row;
    let detail: String = sqlx::query("SELECT detail FROM audit_log WHERE kind = 'sign-in-failed'")
        .fetch_one(s.app.db.pool())
        .await
        .expect("entry")
        .get(0);
    let name = detail.strip_prefix("login name: ").expect("prefix");
    assert_eq!(name.len(), 64, "{detail}");
    assert!(name.starts_with("imgsrcxonerroralert1fauxzzz"), "{detail}");
    assert!(
        name.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c))
    );
}

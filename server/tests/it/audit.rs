//! The audit trail: whose trail shows what, counted refusals, retention, paging and filters,
//! reads of personal data, and what typed input reaches it.

use crate::support::{Session, TestServer, login};
use app::api::admin::{GetAccount, ListSubjects};
use app::api::audit::{AuditEntries, AuditFilter, AuditPage};
use app::api::home::LoadHome;
use app::api::profile::ViewProfile;
use app::error::AppError;
use app::ports::{AuditEvent, AuditLog};
use domain::audit::{AuditKind, Retention};
use domain::ids::{AccountId, SchoolId};
use domain::time::Timestamp;
use std::sync::Arc;

async fn college(s: &TestServer) -> SchoolId {
    s.school_id("7200001N").await
}

async fn lycee(s: &TestServer) -> SchoolId {
    s.school_id("6200001G").await
}

fn list(school: Option<SchoolId>, filter: AuditFilter) -> AuditEntries {
    AuditEntries { school, filter }
}

/// The entries of the trail a caller sees, first page.
async fn trail(
    s: &TestServer,
    who: &Session,
    school: Option<SchoolId>,
    filter: AuditFilter,
) -> AuditPage {
    s.call(who, list(school, filter)).await.ok()
}

fn of_kind(kind: AuditKind) -> AuditFilter {
    AuditFilter {
        kind: Some(kind),
        ..AuditFilter::default()
    }
}

fn details(page: &AuditPage) -> Vec<&str> {
    page.entries.iter().map(|e| e.detail.as_str()).collect()
}

/// `(count_key IS NULL, count)` rows of one kind, by caller and detail.
async fn counted_rows(
    s: &TestServer,
    kind: &str,
    account: Option<AccountId>,
    detail: &str,
) -> Vec<i64> {
    use sqlx::Row;
    sqlx::query(
        "SELECT count FROM audit_log WHERE kind = $1 AND detail = $2 \
         AND (account_id = $3 OR (account_id IS NULL AND $4 = 1)) ORDER BY id",
    )
    .bind(kind)
    .bind(detail)
    .bind(account.map_or(-1, AccountId::get))
    .bind(i64::from(account.is_none()))
    .fetch_all(s.app.db.pool())
    .await
    .expect("rows")
    .into_iter()
    .map(|r| r.get::<i64, _>(0))
    .collect()
}

fn event(
    at: Timestamp,
    kind: AuditKind,
    account: Option<AccountId>,
    school: Option<SchoolId>,
) -> AuditEvent {
    AuditEvent {
        at,
        kind,
        account,
        username: None,
        school,
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
        s.call(&teacher, ListSubjects { school: lycee }).await.err(),
        AppError::Forbidden
    );

    let admin = s.session_for("petru.casanova").await;
    let page = trail(&s, &admin, Some(college), AuditFilter::default()).await;
    let seen = details(&page);
    assert!(seen.contains(&"collège business"), "{seen:?}");
    assert!(!seen.contains(&"lycée business"), "{seen:?}");
    assert!(!seen.contains(&"admin/subjects"), "{seen:?}");
    for e in &page.entries {
        assert_ne!(e.ip, "198.51.100.77", "{e:?}");
        assert_eq!(e.school, Some(college), "{e:?}");
    }

    let platform = s.session_for("admin.scola").await;
    let lycee_trail = trail(&s, &platform, Some(lycee), AuditFilter::default()).await;
    assert!(details(&lycee_trail).contains(&"lycée business"));
    assert!(details(&lycee_trail).contains(&"admin/subjects"));
    let everything = trail(&s, &platform, None, AuditFilter::default()).await;
    let everything = details(&everything);
    assert!(everything.contains(&"lycée business") && everything.contains(&"collège business"));
}

#[tokio::test]
async fn forty_concurrent_refusals_are_one_entry_counting_forty() {
    let mut s = TestServer::start().await;
    let now = server::system_clock();
    stopped_at(&mut s, now);
    let college = college(&s).await;
    let maria = s.account_id("maria.santoni").await;
    let teacher = s.session_for("maria.santoni").await;
    let calls = (0..40).map(|_| s.call(&teacher, list(Some(college), AuditFilter::default())));
    for answer in futures::future::join_all(calls).await {
        assert_eq!(answer.err(), AppError::Forbidden);
    }
    assert_eq!(
        counted_rows(&s, "access-refused", Some(maria), "audit/list").await,
        [40]
    );

    // Anonymous refusals too: one entry per function and minute, whoever calls.
    let anonymous = Session::anonymous();
    let calls = (0..25).map(|_| s.call(&anonymous, LoadHome {}));
    for answer in futures::future::join_all(calls).await {
        assert_eq!(answer.err(), AppError::SignInRequired);
    }
    assert_eq!(counted_rows(&s, "access-refused", None, "home").await, [25]);

    // The next minute starts a new entry.
    stopped_at(&mut s, now.plus_seconds(60));
    s.call(&teacher, list(Some(college), AuditFilter::default()))
        .await
        .err();
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
        of_kind(AuditKind::AccessRefused),
    )
    .await;
    assert!(
        page.entries
            .iter()
            .any(|e| e.count == 40 && e.detail == "audit/list"),
        "{page:?}"
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
    let mut before = None;
    let mut pages = 0;
    loop {
        let after = AuditFilter {
            before,
            ..AuditFilter::default()
        };
        let page = trail(&s, &admin, Some(college), after).await;
        pages += 1;
        seen.extend(page.entries.iter().map(|e| e.id));
        if page.next.is_none() {
            break;
        }
        assert_eq!(page.entries.len(), 50);
        before = page.next;
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

    let failed = trail(&s, &platform, None, of_kind(AuditKind::SignInFailed)).await;
    assert_eq!(failed.entries.len(), 40);
    assert!(
        failed
            .entries
            .iter()
            .all(|e| e.kind == AuditKind::SignInFailed)
    );

    let by_login = AuditFilter {
        login: Some("Paola.Leca".to_owned()),
        ..AuditFilter::default()
    };
    let by_paola = trail(&s, &admin, Some(college), by_login).await;
    assert_eq!(by_paola.entries.len(), 40);
    assert!(by_paola.entries.iter().all(|e| e.account == Some(paola)));

    // The ten days from 30 to 20 days ago, one entry a day.
    let range = trail(
        &s,
        &admin,
        Some(college),
        AuditFilter {
            from: Some(now.plus_seconds(-30 * day)),
            until: Some(now.plus_seconds(-20 * day)),
            ..of_kind(AuditKind::GroupChanged)
        },
    )
    .await;
    // Entry i is (120 - i) days old: 90 ≤ i < 100, and i % 3 == 2.
    assert_eq!(details(&range), ["entry 98", "entry 95", "entry 92"]);

    // Filters do not widen what a school admin may read.
    let lycee = lycee(&s).await;
    assert_eq!(
        s.call(&admin, list(Some(lycee), of_kind(AuditKind::SignInFailed)))
            .await
            .err(),
        AppError::Forbidden
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
    s.call(&teacher, ViewProfile { id: lisandru }).await.ok();
    s.call(&teacher, ViewProfile { id: maria }).await.ok();
    let admin = s.session_for("petru.casanova").await;
    let get = GetAccount {
        school: college,
        account: lucia,
    };
    s.call(&admin, get).await.ok();

    let reads = trail(
        &s,
        &admin,
        Some(college),
        of_kind(AuditKind::PersonalDataRead),
    )
    .await;
    let reads: Vec<(Option<AccountId>, String)> = reads
        .entries
        .into_iter()
        .map(|e| (e.account, e.detail))
        .collect();
    assert_eq!(
        reads,
        [
            (Some(petru), format!("admin/accounts/get: account {lucia}")),
            (Some(maria), format!("profile/get: account {lisandru}")),
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
        .call(&Session::anonymous(), login(&typed, "whatever-it-is"))
        .await;
    assert_eq!(answer.err(), AppError::BadCredentials);
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

//! Sessions: idle timeout, one's list of sessions, ending them, and two-factor sign-in.

use crate::support::{Answer, DEMO_PASSWORD, Session, TestServer, token_of};
use axum::body::Body;
use axum::http::{Request, header};
use serde_json::{Value, json};

const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                      Chrome/131.0.0.0 Safari/537.36";
const FIREFOX: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 \
                       Firefox/133.0";

/// Signs in from a browser announcing `user_agent`.
async fn sign_in_from(s: &TestServer, username: &str, user_agent: &str) -> Session {
    let req = Request::post("/api/auth/login")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::HOST, "scola.test")
        .header(header::USER_AGENT, user_agent)
        .body(Body::from(
            json!({ "username": username, "password": DEMO_PASSWORD }).to_string(),
        ))
        .expect("request");
    let answer = s.request(req).await;
    answer.ok();
    Session(Some(token_of(&answer).expect("a session cookie")))
}

async fn accept_charter(s: &TestServer, session: &Session) {
    let charter = s.call(session, "charter/current", json!({})).await;
    let version = charter.ok()["version"].clone();
    s.call(session, "charter/accept", json!({ "version": version }))
        .await
        .ok();
}

fn now() -> i64 {
    server::system_clock().unix()
}

async fn last_seen(s: &TestServer, session: &Session) -> i64 {
    use sqlx::Row;
    let token = session.0.as_deref().expect("token");
    let hash: String = {
        use sha2::{Digest, Sha256};
        Sha256::digest(token.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    sqlx::query("SELECT last_seen FROM sessions WHERE token_hash = $1")
        .bind(hash)
        .fetch_one(s.app.db.pool())
        .await
        .expect("session row")
        .get(0)
}

/// Pretends every session was last used `seconds` ago.
async fn age_sessions(s: &TestServer, seconds: i64) {
    sqlx::query("UPDATE sessions SET last_seen = $1")
        .bind(now() - seconds)
        .execute(s.app.db.pool())
        .await
        .expect("age");
}

fn is_signed_in(answer: &Answer) -> bool {
    answer.status.is_success() && !answer.body.is_null()
}

#[tokio::test]
async fn an_idle_session_ends_and_use_keeps_it_alive_with_few_writes() {
    let s = TestServer::start().await;
    let idle = s.app.ctx.idle;
    assert_eq!(idle.seconds(), 30 * 60, "30 minutes by default");
    let session = s.sign_in("paola.leca").await;
    let info = s.call(&session, "auth/session", json!({})).await;
    assert_eq!(
        info.ok()["idle_seconds"],
        30 * 60,
        "the app is told the limit"
    );

    // Used 10 s ago: served, and last_seen is not rewritten (the read path stays a read).
    age_sessions(&s, 10).await;
    let before = last_seen(&s, &session).await;
    s.call(&session, "home", json!({})).await.ok();
    assert_eq!(last_seen(&s, &session).await, before);

    // Used 20 minutes ago: served, and marked as used now.
    age_sessions(&s, 20 * 60).await;
    s.call(&session, "home", json!({})).await.ok();
    assert!(last_seen(&s, &session).await >= now() - 2);

    // Unused for longer than the limit (and its one-minute write lag): signed out.
    age_sessions(&s, 31 * 60 + 1).await;
    let answer = s.call(&session, "home", json!({})).await;
    assert_eq!(answer.error(), "SignInRequired");
    assert!(!is_signed_in(
        &s.call(&session, "auth/session", json!({})).await
    ));
}

#[tokio::test]
async fn keep_alive_marks_the_session_used() {
    let s = TestServer::start().await;
    let session = s.sign_in("paola.leca").await;
    age_sessions(&s, 29 * 60).await;
    s.call(&session, "sessions/keep_alive", json!({}))
        .await
        .ok();
    assert!(last_seen(&s, &session).await >= now() - 2);
    assert_eq!(
        s.call(&Session::anonymous(), "sessions/keep_alive", json!({}))
            .await
            .error(),
        "SignInRequired"
    );
}

#[tokio::test]
async fn the_idle_limit_is_configured_in_minutes() {
    let config = server::config::Config::from_vars(&[], |name| {
        (name == "SCOLA_IDLE_MINUTES").then(|| "5".to_owned())
    })
    .expect("config");
    assert_eq!(config.idle.seconds(), 300);
    for bad in ["0", "-3", "soon", "100000"] {
        let refused = server::config::Config::from_vars(&[], |name| {
            (name == "SCOLA_IDLE_MINUTES").then(|| bad.to_owned())
        });
        assert!(refused.is_err(), "{bad}");
    }
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|s| s["id"].as_str().expect("id").to_owned())
        .collect()
}

#[tokio::test]
async fn one_lists_and_ends_only_ones_own_sessions() {
    let s = TestServer::start().await;
    let laptop = sign_in_from(&s, "paola.leca", CHROME).await;
    accept_charter(&s, &laptop).await;
    let phone = sign_in_from(&s, "paola.leca", FIREFOX).await;
    let other = s.sign_in("maria.santoni").await;

    let list = s.call(&laptop, "sessions/list", json!({})).await;
    let list = list.ok().clone();
    let rows = list.as_array().expect("list");
    assert_eq!(rows.len(), 2, "{list}");
    let this: Vec<_> = rows.iter().filter(|r| r["this_device"] == true).collect();
    assert_eq!(this.len(), 1);
    assert_eq!(this[0]["device"], "Chrome 131 · Linux");
    let firefox = rows
        .iter()
        .find(|r| r["this_device"] == false)
        .expect("phone");
    assert!(
        firefox["device"]
            .as_str()
            .is_some_and(|d| d.starts_with("Firefox 133")),
        "{firefox}"
    );
    // Neither the token nor its hash reaches the browser.
    let text = list.to_string();
    for token in [&laptop, &phone] {
        let token = token.0.as_deref().expect("token");
        assert!(!text.contains(token));
        use sha2::{Digest, Sha256};
        let hash: String = Sha256::digest(token.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(!text.contains(&hash));
    }
    assert!(!text.contains("maria"), "only one's own sessions: {text}");

    // Someone else's session id answers like an unknown one, and stays open.
    let others = s.call(&other, "sessions/list", json!({})).await;
    let others = ids(others.ok());
    let answer = s
        .call(&laptop, "sessions/end", json!({ "id": others[0] }))
        .await;
    assert_eq!(answer.error(), "NotFound");
    assert_eq!(
        s.call(&laptop, "sessions/end", json!({ "id": "nothing" }))
            .await
            .error(),
        "NotFound"
    );
    s.call(&other, "home", json!({})).await.ok();

    // Ending the phone's session signs the phone out, not the laptop.
    let phone_id = firefox["id"].as_str().expect("id");
    s.call(&laptop, "sessions/end", json!({ "id": phone_id }))
        .await
        .ok();
    assert!(!is_signed_in(
        &s.call(&phone, "auth/session", json!({})).await
    ));
    assert!(is_signed_in(
        &s.call(&laptop, "auth/session", json!({})).await
    ));
}

#[tokio::test]
async fn ending_the_other_sessions_keeps_this_one() {
    let s = TestServer::start().await;
    let here = s.sign_in("paola.leca").await;
    let there = [
        sign_in_from(&s, "paola.leca", CHROME).await,
        sign_in_from(&s, "paola.leca", FIREFOX).await,
    ];
    let colleague = s.sign_in("petru.casanova").await;
    s.call(&here, "sessions/end_others", json!({})).await.ok();
    for session in &there {
        assert!(!is_signed_in(
            &s.call(session, "auth/session", json!({})).await
        ));
    }
    assert!(is_signed_in(
        &s.call(&here, "auth/session", json!({})).await
    ));
    assert!(is_signed_in(
        &s.call(&colleague, "auth/session", json!({})).await
    ));
    let list = s.call(&here, "sessions/list", json!({})).await;
    assert_eq!(ids(list.ok()).len(), 1);
}

// --- two-factor sign-in ---

fn totp(secret: &str, username: &str) -> totp_rs::Totp {
    totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(secret).expect("base32"))
        .with_account_name(username)
        .build()
        .expect("totp")
}

/// The code of the authenticator app `seconds` from now.
fn code_at(totp: &totp_rs::Totp, seconds: i64) -> String {
    totp.generate(u64::try_from(now() + seconds).expect("time"))
        .to_string()
}

/// Enrols `username`: returns its TOTP and its recovery codes.
async fn enrol(s: &TestServer, session: &Session, username: &str) -> (totp_rs::Totp, Vec<String>) {
    let begun = s.call(session, "auth/second_factor/begin", json!({})).await;
    let begun = begun.ok();
    assert!(
        begun["qr"]
            .as_str()
            .is_some_and(|q| q.starts_with("data:image/svg+xml;base64,"))
    );
    let totp = totp(begun["secret"].as_str().expect("secret"), username);
    let wrong = s
        .call(
            session,
            "auth/second_factor/confirm",
            json!({ "code": "000000" }),
        )
        .await;
    if wrong.status.is_success() {
        panic!("a wrong code confirmed enrolment");
    }
    let confirmed = s
        .call(
            session,
            "auth/second_factor/confirm",
            json!({ "code": code_at(&totp, 0) }),
        )
        .await;
    let codes: Vec<String> = confirmed
        .ok()
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c.as_str().expect("code").to_owned())
        .collect();
    assert_eq!(codes.len(), 10);
    (totp, codes)
}

/// Password step: the pending token the server answers instead of a session.
async fn password_step(s: &TestServer, username: &str) -> String {
    let answer = s
        .call(
            &Session::anonymous(),
            "auth/login",
            json!({ "username": username, "password": DEMO_PASSWORD }),
        )
        .await;
    assert_eq!(answer.status.as_u16(), 401, "{}", answer.body);
    assert!(token_of(&answer).is_none(), "no session before the code");
    answer.body["SecondFactorRequired"]["pending"]
        .as_str()
        .expect("a pending token")
        .to_owned()
}

async fn code_step(s: &TestServer, pending: &str, code: &str) -> Answer {
    s.call(
        &Session::anonymous(),
        "auth/second_factor",
        json!({ "pending": pending, "code": code }),
    )
    .await
}

fn wrong_code(answer: &Answer) -> bool {
    answer.error() == "Invalid" && answer.body.to_string().contains("WrongCode")
}

#[tokio::test]
async fn an_enrolled_admin_signs_in_with_password_then_code_once() {
    let s = TestServer::start().await;
    let session = s.sign_in("petru.casanova").await;
    let (totp, _) = enrol(&s, &session, "petru.casanova").await;
    let info = s.call(&session, "auth/session", json!({})).await;
    assert_eq!(info.ok()["second_factor"], true);

    let pending = password_step(&s, "petru.casanova").await;
    // A wrong code is refused, and opens nothing.
    let wrong = code_step(&s, &pending, "123456").await;
    assert!(wrong_code(&wrong), "{}", wrong.body);
    assert!(wrong.set_cookie.is_none());
    // The right one opens a session.
    let code = code_at(&totp, 30);
    let right = code_step(&s, &pending, &code).await;
    assert_eq!(right.ok()["username"], "petru.casanova");
    let token = token_of(&right).expect("a session");
    s.call(&Session(Some(token)), "home", json!({})).await.ok();
    // The pending sign-in is used up.
    let again = code_step(&s, &pending, &code).await;
    assert_eq!(again.error(), "SignInRequired");
    // The same code cannot be replayed within its window, even after a new password step.
    let pending = password_step(&s, "petru.casanova").await;
    let replay = code_step(&s, &pending, &code).await;
    assert!(wrong_code(&replay), "{}", replay.body);
    // Nor an older one.
    let older = code_step(&s, &pending, &code_at(&totp, 0)).await;
    assert!(wrong_code(&older), "{}", older.body);
    // An unknown pending token opens nothing.
    let forged = code_step(&s, "not-a-pending-token", &code_at(&totp, 30)).await;
    assert_eq!(forged.error(), "SignInRequired");
}

#[tokio::test]
async fn a_recovery_code_works_once() {
    let s = TestServer::start().await;
    let session = s.sign_in("petru.casanova").await;
    let (_, codes) = enrol(&s, &session, "petru.casanova").await;
    let pending = password_step(&s, "petru.casanova").await;
    code_step(&s, &pending, &codes[3].to_uppercase()).await.ok();
    let pending = password_step(&s, "petru.casanova").await;
    let reused = code_step(&s, &pending, &codes[3]).await;
    assert!(wrong_code(&reused), "{}", reused.body);
    code_step(&s, &pending, &codes[4]).await.ok();
    // Another account's recovery code is worth nothing here.
    let other = s.sign_in("paola.leca").await;
    let (_, others) = enrol(&s, &other, "paola.leca").await;
    let pending = password_step(&s, "petru.casanova").await;
    assert!(wrong_code(&code_step(&s, &pending, &others[0]).await));
}

#[tokio::test]
async fn wrong_codes_are_throttled() {
    let s = TestServer::start().await;
    let session = s.sign_in("petru.casanova").await;
    let (totp, _) = enrol(&s, &session, "petru.casanova").await;
    // A fresh password step each time does not reset the count: it is kept per account.
    for _ in 0..5 {
        let pending = password_step(&s, "petru.casanova").await;
        assert!(wrong_code(&code_step(&s, &pending, "111111").await));
    }
    let pending = password_step(&s, "petru.casanova").await;
    let locked = code_step(&s, &pending, &code_at(&totp, 30)).await;
    assert_eq!(locked.error(), "Locked", "{}", locked.body);
    assert!(locked.set_cookie.is_none());
}

#[tokio::test]
async fn parallel_right_codes_open_one_session() {
    let s = std::sync::Arc::new(TestServer::start().await);
    let session = s.sign_in("petru.casanova").await;
    let (totp, _) = enrol(&s, &session, "petru.casanova").await;
    let pending = password_step(&s, "petru.casanova").await;
    let code = code_at(&totp, 30);
    let answers = futures::future::join_all((0..20).map(|_| {
        let (s, pending, code) = (s.clone(), pending.clone(), code.clone());
        tokio::spawn(async move { code_step(&s, &pending, &code).await.status.is_success() })
    }))
    .await;
    let opened = answers
        .into_iter()
        .filter(|a| matches!(a, Ok(true)))
        .count();
    assert_eq!(opened, 1);
}

#[tokio::test]
async fn removing_the_second_factor_needs_a_current_code() {
    let s = TestServer::start().await;
    let session = s.sign_in("paola.leca").await;
    let (totp, _) = enrol(&s, &session, "paola.leca").await;
    let refused = s
        .call(
            &session,
            "auth/second_factor/disable",
            json!({ "code": "999999" }),
        )
        .await;
    assert!(wrong_code(&refused), "{}", refused.body);
    s.call(
        &session,
        "auth/second_factor/disable",
        json!({ "code": code_at(&totp, 30) }),
    )
    .await
    .ok();
    // Sign-in is back to the password alone.
    s.sign_in_with("paola.leca", DEMO_PASSWORD).await;
}

#[tokio::test]
async fn a_pupil_may_enrol_too() {
    let s = TestServer::start().await;
    let session = s.sign_in("lisandru.pieri").await;
    let (totp, _) = enrol(&s, &session, "lisandru.pieri").await;
    let pending = password_step(&s, "lisandru.pieri").await;
    code_step(&s, &pending, &code_at(&totp, 30)).await.ok();
}

#[tokio::test]
async fn when_required_admins_enrol_before_anything_else() {
    use domain::second_factor::AdminPolicy;
    let s = TestServer::start_with(
        std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-dist"),
        |c| c.admin_second_factor = AdminPolicy::Required,
    )
    .await;
    let admin = s.sign_in("petru.casanova").await;
    let info = s.call(&admin, "auth/session", json!({})).await;
    assert_eq!(info.ok()["must_enrol_second_factor"], true);
    assert_eq!(
        s.call(&admin, "home", json!({})).await.error(),
        "SecondFactorEnrolmentRequired"
    );
    // A teacher is not asked.
    let teacher = s.sign_in("maria.santoni").await;
    s.call(&teacher, "home", json!({})).await.ok();
    // Once enrolled, the admin gets through.
    enrol(&s, &admin, "petru.casanova").await;
    s.call(&admin, "home", json!({})).await.ok();
    let platform = s.session_for("admin.scola").await;
    assert_eq!(
        s.call(&platform, "home", json!({})).await.error(),
        "SecondFactorEnrolmentRequired"
    );
}

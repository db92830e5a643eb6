//! One's account: idle timeout, one's list of sessions, ending them, and two-factor sign-in.

use crate::support::{DEMO_PASSWORD, Reply, Session, TestServer, login};
use app::api::account::second_factor::{
    BeginSecondFactor, ConfirmSecondFactor, DisableSecondFactor,
};
use app::api::account::sessions::{
    EndOtherSessions, EndSession, KeepAlive, ListSessions, SessionView,
};
use app::api::auth::second_factor::SecondFactor;
use app::api::auth::{CurrentSession, SessionInfo};
use app::api::home::LoadHome;
use app::error::{AppError, Field, FieldError, Problem};
use axum::http::header;

const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                      Chrome/131.0.0.0 Safari/537.36";
const FIREFOX: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 \
                       Firefox/133.0";

/// Signs in from a browser announcing `user_agent`.
async fn sign_in_from(s: &TestServer, username: &str, user_agent: &str) -> Session {
    let headers = [(header::USER_AGENT.as_str(), user_agent)];
    let reply = s
        .call_with(
            &Session::anonymous(),
            login(username, DEMO_PASSWORD),
            &headers,
        )
        .await;
    let token = reply.token().expect("a session cookie");
    reply.ok();
    Session(Some(token))
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
        .execute(s.app.db.writer())
        .await
        .expect("age");
}

async fn is_signed_in(s: &TestServer, session: &Session) -> bool {
    s.call(session, CurrentSession {}).await.ok().is_some()
}

#[tokio::test]
async fn an_idle_session_ends_and_use_keeps_it_alive_with_few_writes() {
    let s = TestServer::start().await;
    let idle = s.app.ctx.idle;
    assert_eq!(idle.seconds(), 30 * 60, "30 minutes by default");
    let session = s.sign_in("paola.leca").await;
    let info = s.call(&session, CurrentSession {}).await.ok();
    assert_eq!(
        info.map(|i| i.idle_seconds),
        Some(30 * 60),
        "the app is told the limit"
    );

    // Used 10 s ago: served, and last_seen is not rewritten (the read path stays a read).
    age_sessions(&s, 10).await;
    let before = last_seen(&s, &session).await;
    s.call(&session, LoadHome {}).await.ok();
    assert_eq!(last_seen(&s, &session).await, before);

    // Used 20 minutes ago: served, and marked as used now.
    age_sessions(&s, 20 * 60).await;
    s.call(&session, LoadHome {}).await.ok();
    assert!(last_seen(&s, &session).await >= now() - 2);

    // Unused for longer than the limit (and its one-minute write lag): signed out.
    age_sessions(&s, 31 * 60 + 1).await;
    let answer = s.call(&session, LoadHome {}).await;
    assert_eq!(answer.err(), AppError::SignInRequired);
    assert!(!is_signed_in(&s, &session).await);
}

#[tokio::test]
async fn keep_alive_marks_the_session_used() {
    let s = TestServer::start().await;
    let session = s.sign_in("paola.leca").await;
    age_sessions(&s, 29 * 60).await;
    s.call(&session, KeepAlive {}).await.ok();
    assert!(last_seen(&s, &session).await >= now() - 2);
    assert_eq!(
        s.call(&Session::anonymous(), KeepAlive {}).await.err(),
        AppError::SignInRequired
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

fn ids(list: &[SessionView]) -> Vec<String> {
    list.iter().map(|s| s.id.clone()).collect()
}

#[tokio::test]
async fn one_lists_and_ends_only_ones_own_sessions() {
    let s = TestServer::start().await;
    let laptop = sign_in_from(&s, "paola.leca", CHROME).await;
    s.accept_charter(&laptop).await;
    let phone = sign_in_from(&s, "paola.leca", FIREFOX).await;
    let other = s.sign_in("maria.santoni").await;

    let rows = s.call(&laptop, ListSessions {}).await.ok();
    assert_eq!(rows.len(), 2, "{rows:?}");
    let this: Vec<_> = rows.iter().filter(|r| r.this_device).collect();
    assert_eq!(this.len(), 1);
    assert_eq!(this[0].device, "Chrome 131 · Linux");
    let firefox = rows.iter().find(|r| !r.this_device).expect("phone");
    assert!(firefox.device.starts_with("Firefox 133"), "{firefox:?}");
    // Neither the token nor its hash reaches the browser: raw, to read all of the wire.
    let list = s
        .call_raw(&laptop, "account/sessions/list", serde_json::json!({}))
        .await;
    let text = list.body.to_string();
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
    let others = ids(&s.call(&other, ListSessions {}).await.ok());
    let end = |id: &str| EndSession { id: id.to_owned() };
    let answer = s.call(&laptop, end(&others[0])).await;
    assert_eq!(answer.err(), AppError::NotFound);
    assert_eq!(
        s.call(&laptop, end("nothing")).await.err(),
        AppError::NotFound
    );
    s.call(&other, LoadHome {}).await.ok();

    // Ending the phone's session signs the phone out, not the laptop.
    s.call(&laptop, end(&firefox.id)).await.ok();
    assert!(!is_signed_in(&s, &phone).await);
    assert!(is_signed_in(&s, &laptop).await);
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
    s.call(&here, EndOtherSessions {}).await.ok();
    for session in &there {
        assert!(!is_signed_in(&s, session).await);
    }
    assert!(is_signed_in(&s, &here).await);
    assert!(is_signed_in(&s, &colleague).await);
    let list = s.call(&here, ListSessions {}).await.ok();
    assert_eq!(list.len(), 1);
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
    let begun = s.call(session, BeginSecondFactor {}).await.ok();
    assert!(begun.qr.starts_with("data:image/svg+xml;base64,"));
    let totp = totp(&begun.secret, username);
    let confirm = |code: String| ConfirmSecondFactor { code };
    let wrong = s.call(session, confirm("000000".to_owned())).await;
    assert!(wrong.result.is_err(), "a wrong code confirmed enrolment");
    let codes = s.call(session, confirm(code_at(&totp, 0))).await.ok();
    assert_eq!(codes.len(), 10);
    (totp, codes)
}

/// Password step: the pending token the server answers instead of a session.
async fn password_step(s: &TestServer, username: &str) -> String {
    let answer = s
        .call(&Session::anonymous(), login(username, DEMO_PASSWORD))
        .await;
    assert_eq!(answer.status.as_u16(), 401, "{answer:?}");
    assert!(answer.token().is_none(), "no session before the code");
    match answer.err() {
        AppError::SecondFactorRequired { pending } => pending,
        other => panic!("expected the code step, got {other:?}"),
    }
}

async fn code_step(s: &TestServer, pending: &str, code: &str) -> Reply<SessionInfo> {
    let step = SecondFactor {
        pending: pending.to_owned(),
        code: code.to_owned(),
    };
    s.call(&Session::anonymous(), step).await
}

fn wrong_code<T>(reply: &Reply<T>) -> bool {
    reply.result.as_ref().err()
        == Some(&AppError::Invalid(vec![FieldError {
            field: Field::Code,
            problem: Problem::WrongCode,
        }]))
}

#[tokio::test]
async fn an_enrolled_admin_signs_in_with_password_then_code_once() {
    let s = TestServer::start().await;
    let session = s.sign_in("petru.casanova").await;
    let (totp, _) = enrol(&s, &session, "petru.casanova").await;
    let info = s.call(&session, CurrentSession {}).await.ok();
    assert!(info.expect("signed in").second_factor);

    let pending = password_step(&s, "petru.casanova").await;
    // A wrong code is refused, and opens nothing.
    let wrong = code_step(&s, &pending, "123456").await;
    assert!(wrong_code(&wrong), "{wrong:?}");
    assert!(wrong.set_cookie.is_none());
    // The right one opens a session.
    let code = code_at(&totp, 30);
    let right = code_step(&s, &pending, &code).await;
    let token = right.token().expect("a session");
    assert_eq!(right.ok().username, "petru.casanova");
    s.call(&Session(Some(token)), LoadHome {}).await.ok();
    // The pending sign-in is used up.
    let again = code_step(&s, &pending, &code).await;
    assert_eq!(again.err(), AppError::SignInRequired);
    // The same code cannot be replayed within its window, even after a new password step.
    let pending = password_step(&s, "petru.casanova").await;
    let replay = code_step(&s, &pending, &code).await;
    assert!(wrong_code(&replay), "{replay:?}");
    // Nor an older one.
    let older = code_step(&s, &pending, &code_at(&totp, 0)).await;
    assert!(wrong_code(&older), "{older:?}");
    // An unknown pending token opens nothing.
    let forged = code_step(&s, "not-a-pending-token", &code_at(&totp, 30)).await;
    assert_eq!(forged.err(), AppError::SignInRequired);
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
    assert!(wrong_code(&reused), "{reused:?}");
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
    assert!(locked.set_cookie.is_none());
    assert!(
        matches!(locked.err(), AppError::Locked { .. }),
        "five wrong codes lock"
    );
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
        tokio::spawn(async move { code_step(&s, &pending, &code).await.result.is_ok() })
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
    let disable = |code: String| DisableSecondFactor { code };
    let refused = s.call(&session, disable("999999".to_owned())).await;
    assert!(wrong_code(&refused), "{refused:?}");
    s.call(&session, disable(code_at(&totp, 30))).await.ok();
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
    use domain::auth::second_factor::AdminPolicy;
    let s = TestServer::start_with(
        std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-dist"),
        |c| c.admin_second_factor = AdminPolicy::Required,
    )
    .await;
    let admin = s.sign_in("petru.casanova").await;
    let info = s.call(&admin, CurrentSession {}).await.ok();
    assert!(info.expect("signed in").must_enrol_second_factor);
    assert_eq!(
        s.call(&admin, LoadHome {}).await.err(),
        AppError::SecondFactorEnrolmentRequired
    );
    // A teacher is not asked.
    let teacher = s.sign_in("maria.santoni").await;
    s.call(&teacher, LoadHome {}).await.ok();
    // Once enrolled, the admin gets through.
    enrol(&s, &admin, "petru.casanova").await;
    s.call(&admin, LoadHome {}).await.ok();
    let platform = s.session_for("admin.scola").await;
    assert_eq!(
        s.call(&platform, LoadHome {}).await.err(),
        AppError::SecondFactorEnrolmentRequired
    );
}

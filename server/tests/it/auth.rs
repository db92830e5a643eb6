//! Sign-in, sessions, passwords, the charter and the language, through the real router.

use crate::support::{DEMO_PASSWORD, Reply, Session, TestServer, login};
use app::api::admin::{CreateAccount, ResetPassword};
use app::api::auth::{ChangePassword, CurrentSession, Login, Logout, SessionInfo, SetLang};
use app::api::charter::{AcceptCharter, PublishCharter};
use app::api::home::LoadHome;
use app::error::{AppError, Field, Problem};
use domain::auth::password::{PasswordProblem, Weakness};
use domain::charter::CharterVersion;
use domain::ids::{AccountId, SchoolId};
use domain::lang::Lang;
use domain::profile::Profile;

/// Moves every sign-in counter's last checked failure `seconds` into the past.
async fn age_failures(s: &TestServer, seconds: i64) {
    for table in ["login_failures", "login_failures_from", "address_failures"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {table} SET last_failure = last_failure - {seconds}"
        )))
        .execute(s.app.db.writer())
        .await
        .expect("age the failures");
    }
}

/// A server behind a trusted proxy, so each test request can come from its own address.
async fn behind_proxy() -> TestServer {
    TestServer::start_configured(|c| c.trust_proxy = true).await
}

/// Signs in as the proxy forwards a client at `address`.
async fn call_from(s: &TestServer, address: &str, input: Login) -> Reply<SessionInfo> {
    let headers = [("x-forwarded-for", address)];
    s.call_with(&Session::anonymous(), input, &headers).await
}

/// The one-time password an admin's reset gives.
async fn reset_password(
    s: &TestServer,
    admin: &Session,
    school: SchoolId,
    account: AccountId,
) -> String {
    let reset = ResetPassword { school, account };
    s.call(admin, reset).await.ok().password
}

/// A password change from `current` to `new`.
fn change(current: &str, new: &str) -> ChangePassword {
    ChangePassword {
        current: current.to_owned(),
        new: new.to_owned(),
    }
}

fn publish(body_fr: &str, body_co: &str) -> PublishCharter {
    PublishCharter {
        body_fr: body_fr.to_owned(),
        body_co: body_co.to_owned(),
    }
}

fn accept(version: i64) -> AcceptCharter {
    AcceptCharter {
        version: CharterVersion::new(version),
    }
}

fn is_locked<T: std::fmt::Debug>(reply: Reply<T>) -> bool {
    matches!(reply.err(), AppError::Locked { .. })
}

async fn scalar(s: &TestServer, sql: &'static str, arg: &str) -> i64 {
    use sqlx::Row;
    sqlx::query(sql)
        .bind(arg)
        .fetch_optional(s.app.db.pool())
        .await
        .expect("query")
        .map_or(0, |r| r.get(0))
}

#[tokio::test]
async fn sign_in_sets_a_protected_cookie_and_a_new_token_each_time() {
    let s = TestServer::start().await;
    let input = login("Lisandru.Pieri", DEMO_PASSWORD);
    let first = s.call(&Session::anonymous(), input.clone()).await;
    let cookie = first.set_cookie.clone().expect("cookie");
    let token = first.token().expect("token");
    assert_eq!(first.ok().username, "lisandru.pieri");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests: {cookie}");
    assert!(token.len() >= 43, "at least 256 bits, base64: {token}");

    // Signing in again from a browser that already holds a token replaces it and ends the old one.
    let old = Session(Some(token.clone()));
    let second = s.call(&old, input).await;
    let new_token = second.token().expect("token");
    assert_ne!(new_token, token);
    assert_eq!(s.call(&old, CurrentSession {}).await.ok(), None);
    let stored: i64 = s.count("SELECT COUNT(*) FROM sessions").await;
    assert_eq!(stored, 1);
    let plain: i64 = {
        use sqlx::Row;
        sqlx::query("SELECT COUNT(*) FROM sessions WHERE token_hash = $1")
            .bind(&new_token)
            .fetch_one(s.app.db.pool())
            .await
            .expect("query")
            .get(0)
    };
    assert_eq!(plain, 0, "the token itself is never stored");
}

#[tokio::test]
async fn wrong_password_and_unknown_name_get_the_same_answer() {
    let s = TestServer::start().await;
    let anon = Session::anonymous();
    let wrong = s.call(&anon, login("lisandru.pieri", "nope-nope")).await;
    let unknown = s.call(&anon, login("nobody.here", "nope-nope")).await;
    let malformed = s.call(&anon, login("<script>", "nope-nope")).await;
    for answer in [wrong, unknown, malformed] {
        assert!(answer.set_cookie.is_none());
        assert_eq!(answer.err(), AppError::BadCredentials);
    }
    let failures = s
        .count("SELECT COUNT(*) FROM audit_log WHERE kind = 'sign-in-failed'")
        .await;
    assert_eq!(failures, 3);
}

#[tokio::test]
async fn repeated_failures_lock_the_name_for_a_while_whether_it_exists_or_not() {
    let s = TestServer::start().await;
    let anon = Session::anonymous();
    for name in ["maria.santoni", "ghost.user"] {
        let mut answers = vec![];
        for _ in 0..5 {
            let a = s.call(&anon, login(name, "wrong-guess")).await;
            answers.push(a.err());
        }
        assert_eq!(&answers[..4], [const { AppError::BadCredentials }; 4]);
        assert!(matches!(answers[4], AppError::Locked { .. }));
        // Locked: even the right password is refused, without being checked.
        let right = s.call(&anon, login(name, DEMO_PASSWORD)).await;
        assert_eq!(right.status.as_u16(), 429);
        assert!(right.headers.contains_key("retry-after"));
        assert!(
            matches!(right.err(), AppError::Locked { retry_after_seconds } if retry_after_seconds > 0)
        );
    }
    // The lock is per name: others still sign in.
    s.sign_in_with("paola.leca", DEMO_PASSWORD).await;
    // And it ends: attempts while locked lengthen it, but never past 15 minutes after the last
    // password checked.
    age_failures(&s, 15 * 60).await;
    s.sign_in_with("maria.santoni", DEMO_PASSWORD).await;
    assert_eq!(
        s.count("SELECT COUNT(*) FROM login_failures WHERE username = 'maria.santoni'")
            .await,
        0
    );
}

#[tokio::test]
async fn the_charter_comes_first_and_again_for_each_new_version() {
    let s = TestServer::start().await;
    let pupil = s.sign_in_with("lisandru.pieri", DEMO_PASSWORD).await;
    assert_eq!(
        s.call(&pupil, LoadHome {}).await.err(),
        AppError::CharterRequired
    );
    let info = s.call(&pupil, CurrentSession {}).await.ok();
    assert!(info.expect("signed in").must_accept_charter);
    // An outdated or unknown version does not count.
    assert_eq!(s.call(&pupil, accept(7)).await.err(), AppError::NotFound);
    s.call(&pupil, accept(1)).await.ok();
    s.call(&pupil, LoadHome {}).await.ok();

    // Only the platform admin publishes; both languages are required.
    assert_eq!(
        s.call(&pupil, publish("x", "y")).await.err(),
        AppError::Forbidden
    );
    let admin = s.sign_in("admin.scola").await;
    let missing = s.call(&admin, publish("Nouvelle charte", " ")).await;
    assert_eq!(
        missing.err(),
        AppError::field(Field::BodyCo, Problem::Required)
    );
    let v2 = s.call(&admin, publish("Charte v2", "Carta v2")).await;
    assert_eq!(v2.ok(), CharterVersion::new(2));
    assert_eq!(
        s.call(&pupil, LoadHome {}).await.err(),
        AppError::CharterRequired
    );
}

#[tokio::test]
async fn sign_out_ends_the_session() {
    let s = TestServer::start().await;
    let teacher = s.sign_in("maria.santoni").await;
    s.call(&teacher, LoadHome {}).await.ok();
    let out = s.call(&teacher, Logout {}).await;
    assert!(
        out.set_cookie
            .as_deref()
            .is_some_and(|c| c.contains("Max-Age=0"))
    );
    out.ok();
    assert_eq!(
        s.call(&teacher, LoadHome {}).await.err(),
        AppError::SignInRequired
    );
    assert_eq!(
        s.call(&Session::anonymous(), LoadHome {}).await.err(),
        AppError::SignInRequired
    );
    assert!(
        s.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'sign-out'")
            .await
            == 1
    );
    assert!(
        s.count("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM audit_log WHERE kind = 'access-refused'")
            .await
            >= 2
    );
}

#[tokio::test]
async fn changing_the_password_checks_strength_and_ends_other_sessions() {
    let s = TestServer::start().await;
    let here = s.sign_in("paola.leca").await;
    let elsewhere = s.sign_in("paola.leca").await;

    let wrong = s
        .call(&here, change("not-mine", "Ventu di libeccio in Balagna"))
        .await;
    assert_eq!(
        wrong.err(),
        AppError::field(Field::Password, Problem::Mismatch)
    );
    let weak = s.call(&here, change(DEMO_PASSWORD, "azerty123")).await;
    let AppError::Invalid(fields) = weak.err() else {
        panic!("a weak password is a field to correct");
    };
    assert_eq!(fields[0].field, Field::NewPassword);
    let personal = s.call(&here, change(DEMO_PASSWORD, "paola.leca")).await;
    assert_eq!(
        personal.err(),
        AppError::field(
            Field::NewPassword,
            Problem::Password(PasswordProblem::Weak(Weakness::Personal))
        )
    );
    let long_phrase =
        "U ventu di libeccio porta l'odore di a machja sin'à a marina di Calvi ".repeat(2);
    s.call(&here, change(DEMO_PASSWORD, &long_phrase))
        .await
        .ok();

    s.call(&here, LoadHome {}).await.ok();
    assert_eq!(
        s.call(&elsewhere, LoadHome {}).await.err(),
        AppError::SignInRequired
    );
    let old = s
        .call(&Session::anonymous(), login("paola.leca", DEMO_PASSWORD))
        .await;
    assert_eq!(old.err(), AppError::BadCredentials);
    s.sign_in_with("paola.leca", &long_phrase).await;
}

#[tokio::test]
async fn a_one_time_password_must_be_replaced_before_anything_else() {
    let s = TestServer::start().await;
    sqlx::query("UPDATE accounts SET must_change_password = $1 WHERE username = 'anna.colonna'")
        .bind(1_i64)
        .execute(s.app.db.writer())
        .await
        .expect("flag");
    let pupil = s.sign_in_with("anna.colonna", DEMO_PASSWORD).await;
    assert_eq!(
        s.call(&pupil, LoadHome {}).await.err(),
        AppError::PasswordChangeRequired
    );
    assert_eq!(
        s.call(&pupil, accept(1)).await.err(),
        AppError::PasswordChangeRequired
    );
    s.call(&pupil, change(DEMO_PASSWORD, "Anna hà un cavallu biancu"))
        .await
        .ok();
    assert_eq!(
        s.call(&pupil, LoadHome {}).await.err(),
        AppError::CharterRequired
    );
}

#[tokio::test]
async fn the_language_is_remembered_per_account() {
    let s = TestServer::start().await;
    let parent = s.sign_in("ghjuvanni.pieri").await;
    s.call(&parent, SetLang { lang: Lang::Co }).await.ok();
    let again = s.sign_in("ghjuvanni.pieri").await;
    let lang = |info: Option<SessionInfo>| info.expect("signed in").lang;
    assert_eq!(lang(s.call(&again, CurrentSession {}).await.ok()), Lang::Co);
    // A language the interface does not have never reaches the account. Raw: the app cannot
    // name one.
    let unknown = s
        .call_raw(&again, "auth/set_lang", serde_json::json!({ "lang": "En" }))
        .await;
    assert_eq!(unknown.error(), "Communication");
    assert_eq!(lang(s.call(&again, CurrentSession {}).await.ok()), Lang::Co);
}

/// Parallel guesses cannot slip between reading the count and writing it: each is counted
/// before its password is checked, and only the first few are checked at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_guesses_are_all_counted_and_lock_the_name() {
    let s = TestServer::start().await;
    let guesses = (0..50).map(|i| {
        let s = &s;
        async move {
            s.call(
                &Session::anonymous(),
                login("maria.santoni", &format!("guess-number-{i}")),
            )
            .await
            .err()
        }
    });
    let answers = futures::future::join_all(guesses).await;
    let checked = answers
        .iter()
        .filter(|a| **a == AppError::BadCredentials)
        .count();
    assert!(
        answers
            .iter()
            .all(|a| matches!(a, AppError::BadCredentials | AppError::Locked { .. })),
        "{answers:?}"
    );
    assert!(checked <= 4, "only the free tries are checked: {answers:?}");
    let counted = scalar(
        &s,
        "SELECT failures FROM login_failures WHERE username = $1",
        "maria.santoni",
    )
    .await;
    assert!(counted >= 50, "every guess counted: {counted}");
    let right = s
        .call(&Session::anonymous(), login("maria.santoni", DEMO_PASSWORD))
        .await;
    assert!(is_locked(right));
}

/// Counts forgotten after their window are swept when new ones are written; the addresses a
/// name signed in from stay known.
#[tokio::test]
async fn forgotten_failures_are_swept() {
    let s = TestServer::start().await;
    let pool = s.app.db.writer();
    let now = server::system_clock().unix();
    let day = 24 * 3600;
    for (sql, last) in [
        (
            "INSERT INTO login_failures (username, failures, last_failure) VALUES ('old.name', 9, $1)",
            now - day - 1,
        ),
        (
            "INSERT INTO login_failures (username, failures, last_failure) VALUES ('recent.name', 9, $1)",
            now - day + 60,
        ),
        (
            "INSERT INTO address_failures (address, failures, last_failure) VALUES ('192.0.2.1', 9, $1)",
            now - 3601,
        ),
        (
            "INSERT INTO login_failures_from (username, address, failures, last_failure) \
             VALUES ('old.name', '192.0.2.1', 9, $1)",
            now - day - 1,
        ),
        (
            "INSERT INTO login_failures_from (username, address, failures, last_failure, succeeded_at) \
             VALUES ('known.name', '192.0.2.1', 0, $1, $1)",
            now - day - 1,
        ),
    ] {
        sqlx::query(sql)
            .bind(last)
            .execute(pool)
            .await
            .expect("insert");
    }
    s.call(&Session::anonymous(), login("new.name", "wrong-guess"))
        .await
        .err();
    let remaining = |table: &'static str| s.count(table);
    assert_eq!(
        remaining("SELECT COUNT(*) FROM login_failures WHERE username <> 'new.name'").await,
        1,
        "only recent.name is left"
    );
    assert_eq!(
        remaining("SELECT COUNT(*) FROM address_failures WHERE address = '192.0.2.1'").await,
        0
    );
    assert_eq!(
        remaining("SELECT COUNT(*) FROM login_failures_from WHERE address = '192.0.2.1'").await,
        1,
        "known.name's known address is kept"
    );
}

/// One address trying many names is stopped, even with names that cannot exist (which are
/// refused without hashing), while other addresses go on.
#[tokio::test]
async fn spraying_names_from_one_address_is_stopped() {
    let s = behind_proxy().await;
    let sprayer = "203.0.113.7";
    for i in 0..100 {
        let answer = call_from(&s, sprayer, login(&format!("<nobody{i}>"), "Soleil2026")).await;
        assert_eq!(answer.err(), AppError::BadCredentials, "attempt {i}");
    }
    // A real name, tried for the first time from there: refused, its password unchecked.
    let next = call_from(&s, sprayer, login("paola.leca", DEMO_PASSWORD)).await;
    assert!(
        matches!(next.err(), AppError::Locked { retry_after_seconds } if retry_after_seconds > 0)
    );
    // Writing another address in front of the proxy's changes nothing.
    let disguised = call_from(
        &s,
        &format!("198.51.100.99, {sprayer}"),
        login("paola.leca", DEMO_PASSWORD),
    )
    .await;
    assert!(is_locked(disguised));
    // Everyone else signs in.
    call_from(&s, "198.51.100.99", login("paola.leca", DEMO_PASSWORD))
        .await
        .ok();
}

/// An attacker failing on purpose at a name cannot keep its owner out: where the owner signed
/// in before, only that address's own failures count.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn guessing_elsewhere_does_not_lock_the_owner_out_where_they_sign_in() {
    let s = behind_proxy().await;
    let (home, attacker, new_place) = ("198.51.100.10", "203.0.113.66", "192.0.2.44");
    call_from(&s, home, login("maria.santoni", DEMO_PASSWORD))
        .await
        .ok();
    let guesses =
        (0..30).map(|i| call_from(&s, attacker, login("maria.santoni", &format!("guess-{i}"))));
    futures::future::join_all(guesses).await;
    assert!(is_locked(
        call_from(&s, attacker, login("maria.santoni", DEMO_PASSWORD)).await
    ));
    // A place the name never signed in from meets the name's own limit.
    assert!(is_locked(
        call_from(&s, new_place, login("maria.santoni", DEMO_PASSWORD)).await
    ));
    // Home is a known address: the owner gets in.
    call_from(&s, home, login("maria.santoni", DEMO_PASSWORD))
        .await
        .ok();
}

/// An admin's password reset lets a locked-out person back in at once.
#[tokio::test]
async fn an_admin_reset_clears_the_failures_of_the_account() {
    let s = TestServer::start().await;
    let anon = Session::anonymous();
    for _ in 0..6 {
        s.call(&anon, login("lisandru.pieri", "wrong-guess")).await;
    }
    assert!(is_locked(
        s.call(&anon, login("lisandru.pieri", DEMO_PASSWORD)).await
    ));
    let college = s.school_id("7200001N").await;
    let admin = s.sign_in("petru.casanova").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let password = reset_password(&s, &admin, college, lisandru).await;
    s.sign_in_with("lisandru.pieri", &password).await;
}

/// The current password asked by the password change is guessed no faster than at sign-in,
/// and both share their count.
#[tokio::test]
async fn wrong_current_passwords_lock_the_password_change() {
    let s = TestServer::start().await;
    let here = s.sign_in("paola.leca").await;
    let change = |current: &str| change(current, "Ventu di libeccio in Balagna");
    for i in 0..4 {
        let wrong = s.call(&here, change(&format!("guess-{i}"))).await;
        assert_eq!(
            wrong.err(),
            AppError::field(Field::Password, Problem::Mismatch),
            "attempt {i}"
        );
    }
    let locked = s.call(&here, change("guess-5")).await;
    assert_eq!(locked.status.as_u16(), 429);
    assert!(is_locked(locked));
    // Even the right one is refused, unchecked, and sign-in is locked too.
    assert!(is_locked(s.call(&here, change(DEMO_PASSWORD)).await));
    assert!(is_locked(
        s.call(&Session::anonymous(), login("paola.leca", DEMO_PASSWORD))
            .await
    ));
}

/// A one-time password works for a limited time, said on the password screen; past it, the
/// person is told to ask their school for a new one.
#[tokio::test]
async fn one_time_passwords_expire() {
    let s = TestServer::start().await;
    let college = s.school_id("7200001N").await;
    let admin = s.sign_in("petru.casanova").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let before = server::system_clock().unix();
    let password = reset_password(&s, &admin, college, lisandru).await;
    let after = server::system_clock().unix();
    let session = s.sign_in_with("lisandru.pieri", &password).await;
    let info = s.call(&session, CurrentSession {}).await.ok();
    let expires = info
        .and_then(|i| i.one_time_password_expires)
        .expect("an expiry")
        .unix();
    let fourteen_days = 14 * 24 * 3600;
    assert!(
        (before + fourteen_days..=after + fourteen_days).contains(&expires),
        "{expires}"
    );

    // Fifteen days later, the same password no longer opens a session.
    sqlx::query("UPDATE accounts SET password_set_at = password_set_at - $1 WHERE id = $2")
        .bind(15 * 24 * 3600_i64)
        .bind(lisandru.get())
        .execute(s.app.db.writer())
        .await
        .expect("age the password");
    let late = s
        .call(&Session::anonymous(), login("lisandru.pieri", &password))
        .await;
    assert_eq!(late.status.as_u16(), 401);
    assert!(late.set_cookie.is_none());
    assert_eq!(late.err(), AppError::OneTimePasswordExpired);
    // A new one from the school works.
    let again = reset_password(&s, &admin, college, lisandru).await;
    s.sign_in_with("lisandru.pieri", &again).await;

    // An account created by an admin: its first password expires the same way.
    let new = CreateAccount {
        school: college,
        first_name: "Ghjacumu".to_owned(),
        last_name: "Santucci".to_owned(),
        profile: Profile::Pupil,
        username: None,
    };
    let created = s.call(&admin, new).await.ok();
    let name = created.username.as_str().to_owned();
    sqlx::query("UPDATE accounts SET created_at = created_at - $1 WHERE username = $2")
        .bind(15 * 24 * 3600_i64)
        .bind(&name)
        .execute(s.app.db.writer())
        .await
        .expect("age the account");
    let first = &created.one_time_password;
    assert_eq!(
        s.call(&Session::anonymous(), login(&name, first))
            .await
            .err(),
        AppError::OneTimePasswordExpired
    );
}

//! Sign-in, sessions, passwords, the charter and the language, through the real router.

use crate::support::{Answer, DEMO_PASSWORD, Session, TestServer, token_of};
use axum::body::Body;
use axum::http::{Request, header};
use serde_json::{Value, json};

/// Moves every sign-in counter's last checked failure `seconds` into the past.
async fn age_failures(s: &TestServer, seconds: i64) {
    for table in ["login_failures", "login_failures_from", "address_failures"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {table} SET last_failure = last_failure - {seconds}"
        )))
        .execute(s.app.db.pool())
        .await
        .expect("age the failures");
    }
}

/// A server behind a trusted proxy, so each test request can come from its own address.
async fn behind_proxy() -> TestServer {
    TestServer::start_configured(|c| c.trust_proxy = true).await
}

/// Calls a server function as the proxy forwards a client at `address`.
async fn call_from(s: &TestServer, address: &str, endpoint: &str, args: Value) -> Answer {
    let req = Request::post(format!("/api/{endpoint}"))
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::HOST, "scola.test")
        .header("x-forwarded-for", address)
        .body(Body::from(args.to_string()))
        .expect("request");
    s.request(req).await
}

/// The one-time password an admin's reset gives.
async fn reset_password(s: &TestServer, admin: &Session, school: i64, account: i64) -> String {
    let answer = s
        .call(
            admin,
            "admin/accounts/reset_password",
            json!({ "school": school, "account": account }),
        )
        .await;
    answer.ok()["password"]
        .as_str()
        .expect("a password")
        .to_owned()
}

fn credentials(username: &str, password: &str) -> Value {
    json!({ "username": username, "password": password })
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
    let login = json!({ "username": "Lisandru.Pieri", "password": DEMO_PASSWORD });
    let first = s
        .call(&Session::anonymous(), "auth/login", login.clone())
        .await;
    assert_eq!(first.ok()["username"], "lisandru.pieri");
    let cookie = first.set_cookie.clone().expect("cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests: {cookie}");
    let token = token_of(&first).expect("token");
    assert!(token.len() >= 43, "at least 256 bits, base64: {token}");

    // Signing in again from a browser that already holds a token replaces it and ends the old one.
    let old = Session(Some(token.clone()));
    let second = s.call(&old, "auth/login", login).await;
    let new_token = token_of(&second).expect("token");
    assert_ne!(new_token, token);
    assert_eq!(
        s.call(&old, "auth/session", json!({})).await.ok(),
        &json!(null)
    );
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
    let wrong = s
        .call(
            &anon,
            "auth/login",
            json!({ "username": "lisandru.pieri", "password": "nope-nope" }),
        )
        .await;
    let unknown = s
        .call(
            &anon,
            "auth/login",
            json!({ "username": "nobody.here", "password": "nope-nope" }),
        )
        .await;
    let malformed = s
        .call(
            &anon,
            "auth/login",
            json!({ "username": "<script>", "password": "nope-nope" }),
        )
        .await;
    for answer in [&wrong, &unknown, &malformed] {
        assert_eq!(answer.body, json!("BadCredentials"));
        assert!(answer.set_cookie.is_none());
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
            let a = s
                .call(
                    &anon,
                    "auth/login",
                    json!({ "username": name, "password": "wrong-guess" }),
                )
                .await;
            answers.push(a.error());
        }
        assert_eq!(&answers[..4], ["BadCredentials"; 4]);
        assert_eq!(answers[4], "Locked");
        // Locked: even the right password is refused, without being checked.
        let right = s
            .call(
                &anon,
                "auth/login",
                json!({ "username": name, "password": DEMO_PASSWORD }),
            )
            .await;
        assert_eq!(right.error(), "Locked");
        assert_eq!(right.status.as_u16(), 429);
        assert!(right.headers.contains_key("retry-after"));
        assert!(
            right.body["Locked"]["retry_after_seconds"]
                .as_i64()
                .expect("seconds")
                > 0
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
        s.call(&pupil, "home", json!({})).await.error(),
        "CharterRequired"
    );
    let info = s.call(&pupil, "auth/session", json!({})).await;
    assert_eq!(info.ok()["must_accept_charter"], true);
    // An outdated or unknown version does not count.
    assert_eq!(
        s.call(&pupil, "charter/accept", json!({ "version": 7 }))
            .await
            .error(),
        "NotFound"
    );
    s.call(&pupil, "charter/accept", json!({ "version": 1 }))
        .await
        .ok();
    s.call(&pupil, "home", json!({})).await.ok();

    // Only the platform admin publishes; both languages are required.
    assert_eq!(
        s.call(
            &pupil,
            "charter/publish",
            json!({ "body_fr": "x", "body_co": "y" })
        )
        .await
        .error(),
        "Forbidden"
    );
    let admin = s.sign_in("admin.scola").await;
    let missing = s
        .call(
            &admin,
            "charter/publish",
            json!({ "body_fr": "Nouvelle charte", "body_co": " " }),
        )
        .await;
    assert_eq!(
        missing.body,
        json!({ "Invalid": [{ "field": "BodyCo", "problem": "Required" }] })
    );
    let v2 = s
        .call(
            &admin,
            "charter/publish",
            json!({ "body_fr": "Charte v2", "body_co": "Carta v2" }),
        )
        .await;
    assert_eq!(v2.ok(), &json!(2));
    assert_eq!(
        s.call(&pupil, "home", json!({})).await.error(),
        "CharterRequired"
    );
}

#[tokio::test]
async fn sign_out_ends_the_session() {
    let s = TestServer::start().await;
    let teacher = s.sign_in("maria.santoni").await;
    s.call(&teacher, "home", json!({})).await.ok();
    let out = s.call(&teacher, "auth/logout", json!({})).await;
    out.ok();
    assert!(
        out.set_cookie
            .as_deref()
            .is_some_and(|c| c.contains("Max-Age=0"))
    );
    assert_eq!(
        s.call(&teacher, "home", json!({})).await.error(),
        "SignInRequired"
    );
    assert_eq!(
        s.call(&Session::anonymous(), "home", json!({}))
            .await
            .error(),
        "SignInRequired"
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
    let change = |current: &str, new: &str| json!({ "current": current, "new": new });

    let wrong = s
        .call(
            &here,
            "auth/change_password",
            change("not-mine", "Ventu di libeccio in Balagna"),
        )
        .await;
    assert_eq!(
        wrong.body,
        json!({ "Invalid": [{ "field": "Password", "problem": "Mismatch" }] })
    );
    let weak = s
        .call(
            &here,
            "auth/change_password",
            change(DEMO_PASSWORD, "azerty123"),
        )
        .await;
    assert_eq!(weak.error(), "Invalid");
    assert_eq!(weak.body["Invalid"][0]["field"], "NewPassword");
    let personal = s
        .call(
            &here,
            "auth/change_password",
            change(DEMO_PASSWORD, "paola.leca"),
        )
        .await;
    assert_eq!(
        personal.body["Invalid"][0]["problem"],
        json!({ "Password": { "Weak": "Personal" } })
    );
    let long_phrase =
        "U ventu di libeccio porta l'odore di a machja sin'à a marina di Calvi ".repeat(2);
    s.call(
        &here,
        "auth/change_password",
        change(DEMO_PASSWORD, &long_phrase),
    )
    .await
    .ok();

    s.call(&here, "home", json!({})).await.ok();
    assert_eq!(
        s.call(&elsewhere, "home", json!({})).await.error(),
        "SignInRequired"
    );
    let old = s
        .call(
            &Session::anonymous(),
            "auth/login",
            json!({ "username": "paola.leca", "password": DEMO_PASSWORD }),
        )
        .await;
    assert_eq!(old.error(), "BadCredentials");
    s.sign_in_with("paola.leca", &long_phrase).await;
}

#[tokio::test]
async fn a_one_time_password_must_be_replaced_before_anything_else() {
    let s = TestServer::start().await;
    sqlx::query("UPDATE accounts SET must_change_password = $1 WHERE username = 'anna.colonna'")
        .bind(1_i64)
        .execute(s.app.db.pool())
        .await
        .expect("flag");
    let pupil = s.sign_in_with("anna.colonna", DEMO_PASSWORD).await;
    assert_eq!(
        s.call(&pupil, "home", json!({})).await.error(),
        "PasswordChangeRequired"
    );
    assert_eq!(
        s.call(&pupil, "charter/accept", json!({ "version": 1 }))
            .await
            .error(),
        "PasswordChangeRequired"
    );
    s.call(
        &pupil,
        "auth/change_password",
        json!({ "current": DEMO_PASSWORD, "new": "Anna hà un cavallu biancu" }),
    )
    .await
    .ok();
    assert_eq!(
        s.call(&pupil, "home", json!({})).await.error(),
        "CharterRequired"
    );
}

#[tokio::test]
async fn the_language_is_remembered_per_account() {
    let s = TestServer::start().await;
    let parent = s.sign_in("ghjuvanni.pieri").await;
    s.call(&parent, "auth/set_lang", json!({ "lang": "Co" }))
        .await
        .ok();
    let again = s.sign_in("ghjuvanni.pieri").await;
    assert_eq!(
        s.call(&again, "auth/session", json!({})).await.ok()["lang"],
        "Co"
    );
    // A language the interface does not have never reaches the account.
    assert_eq!(
        s.call(&again, "auth/set_lang", json!({ "lang": "En" }))
            .await
            .error(),
        "Communication"
    );
    assert_eq!(
        s.call(&again, "auth/session", json!({})).await.ok()["lang"],
        "Co"
    );
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
                "auth/login",
                credentials("maria.santoni", &format!("guess-number-{i}")),
            )
            .await
            .error()
        }
    });
    let answers = futures::future::join_all(guesses).await;
    let checked = answers.iter().filter(|a| *a == "BadCredentials").count();
    assert!(
        answers
            .iter()
            .all(|a| a == "BadCredentials" || a == "Locked"),
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
        .call(
            &Session::anonymous(),
            "auth/login",
            credentials("maria.santoni", DEMO_PASSWORD),
        )
        .await;
    assert_eq!(right.error(), "Locked");
}

/// Counts forgotten after their window are swept when new ones are written; the addresses a
/// name signed in from stay known.
#[tokio::test]
async fn forgotten_failures_are_swept() {
    let s = TestServer::start().await;
    let pool = s.app.db.pool();
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
    s.call(
        &Session::anonymous(),
        "auth/login",
        credentials("new.name", "wrong-guess"),
    )
    .await
    .error();
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
        let answer = call_from(
            &s,
            sprayer,
            "auth/login",
            credentials(&format!("<nobody{i}>"), "Soleil2026"),
        )
        .await;
        assert_eq!(answer.error(), "BadCredentials", "attempt {i}");
    }
    // A real name, tried for the first time from there: refused, its password unchecked.
    let next = call_from(
        &s,
        sprayer,
        "auth/login",
        credentials("paola.leca", DEMO_PASSWORD),
    )
    .await;
    assert_eq!(next.error(), "Locked");
    assert!(next.body["Locked"]["retry_after_seconds"].as_i64() > Some(0));
    // Writing another address in front of the proxy's changes nothing.
    let disguised = call_from(
        &s,
        &format!("198.51.100.99, {sprayer}"),
        "auth/login",
        credentials("paola.leca", DEMO_PASSWORD),
    )
    .await;
    assert_eq!(disguised.error(), "Locked");
    // Everyone else signs in.
    call_from(
        &s,
        "198.51.100.99",
        "auth/login",
        credentials("paola.leca", DEMO_PASSWORD),
    )
    .await
    .ok();
}

/// An attacker failing on purpose at a name cannot keep its owner out: where the owner signed
/// in before, only that address's own failures count.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn guessing_elsewhere_does_not_lock_the_owner_out_where_they_sign_in() {
    let s = behind_proxy().await;
    let (home, attacker, new_place) = ("198.51.100.10", "203.0.113.66", "192.0.2.44");
    call_from(
        &s,
        home,
        "auth/login",
        credentials("maria.santoni", DEMO_PASSWORD),
    )
    .await
    .ok();
    let guesses = (0..30).map(|i| {
        call_from(
            &s,
            attacker,
            "auth/login",
            credentials("maria.santoni", &format!("guess-{i}")),
        )
    });
    futures::future::join_all(guesses).await;
    assert_eq!(
        call_from(
            &s,
            attacker,
            "auth/login",
            credentials("maria.santoni", DEMO_PASSWORD)
        )
        .await
        .error(),
        "Locked"
    );
    // A place the name never signed in from meets the name's own limit.
    assert_eq!(
        call_from(
            &s,
            new_place,
            "auth/login",
            credentials("maria.santoni", DEMO_PASSWORD)
        )
        .await
        .error(),
        "Locked"
    );
    // Home is a known address: the owner gets in.
    call_from(
        &s,
        home,
        "auth/login",
        credentials("maria.santoni", DEMO_PASSWORD),
    )
    .await
    .ok();
}

/// An admin's password reset lets a locked-out person back in at once.
#[tokio::test]
async fn an_admin_reset_clears_the_failures_of_the_account() {
    let s = TestServer::start().await;
    let anon = Session::anonymous();
    for _ in 0..6 {
        s.call(
            &anon,
            "auth/login",
            credentials("lisandru.pieri", "wrong-guess"),
        )
        .await;
    }
    assert_eq!(
        s.call(
            &anon,
            "auth/login",
            credentials("lisandru.pieri", DEMO_PASSWORD)
        )
        .await
        .error(),
        "Locked"
    );
    let college = scalar(&s, "SELECT id FROM schools WHERE uai = $1", "7200001N").await;
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
    let change =
        |current: &str| json!({ "current": current, "new": "Ventu di libeccio in Balagna" });
    for i in 0..4 {
        let wrong = s
            .call(&here, "auth/change_password", change(&format!("guess-{i}")))
            .await;
        assert_eq!(wrong.error(), "Invalid", "attempt {i}");
    }
    let locked = s
        .call(&here, "auth/change_password", change("guess-5"))
        .await;
    assert_eq!(locked.error(), "Locked");
    assert_eq!(locked.status.as_u16(), 429);
    // Even the right one is refused, unchecked, and sign-in is locked too.
    assert_eq!(
        s.call(&here, "auth/change_password", change(DEMO_PASSWORD))
            .await
            .error(),
        "Locked"
    );
    assert_eq!(
        s.call(
            &Session::anonymous(),
            "auth/login",
            credentials("paola.leca", DEMO_PASSWORD)
        )
        .await
        .error(),
        "Locked"
    );
}

/// A one-time password works for a limited time, said on the password screen; past it, the
/// person is told to ask their school for a new one.
#[tokio::test]
async fn one_time_passwords_expire() {
    let s = TestServer::start().await;
    let college = scalar(&s, "SELECT id FROM schools WHERE uai = $1", "7200001N").await;
    let admin = s.sign_in("petru.casanova").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let before = server::system_clock().unix();
    let password = reset_password(&s, &admin, college, lisandru).await;
    let after = server::system_clock().unix();
    let session = s.sign_in_with("lisandru.pieri", &password).await;
    let info = s.call(&session, "auth/session", json!({})).await;
    let expires = info.ok()["one_time_password_expires"]
        .as_i64()
        .expect("an expiry");
    let fourteen_days = 14 * 24 * 3600;
    assert!(
        (before + fourteen_days..=after + fourteen_days).contains(&expires),
        "{expires}"
    );

    // Fifteen days later, the same password no longer opens a session.
    sqlx::query("UPDATE accounts SET password_set_at = password_set_at - $1 WHERE id = $2")
        .bind(15 * 24 * 3600_i64)
        .bind(lisandru)
        .execute(s.app.db.pool())
        .await
        .expect("age the password");
    let late = s
        .call(
            &Session::anonymous(),
            "auth/login",
            credentials("lisandru.pieri", &password),
        )
        .await;
    assert_eq!(late.body, json!("OneTimePasswordExpired"));
    assert_eq!(late.status.as_u16(), 401);
    assert!(late.set_cookie.is_none());
    // A new one from the school works.
    let again = reset_password(&s, &admin, college, lisandru).await;
    s.sign_in_with("lisandru.pieri", &again).await;

    // An account created by an admin: its first password expires the same way.
    let created = s
        .call(
            &admin,
            "admin/accounts/create",
            json!({ "school": college, "first_name": "Ghjacumu", "last_name": "Santucci",
                    "profile": "Pupil" }),
        )
        .await;
    let created = created.ok().clone();
    let name = created["username"].as_str().expect("name").to_owned();
    sqlx::query("UPDATE accounts SET created_at = created_at - $1 WHERE username = $2")
        .bind(15 * 24 * 3600_i64)
        .bind(&name)
        .execute(s.app.db.pool())
        .await
        .expect("age the account");
    let first = created["one_time_password"].as_str().expect("otp");
    assert_eq!(
        s.call(
            &Session::anonymous(),
            "auth/login",
            credentials(&name, first)
        )
        .await
        .body,
        json!("OneTimePasswordExpired")
    );
}

//! Sign-in, sessions, passwords, the charter and the language, through the real router.

mod support;

use serde_json::json;
use support::{DEMO_PASSWORD, Session, TestServer, token_of};

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
    // And it ends: a minute later the real user gets in.
    sqlx::query("UPDATE login_failures SET last_failure = last_failure - 61")
        .execute(s.app.db.pool())
        .await
        .expect("age the failures");
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

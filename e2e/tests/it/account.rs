//! Sessions in the browser: the idle warning and staying signed in; two-factor enrolment from
//! "my account" and signing in with password then code.

use crate::support::ui::*;
use crate::support::{Browser, PASSWORD};
use std::time::{Duration, Instant};

/// Waits until no element matches `css` (a dialog closed).
async fn wait_gone(b: &Browser, css: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while b.client.find(fantoccini::Locator::Css(css)).await.is_ok() {
        assert!(Instant::now() < deadline, "{css} stayed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_idle_person_is_warned_may_stay_then_is_signed_out() {
    // An 8-second limit: the warning comes after 4 s without a click or a key.
    let b = Browser::start_configured(1280, |c| {
        c.idle = domain::auth::session::IdleLimit::seconds_for_tests(8);
    })
    .await;
    b.enter_as("paola.leca").await;
    b.wait_text(IDLE_WARNING, "Vous allez être déconnecté")
        .await;
    b.screenshot("idle-warning").await;
    b.click(IDLE_STAY).await;
    wait_gone(&b, IDLE_WARNING).await;
    // Still signed in: the server agrees.
    b.find(SERVICES).await;
    let session = b
        .js(
            "return fetch('/api/auth/session', {method: 'POST', headers: {'Content-Type': \
             'application/json'}, body: '{}'}).then(r => r.json()).then(j => j && j.username)",
        )
        .await;
    assert_eq!(session, "paola.leca");
    // Left alone this time: warned, then signed out.
    b.find(IDLE_WARNING).await;
    b.find(USERNAME).await;
    let after = b
        .js(
            "return fetch('/api/auth/session', {method: 'POST', headers: {'Content-Type': \
             'application/json'}, body: '{}'}).then(r => r.json())",
        )
        .await;
    assert!(after.is_null(), "the server ended the session too: {after}");
    b.close().await;
}

/// The code the authenticator app shows `ahead` seconds from now.
fn code(secret: &str, ahead: u64) -> String {
    let totp = totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(secret).expect("base32"))
        .build()
        .expect("totp");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("time")
        .as_secs();
    totp.generate(now + ahead).to_string()
}

#[tokio::test]
async fn an_admin_enrols_a_second_factor_then_signs_in_with_a_code() {
    let b = Browser::start().await;
    b.enter_as("petru.casanova").await;
    b.open("/account").await;
    // This device is among the open sessions.
    b.wait_text(SESSIONS_TABLE, "(cet appareil)").await;
    b.click(SECOND_FACTOR_BEGIN).await;
    let secret = b.find(TOTP_SECRET).await.text().await.expect("secret");
    let qr = b.find(TOTP_QR).await.attr("src").await.ok().flatten();
    assert!(qr.is_some_and(|q| q.starts_with("data:image/svg+xml;base64,")));
    b.fill(TOTP_CODE, &code(&secret, 0)).await;
    b.click(ENROL_CONFIRM).await;
    let codes = b.wait_text(RECOVERY_CODES, "-").await;
    assert_eq!(
        codes.lines().filter(|l| l.len() == 11).count(),
        10,
        "{codes}"
    );
    b.screenshot("second-factor-recovery").await;
    b.click(RECOVERY_NOTED).await;
    b.find(SECOND_FACTOR_ON).await;

    b.sign_out().await;
    b.sign_in_as("petru.casanova", PASSWORD).await;
    // A later step than the one that confirmed enrolment: a code is accepted once.
    b.fill(TOTP_CODE, &code(&secret, 30)).await;
    b.click(SUBMIT).await;
    b.find(SERVICES).await;
    b.close().await;
}

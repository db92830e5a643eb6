//! Admins read the audit trail: filtered by kind and person, dates readable, in both languages.

use crate::support::Browser;
use crate::support::ui::*;

#[tokio::test]
async fn the_platform_admin_finds_a_failed_sign_in_in_the_trail() {
    let b = Browser::start().await;
    b.sign_in_as("lisandru.pieri", "not-his-password").await;
    b.find(ERROR_BANNER).await;

    b.enter_as("admin.scola").await;
    b.click("a[href='/admin']").await;
    b.click_text(ADMIN_PARTS, "Journal d’audit").await;
    b.find(AUDIT_KIND).await;
    // A failed sign-in belongs to no school: it shows on the whole platform's trail.
    b.click(&format!("{AUDIT_SCOPE} option[value=all]")).await;
    b.click(&format!("{AUDIT_KIND} option[value=sign-in-failed]"))
        .await;
    b.click(AUDIT_FILTER).await;
    let table = b.wait_text(AUDIT_TABLE, "login name: lisandru.pieri").await;
    assert!(table.contains("Échec de connexion"), "{table}");
    // Only the kind asked for.
    let kinds = b
        .js("return [...document.querySelectorAll('table.audit-table tbody tr')].map(r => r.dataset.kind)")
        .await;
    let kinds = kinds.as_array().expect("rows");
    assert!(!kinds.is_empty());
    assert!(kinds.iter().all(|k| k == "sign-in-failed"), "{kinds:?}");
    // Dates read as day/month/year and time, not as a count of seconds.
    let when = b.text("table.audit-table tbody .audit-when").await;
    let shape = when.len() == 16
        && when.chars().enumerate().all(|(i, c)| match i {
            2 | 5 => c == '/',
            10 => c == ' ',
            13 => c == ':',
            _ => c.is_ascii_digit(),
        });
    assert!(shape, "{when}");
    b.screenshot("audit-fr").await;

    b.click(LANG_CO).await;
    b.wait_text(AUDIT_TABLE, "Cunnessione fallita").await;
    b.wait_text("main", "Ghjurnale di cuntrollu").await;
    b.screenshot("audit-co").await;

    // Nobody by that login name did anything signed in.
    b.fill(AUDIT_LOGIN, "lisandru.pieri").await;
    b.click(AUDIT_FILTER).await;
    b.find(AUDIT_EMPTY).await;
    b.close().await;
}

#[tokio::test]
async fn a_school_admin_sees_their_schools_trail_only() {
    let b = Browser::start().await;
    b.sign_in_as("lisandru.pieri", "not-his-password").await;
    b.find(ERROR_BANNER).await;
    b.enter_as("petru.casanova").await;
    b.click("a[href='/admin']").await;
    b.click_text(ADMIN_PARTS, "Journal d’audit").await;
    // No choice of every school; no failed sign-in (it belongs to no school).
    b.find(AUDIT_KIND).await;
    assert_eq!(
        b.js("return document.querySelector('#audit-scope') === null")
            .await,
        true
    );
    b.click(&format!("{AUDIT_KIND} option[value=sign-in-failed]"))
        .await;
    b.click(AUDIT_FILTER).await;
    b.find(AUDIT_EMPTY).await;
    assert!(!b.text("main").await.contains("lisandru.pieri"));
    b.close().await;
}

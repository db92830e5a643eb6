//! What a person does on their first day: sign in, accept the charter, find their home, switch
//! language, sign out; and what happens when they get it wrong.

use crate::support::ui::*;
use crate::support::{Browser, PASSWORD};

#[tokio::test]
async fn every_profile_signs_in_accepts_the_charter_and_finds_its_home() {
    let b = Browser::start().await;
    let cases: &[(&str, &[&str], &[&str])] = &[
        // (login, text expected on the home page, text that must not be there)
        (
            "lisandru.pieri",
            &["Collège Pasquale Paoli", "Élève", "5e A", "Lingua corsa 5e"],
            &["Administration"],
        ),
        (
            "maria.santoni",
            &[
                "Collège Pasquale Paoli",
                "Lycée Sampiero Corso",
                "Enseignant",
                "2nde 1",
            ],
            &["Administration"],
        ),
        (
            "ghjuvanni.pieri",
            &["Mes enfants", "Lisandru Pieri", "Ghjulia Pieri", "2nde 1"],
            &["Administration"],
        ),
        ("paola.leca", &["Personnel"], &["Administration"]),
        (
            "petru.casanova",
            &[
                "Administrateur d’établissement",
                "Administration de l’établissement",
            ],
            &["Administration de la plateforme"],
        ),
        ("invite.demo", &["Invité"], &["Administration"]),
        (
            "admin.scola",
            &[
                "Administration de la plateforme",
                "Administration de l’établissement",
            ],
            &[],
        ),
    ];
    for (login, expected, absent) in cases {
        b.sign_in_as(login, PASSWORD).await;
        b.wait_text(HEADING, "Charte d’utilisation").await;
        // The accept button waits for the box to be ticked.
        let accept = b.find(CHARTER_ACCEPT).await;
        assert!(
            accept.attr("disabled").await.expect("attr").is_some(),
            "{login}"
        );
        b.click(CHARTER_AGREE).await;
        b.click(CHARTER_ACCEPT).await;
        b.wait_text(HEADING, "Bonjour").await;
        b.find(SERVICES).await;
        let page = b.text("main").await;
        for text in *expected {
            assert!(page.contains(text), "{login}: {text:?} missing from {page}");
        }
        for text in *absent {
            assert!(
                !page.contains(text),
                "{login}: {text:?} should not be on {page}"
            );
        }
        b.screenshot(&format!("home-{login}")).await;
        b.sign_out().await;
    }
    b.close().await;
}

#[tokio::test]
async fn wrong_password_then_lock_show_clear_messages() {
    let b = Browser::start().await;
    b.sign_in_as("maria.santoni", "not-the-password").await;
    b.wait_text(ERROR_BANNER, "Identifiant ou mot de passe incorrect")
        .await;
    assert_eq!(
        b.find(PASSWORD_INPUT)
            .await
            .prop("value")
            .await
            .expect("prop")
            .as_deref(),
        Some("")
    );
    b.screenshot("login-wrong-password").await;
    for _ in 0..4 {
        b.wait_enabled(SUBMIT).await;
        b.fill(PASSWORD_INPUT, "still-wrong").await;
        b.click(SUBMIT).await;
    }
    b.wait_text(ERROR_BANNER, "Trop d’essais infructueux").await;
    b.wait_text(ERROR_BANNER, "Réessayez dans").await;
    // Even the right password waits for the lock to end: a try now would only lengthen it, so
    // the form says when and does not let one through.
    let submit = b.find(SUBMIT).await;
    assert!(
        submit.attr("disabled").await.expect("attr").is_some(),
        "the sign-in button waits for the lock to end"
    );
    b.screenshot("login-locked").await;
    b.close().await;
}

#[tokio::test]
async fn switching_to_corsican_and_back_is_remembered() {
    let b = Browser::start().await;
    b.open("/").await;
    b.wait_text(HEADING, "Connexion à Scola").await;
    assert_eq!(b.js("return document.documentElement.lang").await, "fr");
    b.click(LANG_CO).await;
    b.wait_text(HEADING, "Cunnessione à Scola").await;
    assert_eq!(b.js("return document.documentElement.lang").await, "co");
    b.screenshot("login-corsican").await;

    b.fill(USERNAME, "ghjuvanni.pieri").await;
    b.fill(PASSWORD_INPUT, PASSWORD).await;
    b.click(SUBMIT).await;
    b.wait_text(HEADING, "Carta d’utilizazione").await;
    b.click(CHARTER_AGREE).await;
    b.click(CHARTER_ACCEPT).await;
    b.wait_text(HEADING, "Bonghjornu Ghjuvanni").await;
    b.wait_text("main", "I mo figlioli").await;
    b.screenshot("home-corsican").await;

    // The choice belongs to the account: a fresh browser signs in in Corsican.
    b.sign_out().await;
    b.js("localStorage.clear(); return null").await;
    b.open("/").await;
    b.wait_text(HEADING, "Connexion à Scola").await;
    b.sign_in_as("ghjuvanni.pieri", PASSWORD).await;
    b.wait_text(HEADING, "Bonghjornu").await;
    b.click(LANG_FR).await;
    b.wait_text(HEADING, "Bonjour Ghjuvanni").await;
    assert_eq!(b.js("return document.documentElement.lang").await, "fr");
    b.close().await;
}

#[tokio::test]
async fn the_home_page_fits_a_small_phone_and_works_by_keyboard() {
    let b = Browser::start_with_width(360).await;
    b.open("/").await;
    // Keyboard only: tab to the login field, type, tab to the password, type, press Enter.
    b.find(USERNAME).await;
    b.js("document.getElementById('username').focus(); return null")
        .await;
    let active = b.find(USERNAME).await;
    active.send_keys("ghjuvanni.pieri").await.expect("type");
    active.send_keys("\u{E004}").await.expect("tab");
    let focused = b.js("return document.activeElement.id").await;
    assert_eq!(focused, "password");
    b.find(PASSWORD_INPUT)
        .await
        .send_keys(&format!("{PASSWORD}\u{E007}"))
        .await
        .expect("enter");
    b.click(CHARTER_AGREE).await;
    b.click(CHARTER_ACCEPT).await;
    b.find(CHILDREN).await;
    assert_eq!(b.js("return window.innerWidth").await, 360);
    let overflow = b
        .js("return document.documentElement.scrollWidth > window.innerWidth")
        .await;
    assert_eq!(overflow, false, "no horizontal scrolling at 360 px");
    let unnamed = b
        .js(
            "return [...document.querySelectorAll('button, a, input, select, textarea')]
                .filter(e => !(e.innerText || '').trim() && !e.getAttribute('aria-label')
                    && !(e.labels && e.labels.length)).length",
        )
        .await;
    assert_eq!(unnamed, 0, "every control has an accessible name");
    b.screenshot("home-360px").await;
    b.close().await;
}

//! Areas downloaded when first opened (`app/src/pages/lazy.rs`, cut by `scripts/app-wasm.sh`):
//! not part of the first visit, reachable directly by their address, following the language,
//! and saying so when their module cannot be downloaded.

use crate::support::Browser;
use crate::support::ui::*;

fn area_modules(loaded: &[String]) -> Vec<&String> {
    loaded.iter().filter(|n| *n != "app_bg.wasm").collect()
}

#[tokio::test]
async fn an_area_opens_directly_by_its_address_and_only_then_is_downloaded() {
    let b = Browser::start().await;
    // A first visit: the sign-in page and the home page need no area module.
    b.enter_as("petru.casanova").await;
    let loaded = b.modules_loaded().await;
    assert!(loaded.contains(&"app_bg.wasm".to_owned()), "{loaded:?}");
    assert!(area_modules(&loaded).is_empty(), "{loaded:?}");

    // Straight to the address, in a fresh page, without passing by the home page.
    b.open("/admin").await;
    b.wait_text(HEADING, "Administration de l’établissement")
        .await;
    b.wait_text("main", "Lisandru").await;
    let loaded = b.modules_loaded().await;
    assert!(!area_modules(&loaded).is_empty(), "{loaded:?}");
    // The area works: its own requests and controls.
    b.click_text(".admin-parts button", "Classes et groupes")
        .await;
    b.wait_text("main", "Classes et groupes de l’année en cours")
        .await;

    // Signed out, the address still leads there once signed in.
    b.sign_out().await;
    b.open("/platform").await;
    b.fill(USERNAME, "admin.scola").await;
    b.fill(PASSWORD_INPUT, crate::support::PASSWORD).await;
    b.click(SUBMIT).await;
    b.click(CHARTER_AGREE).await;
    b.click(CHARTER_ACCEPT).await;
    b.wait_text(HEADING, "Administration de la plateforme")
        .await;
    b.find(SCHOOLS_TABLE).await;
    b.close().await;
}

#[tokio::test]
async fn an_area_loaded_later_speaks_the_language_chosen_before_and_after() {
    let b = Browser::start().await;
    b.enter_as("petru.casanova").await;
    // Corsican chosen on the home page, before the area's module is downloaded.
    b.click(LANG_CO).await;
    b.wait_text(HEADING, "Bonghjornu").await;
    b.click("a[href='/admin']").await;
    b.wait_text(HEADING, "Amministrazione di u stabilimentu")
        .await;
    b.click_text(".admin-parts button", "Classe è gruppi").await;
    b.wait_text("main", "Classe è gruppi di l’annu in corsu")
        .await;

    assert_eq!(
        b.js("return document.title").await,
        "Amministrazione di u stabilimentu · Scola"
    );

    // Switched back on the area itself: it follows at once, its title too.
    b.click(LANG_FR).await;
    b.wait_text(HEADING, "Administration de l’établissement")
        .await;
    assert_eq!(
        b.js("return document.title").await,
        "Administration de l’établissement · Scola"
    );
    b.wait_text("main", "Classes et groupes de l’année en cours")
        .await;
    b.click_text(".admin-parts button", "Comptes").await;
    b.wait_text("main", "Lisandru").await;
    b.close().await;
}

#[tokio::test]
async fn an_area_whose_module_cannot_be_downloaded_says_so_and_the_app_goes_on() {
    let b = Browser::start().await;
    b.enter_as("petru.casanova").await;
    // The network drops every area module (server functions still get through).
    b.js("window.realFetch = window.fetch;
          window.fetch = (url, options) => /\\.wasm$/.test(new URL(url, location.href).pathname)
              ? Promise.reject(new TypeError('network down'))
              : window.realFetch(url, options);
          return null")
        .await;
    b.click("a[href='/admin']").await;
    b.wait_text("main", "Cette partie de Scola n’a pas pu être chargée")
        .await;
    b.screenshot("area-unavailable").await;
    b.click(LANG_CO).await;
    b.wait_text("main", "Sta parte di Scola ùn hè micca stata caricata")
        .await;
    b.click(LANG_FR).await;

    // Still running: home works, and once the network is back the area opens (a failed
    // download is not remembered).
    b.click("a.brand").await;
    b.wait_text(HEADING, "Bonjour").await;
    b.js("window.fetch = window.realFetch; return null").await;
    b.click("a[href='/admin']").await;
    b.wait_text("main", "Lisandru").await;
    b.close().await;
}

#[tokio::test]
async fn every_screen_names_itself_in_the_tab_in_the_readers_language() {
    let b = Browser::start().await;
    b.open("/").await;
    b.wait_text(HEADING, "Connexion à Scola").await;
    let title = || b.js("return document.title");
    assert_eq!(title().await, "Connexion à Scola");
    b.enter_as("petru.casanova").await;
    assert_eq!(title().await, "Accueil · Scola");
    // A lazily loaded area is named as soon as it is opened, in the language chosen.
    b.open("/account").await;
    b.wait_text(HEADING, "Mon compte").await;
    assert_eq!(title().await, "Mon compte · Scola");
    b.click(LANG_CO).await;
    b.wait_text(HEADING, "U mo contu").await;
    assert_eq!(title().await, "U mo contu · Scola");
    b.open("/nowhere").await;
    b.wait_text(HEADING, "Pagina").await;
    assert!(
        title()
            .await
            .as_str()
            .is_some_and(|t| t.ends_with(" · Scola") && t.starts_with("Pagina"))
    );
    b.click(LANG_FR).await;
    b.close().await;
}

//! The platform admin publishes a new charter; everyone is asked to accept it again.

mod support;

use support::Browser;
use support::ui::*;

#[tokio::test]
async fn a_new_charter_version_is_asked_again() {
    let b = Browser::start().await;
    b.enter_as("lisandru.pieri").await;
    b.sign_out().await;

    b.enter_as("admin.scola").await;
    b.click("a[href='/platform']").await;
    b.wait_text(HEADING, "Administration de la plateforme").await;
    // The form starts from the current text, in both languages.
    b.wait_value(CHARTER_CO, "Carta d’utilizazione").await;
    // Corsican left empty: refused next to the field, nothing published.
    b.fill(CHARTER_CO, " ").await;
    b.click(CHARTER_PUBLISH).await;
    b.wait_text(FIELD_ERROR, "Ce champ est obligatoire").await;
    b.fill(CHARTER_FR, "Charte, version 2.\n\nRespectez-vous les uns les autres.").await;
    b.fill(CHARTER_CO, "Carta, versione 2.\n\nRispettatevi l’unu l’altru.").await;
    b.click(CHARTER_PUBLISH).await;
    b.wait_text(STATUS, "Version 2 publiée").await;
    b.screenshot("platform-charter").await;
    b.sign_out().await;

    b.sign_in_as("lisandru.pieri", support::PASSWORD).await;
    b.wait_text("main", "Respectez-vous les uns les autres.").await;
    b.click(LANG_CO).await;
    b.wait_text("main", "Rispettatevi l’unu l’altru.").await;
    b.click(CHARTER_AGREE).await;
    b.click(CHARTER_ACCEPT).await;
    b.find(SERVICES).await;
    b.close().await;
}

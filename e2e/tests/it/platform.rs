//! The platform admin creates an establishment and publishes a new charter, which everyone is
//! asked to accept again.

use crate::support::Browser;
use crate::support::ui::*;

#[tokio::test]
async fn a_new_charter_version_is_asked_again() {
    let b = Browser::start().await;
    b.enter_as("lisandru.pieri").await;
    b.sign_out().await;

    b.enter_as("admin.scola").await;
    b.click("a[href='/platform']").await;
    b.wait_text(HEADING, "Administration de la plateforme")
        .await;
    // A new establishment: a wrong code is explained next to its field, then it is created.
    b.fill(SCHOOL_UAI, "62001").await;
    b.fill(SCHOOL_NAME, "École de Venacu").await;
    b.find(&format!("{SCHOOL_KIND} option[value=ecole]"))
        .await
        .click()
        .await
        .expect("choose");
    b.click(SCHOOL_CREATE).await;
    b.wait_text(FIELD_ERROR, "sept chiffres suivis d’une lettre")
        .await;
    b.fill(SCHOOL_UAI, "6200042k").await;
    b.click(SCHOOL_CREATE).await;
    b.wait_text(STATUS, "École de Venacu a été créé").await;
    let table = b.wait_text(SCHOOLS_TABLE, "6200042K").await;
    assert!(
        table.contains("École de Venacu") && table.contains("École"),
        "{table}"
    );
    // The form starts from the current text, in both languages.
    b.wait_value(CHARTER_CO, "Carta d’utilizazione").await;
    // Corsican left empty: refused next to the field, nothing published.
    b.fill(CHARTER_CO, " ").await;
    b.click(CHARTER_PUBLISH).await;
    b.wait_text(FIELD_ERROR, "Ce champ est obligatoire").await;
    b.fill(
        CHARTER_FR,
        "Charte, version 2.\n\nRespectez-vous les uns les autres.",
    )
    .await;
    b.fill(
        CHARTER_CO,
        "Carta, versione 2.\n\nRispettatevi l’unu l’altru.",
    )
    .await;
    b.click(CHARTER_PUBLISH).await;
    b.wait_text(
        "[aria-labelledby=charter-editor] [role=status]",
        "Version 2 publiée",
    )
    .await;
    b.screenshot("platform-charter").await;
    b.sign_out().await;

    b.sign_in_as("lisandru.pieri", crate::support::PASSWORD)
        .await;
    b.wait_text("main", "Respectez-vous les uns les autres.")
        .await;
    b.click(LANG_CO).await;
    b.wait_text("main", "Rispettatevi l’unu l’altru.").await;
    b.click(CHARTER_AGREE).await;
    b.click(CHARTER_ACCEPT).await;
    b.find(SERVICES).await;
    b.close().await;
}

//! A school admin creates an account; its owner signs in with the one-time password and must
//! choose their own before anything else.

use crate::support::Browser;
use crate::support::ui::*;
use domain::auth::password::ONE_TIME_PASSWORD_DAYS;
use domain::lang::Lang;
use domain::locale;
use domain::time::Timestamp;

/// The day a one-time password made within the last minutes stops working, in words.
fn expiry_in_words(lang: Lang) -> Vec<String> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let until = i64::try_from(now).expect("a time") + ONE_TIME_PASSWORD_DAYS * 86_400;
    [0, 300]
        .iter()
        .map(|ago| locale::long_date_at(lang, Timestamp::from_unix(until - ago)))
        .collect()
}

#[tokio::test]
async fn a_new_account_starts_with_a_one_time_password() {
    let b = Browser::start().await;
    b.enter_as("petru.casanova").await;
    b.click("a[href='/admin']").await;
    b.wait_text("main", "Lisandru").await;

    // Names left empty are explained next to their fields; nothing is created.
    b.click(CREATE_ACCOUNT).await;
    b.wait_text(FIELD_ERROR, "Ce champ est obligatoire").await;
    b.fill(NEW_FIRST_NAME, "Ghjacumu").await;
    b.fill(NEW_LAST_NAME, "Santucci").await;
    b.click(CREATE_ACCOUNT).await;
    let username = b.wait_text(ONE_TIME_USERNAME, "ghjacumu.santucci").await;
    let password = b
        .find(ONE_TIME_PASSWORD)
        .await
        .text()
        .await
        .expect("password");
    assert_eq!(password.len(), 14, "xxxx-xxxx-xxxx: {password}");
    b.screenshot("admin-created").await;
    b.sign_out().await;

    b.sign_in_as(&username, &password).await;
    b.wait_text(HEADING, "Changer de mot de passe").await;
    b.wait_text("main", "provisoire").await;
    // Until when, in words, in each language (`domain::locale`, Paris time).
    let until = |lang| {
        let main = b.find("main");
        async move {
            let text = main.await.text().await.expect("text");
            let expected = expiry_in_words(lang);
            assert!(
                expected.iter().any(|d| text.contains(d.as_str())),
                "{expected:?} in {text}"
            );
        }
    };
    until(Lang::Fr).await;
    b.click(LANG_CO).await;
    b.wait_text(HEADING, "Cambià a parolla d’intrata").await;
    until(Lang::Co).await;
    b.screenshot("password-one-time-corsican").await;
    b.click(LANG_FR).await;
    b.wait_text(HEADING, "Changer de mot de passe").await;
    b.fill(CURRENT_PASSWORD, &password).await;
    b.fill(NEW_PASSWORD, "azerty123").await;
    b.fill(CONFIRM_PASSWORD, "azerty123").await;
    b.click(SUBMIT).await;
    b.wait_text(FIELD_ERROR, "fait partie des plus utilisés")
        .await;
    b.screenshot("password-weak").await;
    let mine = "Ghjacumu cammina in a machja di Vizzavona";
    b.fill(NEW_PASSWORD, mine).await;
    b.fill(CONFIRM_PASSWORD, mine).await;
    b.click(SUBMIT).await;
    b.wait_text(HEADING, "Charte d’utilisation").await;
    b.click(CHARTER_AGREE).await;
    b.click(CHARTER_ACCEPT).await;
    b.wait_text(HEADING, "Bonjour Ghjacumu").await;
    b.wait_text(SCHOOLS, "Collège Pasquale Paoli").await;
    b.sign_out().await;
    b.sign_in_as(&username, mine).await;
    b.wait_text(HEADING, "Bonjour Ghjacumu").await;
    b.sign_out().await;

    // Forgotten already: the admin gives a new one-time password, after a confirmation.
    b.sign_in_as("petru.casanova", crate::support::PASSWORD)
        .await;
    b.click("a[href='/admin']").await;
    b.click("button[aria-label='Gérer le compte de Ghjacumu Santucci']")
        .await;
    b.click_text("button", "Réinitialiser le mot de passe")
        .await;
    b.wait_text("main", "Ses sessions ouvertes seront fermées")
        .await;
    b.click_text("button", "Oui, réinitialiser").await;
    let again = b.wait_text(ONE_TIME_PASSWORD, "-").await;
    assert_ne!(again, password);
    b.sign_out().await;
    b.sign_in_as(&username, mine).await;
    b.wait_text(ERROR_BANNER, "Identifiant ou mot de passe incorrect")
        .await;
    b.sign_in_as(&username, &again).await;
    b.wait_text(HEADING, "Changer de mot de passe").await;
    b.close().await;
}

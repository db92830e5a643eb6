//! One's own account: password, language, open sessions and two-factor sign-in.

pub mod second_factor;
pub mod sessions;

use crate::components::lang_switch::LangSwitch;
use crate::i18n::msg;
use crate::i18n::t;
use crate::pages::auth::password::ChangePassword;
use crate::shell::use_session;
use leptos::prelude::*;

#[component]
pub fn MyAccount() -> impl IntoView {
    let session = use_session();
    let username = move || session.info().map(|i| i.username);
    view! {
        <section class="card">
            <h1>{t(msg::Title::Account)}</h1>
            <p>{t(msg::Account::Username)} " " <strong class="username">{username}</strong></p>
            <h2>{t(msg::Account::Language)}</h2>
            <LangSwitch/>
        </section>
        <ChangePassword/>
        <sessions::MySessions/>
        <second_factor::SecondFactor/>
    }
}

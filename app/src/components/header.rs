//! The bar at the top of every page.

use crate::api::auth::logout;
use crate::components::lang_switch::LangSwitch;
use crate::i18n::msg;
use crate::i18n::{Locale, t};
use crate::shell::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Header() -> impl IntoView {
    let session = use_session();
    let locale = expect_context::<Locale>();
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = logout().await;
            session.apply(None, locale);
        });
    };
    let name = move || {
        session
            .info()
            .map(|i| crate::i18n::full_name(&i.first_name, &i.last_name))
    };
    view! {
        <header class="topbar">
            <a class="brand" href="/">"Scola"</a>
            <LangSwitch/>
            <Show when=move || session.info().is_some()>
                <span class="who">{name}</span>
                <button type="button" class="sign-out" on:click=sign_out>{t(msg::Common::SignOut)}</button>
            </Show>
        </header>
    }
}

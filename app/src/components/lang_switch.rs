//! Switching between French and Corsican, at any time; remembered in the browser and, once
//! signed in, on the account.

use crate::api::auth::set_lang;
use crate::i18n::msg;
use crate::i18n::{PickedBeforeSignIn, t, use_locale};
use crate::shell::use_session;
use domain::lang::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;

const STORAGE_KEY: &str = "scola.lang";

#[component]
pub fn LangSwitch() -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let picked = expect_context::<PickedBeforeSignIn>();
    let choose = move |lang: Lang| {
        locale.0.set(lang);
        remember_lang(lang);
        if session.info().is_none() {
            picked.0.set(true);
        } else {
            spawn_local(async move {
                // A failure only means the choice is not kept for the next sign-in.
                let _ = set_lang(lang).await;
            });
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=t(msg::Common::LangSwitchLabel)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.tag()
                            aria-pressed=move || (locale.lang() == lang).to_string()
                            on:click=move |_| choose(lang)
                        >
                            {lang.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Puts the language on `<html lang>`, so screen readers pronounce the page right.
pub fn show_lang(lang: Lang) {
    #[cfg(feature = "csr")]
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
    #[cfg(not(feature = "csr"))]
    let _ = lang;
}

fn remember_lang(lang: Lang) {
    #[cfg(feature = "csr")]
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
    #[cfg(not(feature = "csr"))]
    let _ = (lang, STORAGE_KEY);
}

/// The language chosen earlier in this browser, French otherwise.
pub fn remembered_lang() -> Lang {
    #[cfg(feature = "csr")]
    if let Some(lang) = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| tag.parse().ok())
    {
        return lang;
    }
    crate::shell::default_lang()
}

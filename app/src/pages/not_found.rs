use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card">
            <h1>{t("not-found-title")}</h1>
            <p><a href="/">{t("back-home")}</a></p>
        </section>
    }
}

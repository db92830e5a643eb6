use crate::i18n::msg;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card">
            <h1>{t(msg::Common::NotFoundTitle)}</h1>
            <p><a href="/">{t(msg::Common::BackHome)}</a></p>
        </section>
    }
}

//! School administration (being written).

use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn AdminPage() -> impl IntoView {
    view! { <section class="card"><h1>{t("service-school-admin")}</h1></section> }
}

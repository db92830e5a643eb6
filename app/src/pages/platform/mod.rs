//! Platform administration: establishments and the usage charter.

mod charter;
mod schools;

use crate::i18n::msg;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn PlatformPage() -> impl IntoView {
    view! {
        <h1>{t(msg::Home::ServicePlatformAdmin)}</h1>
        <schools::Schools/>
        <charter::CharterEditor/>
    }
}

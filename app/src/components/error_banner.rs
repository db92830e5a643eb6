//! A form- or page-level error, announced to screen readers.

use crate::error::AppError;
use crate::i18n::{describe_error, use_locale};
use leptos::prelude::*;

#[component]
pub fn ErrorBanner(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let locale = use_locale();
    move || {
        error.get().map(|e| {
            view! { <p class="error-banner" role="alert">{describe_error(locale.lang(), &e)}</p> }
        })
    }
}

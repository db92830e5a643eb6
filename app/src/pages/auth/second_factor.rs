//! The sign-in step after a right password, for accounts with a second factor.

use crate::api::auth::second_factor::second_factor;
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field};
use crate::i18n::msg;
use crate::i18n::{Locale, t};
use crate::shell::use_session;
use leptos::prelude::*;

#[component]
pub fn CodeStep(
    /// The pending sign-in's token; cleared to go back to the password.
    pending: RwSignal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let locale = expect_context::<Locale>();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let submit = Action::new_local(move |c: &String| {
        let c = c.clone();
        let token = pending.get_untracked().unwrap_or_default();
        async move { second_factor(token, c).await }
    });
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(info)) => {
            error.set(None);
            session.apply(Some(info), locale);
        }
        // The step ran out (or was used): back to the password.
        Some(Err(AppError::SignInRequired)) => pending.set(None),
        Some(Err(e)) => {
            code.set(String::new());
            error.set(Some(e));
        }
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit.dispatch(code.get_untracked());
    };
    view! {
        <section class="card narrow">
            <h1>{t(msg::Auth::CodeTitle)}</h1>
            <p>{t(msg::Auth::CodeIntro)}</p>
            <form on:submit=on_submit novalidate>
                <ErrorBanner error=error/>
                <TextField label=msg::Account::SecondFactorCode id="totp-code" value=code field=Field::Code error=error autocomplete="one-time-code"/>
                <button type="submit" class="primary" disabled=move || submit.pending().get()>{t(msg::Auth::Submit)}</button>
                <button type="button" class="secondary" on:click=move |_| pending.set(None)>{t(msg::Auth::CodeBack)}</button>
            </form>
        </section>
    }
}

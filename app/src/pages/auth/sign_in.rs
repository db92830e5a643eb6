//! Signing in.

use super::second_factor;

use crate::api::auth::login;
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field};
use crate::i18n::msg;
use crate::i18n::{Locale, PickedBeforeSignIn, t};
use crate::shell::use_session;
use leptos::prelude::*;

#[component]
pub fn Login() -> impl IntoView {
    let session = use_session();
    let locale = expect_context::<Locale>();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    // While a lock runs (its end is in the message), the button waits with the person: an
    // attempt before it ends would only lengthen it.
    let locked = RwSignal::new(false);
    let picked = expect_context::<PickedBeforeSignIn>();
    // Set when the password was right and the account asks for a code.
    let pending = RwSignal::new(None::<String>);
    let submit = Action::new_local(move |(u, p): &(String, String)| {
        let (u, p) = (u.clone(), p.clone());
        let lang = picked.0.get_untracked().then(|| locale.0.get_untracked());
        async move { login(u, p, lang).await }
    });
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(info)) => {
            error.set(None);
            session.apply(Some(info), locale);
        }
        Some(Err(AppError::SecondFactorRequired { pending: token })) => {
            error.set(None);
            password.set(String::new());
            pending.set(Some(token));
        }
        Some(Err(e)) => {
            password.set(String::new());
            if let AppError::Locked {
                retry_after_seconds,
            } = e
            {
                locked.set(true);
                leptos::task::spawn_local(async move {
                    wait_seconds(retry_after_seconds).await;
                    locked.set(false);
                });
            }
            error.set(Some(e));
        }
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit.dispatch((username.get_untracked(), password.get_untracked()));
    };
    view! {
        <Show when=move || pending.get().is_none()
            fallback=move || view! { <second_factor::CodeStep pending=pending/> }>
        <section class="card narrow">
            <h1>{t(msg::Auth::Title)}</h1>
            <p>{t(msg::Auth::Intro)}</p>
            <form on:submit=on_submit novalidate>
                <ErrorBanner error=error/>
                <TextField label=msg::Auth::Username id="username" value=username field=Field::Username error=error autocomplete="username"/>
                <TextField label=msg::Auth::Password id="password" value=password field=Field::Password error=error kind="password" autocomplete="current-password"/>
                <button type="submit" class="primary" disabled=move || submit.pending().get() || locked.get()>{t(msg::Auth::Submit)}</button>
            </form>
        </section>
        </Show>
    }
}

#[cfg(feature = "csr")]
async fn wait_seconds(seconds: i64) {
    let ms = u32::try_from(seconds.saturating_mul(1000)).unwrap_or(u32::MAX);
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

#[cfg(not(feature = "csr"))]
async fn wait_seconds(_seconds: i64) {}

//! Changing one's password: forced after an admin gave a one-time password, or by choice.

use crate::api::auth::change_password;
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field, Problem};
use crate::i18n::msg;
use crate::i18n::{Message, t, use_locale};
use crate::shell::use_session;
use domain::auth::password::MIN_CHARS;
use leptos::prelude::*;

#[component]
pub fn ChangePassword(#[prop(optional)] forced: bool) -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    // A one-time password stops working after a while: say until when, so nobody is surprised.
    let valid_until = move || {
        let date = session.info()?.one_time_password_expires?;
        Some(msg::AuthPassword::OneTimeValidUntil { date }.text(locale.lang()))
    };
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(false);
    let submit = Action::new_local(move |(c, n): &(String, String)| {
        let (c, n) = (c.clone(), n.clone());
        async move { change_password(c, n).await }
    });
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(())) => {
            error.set(None);
            for field in [current, new, confirm] {
                field.set(String::new());
            }
            done.set(true);
            session.refresh();
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        if new.get_untracked() != confirm.get_untracked() {
            error.set(Some(AppError::field(Field::Confirm, Problem::Mismatch)));
            return;
        }
        submit.dispatch((current.get_untracked(), new.get_untracked()));
    };
    view! {
        <section class="card narrow">
            <h1>{t(msg::Title::Password)}</h1>
            {forced.then(|| view! { <p class="notice">{t(msg::AuthPassword::Forced)}</p> })}
            {move || valid_until().map(|text| view! { <p class="notice" id="one-time-valid-until">{text}</p> })}
            <p>{t(msg::AuthPassword::Advice)}</p>
            <form on:submit=on_submit novalidate>
                <ErrorBanner error=error/>
                <TextField label=msg::AuthPassword::Current id="current-password" value=current field=Field::Password error=error kind="password" autocomplete="current-password"/>
                <TextField label=msg::AuthPassword::New id="new-password" value=new field=Field::NewPassword error=error kind="password" autocomplete="new-password" hint=msg::AuthPassword::Hint { min: MIN_CHARS as i64 }/>
                <TextField label=msg::AuthPassword::Confirm id="confirm-password" value=confirm field=Field::Confirm error=error kind="password" autocomplete="new-password"/>
                <button type="submit" class="primary" disabled=move || submit.pending().get()>{t(msg::AuthPassword::Submit)}</button>
                <Show when=move || done.get()>
                    <p class="success" role="status">{t(msg::AuthPassword::Done)}</p>
                </Show>
            </form>
        </section>
    }
}

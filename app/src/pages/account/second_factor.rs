//! Two-factor sign-in from "my account": scan a QR code (or type the secret), confirm with a
//! first code, note the recovery codes; or remove it with a current code. Administrators of an
//! instance that requires it see this before anything else (`forced`).

use crate::api::account::second_factor::{
    Enrolment, begin_second_factor, confirm_second_factor, disable_second_factor,
};
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field};
use crate::i18n::msg;
use crate::i18n::t;
use crate::shell::use_session;
use leptos::prelude::*;

#[component]
pub fn SecondFactor(#[prop(optional)] forced: bool) -> impl IntoView {
    let session = use_session();
    let enrolled = move || session.info().is_some_and(|i| i.second_factor);
    let error = RwSignal::new(None::<AppError>);
    let enrolment = RwSignal::new(None::<Enrolment>);
    let recovery = RwSignal::new(None::<Vec<String>>);
    let code = RwSignal::new(String::new());

    let begin = Action::new_local(|_: &()| begin_second_factor());
    Effect::new(move |_| match begin.value().get() {
        Some(Ok(e)) => {
            error.set(None);
            enrolment.set(Some(e));
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let confirm = Action::new_local(|c: &String| confirm_second_factor(c.clone()));
    Effect::new(move |_| match confirm.value().get() {
        Some(Ok(codes)) => {
            error.set(None);
            code.set(String::new());
            enrolment.set(None);
            recovery.set(Some(codes));
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let disable = Action::new_local(|c: &String| disable_second_factor(c.clone()));
    Effect::new(move |_| match disable.value().get() {
        Some(Ok(())) => {
            error.set(None);
            code.set(String::new());
            session.refresh();
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let on_confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        confirm.dispatch(code.get_untracked());
    };
    let on_disable = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        disable.dispatch(code.get_untracked());
    };
    // The recovery codes are shown until the person says they noted them; then the session
    // (now with a second factor, and no longer forced to enrol) is read again.
    let noted = move |_| {
        recovery.set(None);
        session.refresh();
    };

    view! {
        <section class="card second-factor" aria-labelledby="second-factor-title">
            <h2 id="second-factor-title">{t(msg::Title::SecondFactor)}</h2>
            {forced.then(|| view! { <p class="notice">{t(msg::Account::SecondFactorForced)}</p> })}
            <ErrorBanner error=error/>
            {move || {
                if let Some(codes) = recovery.get() {
                    return view! {
                        <div class="recovery-codes">
                            <p class="success" role="status">{t(msg::Account::SecondFactorEnabled)}</p>
                            <p>{t(msg::Account::SecondFactorRecoveryIntro)}</p>
                            <ul class="recovery-codes-list">
                                {codes.into_iter().map(|c| view! { <li><code translate="no">{c}</code></li> }).collect_view()}
                            </ul>
                            <button type="button" class="primary recovery-noted" on:click=noted>
                                {t(msg::Account::SecondFactorRecoveryNoted)}
                            </button>
                        </div>
                    }.into_any();
                }
                if let Some(e) = enrolment.get() {
                    return view! {
                        <div class="enrolment">
                            <p>{t(msg::Account::SecondFactorScan)}</p>
                            <img class="qr" src=e.qr alt=t(msg::Account::SecondFactorQrAlt) width="220" height="220"/>
                            <p>{t(msg::Account::SecondFactorSecret)} " "
                                <code class="totp-secret" translate="no">{e.secret}</code></p>
                            <form on:submit=on_confirm novalidate>
                                <TextField label=msg::Account::SecondFactorCode id="totp-code" value=code field=Field::Code error=error autocomplete="one-time-code"/>
                                <button type="submit" class="primary" disabled=move || confirm.pending().get()>
                                    {t(msg::Account::SecondFactorConfirm)}
                                </button>
                            </form>
                        </div>
                    }.into_any();
                }
                if enrolled() {
                    view! {
                        <div class="enrolled">
                            <p class="status-on">{t(msg::Account::SecondFactorOn)}</p>
                            <form on:submit=on_disable novalidate>
                                <TextField label=msg::Account::SecondFactorCode id="totp-code" value=code field=Field::Code error=error autocomplete="one-time-code"/>
                                <button type="submit" class="secondary" disabled=move || disable.pending().get()>
                                    {t(msg::Account::SecondFactorDisable)}
                                </button>
                            </form>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <div class="not-enrolled">
                            <p>{t(msg::Account::SecondFactorOff)}</p>
                            <button type="button" class="primary second-factor-begin"
                                disabled=move || begin.pending().get()
                                on:click=move |_| { begin.dispatch(()); }>
                                {t(msg::Account::SecondFactorBegin)}
                            </button>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

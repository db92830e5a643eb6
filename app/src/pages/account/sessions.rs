//! One's open sessions: where and when, this device marked; end one or all the others.

use crate::api::account::sessions::{SessionView, end_other_sessions, end_session, list_sessions};
use crate::components::error_banner::ErrorBanner;
use crate::error::AppError;
use crate::i18n::msg;
use crate::i18n::{Locale, Message, t};
use crate::shell::use_session;
use domain::time::Timestamp;
use leptos::prelude::*;

/// A moment in the browser's time zone and the reader's language ("25/11/2026 08:05").
fn when(at: Timestamp, lang: domain::lang::Lang) -> String {
    #[cfg(feature = "csr")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.unix() as f64 * 1000.0));
        let tag = if lang == domain::lang::Lang::Co {
            "co-FR"
        } else {
            "fr-FR"
        };
        String::from(date.to_locale_string(tag, &wasm_bindgen::JsValue::UNDEFINED))
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = lang;
        at.unix().to_string()
    }
}

#[component]
pub fn MySessions() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let session = use_session();
    let error = RwSignal::new(None::<AppError>);
    let sessions = LocalResource::new(list_sessions);
    let end = Action::new_local(move |id: &Option<String>| {
        let id = id.clone();
        async move {
            match id {
                Some(id) => end_session(id).await,
                None => end_other_sessions().await,
            }
        }
    });
    Effect::new(move |_| match end.value().get() {
        Some(Ok(())) => {
            error.set(None);
            sessions.refetch();
            // Ending this device's session signs out.
            session.refresh();
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let row = move |s: SessionView| {
        let lang = locale.lang();
        let device = if s.device.is_empty() {
            msg::Account::SessionsUnknownDevice.text(lang)
        } else {
            s.device.clone()
        };
        let id = s.id.clone();
        view! {
            <tr class:this-device=s.this_device>
                <td class="device">
                    {device}
                    {s.this_device.then(|| view! { " " <strong class="this-device-mark">{t(msg::Account::SessionsThisDevice)}</strong> })}
                </td>
                <td class="ip">{s.ip.clone()}</td>
                <td>{when(s.created, lang)}</td>
                <td>{when(s.last_seen, lang)}</td>
                <td>
                    <button type="button" class="secondary end-session"
                        disabled=move || end.pending().get()
                        on:click=move |_| { end.dispatch(Some(id.clone())); }>
                        {t(msg::Account::SessionsEnd)}
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <section class="card sessions" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{t(msg::Account::SessionsTitle)}</h2>
            <ErrorBanner error=error/>
            <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
                {move || sessions.get().map(|answer| match answer {
                    Ok(list) => {
                        let others = list.iter().any(|s| !s.this_device);
                        view! {
                            <table class="sessions-table">
                                <thead><tr>
                                    <th scope="col">{t(msg::Account::SessionsDevice)}</th>
                                    <th scope="col">{t(msg::Account::SessionsAddress)}</th>
                                    <th scope="col">{t(msg::Account::SessionsCreated)}</th>
                                    <th scope="col">{t(msg::Account::SessionsLastSeen)}</th>
                                    <th scope="col"><span class="visually-hidden">{t(msg::Account::SessionsEnd)}</span></th>
                                </tr></thead>
                                <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                            </table>
                            {others.then(|| view! {
                                <button type="button" class="secondary end-others"
                                    disabled=move || end.pending().get()
                                    on:click=move |_| { end.dispatch(None); }>
                                    {t(msg::Account::SessionsEndOthers)}
                                </button>
                            })}
                        }.into_any()
                    }
                    Err(e) => {
                        let text = crate::i18n::describe_error(locale.lang(), &e);
                        view! { <p class="error-banner" role="alert">{text}</p> }.into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}

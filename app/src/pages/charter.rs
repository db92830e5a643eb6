//! The usage charter: accepted before anything else, readable at any time.

use crate::api::charter::{Charter, accept_charter, current_charter};
use crate::components::error_banner::ErrorBanner;
use crate::error::AppError;
use crate::i18n::msg;
use crate::i18n::{t, use_locale};
use crate::shell::use_session;
use leptos::prelude::*;

/// The charter's text as paragraphs (blank lines separate them); never interpreted as HTML.
#[component]
fn CharterText(charter: Charter) -> impl IntoView {
    let locale = use_locale();
    move || {
        charter
            .body(locale.lang())
            .split("\n\n")
            .map(|p| view! { <p>{p.trim().to_owned()}</p> })
            .collect_view()
    }
}

#[component]
pub fn AcceptCharter() -> impl IntoView {
    let session = use_session();
    let charter = LocalResource::new(current_charter);
    let agreed = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let accept = Action::new_local(move |c: &Charter| {
        let version = c.version;
        async move { accept_charter(version).await }
    });
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(())) => session.refresh(),
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    view! {
        <section class="card">
            <h1>{t(msg::Charter::Title)}</h1>
            <p class="notice">{t(msg::Charter::MustAccept)}</p>
            <ErrorBanner error=error/>
            <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
                {move || charter.get().map(|r| match r {
                    Ok(Some(c)) => {
                        let for_accept = c.clone();
                        view! {
                            <article class="charter-text"><CharterText charter=c/></article>
                            <label class="check">
                                <input type="checkbox" id="charter-agree" prop:checked=move || agreed.get()
                                    on:change=move |ev| agreed.set(event_target_checked(&ev))/>
                                {t(msg::Charter::Agree)}
                            </label>
                            <button type="button" class="primary"
                                disabled=move || !agreed.get() || accept.pending().get()
                                on:click=move |_| { accept.dispatch(for_accept.clone()); }>
                                {t(msg::Charter::Accept)}
                            </button>
                        }.into_any()
                    }
                    Ok(None) => view! { <p>{t(msg::Charter::None)}</p> }.into_any(),
                    Err(e) => { error.set(Some(e)); ().into_any() }
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn ReadCharter() -> impl IntoView {
    let charter = LocalResource::new(current_charter);
    view! {
        <section class="card">
            <h1>{t(msg::Charter::Title)}</h1>
            <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
                {move || charter.get().map(|r| match r {
                    Ok(Some(c)) => view! { <article class="charter-text"><CharterText charter=c/></article> }.into_any(),
                    Ok(None) => view! { <p>{t(msg::Charter::None)}</p> }.into_any(),
                    Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

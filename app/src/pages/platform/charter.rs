//! Publishing a new version of the usage charter.

use crate::api::charter::{current_charter, publish_charter};
use crate::components::error_banner::ErrorBanner;
use crate::error::{AppError, Field};
use crate::i18n::msg;
use crate::i18n::{describe_problem, t, use_locale};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn CharterEditor() -> impl IntoView {
    let locale = use_locale();
    let body_fr = RwSignal::new(String::new());
    let body_co = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let published = RwSignal::new(None::<i64>);
    spawn_local(async move {
        if let Ok(Some(c)) = current_charter().await {
            body_fr.set(c.body_fr);
            body_co.set(c.body_co);
        }
    });
    let publish = Action::new_local(move |(fr, co): &(String, String)| {
        let (fr, co) = (fr.clone(), co.clone());
        async move { publish_charter(fr, co).await }
    });
    Effect::new(move |_| match publish.value().get() {
        Some(Ok(v)) => {
            error.set(None);
            published.set(Some(v.get()));
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let problem = move |field: Field| {
        move || {
            error.with(|e| {
                e.as_ref().and_then(|e| e.problem_for(field)).map(
                    |p| view! { <p class="field-error">{describe_problem(locale.lang(), p)}</p> },
                )
            })
        }
    };
    view! {
        <section class="card" aria-labelledby="charter-editor">
            <h2 id="charter-editor">{t(msg::Platform::Charter)}</h2>
            <p>{t(msg::Platform::CharterHelp)}</p>
            <form on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                publish.dispatch((body_fr.get_untracked(), body_co.get_untracked()));
            }>
                <ErrorBanner error=error/>
                <div class="field">
                    <label for="charter-fr">{t(msg::Platform::CharterFr)}</label>
                    <textarea id="charter-fr" lang="fr" rows="12" prop:value=move || body_fr.get()
                        on:input=move |ev| body_fr.set(event_target_value(&ev))></textarea>
                    {problem(Field::BodyFr)}
                </div>
                <div class="field">
                    <label for="charter-co">{t(msg::Platform::CharterCo)}</label>
                    <textarea id="charter-co" lang="co" rows="12" prop:value=move || body_co.get()
                        on:input=move |ev| body_co.set(event_target_value(&ev))></textarea>
                    {problem(Field::BodyCo)}
                </div>
                <button type="submit" class="primary" disabled=move || publish.pending().get()>{t(msg::Platform::CharterPublish)}</button>
                {move || published.get().map(|v| view! {
                    <p class="success" role="status">{t(msg::Platform::CharterPublished { version: v })}</p>
                })}
            </form>
        </section>
    }
}

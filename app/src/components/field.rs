//! A labelled input with its error next to it.

use crate::error::{AppError, Field};
use crate::i18n::{AnyMessage, describe_problem, use_locale};
use leptos::prelude::*;

#[component]
pub fn TextField(
    #[prop(into)] label: AnyMessage,
    /// The id of the input, also its name.
    id: &'static str,
    value: RwSignal<String>,
    /// Which server-side field this input feeds, to show its error.
    field: Field,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional, into)] hint: Option<AnyMessage>,
) -> impl IntoView {
    let locale = use_locale();
    let problem = move || {
        error.with(|e| {
            e.as_ref()
                .and_then(|e| e.problem_for(field))
                .map(|p| describe_problem(locale.lang(), p))
        })
    };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = vec![];
            if has_hint {
                ids.push(hint_id.clone());
            }
            if problem().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field">
            <label for=id>{move || label.text(locale.lang())}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.text(locale.lang())}</p> })}
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || problem().is_some().to_string()
                aria-describedby=described_by
            />
            {move || problem().map(|p| view! { <p class="field-error" id=error_id.clone()>{p}</p> })}
        </div>
    }
}

//! Small pieces every admin view uses.

use crate::error::AppError;
use crate::i18n::msg;
use leptos::prelude::*;

/// Runs `ok` after each success of `action` and keeps its last failure in `error`, for the
/// form to show next to its fields.
pub fn on_result<I, O>(
    action: Action<I, Result<O, AppError>>,
    error: RwSignal<Option<AppError>>,
    ok: impl Fn(O) + 'static,
) where
    I: 'static,
    O: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| match action.value().get() {
        Some(Ok(value)) => {
            error.set(None);
            // Untracked: only a new answer may run `ok` again, not a signal it happens to read.
            untrack(|| ok(value));
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
}

/// A destructive step asked twice: the `ask` button first, then the `question` about `name`
/// with a "yes" and a cancel.
#[component]
pub fn Confirmed(
    /// The first button, the question, the confirming button.
    ask: msg::Admin,
    question: msg::Admin,
    yes: msg::Admin,
    /// The class of the first button (`secondary`, `danger`).
    ask_class: &'static str,
    confirming: RwSignal<bool>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] on_yes: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || confirming.get() fallback=move || view! {
            <button type="button" class=ask_class on:click=move |_| confirming.set(true)>
                {crate::i18n::t(ask.clone())}
            </button>
        }>
            <p class="notice">{crate::i18n::t(question.clone())}</p>
            <div class="button-row">
                <button type="button" class="danger" disabled=move || pending.get()
                    on:click=move |_| on_yes.run(())>
                    {crate::i18n::t(yes.clone())}
                </button>
                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                    {crate::i18n::t(msg::Admin::Cancel)}
                </button>
            </div>
        </Show>
    }
}

pub use crate::i18n::{Message, full_name, group_kind_name as kind_name, profile_name};

/// A success message, announced politely to screen readers.
#[component]
pub fn Done(#[prop(into)] message: Signal<Option<msg::Admin>>) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    move || {
        message
            .get()
            .map(|m| view! { <p class="success" role="status">{move || m.text(locale.lang())}</p> })
    }
}

/// Moves keyboard focus to the element `id` once it is shown, so that keyboard and screen
/// reader users land on what just opened (a panel, a one-time password). The element needs
/// `tabindex="-1"`. Looked up by id on the next frame rather than held by reference: the view
/// holding it may have been rebuilt by then.
pub fn focus_when_shown(id: &'static str) {
    Effect::new(move |_| {
        request_animation_frame(move || {
            use leptos::wasm_bindgen::JsCast;
            let element = leptos::web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id));
            if let Some(element) = element {
                let _ = element
                    .unchecked_ref::<leptos::web_sys::HtmlElement>()
                    .focus();
            }
        });
    });
}

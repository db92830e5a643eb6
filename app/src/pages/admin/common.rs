//! Small pieces every admin view uses.

use crate::error::AppError;
use domain::lang::Lang;
use domain::profile::Profile;
use domain::school::GroupKind;
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
            ok(value);
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
}

pub fn profile_name(lang: Lang, profile: Profile) -> String {
    crate::i18n::tr(lang, &format!("profile-{}", profile.code()), &[])
}

pub fn kind_name(lang: Lang, kind: GroupKind) -> String {
    crate::i18n::tr(lang, &format!("group-kind-{}", kind.code()), &[])
}

pub fn full_name(first_name: &str, last_name: &str) -> String {
    format!("{first_name} {last_name}")
}

/// A translated sentence about a person (`{ $name }`), for labels and messages.
pub fn about(lang: Lang, key: &str, name: &str) -> String {
    crate::i18n::tr(lang, key, &[("name", name.to_owned().into())])
}

/// A success message, announced politely to screen readers.
#[component]
pub fn Done(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|m| view! { <p class="success" role="status">{m}</p> })
    }
}

/// Moves keyboard focus to `node` once it is shown, so that keyboard and screen reader users
/// land on what just opened (a panel, a one-time password). The element needs `tabindex="-1"`.
pub fn focus_when_shown<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType + 'static,
    E::Output: leptos::wasm_bindgen::JsCast + Clone + 'static,
{
    use leptos::wasm_bindgen::JsCast;
    node.on_load(|element| {
        // On the next frame: the element may not be in the document yet when its ref is set.
        request_animation_frame(move || {
            let _ = element.unchecked_ref::<leptos::web_sys::HtmlElement>().focus();
        });
    });
}

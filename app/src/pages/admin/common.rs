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
    /// Message keys: the first button, the question, the confirming button.
    ask: &'static str,
    question: &'static str,
    yes: &'static str,
    /// The class of the first button (`secondary`, `danger`).
    ask_class: &'static str,
    name: String,
    confirming: RwSignal<bool>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] on_yes: Callback<()>,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    view! {
        <Show when=move || confirming.get() fallback=move || view! {
            <button type="button" class=ask_class on:click=move |_| confirming.set(true)>
                {crate::i18n::t(ask)}
            </button>
        }>
            <p class="notice">{
                let name = name.clone();
                move || about(locale.lang(), question, &name)
            }</p>
            <div class="button-row">
                <button type="button" class="danger" disabled=move || pending.get()
                    on:click=move |_| on_yes.run(())>
                    {crate::i18n::t(yes)}
                </button>
                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                    {crate::i18n::t("admin-cancel")}
                </button>
            </div>
        </Show>
    }
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

/// A message to show, kept as a key and arguments so that it follows the interface language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, String)>,
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Message { key, args: vec![] }
    }

    /// The message about one person or group, `{ $name }`.
    pub fn about(key: &'static str, name: impl Into<String>) -> Self {
        Message::new(key).with("name", name)
    }

    pub fn with(mut self, arg: &'static str, value: impl Into<String>) -> Self {
        self.args.push((arg, value.into()));
        self
    }

    pub fn text(&self, lang: Lang) -> String {
        let args: Vec<_> = self
            .args
            .iter()
            .map(|(name, value)| (*name, value.clone().into()))
            .collect();
        crate::i18n::tr(lang, self.key, &args)
    }
}

/// A success message, announced politely to screen readers.
#[component]
pub fn Done(#[prop(into)] message: Signal<Option<Message>>) -> impl IntoView {
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

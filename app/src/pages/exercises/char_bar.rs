//! The characters French and Corsican keyboards lack (or that a phone hides), one press away:
//! inserted at the cursor of the text field last used, as if typed there.

use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, t, use_locale};
use leptos::prelude::*;

/// Corsican's grave vowels and French's missing capitals, ligatures and quotes.
const CHARACTERS: [&str; 20] = [
    "à", "è", "é", "ì", "ò", "ù", "ç", "œ", "À", "È", "É", "Ì", "Ò", "Ù", "Ç", "Œ", "«", "»", "’",
    "…",
];

/// The text field a character goes into: the last one focused (its element id).
#[derive(Clone, Copy)]
pub struct Target(StoredValue<Option<String>>);

impl Target {
    pub fn new() -> Self {
        Target(StoredValue::new(None))
    }

    /// To be called on `focusin` of the fields' container.
    pub fn follow(self, ev: &leptos::ev::FocusEvent) {
        if let Some(id) = text_field_id(ev) {
            self.0.set_value(Some(id));
        }
    }
}

#[component]
pub fn CharBar(target: Target) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="char-bar" role="toolbar" aria-label=t(M::Characters)>
            {CHARACTERS.iter().map(|c| {
                let c = *c;
                view! {
                    <button type="button" data-char=c
                        aria-label=move || M::Insert { char: c.to_owned() }.text(locale.lang())
                        // Keeps the focus (and the selection) in the field when clicked.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| {
                            if let Some(id) = target.0.get_value() {
                                insert(&id, c);
                            }
                        }>{c}</button>
                }
            }).collect_view()}
        </div>
    }
}

#[cfg(feature = "csr")]
fn text_field_id(ev: &leptos::ev::FocusEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return (input.type_() == "text" && !input.id().is_empty()).then(|| input.id());
    }
    let area = target.dyn_ref::<web_sys::HtmlTextAreaElement>()?;
    (!area.id().is_empty()).then(|| area.id())
}

#[cfg(not(feature = "csr"))]
fn text_field_id(_: &leptos::ev::FocusEvent) -> Option<String> {
    None
}

/// Replaces the field's selection with `text`, puts the cursor after it and tells the page, as a
/// key press would (an `input` event), so the answer is saved like a typed one.
#[cfg(feature = "csr")]
fn insert(id: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    // UTF-16 positions, as the browser counts them.
    let width = u32::try_from(text.encode_utf16().count()).unwrap_or(1);
    // The same steps on either kind of field (web-sys gives them no common type).
    macro_rules! splice {
        ($field:expr) => {{
            let field = $field;
            if field.disabled() {
                return;
            }
            let start = field.selection_start().ok().flatten().unwrap_or(0);
            let end = field.selection_end().ok().flatten().unwrap_or(start);
            let _ = field.set_range_text_with_start_and_end(text, start, end);
            let _ = field.set_selection_range(start + width, start + width);
            let _ = field.focus();
        }};
    }
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        splice!(input);
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        splice!(area);
    } else {
        return;
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = element.dispatch_event(&event);
    }
}

#[cfg(not(feature = "csr"))]
fn insert(_: &str, _: &str) {}

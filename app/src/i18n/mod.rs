//! Interface text in French and Corsican, compiled from `app/locales/{fr,co}/<area>.ftl` into
//! one enum per area (`msg::Admin::Results { count }`): a missing key or argument is a build
//! error, and every number and date goes through `domain::locale`.

mod errors;
mod names;

pub use errors::{describe_error, describe_problem};
pub use names::{full_name, group_kind_name, last_name_first, profile_name, school_kind_name};

use domain::lang::Lang;
use leptos::prelude::*;

/// A text with its arguments, shown in whichever language the reader has chosen.
pub trait Message {
    fn text(&self, lang: Lang) -> String;
}

/// Any message, for components that take a text from whichever area uses them (a field's label).
/// Type-erased rather than one enum of every area, so an area's texts stay in its own download.
#[derive(Clone)]
pub struct AnyMessage(std::sync::Arc<dyn Message + Send + Sync>);

impl<M: Message + Send + Sync + 'static> From<M> for AnyMessage {
    fn from(message: M) -> Self {
        AnyMessage(std::sync::Arc::new(message))
    }
}

impl AnyMessage {
    pub fn text(&self, lang: Lang) -> String {
        self.0.text(lang)
    }
}

/// The messages, one enum per `.ftl` file.
#[allow(clippy::all, clippy::pedantic)]
pub mod msg {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

/// The interface language, shared by every view.
#[derive(Clone, Copy)]
pub struct Locale(pub RwSignal<Lang>);

/// Set when the person picked a language on this page before signing in: that choice then wins
/// over the one stored on the account, and replaces it.
#[derive(Clone, Copy)]
pub struct PickedBeforeSignIn(pub RwSignal<bool>);

pub fn use_locale() -> Locale {
    expect_context::<Locale>()
}

impl Locale {
    pub fn lang(self) -> Lang {
        self.0.get()
    }
}

/// A reactive translation: re-renders when the language changes.
pub fn t<M>(message: M) -> impl Fn() -> String + Clone + Send + Sync + 'static
where
    M: Message + Clone + Send + Sync + 'static,
{
    let locale = use_locale();
    move || message.text(locale.lang())
}

#[cfg(test)]
mod tests {
    use super::msg::PLAIN;

    #[test]
    fn corsican_is_not_french_copied() {
        let same: Vec<&str> = PLAIN
            .iter()
            .filter(|(_, texts)| {
                let fr = texts[0];
                fr.chars().filter(|c| c.is_alphabetic()).count() > 12 && texts[1..].contains(&fr)
            })
            .map(|(key, _)| *key)
            .collect();
        assert!(same.is_empty(), "identical in both languages: {same:?}");
    }
}

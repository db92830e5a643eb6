//! Interface text in French and Corsican, from Fluent files compiled into the app.
//!
//! Every visible string goes through [`t`]; a key missing from a language shows the key itself,
//! which the `every_key_in_both_languages` test prevents from ever shipping.

mod errors;

pub use errors::{describe_error, describe_problem};

use domain::lang::Lang;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;

const FR: &str = include_str!("../../locales/fr.ftl");
const CO: &str = include_str!("../../locales/co.ftl");

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => FR,
        Lang::Co => CO,
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    // CLDR has no plural rules for Corsican; its plurals follow Italian's (one / other).
    let locale: unic_langid::LanguageIdentifier = match lang {
        Lang::Fr => unic_langid::langid!("fr"),
        Lang::Co => unic_langid::langid!("it"),
    };
    let mut bundle = FluentBundle::new(vec![locale]);
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(partial, _)| partial);
    // Duplicate keys are caught by tests; the first definition wins at run time.
    let _ = bundle.add_resource(resource);
    bundle
}

thread_local! {
    static BUNDLES: [FluentBundle<FluentResource>; 2] = [bundle(Lang::Fr), bundle(Lang::Co)];
}

/// The text for `key` in `lang`, with `args` filled in.
pub fn tr(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    BUNDLES.with(|bundles| {
        let bundle = &bundles[lang as usize];
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = vec![];
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    })
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
pub fn t(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let locale = use_locale();
    move || tr(locale.lang(), key, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use std::collections::BTreeSet;

    fn keys(lang: Lang) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source(lang).to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{lang:?}.ftl does not parse: {errors:?}"));
        let mut keys = BTreeSet::new();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                assert!(
                    keys.insert(m.id.name.to_owned()),
                    "{lang:?}: duplicate key {}",
                    m.id.name
                );
            }
        }
        keys
    }

    #[test]
    fn every_key_in_both_languages() {
        let fr = keys(Lang::Fr);
        let co = keys(Lang::Co);
        assert_eq!(
            fr.difference(&co).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in co.ftl"
        );
        assert_eq!(
            co.difference(&fr).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in fr.ftl"
        );
    }

    #[test]
    fn corsican_is_not_french_copied() {
        let same: Vec<String> = keys(Lang::Fr)
            .into_iter()
            .filter(|k| {
                let fr = tr(Lang::Fr, k, &[]);
                fr.chars().filter(|c| c.is_alphabetic()).count() > 12 && fr == tr(Lang::Co, k, &[])
            })
            .collect();
        assert!(same.is_empty(), "identical in both languages: {same:?}");
    }
}

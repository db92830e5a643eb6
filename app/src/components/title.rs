//! The page's name in the browser tab, the history and what a screen reader announces on
//! arrival, in the reader's language: `Mon compte · Scola`. Decided here for every screen at
//! once, from the stage and the path, so an area loaded on demand is named before it arrives.

use crate::i18n::msg::{self, Common};
use crate::i18n::{Message, use_locale};
use crate::shell::Stage;
use domain::lang::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

fn routed(path: &str, lang: Lang) -> String {
    let path = path.trim_end_matches('/');
    match path {
        "" => msg::Home::Title.text(lang),
        "/account" => msg::Title::Account.text(lang),
        "/charter" => msg::Charter::Title.text(lang),
        "/admin" => msg::Home::ServiceSchoolAdmin.text(lang),
        "/platform" => msg::Home::ServicePlatformAdmin.text(lang),
        "/exercises" => msg::Home::ServiceExercises.text(lang),
        p if p.starts_with("/exercises/") => msg::Title::Exercise.text(lang),
        "/sequences" => msg::Home::ServiceSequences.text(lang),
        p if p.starts_with("/sequences/") => msg::Title::Sequence.text(lang),
        "/timetable" => msg::Home::ServiceTimetable.text(lang),
        p if p.starts_with("/timetable/") => msg::Home::ServiceTimetable.text(lang),
        p if p.starts_with("/profile/") => msg::Title::Profile.text(lang),
        _ => Common::NotFoundTitle.text(lang),
    }
}

fn title(screen: Stage, path: &str, lang: Lang) -> String {
    let page = match screen {
        Stage::Loading => return "Scola".to_owned(),
        // Already "Sign in to Scola".
        Stage::SignIn => return msg::Auth::Title.text(lang),
        Stage::ChangePassword => msg::Title::Password.text(lang),
        Stage::EnrolSecondFactor => msg::Title::SecondFactor.text(lang),
        Stage::Charter => msg::Charter::Title.text(lang),
        Stage::Ready => routed(path, lang),
    };
    Common::PageTitle { page }.text(lang)
}

/// Keeps `document.title` in step with the screen, the path and the language.
#[component]
pub fn PageTitle(#[prop(into)] screen: Signal<Stage>) -> impl IntoView {
    let locale = use_locale();
    let location = use_location();
    Effect::new(move |_| {
        let text = title(screen.get(), &location.pathname.get(), locale.lang());
        #[cfg(feature = "csr")]
        document().set_title(&text);
        #[cfg(not(feature = "csr"))]
        let _ = text;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_and_route_has_its_own_title_in_both_languages() {
        let screens = [
            (Stage::SignIn, "/"),
            (Stage::ChangePassword, "/"),
            (Stage::EnrolSecondFactor, "/"),
            (Stage::Charter, "/"),
            (Stage::Ready, "/"),
            (Stage::Ready, "/account"),
            (Stage::Ready, "/admin"),
            (Stage::Ready, "/platform"),
            (Stage::Ready, "/profile/12"),
            (Stage::Ready, "/exercises"),
            (Stage::Ready, "/exercises/do/7"),
            (Stage::Ready, "/nowhere"),
        ];
        for lang in Lang::ALL {
            let titles: std::collections::BTreeSet<String> =
                screens.iter().map(|(s, p)| title(*s, p, lang)).collect();
            assert_eq!(titles.len(), screens.len(), "{lang:?}: {titles:?}");
            assert!(titles.iter().all(|t| t.contains("Scola")), "{titles:?}");
        }
        assert_eq!(
            title(Stage::Ready, "/account/", Lang::Co),
            "U mo contu · Scola"
        );
        assert_eq!(
            title(Stage::Ready, "/charter", Lang::Fr),
            title(Stage::Charter, "/", Lang::Fr)
        );
    }
}

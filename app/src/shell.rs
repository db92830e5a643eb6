//! The frame around every page: language, session, header, and which screen comes first.

use crate::api::auth::{SessionInfo, current_session};
use crate::components::header::Header;
use crate::error::AppError;
use crate::i18n::msg;
use crate::i18n::{Locale, PickedBeforeSignIn, t};
use crate::pages;
use domain::lang::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, path};

/// Where the browser's session stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionState {
    Loading,
    Anonymous,
    SignedIn(SessionInfo),
    /// The server could not be reached: the person this device last saw signed in
    /// (`crate::offline`), until the server answers again.
    Offline(SessionInfo),
}

/// The session, shared by every view.
#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<SessionState>);

pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    /// Asks the server again who is signed in (after sign-in, a password change, the charter).
    pub fn refresh(self) {
        self.ask(expect_context::<Locale>());
    }

    /// The same, from outside the views (the network coming back).
    pub fn ask(self, locale: Locale) {
        spawn_local(async move {
            match crate::api::retry::patiently(current_session).await {
                // No answer is not "signed out": the device's identity serves until one comes.
                Err(AppError::Communication(_)) => {
                    let resumed = pages::lazy::resume_offline(self, locale).await;
                    if !matches!(resumed, Ok(true)) {
                        self.0.set(SessionState::Anonymous);
                    }
                }
                info => self.apply(info.ok().flatten(), locale),
            }
        });
    }

    pub fn apply(self, info: Option<SessionInfo>, locale: Locale) {
        match info {
            Some(info) => {
                if locale.0.get_untracked() != info.lang {
                    locale.0.set(info.lang);
                }
                self.0.set(SessionState::SignedIn(info));
            }
            None => {
                crate::offline::forget();
                self.0.set(SessionState::Anonymous);
            }
        }
    }

    pub fn info(self) -> Option<SessionInfo> {
        match self.0.get() {
            SessionState::SignedIn(info) | SessionState::Offline(info) => Some(info),
            _ => None,
        }
    }
}

/// What the person must see first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Loading,
    SignIn,
    ChangePassword,
    EnrolSecondFactor,
    Charter,
    /// Signed in and free to go anywhere: the path decides.
    Ready,
}

#[component]
pub fn App() -> impl IntoView {
    let locale = Locale(RwSignal::new(
        crate::components::lang_switch::remembered_lang(),
    ));
    provide_context(locale);
    provide_context(PickedBeforeSignIn(RwSignal::new(false)));
    let session = Session(RwSignal::new(SessionState::Loading));
    provide_context(session);
    Effect::new(move |_| crate::components::lang_switch::show_lang(locale.lang()));
    session.refresh();

    let stage = Memo::new(move |_| match session.0.get() {
        SessionState::Loading => Stage::Loading,
        SessionState::Anonymous => Stage::SignIn,
        SessionState::SignedIn(i) if i.must_change_password => Stage::ChangePassword,
        SessionState::SignedIn(i) if i.must_enrol_second_factor => Stage::EnrolSecondFactor,
        SessionState::SignedIn(i) if i.must_accept_charter => Stage::Charter,
        SessionState::SignedIn(_) | SessionState::Offline(_) => Stage::Ready,
    });

    // Signed in: the idle limit is watched (re-created only when signing in or out).
    let idle = Memo::new(move |_| session.info().map(|i| i.idle_seconds));

    view! {
        <Router>
            <crate::components::title::PageTitle screen=stage/>
            <a class="skip" href="#main">{t(msg::Common::SkipToContent)}</a>
            <Header/>
            {move || idle.get().map(|seconds| view! { <crate::components::idle::IdleWatch idle_seconds=seconds/> })}
            <main id="main" tabindex="-1">
                {move || match stage.get() {
                    Stage::Loading => view! { <p class="loading" aria-busy="true">{t(msg::Common::Loading)}</p> }.into_any(),
                    Stage::SignIn => view! { <pages::auth::sign_in::Login/> }.into_any(),
                    Stage::ChangePassword => view! { <pages::lazy::ForcedPasswordChange/> }.into_any(),
                    Stage::EnrolSecondFactor => view! { <pages::lazy::SecondFactorEnrolment/> }.into_any(),
                    Stage::Charter => view! { <pages::charter::AcceptCharter/> }.into_any(),
                    Stage::Ready => view! {
                        <Routes fallback=|| view! { <pages::not_found::NotFound/> }>
                            <Route path=path!("/") view=pages::home::HomePage/>
                            // Rarely opened areas: their code is downloaded when first opened.
                            <Route path=path!("/account") view={Lazy::<pages::lazy::AccountArea>::new()}/>
                            <Route path=path!("/charter") view={Lazy::<pages::lazy::CharterArea>::new()}/>
                            <Route path=path!("/profile/:id") view={Lazy::<pages::lazy::ProfileArea>::new()}/>
                            <Route path=path!("/admin") view={Lazy::<pages::lazy::AdminArea>::new()}/>
                            <Route path=path!("/platform") view={Lazy::<pages::lazy::PlatformArea>::new()}/>
                            <Route path=path!("/exercises") view={Lazy::<pages::lazy::ExercisesArea>::new()}/>
                            <Route path=path!("/exercises/*rest") view={Lazy::<pages::lazy::ExercisesArea>::new()}/>
                            <Route path=path!("/sequences") view={Lazy::<pages::lazy::SequencesArea>::new()}/>
                            <Route path=path!("/sequences/*rest") view={Lazy::<pages::lazy::SequencesArea>::new()}/>
                            <Route path=path!("/timetable") view={Lazy::<pages::lazy::TimetableArea>::new()}/>
                            <Route path=path!("/timetable/*rest") view={Lazy::<pages::lazy::TimetableArea>::new()}/>
                        </Routes>
                    }.into_any(),
                }}
            </main>
        </Router>
    }
}

/// The language of a fresh page, before anyone signs in.
pub fn default_lang() -> Lang {
    Lang::Fr
}

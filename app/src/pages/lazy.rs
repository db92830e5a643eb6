//! Areas downloaded when first opened, not with the sign-in page: each is cut into its own
//! WebAssembly module by `scripts/app-wasm.sh` (wasm-split), at the functions marked
//! `#[wasm_split(<module>)]` below.
//!
//! `#[lazy_route]` would do the same, but a module that fails to arrive (network, or a new
//! version deployed since the page was loaded) then panics, which stops the whole app; here the
//! failure is `fallible` and the page says so, in the person's language.

use crate::i18n::msg;
use crate::i18n::{Locale, t};
use crate::pages::account::MyAccount;
use crate::pages::account::second_factor::SecondFactor;
use crate::pages::admin::AdminPage;
use crate::pages::auth::password::ChangePassword;
use crate::pages::charter::ReadCharter;
use crate::pages::exercises::ExercisesPage;
use crate::pages::platform::PlatformPage;
use crate::pages::profile::ProfilePage;
use crate::pages::sequences::SequencesPage;
use crate::pages::timetable::TimetablePage;
use crate::shell::Session;
use leptos::prelude::*;
use leptos_router::LazyRoute;
use wasm_split_helpers::{SplitLoaderError, wasm_split};

/// An area's module could not be downloaded.
pub struct AreaUnavailable;

impl From<SplitLoaderError> for AreaUnavailable {
    fn from(_: SplitLoaderError) -> Self {
        AreaUnavailable
    }
}

/// What the page shows instead of an area whose module did not arrive. The loader forgets
/// failures, so opening the area again (or reloading) tries afresh.
#[component]
fn Unavailable() -> impl IntoView {
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="card area-unavailable" role="alert">
            <h1>{t(msg::Common::AreaUnavailableTitle)}</h1>
            <p>{t(msg::Common::AreaUnavailableBody)}</p>
            <button type="button" class="primary" on:click=reload>{t(msg::Common::AreaUnavailableReload)}</button>
        </section>
    }
}

pub(crate) fn shown(area: Result<AnyView, AreaUnavailable>) -> AnyView {
    area.unwrap_or_else(|AreaUnavailable| view! { <Unavailable/> }.into_any())
}

/// A route whose view lives in the module `$module`: `Lazy::<$route>::new()` in the route table.
macro_rules! lazy_area {
    ($(#[$doc:meta])* $route:ident, $module:ident, $split_fn:ident, $page:ident) => {
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                shown($split_fn().await)
            }
        }

        // Runs in the split module: everything only this page uses goes there with it.
        #[wasm_split($module, fallible)]
        fn $split_fn() -> Result<AnyView, AreaUnavailable> {
            Ok(view! { <$page/> }.into_any())
        }
    };
}

lazy_area!(
    /// School administration (`/admin`).
    AdminArea,
    admin,
    admin_view,
    AdminPage
);
lazy_area!(
    /// Platform administration (`/platform`).
    PlatformArea,
    platform,
    platform_view,
    PlatformPage
);
lazy_area!(
    /// One's own account (`/account`).
    AccountArea,
    account,
    account_view,
    MyAccount
);
lazy_area!(
    /// The charter, read again (`/charter`); accepting it is part of the first visit.
    CharterArea,
    charter,
    charter_view,
    ReadCharter
);
lazy_area!(
    /// Someone's profile (`/profile/:id`).
    ProfileArea,
    profile,
    profile_view,
    ProfilePage
);
lazy_area!(
    /// Exercises (`/exercises`, and its screens below it: see `pages::exercises`).
    ExercisesArea,
    exercises,
    exercises_view,
    ExercisesPage
);
lazy_area!(
    /// Sequences (`/sequences`, and its screens below it: see `pages::sequences`).
    SequencesArea,
    sequences,
    sequences_view,
    SequencesPage
);
lazy_area!(
    /// Timetables (`/timetable`, and the weeks below it: see `pages::timetable`), and the
    /// cahier de textes and homework (`/homework`: see `pages::homework`), which my week shows:
    /// one module, so the first visit carries one area's loader for both.
    TimetableArea,
    timetable,
    timetable_view,
    TimetablePage
);

/// The server could not be reached when the app started: the identity kept on this device, if
/// any, serves until it answers (`crate::offline`). In the exercises module, the one area that
/// works offline, so the first visit carries none of it and the worker has it kept.
#[wasm_split(exercises, fallible)]
pub(crate) fn resume_offline(session: Session, locale: Locale) -> Result<bool, AreaUnavailable> {
    Ok(crate::offline::resume(session, locale))
}

/// A screen of the first visit that most visits never see, shown before any route: its code
/// comes when it is shown.
macro_rules! lazy_stage {
    ($(#[$doc:meta])* $component:ident, $module:ident, $split_fn:ident, $page:ident) => {
        $(#[$doc])*
        #[component]
        pub fn $component() -> impl IntoView {
            let loading = || view! { <p class="loading" aria-busy="true">{t(msg::Common::Loading)}</p> };
            view! {
                <Suspense fallback=loading>
                    {Suspend::new(async { shown($split_fn().await) })}
                </Suspense>
            }
        }

        #[wasm_split($module, fallible)]
        fn $split_fn() -> Result<AnyView, AreaUnavailable> {
            Ok(view! { <$page forced=true/> }.into_any())
        }
    };
}

lazy_stage!(
    /// The password change a one-time password leads to, once per account.
    ForcedPasswordChange,
    password,
    password_view,
    ChangePassword
);
lazy_stage!(
    /// The second-factor enrolment an administrator must go through once, when required.
    SecondFactorEnrolment,
    enrolment,
    enrolment_view,
    SecondFactor
);

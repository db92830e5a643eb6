//! Signs a person out after the instance's idle limit and warns them before: a dialog with the
//! seconds left and a button to stay signed in (which tells the server the session is in use).
//!
//! The rule (when to warn, when it ends) is `domain::auth::session::IdleLimit`; this view only counts
//! the time since the person last clicked or typed. While they work, the server is told at most
//! once per `touch_every`, so a long form being typed does not end the session.

use crate::api::account::sessions::keep_alive;
use crate::i18n::msg;
use crate::i18n::{Locale, Message};
use crate::shell::use_session;
use domain::auth::session::{IdleLimit, IdleState};

use leptos::prelude::*;
use leptos::task::spawn_local;

/// Milliseconds since the epoch, from the browser's clock (the server keeps its own).
pub(crate) fn now_ms() -> f64 {
    #[cfg(feature = "csr")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(feature = "csr"))]
    {
        0.0
    }
}

/// Now, in whole seconds, from the browser's clock.
pub(crate) fn now() -> domain::time::Timestamp {
    // The clock's milliseconds are far inside an i64.
    #[allow(clippy::cast_possible_truncation)]
    domain::time::Timestamp::from_unix((now_ms() / 1000.0) as i64)
}

#[component]
pub fn IdleWatch(idle_seconds: i64) -> impl IntoView {
    let limit = IdleLimit::seconds_for_tests(idle_seconds);
    let session = use_session();
    let locale = expect_context::<Locale>();
    let last_activity = StoredValue::new(now_ms());
    let last_told = StoredValue::new(now_ms());
    let state = RwSignal::new(IdleState::Active);

    // Tells the server, then counts from now.
    let stay = move || {
        last_activity.set_value(now_ms());
        last_told.set_value(now_ms());
        state.set(IdleState::Active);
        spawn_local(async move {
            let _ = keep_alive().await;
        });
    };
    let tick = move || {
        let unused = ((now_ms() - last_activity.get_value()) / 1000.0) as i64;
        let next = limit.state_after(unused);
        if next == IdleState::Ended {
            spawn_local(async move {
                let _ = crate::api::auth::logout().await;
                session.apply(None, locale);
            });
        }
        if state.get_untracked() != next {
            state.set(next);
        }
    };
    let active = move || {
        // Once the warning shows, only its button keeps the session: a stray key must not.
        if state.get_untracked() != IdleState::Active {
            return;
        }
        last_activity.set_value(now_ms());
        if (now_ms() - last_told.get_value()) / 1000.0 >= limit.touch_every() as f64 {
            last_told.set_value(now_ms());
            spawn_local(async move {
                let _ = keep_alive().await;
            });
        }
    };
    #[cfg(feature = "csr")]
    {
        let interval = set_interval_with_handle(tick, std::time::Duration::from_secs(1)).ok();
        let clicks =
            leptos::prelude::window_event_listener(leptos::ev::pointerdown, move |_| active());
        let keys = leptos::prelude::window_event_listener(leptos::ev::keydown, move |_| active());
        on_cleanup(move || {
            if let Some(interval) = interval {
                interval.clear();
            }
            clicks.remove();
            keys.remove();
        });
    }
    #[cfg(not(feature = "csr"))]
    let _ = (tick, active);

    let seconds_left = move || match state.get() {
        IdleState::Warn { seconds_left } => seconds_left,
        _ => 0,
    };
    view! {
        <Show when=move || matches!(state.get(), IdleState::Warn { .. })>
            <div class="idle-backdrop">
                <section class="idle-warning card" role="alertdialog" aria-modal="true"
                    aria-labelledby="idle-title" aria-describedby="idle-text">
                    <h2 id="idle-title">{move || msg::Common::IdleTitle.text(locale.lang())}</h2>
                    <p id="idle-text">
                        {move || msg::Common::IdleText { seconds: seconds_left() }.text(locale.lang())}
                    </p>
                    <button type="button" class="primary idle-stay" on:click=move |_| stay()>
                        {move || msg::Common::IdleStay.text(locale.lang())}
                    </button>
                </section>
            </div>
        </Show>
    }
}

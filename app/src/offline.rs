//! The app without network: the identity the shell starts with when the server cannot be
//! reached, and the service worker (`public/sw.js`) that keeps the app's files.
//!
//! Only the exercises area works offline (a pupil's sitting is kept on the device), so it is the
//! one that keeps the identity and registers the worker: the first visit carries none of it,
//! only [`forget`], run on every sign-out.

use crate::api::auth::SessionInfo;
use crate::api::retry::wait_ms;
use crate::components::idle::now;
use crate::device;
use crate::i18n::Locale;
use crate::shell::{Session, SessionState};
use domain::auth::session::IdleLimit;
use domain::time::Timestamp;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use std::cell::Cell;

const KEY: &str = "scola-identity";

/// Who the server last said was signed in on this device, and when it said so.
#[derive(Serialize, Deserialize)]
struct KeptIdentity {
    info: SessionInfo,
    confirmed: Timestamp,
}

/// The server has just said `info` is signed in. Only a person free to go anywhere is kept:
/// one with a password to change, a second factor to enrol or a charter to accept must see the
/// server first.
pub fn keep(info: &SessionInfo, now: Timestamp) {
    if info.must_change_password || info.must_enrol_second_factor || info.must_accept_charter {
        forget();
        return;
    }
    device::set(
        KEY,
        &KeptIdentity {
            info: info.clone(),
            confirmed: now,
        },
    );
}

/// The server has just answered the kept person: their session was in use `now`.
pub fn confirmed(now: Timestamp) {
    if let Some(mut kept) = device::get::<KeptIdentity>(KEY) {
        kept.confirmed = now;
        device::set(KEY, &kept);
    }
}

/// The identity to start with while the server cannot be reached: none once the session would
/// have ended on the server for lack of use (the server's own idle rule), so a device left
/// offline does not stay signed in for good. The server stays the judge: the session is asked
/// again as soon as the network is back.
pub fn kept(now: Timestamp) -> Option<SessionInfo> {
    let kept = device::get::<KeptIdentity>(KEY)?;
    let limit = IdleLimit::seconds_for_tests(kept.info.idle_seconds);
    (!limit.is_idle(kept.confirmed, now)).then_some(kept.info)
}

/// How often the server is asked again while the app runs on the kept identity: the network
/// may come back without the browser noticing (a server restarting, a captive portal).
const ASK_AGAIN_MS: u32 = 10_000;

thread_local! {
    /// Whether something already waits for the server to answer again.
    static WAITING: Cell<bool> = const { Cell::new(false) };
    /// Whether this page has asked for the worker already (once is enough).
    #[cfg(feature = "csr")]
    static REGISTERING: Cell<bool> = const { Cell::new(false) };
}

/// The server could not be reached at start: the app goes on as the kept person, marked
/// offline, and asks the server again when the network is back. False when nobody is kept.
pub fn resume(session: Session, locale: Locale) -> bool {
    let Some(info) = kept(now()) else {
        return false;
    };
    if locale.0.get_untracked() != info.lang {
        locale.0.set(info.lang);
    }
    session.0.set(SessionState::Offline(info));
    if !WAITING.replace(true) {
        let back = window_event_listener(leptos::ev::online, move |_| session.ask(locale));
        spawn_local(async move {
            while matches!(session.0.get_untracked(), SessionState::Offline(_)) {
                wait_ms(ASK_AGAIN_MS).await;
                session.ask(locale);
            }
            back.remove();
            WAITING.set(false);
        });
    }
    true
}

/// Signed out (or the server says nobody is signed in): the device forgets who was.
pub fn forget() {
    device::remove(KEY);
}

/// Registers the service worker, through `public/offline.js` (plain JavaScript: a typed binding
/// of the worker API would add to the script every first visit downloads), which also hands the
/// worker the list of this build's files the page has loaded, for it to keep.
pub fn register_worker() {
    #[cfg(feature = "csr")]
    if !REGISTERING.replace(true)
        && let Some(document) = web_sys::window().and_then(|w| w.document())
        && let Ok(script) = document.create_element("script")
        && let Some(body) = document.body()
    {
        let _ = script.set_attribute("type", "module");
        let _ = script.set_attribute("src", "/public/offline.js");
        let _ = body.append_child(&script);
    }
}

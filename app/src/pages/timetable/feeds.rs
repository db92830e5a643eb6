//! "Calendar feed": one's week (and each child's, for a parent) at a private address for one's
//! calendar app. Turned on, the address is shown once with a copy button and a warning that
//! whoever has it sees the calendar; a new address revokes the old one; turned off, it stops.

use crate::api::timetable::TimetableError;
use crate::api::timetable::feeds::{FeedEntry, feed_off, feed_on, feeds};
use crate::components::area_error::{area_banner, when_loaded};
use crate::i18n::msg::Timetable as M;
use crate::i18n::{full_name, t};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Feeds() -> impl IntoView {
    let list = LocalResource::new(|| crate::api::retry::patiently(feeds));
    view! {
        {when_loaded::<Vec<FeedEntry>, TimetableError, _>(list, move |entries| {
            (!entries.is_empty()).then(|| view! {
                <section class="card feeds" aria-labelledby="feeds-heading">
                    <h2 id="feeds-heading">{t(M::FeedTitle)}</h2>
                    <p class="meta">{t(M::FeedAbout)}</p>
                    <ul class="feed-list">
                        {entries.into_iter().map(|entry| view! { <Feed entry/> }).collect_view()}
                    </ul>
                </section>
            })
        })}
    }
}

#[component]
fn Feed(entry: FeedEntry) -> impl IntoView {
    let whose = entry.whose;
    let on = RwSignal::new(entry.on);
    let address = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<TimetableError>);
    let label = if entry.own {
        t(M::Mine).into_any()
    } else {
        let name = full_name(&entry.first_name, &entry.last_name);
        t(M::OfChild { name }).into_any()
    };
    let id = match whose {
        crate::api::timetable::feeds::Whose::Pupil(a) => format!("feed-pupil-{a}"),
        crate::api::timetable::feeds::Whose::Teacher(a) => format!("feed-teacher-{a}"),
    };
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    let field = format!("{id}-address");
    let turn_on = move |_| {
        busy.set(true);
        error.set(None);
        copied.set(false);
        spawn_local(async move {
            match feed_on(whose).await {
                Ok(url) => {
                    on.set(true);
                    address.set(Some(url));
                }
                Err(e) => error.set(Some(e)),
            }
            let _ = busy.try_set(false);
        });
    };
    let turn_off = move |_| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match feed_off(whose).await {
                Ok(()) => {
                    on.set(false);
                    address.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
            let _ = busy.try_set(false);
        });
    };
    let copy = move |_| {
        if let Some(url) = address.get_untracked() {
            copy_text(url, copied);
        }
    };
    view! {
        <li class="feed" aria-labelledby=labelled_by>
            <h3 id=heading>{label}</h3>
            {move || match (on.get(), address.get()) {
                (true, Some(url)) => view! {
                    <label for=field.clone()>{t(M::FeedAddress)}</label>
                    <div class="feed-address">
                        <input id=field.clone() class="feed-url" type="text" readonly value=url
                            on:focus=move |e| select_all(&e)/>
                        <button type="button" class="secondary feed-copy" on:click=copy>
                            {t(M::FeedCopy)}
                        </button>
                    </div>
                    <p class="meta" role="status">
                        {move || copied.get().then(|| t(M::FeedCopied))}
                    </p>
                    <p class="notice feed-warning">{t(M::FeedWarning)}</p>
                }
                .into_any(),
                (true, None) => view! { <p class="feed-state">{t(M::FeedIsOn)}</p> }.into_any(),
                (false, _) => view! { <p class="feed-state">{t(M::FeedIsOff)}</p> }.into_any(),
            }}
            <div class="feed-actions">
                {move || if on.get() {
                    view! {
                        <button type="button" class="secondary feed-renew"
                            prop:disabled=move || busy.get() on:click=turn_on>
                            {t(M::FeedRenew)}
                        </button>
                        <button type="button" class="secondary feed-off"
                            prop:disabled=move || busy.get() on:click=turn_off>
                            {t(M::FeedOff)}
                        </button>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="button" class="primary feed-on"
                            prop:disabled=move || busy.get() on:click=turn_on>
                            {t(M::FeedOn)}
                        </button>
                    }
                    .into_any()
                }}
            </div>
            {area_banner(error)}
        </li>
    }
}

// The browser is reached through `Reflect` (`pages/picked_file.rs`), not web-sys' typed
// bindings, whose shims would land in the JavaScript every first visit loads.

/// Selects the address when it gets the focus, ready to copy by hand.
#[cfg(feature = "csr")]
fn select_all(e: &leptos::ev::FocusEvent) {
    use crate::pages::picked_file::call;
    if let Some(input) = e.target() {
        call(&input.into(), "select", None);
    }
}

#[cfg(not(feature = "csr"))]
fn select_all(_: &leptos::ev::FocusEvent) {}

/// Puts `text` on the clipboard, then says so.
#[cfg(feature = "csr")]
fn copy_text(text: String, copied: RwSignal<bool>) {
    use crate::pages::picked_file::{get, wait};
    spawn_local(async move {
        let clipboard = get(&leptos::prelude::window().into(), "navigator")
            .and_then(|navigator| get(&navigator, "clipboard"));
        let done = match clipboard {
            Some(clipboard) => wait(&clipboard, "writeText", Some(&text.into()))
                .await
                .is_some(),
            None => false,
        };
        let _ = copied.try_set(done);
    });
}

#[cfg(not(feature = "csr"))]
fn copy_text(_: String, _: RwSignal<bool>) {}

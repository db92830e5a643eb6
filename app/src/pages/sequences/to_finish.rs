//! The card on a pupil's home listing the sequences open now and not finished, soonest due
//! first. It lives with the sequences area and comes with its module, after the home page: the
//! first visit carries none of it.

use super::list::ProgressBar;
use crate::api::sequences::doing::assigned_sequences;
use crate::i18n::msg::Sequences as M;
use crate::i18n::{Message, t, use_locale};
use leptos::prelude::*;

/// Shows nothing until loaded, nor when nothing is left to finish or the list cannot be read:
/// the home page works without it.
#[component]
pub fn ToFinish() -> impl IntoView {
    let locale = use_locale();
    let me = crate::shell::use_session().info().map(|i| i.account);
    let list = LocalResource::new(move || async move {
        match me {
            Some(pupil) => assigned_sequences(pupil).await.ok(),
            None => None,
        }
    });
    let now = move || {
        // Whole seconds: the clock's milliseconds are far inside an i64.
        #[allow(clippy::cast_possible_truncation)]
        domain::time::Timestamp::from_unix((crate::components::idle::now_ms() / 1000.0) as i64)
    };
    move || {
        let open: Vec<_> = list
            .get()
            .flatten()
            .unwrap_or_default()
            .into_iter()
            .filter(|s| s.rules.open_at(now()).is_ok() && !s.progress.finished())
            .collect();
        (!open.is_empty()).then(|| {
            view! {
                <section class="card to-finish" aria-labelledby="to-finish">
                    <h2 id="to-finish">{t(M::ToFinish)}</h2>
                    <ul class="sequences">
                        {open.into_iter().map(|s| {
                            let due = s.rules.due;
                            let when = move || due.map(|due| M::Due { due }.text(locale.lang()));
                            view! {
                                <li class="sequence">
                                    <a href=format!("/sequences/go/{}", s.assignment)>{s.title}</a>
                                    <p class="meta">{when}</p>
                                    <ProgressBar progress=s.progress/>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

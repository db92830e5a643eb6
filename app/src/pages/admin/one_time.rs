//! The one-time password of a new or reset account, shown once.

use super::common::focus_when_shown;
use crate::i18n::msg;
use crate::i18n::t;
use leptos::prelude::*;

/// Shows a login name and its one-time password until the admin says they have noted it. The
/// password is never shown again: the server keeps only its hash.
#[component]
pub fn OneTimePasswordBox(
    /// The id of the box's heading, unique on the page.
    id: &'static str,
    username: String,
    password: String,
    /// Called when the admin dismisses the box.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    focus_when_shown(id);
    view! {
        <section class="one-time" aria-labelledby=id>
            <h4 id=id tabindex="-1">{t(msg::Admin::OneTimeTitle)}</h4>
            <dl>
                <dt>{t(msg::Admin::OneTimeUsername)}</dt>
                <dd><code class="username">{username}</code></dd>
                <dt>{t(msg::Admin::OneTimePassword)}</dt>
                <dd><code class="password" translate="no">{password}</code></dd>
            </dl>
            <p class="notice">{t(msg::Admin::OneTimeNote)}</p>
            <button type="button" class="secondary" on:click=move |_| on_close.run(())>
                {t(msg::Admin::OneTimeDone)}
            </button>
        </section>
    }
}

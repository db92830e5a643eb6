//! The profiles an account holds in the school: add one, take one away.

use super::accounts::ProfileSelect;
use super::common::{on_result, profile_name};
use crate::api::admin::{AccountDetail, add_role, remove_role};
use crate::components::error_banner::ErrorBanner;
use crate::error::AppError;
use crate::i18n::Message;
use crate::i18n::msg;
use crate::i18n::{t, use_locale};
use domain::ids::SchoolId;
use domain::profile::Profile;
use leptos::prelude::*;

#[component]
pub fn RolesEditor(
    school: SchoolId,
    detail: AccountDetail,
    changed: Callback<msg::Admin>,
) -> impl IntoView {
    let locale = use_locale();
    let account = detail.id;
    let held = detail.profiles.clone();
    let error = RwSignal::new(None::<AppError>);
    let first_free = Profile::ALL.into_iter().find(|p| !held.contains(p));
    let chosen = RwSignal::new(first_free);
    let add = Action::new_local(move |profile: &Profile| {
        let profile = *profile;
        async move { add_role(school, account, profile).await }
    });
    let remove = Action::new_local(move |profile: &Profile| {
        let profile = *profile;
        async move { remove_role(school, account, profile).await }
    });
    on_result(add, error, move |()| changed.run(msg::Admin::RoleAdded));
    on_result(remove, error, move |()| {
        changed.run(msg::Admin::RoleRemoved)
    });
    let except = held.clone();
    view! {
        <div class="admin-subform">
            <h4 id="roles-title">{t(msg::Admin::Roles)}</h4>
            <ErrorBanner error=error/>
            <ul class="chips" aria-labelledby="roles-title">
                {held.into_iter().map(|p| view! {
                    <li>
                        {move || profile_name(locale.lang(), p)}
                        <button type="button" class="link-button"
                            aria-label=move || msg::Admin::RemoveRole { profile: profile_name(locale.lang(), p) }.text(locale.lang())
                            disabled=move || remove.pending().get()
                            on:click=move |_| { remove.dispatch(p); }>
                            {t(msg::Admin::Remove)}
                        </button>
                    </li>
                }).collect_view()}
            </ul>
            {first_free.map(|_| view! {
                <form class="inline-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if let Some(p) = chosen.get_untracked() {
                        add.dispatch(p);
                    }
                }>
                    <div class="field">
                        <label for="add-role">{t(msg::Admin::AddRole)}</label>
                        <ProfileSelect id="add-role" value=chosen except=except.clone()/>
                    </div>
                    <button type="submit" class="secondary" disabled=move || add.pending().get()>{t(msg::Admin::Add)}</button>
                </form>
            })}
        </div>
    }
}

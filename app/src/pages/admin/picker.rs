//! Finding a person of the school by name, to add them somewhere.

use super::common::full_name;
use crate::api::admin::{AccountQuery, AccountRow, list_accounts};
use crate::components::error_banner::ErrorBanner;
use crate::i18n::msg;
use crate::i18n::{Message, t, use_locale};
use domain::ids::SchoolId;
use domain::profile::Profile;
use leptos::prelude::*;

/// A search among the school's accounts holding `profile`, each result with a button to pick it.
#[component]
pub fn PersonPicker(
    school: SchoolId,
    profile: Profile,
    /// The search field's label ("Add a pupil").
    label: msg::Admin,
    /// The id of the search field, unique on the page.
    id: &'static str,
    #[prop(into)] on_pick: Callback<AccountRow>,
) -> impl IntoView {
    let locale = use_locale();
    let search = RwSignal::new(String::new());
    // Nothing is listed before the first search: a school has hundreds of pupils.
    let applied = RwSignal::new(None::<String>);
    let results = LocalResource::new(move || {
        let search = applied.get();
        async move {
            match search {
                Some(search) => {
                    let query = AccountQuery {
                        search,
                        profile: Some(profile),
                        page: 0,
                    };
                    list_accounts(school, query).await.map(Some)
                }
                None => Ok(None),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        applied.set(Some(search.get_untracked()));
    };
    let pick = move |row: AccountRow| {
        applied.set(None);
        search.set(String::new());
        on_pick.run(row);
    };
    view! {
        <div class="picker">
            <form class="inline-form" role="search" on:submit=on_submit>
                <div class="field">
                    <label for=id>{t(label.clone())}</label>
                    <input
                        id=id
                        type="search"
                        autocomplete="off"
                        placeholder=t(msg::Admin::PickPlaceholder)
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="secondary">{t(msg::Admin::Search)}</button>
            </form>
            <Transition fallback=|| ()>
                {move || results.get().map(|r| match r {
                    Ok(None) => ().into_any(),
                    Ok(Some(page)) if page.accounts.is_empty() => {
                        view! { <p class="meta" role="status">{t(msg::Admin::PickNone)}</p> }.into_any()
                    }
                    Ok(Some(page)) => view! {
                        <ul class="pick-list">
                            {page.accounts.into_iter().map(|row| {
                                let name = full_name(&row.first_name, &row.last_name);
                                let label = msg::Admin::Pick { name: name.clone() }.text(locale.lang());
                                let detail = match &row.class {
                                    Some(class) => msg::Admin::PickDetail { username: row.username.clone(), class: class.clone() }.text(locale.lang()),
                                    None => row.username.clone(),
                                };
                                view! {
                                    <li>
                                        <span class="who">{name}</span>
                                        <span class="meta">{detail}</span>
                                        <button type="button" class="secondary" aria-label=label
                                            on:click=move |_| pick(row.clone())>
                                            {t(msg::Admin::PickButton)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                })}
            </Transition>
        </div>
    }
}

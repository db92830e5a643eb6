//! The accounts of a school: search, table, pages, creation, and the selected account.

use super::account_form::CreateAccountForm;
use super::account_panel::AccountPanel;
use super::common::{full_name, profile_name};
use crate::api::admin::{AccountPage, AccountQuery, list_accounts};
use crate::components::error_banner::ErrorBanner;
use crate::i18n::last_name_first;
use crate::i18n::msg;
use crate::i18n::{Message, t, use_locale};
use domain::ids::{AccountId, SchoolId};
use domain::profile::Profile;
use leptos::prelude::*;

#[component]
pub fn AccountsSection(school: SchoolId) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let profile = RwSignal::new(None::<Profile>);
    let query = RwSignal::new(AccountQuery::default());
    // Bumped after every change, so the table shows it.
    let refresh = RwSignal::new(0_u32);
    let selected = RwSignal::new(None::<AccountId>);
    let page = LocalResource::new(move || {
        refresh.track();
        let query = query.get();
        async move { list_accounts(school, query).await }
    });
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.set(AccountQuery {
            search: search.get_untracked(),
            profile: profile.get_untracked(),
            page: 0,
        });
    };
    let bump = move || refresh.update(|n| *n += 1);
    view! {
        <section class="card admin-section" aria-labelledby="accounts-title">
            <h2 id="accounts-title">{t(msg::Admin::Accounts)}</h2>
            <form class="inline-form admin-search" role="search" on:submit=on_search>
                <div class="field">
                    <label for="account-search">{t(msg::Admin::SearchLabel)}</label>
                    <input id="account-search" type="search" autocomplete="off"
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="account-profile">{t(msg::Admin::ProfileFilter)}</label>
                    <ProfileSelect id="account-profile" value=profile any=true/>
                </div>
                <button type="submit" class="secondary">{t(msg::Admin::Search)}</button>
            </form>
            <Transition fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
                {move || page.get().map(|r| match r {
                    Ok(p) => view! { <AccountTable page=p query=query selected=selected/> }.into_any(),
                    Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                })}
            </Transition>
            {move || selected.get().map(|account| view! {
                <AccountPanel school=school account=account
                    on_change=Callback::new(move |()| bump())
                    on_close=Callback::new(move |()| selected.set(None))/>
            })}
            <CreateAccountForm school=school on_created=Callback::new(move |()| bump())/>
        </section>
    }
}

/// A choice of profile; with `any`, an empty first choice meaning every profile.
#[component]
pub fn ProfileSelect(
    id: &'static str,
    value: RwSignal<Option<Profile>>,
    #[prop(optional)] any: bool,
    /// Profiles not to offer (those already held).
    #[prop(optional, into)]
    except: Signal<Vec<Profile>>,
) -> impl IntoView {
    let locale = use_locale();
    let on_change = move |ev: leptos::ev::Event| {
        value.set(event_target_value(&ev).parse::<Profile>().ok());
    };
    view! {
        <select id=id name=id on:change=on_change prop:value=move || value.get().map(Profile::code).unwrap_or_default()>
            {any.then(|| view! { <option value="">{t(msg::Admin::ProfileAny)}</option> })}
            {move || Profile::ALL
                .into_iter()
                .filter(|p| !except.get().contains(p))
                .map(|p| view! {
                    <option value=p.code() selected=move || value.get() == Some(p)>
                        {move || profile_name(locale.lang(), p)}
                    </option>
                })
                .collect_view()}
        </select>
    }
}

#[component]
fn AccountTable(
    page: AccountPage,
    query: RwSignal<AccountQuery>,
    selected: RwSignal<Option<AccountId>>,
) -> impl IntoView {
    let locale = use_locale();
    let total = page.total;
    let pages = u32::try_from(total.div_ceil(u64::from(page.page_size.max(1))))
        .unwrap_or(u32::MAX)
        .max(1);
    let current = page.page;
    let (first, last) = (current == 0, current + 1 >= pages);
    let go = move |to: u32| query.update(|q| q.page = to);
    if page.accounts.is_empty() {
        return view! { <p role="status">{t(msg::Admin::NoAccount)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="admin-table" role="table">
                <caption>
                    {t(msg::Admin::Results { count: i64::try_from(total).unwrap_or(i64::MAX) })}
                </caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th role="columnheader" scope="col">{t(msg::Admin::ColName)}</th>
                        <th role="columnheader" scope="col">{t(msg::Admin::ColUsername)}</th>
                        <th role="columnheader" scope="col">{t(msg::Admin::ColProfiles)}</th>
                        <th role="columnheader" scope="col">{t(msg::Admin::ColClass)}</th>
                        <th role="columnheader" scope="col"><span class="visually-hidden">{t(msg::Admin::ColActions)}</span></th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {page.accounts.into_iter().map(|row| {
                        let name = last_name_first(&row.first_name, &row.last_name);
                        let label_name = full_name(&row.first_name, &row.last_name);
                        let profiles = row.profiles.clone();
                        let id = row.id;
                        view! {
                            <tr role="row" aria-current=move || (selected.get() == Some(id)).then_some("true")>
                                <th role="rowheader" scope="row">{name}</th>
                                <td role="cell" class="username" data-label=t(msg::Admin::ColUsername)>{row.username.clone()}
                                    {row.must_change_password.then(|| view! {
                                        <span class="badge">{t(msg::Admin::PendingPassword)}</span>
                                    })}
                                </td>
                                <td role="cell" data-label=t(msg::Admin::ColProfiles)>{move || {
                                    let names: Vec<String> = profiles.iter().map(|p| profile_name(locale.lang(), *p)).collect();
                                    domain::locale::list(locale.lang(), &names)
                                }}</td>
                                <td role="cell" data-label=t(msg::Admin::ColClass)>{row.class.clone()}</td>
                                <td role="cell" class="actions">
                                    <button type="button" class="secondary small"
                                        aria-label=move || msg::Admin::ManageAccount { name: label_name.clone() }.text(locale.lang())
                                        on:click=move |_| selected.set(Some(id))>
                                        {t(msg::Admin::Manage)}
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=t(msg::Admin::Pages)>
            <button type="button" class="secondary" disabled=first
                on:click=move |_| go(current.saturating_sub(1))>{t(msg::Admin::Previous)}</button>
            <span>{t(msg::Admin::Page { page: i64::from(current) + 1, pages: i64::from(pages) })}</span>
            <button type="button" class="secondary" disabled=last
                on:click=move |_| go(current + 1)>{t(msg::Admin::Next)}</button>
        </nav>
    }
    .into_any()
}

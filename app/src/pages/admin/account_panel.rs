//! One account, as its school's admin manages it: names, password, profiles, family links.

use super::common::{Confirmed, Done, focus_when_shown, full_name, kind_name, on_result};
use super::links::LinksEditor;
use super::one_time::OneTimePasswordBox;
use super::roles::RolesEditor;
use crate::api::admin::{
    AccountDetail, OneTimePassword, get_account, rename_account, reset_password,
};
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field};
use crate::i18n::msg;
use crate::i18n::{Message, t, use_locale};
use domain::ids::{AccountId, SchoolId};
use leptos::prelude::*;

#[component]
pub fn AccountPanel(
    school: SchoolId,
    account: AccountId,
    /// Called after every change, to refresh what lists the account.
    #[prop(into)]
    on_change: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let refresh = RwSignal::new(0_u32);
    let message = RwSignal::new(None::<msg::Admin>);
    let one_time = RwSignal::new(None::<OneTimePassword>);
    let detail = LocalResource::new(move || {
        refresh.track();
        async move { get_account(school, account).await }
    });
    let changed = Callback::new(move |text: msg::Admin| {
        message.set(Some(text));
        refresh.update(|n| *n += 1);
        on_change.run(());
    });
    // Set by the loaded view: reading the resource out here would suspend the whole page.
    let name = RwSignal::new(String::new());
    focus_when_shown("account-panel-title");
    view! {
        <section class="admin-panel" aria-labelledby="account-panel-title">
            <div class="panel-head">
                <h3 id="account-panel-title" tabindex="-1">
                    {move || msg::Admin::AccountTitle { name: name.get() }.text(locale.lang())}
                </h3>
                <button type="button" class="secondary small" on:click=move |_| on_close.run(())>
                    {t(msg::Admin::Close)}
                </button>
            </div>
            <Done message=message/>
            {move || one_time.get().map(|otp| view! {
                <OneTimePasswordBox id="reset-password-title" username=otp.username password=otp.password
                    on_close=Callback::new(move |()| one_time.set(None))/>
            })}
            <Transition fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
                {move || detail.get().map(|r| match r {
                    Ok(d) => {
                        name.set(full_name(&d.first_name, &d.last_name));
                        view! { <AccountView school=school detail=d changed=changed one_time=one_time/> }.into_any()
                    }
                    Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AccountView(
    school: SchoolId,
    detail: AccountDetail,
    changed: Callback<msg::Admin>,
    one_time: RwSignal<Option<OneTimePassword>>,
) -> impl IntoView {
    let locale = use_locale();
    let groups = detail.groups.clone();
    view! {
        <p class="meta">
            {t(msg::Admin::UsernameLabel)} " " <code class="username">{detail.username.clone()}</code>
            {detail.must_change_password.then(|| view! { " " <span class="badge">{t(msg::Admin::PendingPassword)}</span> })}
        </p>
        {if detail.may.account_wide {
            view! {
                <NamesForm school=school detail=detail.clone() changed=changed/>
                <ResetPassword school=school detail=detail.clone() changed=changed one_time=one_time/>
            }.into_any()
        } else {
            view! { <p class="meta" id="shared-account">{t(msg::Admin::SharedAccount)}</p> }.into_any()
        }}
        {if detail.may.in_school {
            view! { <RolesEditor school=school detail=detail.clone() changed=changed/> }.into_any()
        } else {
            view! { <p class="meta" id="shared-roles">{t(msg::Admin::SharedRoles)}</p> }.into_any()
        }}
        <h4>{t(msg::Admin::AccountGroups)}</h4>
        {if groups.is_empty() {
            view! { <p class="meta">{t(msg::Admin::None)}</p> }.into_any()
        } else {
            view! {
                <ul class="chips">
                    {groups.into_iter().map(|g| {
                        let kind = g.kind;
                        view! { <li>{move || kind_name(locale.lang(), kind)} " " <strong>{g.name}</strong></li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <LinksEditor school=school detail=detail changed=changed/>
    }
}

#[component]
fn NamesForm(
    school: SchoolId,
    detail: AccountDetail,
    changed: Callback<msg::Admin>,
) -> impl IntoView {
    let account = detail.id;
    let first_name = RwSignal::new(detail.first_name);
    let last_name = RwSignal::new(detail.last_name);
    let error = RwSignal::new(None::<AppError>);
    let save = Action::new_local(move |(first, last): &(String, String)| {
        let (first, last) = (first.clone(), last.clone());
        async move { rename_account(school, account, first, last).await }
    });
    on_result(save, error, move |()| changed.run(msg::Admin::Saved));
    view! {
        <form class="admin-subform" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            save.dispatch((first_name.get_untracked(), last_name.get_untracked()));
        } novalidate>
            <h4>{t(msg::Admin::EditNames)}</h4>
            <ErrorBanner error=error/>
            <div class="form-row">
                <TextField label=msg::Admin::FirstName id="edit-first-name" value=first_name field=Field::FirstName error=error/>
                <TextField label=msg::Admin::LastName id="edit-last-name" value=last_name field=Field::LastName error=error/>
            </div>
            <button type="submit" class="primary" disabled=move || save.pending().get()>{t(msg::Admin::Save)}</button>
        </form>
    }
}

/// Resetting asks for a confirmation first: it ends the person's sessions.
#[component]
fn ResetPassword(
    school: SchoolId,
    detail: AccountDetail,
    changed: Callback<msg::Admin>,
    one_time: RwSignal<Option<OneTimePassword>>,
) -> impl IntoView {
    let account = detail.id;
    let name = full_name(&detail.first_name, &detail.last_name);
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let reset =
        Action::new_local(move |(): &()| async move { reset_password(school, account).await });
    on_result(reset, error, move |otp| {
        confirming.set(false);
        one_time.set(Some(otp));
        changed.run(msg::Admin::ResetDone);
    });
    view! {
        <div class="admin-subform">
            <h4>{t(msg::Admin::Password)}</h4>
            <ErrorBanner error=error/>
            <Confirmed ask=msg::Admin::Reset question=msg::Admin::ResetConfirm { name }
                yes=msg::Admin::ResetConfirmYes ask_class="secondary" confirming=confirming pending=reset.pending()
                on_yes=move |()| { reset.dispatch(()); }/>
        </div>
    }
}

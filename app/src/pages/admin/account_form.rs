//! Creating an account; its one-time password is shown once.

use super::accounts::ProfileSelect;
use super::common::on_result;
use super::one_time::OneTimePasswordBox;
use crate::api::admin::{NewAccount, create_account};
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field};
use crate::i18n::msg;
use crate::i18n::{describe_problem, t, use_locale};
use domain::ids::SchoolId;
use domain::profile::Profile;
use leptos::prelude::*;

#[derive(Clone)]
struct Draft {
    first_name: String,
    last_name: String,
    profile: Profile,
    username: Option<String>,
}

#[component]
pub fn CreateAccountForm(
    school: SchoolId,
    #[prop(into)] on_created: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let first_name = RwSignal::new(String::new());
    let last_name = RwSignal::new(String::new());
    let username = RwSignal::new(String::new());
    let profile = RwSignal::new(Some(Profile::Pupil));
    let error = RwSignal::new(None::<AppError>);
    let created = RwSignal::new(None::<NewAccount>);
    let create = Action::new_local(move |d: &Draft| {
        let d = d.clone();
        async move { create_account(school, d.first_name, d.last_name, d.profile, d.username).await }
    });
    on_result(create, error, move |account| {
        for field in [first_name, last_name, username] {
            field.set(String::new());
        }
        created.set(Some(account));
        on_created.run(());
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        created.set(None);
        let chosen = username.get_untracked();
        create.dispatch(Draft {
            first_name: first_name.get_untracked(),
            last_name: last_name.get_untracked(),
            profile: profile.get_untracked().unwrap_or(Profile::Pupil),
            username: (!chosen.trim().is_empty()).then_some(chosen),
        });
    };
    let profile_problem = move || {
        error.with(|e| {
            e.as_ref()
                .and_then(|e| e.problem_for(Field::Profile))
                .map(|p| view! { <p class="field-error">{describe_problem(locale.lang(), p)}</p> })
        })
    };
    view! {
        <section class="admin-create" aria-labelledby="create-account-title">
            <h3 id="create-account-title">{t(msg::Admin::CreateAccount)}</h3>
            <form on:submit=on_submit novalidate>
                <ErrorBanner error=error/>
                <div class="form-row">
                    <TextField label=msg::Admin::FirstName id="new-first-name" value=first_name field=Field::FirstName error=error autocomplete="off"/>
                    <TextField label=msg::Admin::LastName id="new-last-name" value=last_name field=Field::LastName error=error autocomplete="off"/>
                </div>
                <div class="form-row">
                    <div class="field">
                        <label for="new-profile">{t(msg::Admin::Profile)}</label>
                        <ProfileSelect id="new-profile" value=profile/>
                        {profile_problem}
                    </div>
                    <TextField label=msg::Admin::Username id="new-username" value=username field=Field::Username error=error hint=msg::Admin::UsernameHint/>
                </div>
                <button type="submit" class="primary" disabled=move || create.pending().get()>{t(msg::Admin::Create)}</button>
            </form>
            {move || created.get().map(|account| {
                let username = account.username.to_string();
                view! {
                    <p class="success" role="status">
                        {t(msg::Admin::Created { username })}
                    </p>
                    <OneTimePasswordBox id="created-password-title" username=account.username.to_string() password=account.one_time_password
                        on_close=Callback::new(move |()| created.set(None))/>
                }
            })}
        </section>
    }
}

//! School administration: choose a school, then manage its accounts or its classes and groups.

mod account_form;
mod account_panel;
mod accounts;

mod common;
mod group_panel;
mod group_people;
mod groups;
mod links;
mod one_time;
mod picker;
mod roles;

use crate::api::admin::{AdminSchool, admin_schools};
use crate::components::error_banner::ErrorBanner;
use crate::i18n::msg;
use crate::i18n::{Message, t, use_locale};
use domain::ids::SchoolId;
use domain::lang::Lang;
use leptos::prelude::*;

/// The part of the page being worked on; both stay one click away on a narrow screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Accounts,
    Groups,
    Audit,
}

#[component]
pub fn AdminPage() -> impl IntoView {
    let schools = LocalResource::new(admin_schools);
    view! {
        <h1>{t(msg::Home::ServiceSchoolAdmin)}</h1>
        <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
            {move || schools.get().map(|r| match r {
                Ok(list) => view! { <Administration schools=list/> }.into_any(),
                Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Administration(schools: Vec<AdminSchool>) -> impl IntoView {
    let school = RwSignal::new(schools.first().map(|s| s.id));
    let part = RwSignal::new(Part::Accounts);
    let several = schools.len() > 1;
    let school_name = |s: &AdminSchool| msg::Admin::SchoolWithUai {
        name: s.name.clone(),
        uai: s.uai.clone(),
    };
    let only_name = schools.first().map(|s| t(school_name(s)));
    let part_button = move |which: Part, label: fn(Lang) -> String| {
        let locale = use_locale();
        view! {
            <button type="button" aria-pressed=move || (part.get() == which).to_string()
                on:click=move |_| part.set(which)>
                {move || label(locale.lang())}
            </button>
        }
    };
    view! {
        <div class="admin-bar card">
            {if several {
                view! {
                    <div class="field">
                        <label for="admin-school">{t(msg::Admin::School)}</label>
                        <select id="admin-school" name="admin-school"
                            on:change=move |ev| school.set(event_target_value(&ev).parse::<i64>().ok().map(SchoolId::new))>
                            {schools.into_iter().map(|s| {
                                let id = s.id;
                                view! {
                                    <option value=id.get().to_string() selected=move || school.get() == Some(id)>
                                        {t(school_name(&s))}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                }.into_any()
            } else {
                view! { <p class="admin-school-name">{only_name}</p> }.into_any()
            }}
            <div class="admin-parts" role="group" aria-label=t(msg::Admin::Parts)>
                {part_button(Part::Accounts, |l| msg::Admin::Accounts.text(l))}
                {part_button(Part::Groups, |l| msg::Admin::Groups.text(l))}
                {part_button(Part::Audit, |l| msg::Audit::Title.text(l))}
            </div>
        </div>
        // Keyed on the school: choosing another one starts every section afresh.
        {move || school.get().map(|s| match part.get() {
            Part::Accounts => view! { <accounts::AccountsSection school=s/> }.into_any(),
            Part::Groups => view! { <groups::GroupsSection school=s/> }.into_any(),
            Part::Audit => view! { <crate::pages::audit::AuditSection school=s/> }.into_any(),
        })}
    }
}

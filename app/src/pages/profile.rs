//! A person's profile, as far as the viewer may see it.

use crate::api::profile::view_profile;
use crate::components::error_banner::ErrorBanner;
use crate::i18n::msg;
use crate::i18n::{Message, full_name, profile_name, t, use_locale};
use domain::ids::AccountId;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let id = move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()));
    let data = LocalResource::new(move || {
        let id = id();
        async move {
            match id {
                Some(id) => view_profile(AccountId::new(id)).await,
                None => Err(crate::error::AppError::NotFound),
            }
        }
    });
    view! {
        <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
            {move || data.get().map(|r| match r {
                Ok(p) => view! {
                    <section class="card">
                        <h1>{full_name(&p.first_name, &p.last_name)}</h1>
                        <ul class="roles">
                            {p.roles.iter().map(|r| {
                                let profile = r.role.profile;
                                let school = r.school_name.clone();
                                view! { <li>{move || {
                                    let profile = profile_name(locale.lang(), profile);
                                    msg::Profile::RoleInSchool { profile, school: school.clone() }.text(locale.lang())
                                }}</li> }
                            }).collect_view()}
                        </ul>
                        {(!p.groups.is_empty()).then(|| view! {
                            <h2>{t(msg::Home::Groups)}</h2>
                            <ul>{p.groups.iter().map(|g| view! { <li>{g.name.clone()}</li> }).collect_view()}</ul>
                        })}
                    </section>
                }.into_any(),
                Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
            })}
        </Suspense>
    }
}

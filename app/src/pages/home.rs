//! Each profile's home: its schools, classes or children, and its services.

use crate::api::home::{Home, load_home};
use crate::components::error_banner::ErrorBanner;
use crate::i18n::{t, tr, use_locale};
use crate::shell::use_session;
use domain::services::Service;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let data = LocalResource::new(|| crate::api::retry::patiently(load_home));
    let session = use_session();
    let locale = use_locale();
    let greeting = move || {
        let name = session.info().map(|i| i.first_name).unwrap_or_default();
        tr(locale.lang(), "home-hello", &[("name", name.into())])
    };
    view! {
        <h1>{greeting}</h1>
        <Suspense fallback=move || view! { <p aria-busy="true">{t("loading")}</p> }>
            {move || data.get().map(|r| match r {
                Ok(h) => view! { <HomeView home=h/> }.into_any(),
                Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn HomeView(home: Home) -> impl IntoView {
    let locale = use_locale();
    let Home {
        schools,
        children,
        services,
    } = home;
    let has_children = !children.is_empty();
    view! {
        <div class="home-grid">
            <section class="card" aria-labelledby="my-schools">
                <h2 id="my-schools">{t("home-schools")}</h2>
                {schools.is_empty().then(|| view! { <p>{t("home-no-school")}</p> })}
                <ul class="schools">
                    {schools.into_iter().map(|s| {
                        let profiles = s.profiles.clone();
                        let kind = s.kind;
                        view! {
                            <li class="school">
                                <h3>{s.name.clone()}</h3>
                                <p class="meta">
                                    {move || tr(locale.lang(), &format!("school-kind-{}", kind.code()), &[])}
                                    " · UAI " {s.uai.clone()}
                                </p>
                                <p class="profiles">
                                    {move || profiles.iter()
                                        .map(|p| tr(locale.lang(), &format!("profile-{}", p.code()), &[]))
                                        .collect::<Vec<_>>().join(", ")}
                                </p>
                                {(!s.groups.is_empty()).then(|| view! {
                                    <ul class="groups" aria-label=t("home-groups")>
                                        {s.groups.iter().map(|g| {
                                            let kind = g.kind;
                                            let name = g.name.clone();
                                            view! { <li>{move || tr(locale.lang(), &format!("group-kind-{}", kind.code()), &[])} " " <strong>{name}</strong></li> }
                                        }).collect_view()}
                                    </ul>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
            {has_children.then(|| view! {
                <section class="card" aria-labelledby="my-children">
                    <h2 id="my-children">{t("home-children")}</h2>
                    <ul class="children">
                        {children.into_iter().map(|c| view! {
                            <li>
                                <a href=format!("/profile/{}", c.id)>{format!("{} {}", c.first_name, c.last_name)}</a>
                                <span class="meta">{c.school} {c.class.map(|k| format!(" · {k}"))}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <nav class="card" aria-labelledby="my-services">
                <h2 id="my-services">{t("home-services")}</h2>
                <ul class="services">
                    {services.into_iter().map(|s| {
                        let (href, key) = service_link(s);
                        view! { <li><a href=href>{t(key)}</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
        </div>
    }
}

fn service_link(service: Service) -> (&'static str, &'static str) {
    match service {
        Service::SchoolAdministration => ("/admin", "service-school-admin"),
        Service::PlatformAdministration => ("/platform", "service-platform-admin"),
        Service::MyAccount => ("/account", "service-my-account"),
        Service::Charter => ("/charter", "service-charter"),
    }
}

//! Each profile's home: its schools, classes or children, and its services.

use crate::api::home::{Home, load_home};
use crate::components::error_banner::ErrorBanner;
use crate::i18n::msg;
use crate::i18n::{Message, group_kind_name, profile_name, school_kind_name, t, use_locale};
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
        msg::Home::Hello { name }.text(locale.lang())
    };
    view! {
        <h1>{greeting}</h1>
        <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
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
    let pupil = schools
        .iter()
        .any(|s| s.profiles.contains(&domain::profile::Profile::Pupil));
    view! {
        <div class="home-grid">
            {pupil.then(|| view! { <crate::pages::sequences::ToFinishOnHome/> })}
            <section class="card" aria-labelledby="my-schools">
                <h2 id="my-schools">{t(msg::Home::Schools)}</h2>
                {schools.is_empty().then(|| view! { <p>{t(msg::Home::NoSchool)}</p> })}
                <ul class="schools">
                    {schools.into_iter().map(|s| {
                        let profiles = s.profiles.clone();
                        let kind = s.kind;
                        view! {
                            <li class="school">
                                <h3>{s.name.clone()}</h3>
                                <p class="meta">{
                                    let uai = s.uai.clone();
                                    move || {
                                        let kind = school_kind_name(locale.lang(), kind);
                                        msg::Home::SchoolMeta { kind, uai: uai.clone() }.text(locale.lang())
                                    }
                                }</p>
                                <p class="profiles">
                                    {move || {
                                        let names: Vec<String> = profiles.iter()
                                            .map(|p| profile_name(locale.lang(), *p))
                                            .collect();
                                        domain::locale::list(locale.lang(), &names)
                                    }}
                                </p>
                                {(!s.groups.is_empty()).then(|| view! {
                                    <ul class="groups" aria-label=t(msg::Home::Groups)>
                                        {s.groups.iter().map(|g| {
                                            let kind = g.kind;
                                            let name = g.name.clone();
                                            view! { <li>{move || group_kind_name(locale.lang(), kind)} " " <strong>{name}</strong></li> }
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
                    <h2 id="my-children">{t(msg::Home::Children)}</h2>
                    <ul class="children">
                        {children.into_iter().map(|c| view! {
                            <li>
                                <a href=format!("/profile/{}", c.id)>{format!("{} {}", c.first_name, c.last_name)}</a>
                                <span class="meta">{
                                    let (school, class) = (c.school.clone(), c.class.clone());
                                    move || match class.clone() {
                                        Some(class) => msg::Home::ChildPlace { school: school.clone(), class }.text(locale.lang()),
                                        None => school.clone(),
                                    }
                                }</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <nav class="card" aria-labelledby="my-services">
                <h2 id="my-services">{t(msg::Home::Services)}</h2>
                <ul class="services">
                    {services.into_iter().map(|s| {
                        let (href, label) = service_link(s);
                        view! { <li><a href=href>{t(label)}</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
        </div>
    }
}

fn service_link(service: Service) -> (&'static str, msg::Home) {
    match service {
        Service::SchoolAdministration => ("/admin", msg::Home::ServiceSchoolAdmin),
        Service::PlatformAdministration => ("/platform", msg::Home::ServicePlatformAdmin),
        Service::MyAccount => ("/account", msg::Home::ServiceMyAccount),
        Service::Charter => ("/charter", msg::Home::ServiceCharter),
        Service::Exercises => ("/exercises", msg::Home::ServiceExercises),
        Service::Sequences => ("/sequences", msg::Home::ServiceSequences),
        Service::Timetable => ("/timetable", msg::Home::ServiceTimetable),
    }
}

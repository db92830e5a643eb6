//! The establishments of the instance, and creating one.

use crate::api::platform::{create_school, list_schools};
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field};
use crate::i18n::msg;
use crate::i18n::{describe_problem, school_kind_name, t, use_locale};
use domain::school::SchoolKind;
use leptos::prelude::*;

#[component]
pub fn Schools() -> impl IntoView {
    let locale = use_locale();
    let schools = LocalResource::new(list_schools);
    let uai = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(SchoolKind::College.code().to_owned());
    let error = RwSignal::new(None::<AppError>);
    let created = RwSignal::new(None::<String>);
    let create = Action::new_local(move |(u, n, k): &(String, String, String)| {
        let (u, n, k) = (u.clone(), n.clone(), k.clone());
        async move { create_school(u, n, k).await }
    });
    Effect::new(move |_| match create.value().get() {
        Some(Ok(_)) => {
            error.set(None);
            created.set(Some(name.get_untracked()));
            uai.set(String::new());
            name.set(String::new());
            schools.refetch();
        }
        Some(Err(e)) => {
            created.set(None);
            error.set(Some(e));
        }
        None => {}
    });
    let kind_problem = move || {
        error.with(|e| {
            e.as_ref()
                .and_then(|e| e.problem_for(Field::Kind))
                .map(|p| view! { <p class="field-error">{describe_problem(locale.lang(), p)}</p> })
        })
    };
    view! {
        <section class="card" aria-labelledby="schools-title">
            <h2 id="schools-title">{t(msg::Platform::Schools)}</h2>
            <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
                {move || schools.get().map(|r| match r {
                    Ok(rows) => view! {
                        <div class="table-scroll">
                            <table class="schools-table">
                                <thead><tr>
                                    <th scope="col">{t(msg::Platform::SchoolName)}</th>
                                    <th scope="col">"UAI"</th>
                                    <th scope="col">{t(msg::Platform::SchoolKind)}</th>
                                    <th scope="col">{t(msg::Platform::SchoolPeople)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|s| {
                                        let kind = s.kind;
                                        view! { <tr>
                                            <td>{s.name}</td>
                                            <td>{s.uai}</td>
                                            <td>{move || school_kind_name(locale.lang(), kind)}</td>
                                            <td>{move || domain::locale::number(locale.lang(), s.people)}</td>
                                        </tr> }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                    Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                })}
            </Suspense>
            <h3>{t(msg::Platform::SchoolNew)}</h3>
            <form on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                create.dispatch((uai.get_untracked(), name.get_untracked(), kind.get_untracked()));
            }>
                <ErrorBanner error=error/>
                <TextField label=msg::Platform::SchoolUai id="school-uai" value=uai field=Field::Uai error=error hint=msg::Platform::SchoolUaiHint/>
                <TextField label=msg::Platform::SchoolName id="school-name" value=name field=Field::Name error=error/>
                <div class="field">
                    <label for="school-kind">{t(msg::Platform::SchoolKind)}</label>
                    <select id="school-kind" prop:value=move || kind.get()
                        on:change=move |ev| kind.set(event_target_value(&ev))>
                        {SchoolKind::ALL.into_iter().map(|k| view! {
                            <option value=k.code()>{move || school_kind_name(locale.lang(), k)}</option>
                        }).collect_view()}
                    </select>
                    {kind_problem}
                </div>
                <button type="submit" class="primary" disabled=move || create.pending().get()>{t(msg::Platform::SchoolCreate)}</button>
                {move || created.get().map(|n| view! {
                    <p class="success" role="status">{t(msg::Platform::SchoolCreated { name: n })}</p>
                })}
            </form>
        </section>
    }
}

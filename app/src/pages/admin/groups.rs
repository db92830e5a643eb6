//! Classes and groups of the current year: table, creation, and the selected one.

use super::common::{Done, kind_name, on_result};
use super::group_panel::GroupPanel;
use crate::api::admin::{GroupSummary, create_group, list_groups};
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field};
use crate::i18n::msg;
use crate::i18n::{Message, t, use_locale};
use domain::ids::{GroupId, SchoolId};
use domain::school::GroupKind;
use leptos::prelude::*;

#[component]
pub fn GroupsSection(school: SchoolId) -> impl IntoView {
    let refresh = RwSignal::new(0_u32);
    let selected = RwSignal::new(None::<GroupId>);
    let message = RwSignal::new(None::<msg::Admin>);
    let groups = LocalResource::new(move || {
        refresh.track();
        async move { list_groups(school).await }
    });
    let bump = move || refresh.update(|n| *n += 1);
    view! {
        <section class="card admin-section" aria-labelledby="groups-title">
            <h2 id="groups-title">{t(msg::Admin::Groups)}</h2>
            <Done message=message/>
            <Transition fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
                {move || groups.get().map(|r| match r {
                    Ok(list) => view! { <GroupTable groups=list selected=selected/> }.into_any(),
                    Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                })}
            </Transition>
            {move || selected.get().map(|group| view! {
                <GroupPanel group=group school=school
                    on_change=Callback::new(move |()| bump())
                    on_deleted=Callback::new(move |text: msg::Admin| {
                        selected.set(None);
                        message.set(Some(text));
                        bump();
                    })
                    on_close=Callback::new(move |()| selected.set(None))/>
            })}
            <CreateGroupForm school=school on_created=Callback::new(move |text: msg::Admin| {
                message.set(Some(text));
                bump();
            })/>
        </section>
    }
}

#[component]
fn GroupTable(groups: Vec<GroupSummary>, selected: RwSignal<Option<GroupId>>) -> impl IntoView {
    let locale = use_locale();
    if groups.is_empty() {
        return view! { <p>{t(msg::Admin::NoGroup)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="admin-table" role="table">
                <caption>{t(msg::Admin::GroupsCaption)}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th role="columnheader" scope="col">{t(msg::Admin::GroupName)}</th>
                        <th role="columnheader" scope="col">{t(msg::Admin::GroupKind)}</th>
                        <th role="columnheader" scope="col" class="number">{t(msg::Admin::ColMembers)}</th>
                        <th role="columnheader" scope="col" class="number">{t(msg::Admin::ColTeachers)}</th>
                        <th role="columnheader" scope="col"><span class="visually-hidden">{t(msg::Admin::ColActions)}</span></th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {groups.into_iter().map(|g| {
                        let id = g.id;
                        let kind = g.kind;
                        let name = g.name.clone();
                        view! {
                            <tr role="row" aria-current=move || (selected.get() == Some(id)).then_some("true")>
                                <th role="rowheader" scope="row">{g.name}</th>
                                <td role="cell" data-label=t(msg::Admin::GroupKind)>{move || kind_name(locale.lang(), kind)}</td>
                                <td role="cell" class="number" data-label=t(msg::Admin::ColMembers)>{g.members}</td>
                                <td role="cell" class="number" data-label=t(msg::Admin::ColTeachers)>{g.teachers}</td>
                                <td role="cell" class="actions">
                                    <button type="button" class="secondary small"
                                        aria-label=move || msg::Admin::ManageGroup { name: name.clone() }.text(locale.lang())
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
    }
    .into_any()
}

#[component]
fn CreateGroupForm(
    school: SchoolId,
    #[prop(into)] on_created: Callback<msg::Admin>,
) -> impl IntoView {
    let locale = use_locale();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(GroupKind::Class);
    let error = RwSignal::new(None::<AppError>);
    let create = Action::new_local(move |(kind, name): &(GroupKind, String)| {
        let (kind, name) = (*kind, name.clone());
        async move { create_group(school, kind, name).await }
    });
    on_result(create, error, move |_| {
        let text = msg::Admin::GroupCreated {
            name: name.get_untracked().trim().to_owned(),
        };
        name.set(String::new());
        on_created.run(text);
    });
    view! {
        <section class="admin-create" aria-labelledby="create-group-title">
            <h3 id="create-group-title">{t(msg::Admin::CreateGroup)}</h3>
            <form on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                create.dispatch((kind.get_untracked(), name.get_untracked()));
            } novalidate>
                <ErrorBanner error=error/>
                <div class="form-row">
                    <div class="field">
                        <label for="new-group-kind">{t(msg::Admin::GroupKind)}</label>
                        <select id="new-group-kind" name="new-group-kind"
                            on:change=move |ev| kind.set(event_target_value(&ev).parse().unwrap_or(GroupKind::Class))>
                            {GroupKind::ALL.into_iter().map(|k| view! {
                                <option value=k.code() selected=move || kind.get() == k>
                                    {move || kind_name(locale.lang(), k)}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                    <TextField label=msg::Admin::GroupName id="new-group-name" value=name field=Field::Name error=error/>
                </div>
                <button type="submit" class="primary" disabled=move || create.pending().get()>{t(msg::Admin::GroupCreate)}</button>
            </form>
        </section>
    }
}

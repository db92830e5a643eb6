//! Classes and groups of the current year: table, creation, and the selected one.

use super::common::{Done, Message, about, kind_name, on_result};
use super::group_panel::GroupPanel;
use crate::api::admin::{GroupSummary, create_group, list_groups};
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field};
use crate::i18n::{t, use_locale};
use domain::ids::{GroupId, SchoolId};
use domain::school::GroupKind;
use leptos::prelude::*;

#[component]
pub fn GroupsSection(school: SchoolId) -> impl IntoView {
    let refresh = RwSignal::new(0_u32);
    let selected = RwSignal::new(None::<GroupId>);
    let message = RwSignal::new(None::<Message>);
    let groups = LocalResource::new(move || {
        refresh.track();
        async move { list_groups(school).await }
    });
    let bump = move || refresh.update(|n| *n += 1);
    view! {
        <section class="card admin-section" aria-labelledby="groups-title">
            <h2 id="groups-title">{t("admin-groups")}</h2>
            <Done message=message/>
            <Transition fallback=move || view! { <p aria-busy="true">{t("loading")}</p> }>
                {move || groups.get().map(|r| match r {
                    Ok(list) => view! { <GroupTable groups=list selected=selected/> }.into_any(),
                    Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                })}
            </Transition>
            {move || selected.get().map(|group| view! {
                <GroupPanel group=group school=school
                    on_change=Callback::new(move |()| bump())
                    on_deleted=Callback::new(move |text: Message| {
                        selected.set(None);
                        message.set(Some(text));
                        bump();
                    })
                    on_close=Callback::new(move |()| selected.set(None))/>
            })}
            <CreateGroupForm school=school on_created=Callback::new(move |text: Message| {
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
        return view! { <p>{t("admin-no-group")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="admin-table" role="table">
                <caption>{t("admin-groups-caption")}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th role="columnheader" scope="col">{t("admin-group-name")}</th>
                        <th role="columnheader" scope="col">{t("admin-group-kind")}</th>
                        <th role="columnheader" scope="col" class="number">{t("admin-col-members")}</th>
                        <th role="columnheader" scope="col" class="number">{t("admin-col-teachers")}</th>
                        <th role="columnheader" scope="col"><span class="visually-hidden">{t("admin-col-actions")}</span></th>
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
                                <td role="cell" data-label=t("admin-group-kind")>{move || kind_name(locale.lang(), kind)}</td>
                                <td role="cell" class="number" data-label=t("admin-col-members")>{g.members}</td>
                                <td role="cell" class="number" data-label=t("admin-col-teachers")>{g.teachers}</td>
                                <td role="cell" class="actions">
                                    <button type="button" class="secondary small"
                                        aria-label=move || about(locale.lang(), "admin-manage-group", &name)
                                        on:click=move |_| selected.set(Some(id))>
                                        {t("admin-manage")}
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
fn CreateGroupForm(school: SchoolId, #[prop(into)] on_created: Callback<Message>) -> impl IntoView {
    let locale = use_locale();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(GroupKind::Class);
    let error = RwSignal::new(None::<AppError>);
    let create = Action::new_local(move |(kind, name): &(GroupKind, String)| {
        let (kind, name) = (*kind, name.clone());
        async move { create_group(school, kind, name).await }
    });
    on_result(create, error, move |_| {
        let text = Message::about("admin-group-created", name.get_untracked().trim());
        name.set(String::new());
        on_created.run(text);
    });
    view! {
        <section class="admin-create" aria-labelledby="create-group-title">
            <h3 id="create-group-title">{t("admin-create-group")}</h3>
            <form on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                create.dispatch((kind.get_untracked(), name.get_untracked()));
            } novalidate>
                <ErrorBanner error=error/>
                <div class="form-row">
                    <div class="field">
                        <label for="new-group-kind">{t("admin-group-kind")}</label>
                        <select id="new-group-kind" name="new-group-kind"
                            on:change=move |ev| kind.set(event_target_value(&ev).parse().unwrap_or(GroupKind::Class))>
                            {GroupKind::ALL.into_iter().map(|k| view! {
                                <option value=k.code() selected=move || kind.get() == k>
                                    {move || kind_name(locale.lang(), k)}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                    <TextField label="admin-group-name" id="new-group-name" value=name field=Field::Name error=error/>
                </div>
                <button type="submit" class="primary" disabled=move || create.pending().get()>{t("admin-group-create")}</button>
            </form>
        </section>
    }
}

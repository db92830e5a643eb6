//! One class or group: its name, its deletion, its pupils and teachers.

use super::common::{Confirmed, Done, Message, focus_when_shown, kind_name, on_result};
use super::group_people::{Members, Teachers};
use crate::api::admin::{GroupDetail, delete_group, get_group, rename_group};
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field};
use crate::i18n::{t, use_locale};
use domain::ids::{GroupId, SchoolId};
use domain::school::GroupKind;
use leptos::prelude::*;

#[component]
pub fn GroupPanel(
    group: GroupId,
    school: SchoolId,
    #[prop(into)] on_change: Callback<()>,
    /// Called with the message to show once the group is gone.
    #[prop(into)]
    on_deleted: Callback<Message>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let refresh = RwSignal::new(0_u32);
    let message = RwSignal::new(None::<Message>);
    let detail = LocalResource::new(move || {
        refresh.track();
        async move { get_group(group).await }
    });
    let changed = Callback::new(move |text: Message| {
        message.set(Some(text));
        refresh.update(|n| *n += 1);
        on_change.run(());
    });
    // Set by the loaded view: reading the resource out here would suspend the whole page.
    let loaded = RwSignal::new(None::<(GroupKind, String)>);
    let title = move || {
        loaded
            .get()
            .map(|(kind, name)| format!("{} {name}", kind_name(locale.lang(), kind)))
    };
    focus_when_shown("group-panel-title");
    view! {
        <section class="admin-panel" aria-labelledby="group-panel-title">
            <div class="panel-head">
                <h3 id="group-panel-title" tabindex="-1">{title}</h3>
                <button type="button" class="secondary small" on:click=move |_| on_close.run(())>
                    {t("admin-close")}
                </button>
            </div>
            <Done message=message/>
            <Transition fallback=move || view! { <p aria-busy="true">{t("loading")}</p> }>
                {move || detail.get().map(|r| match r {
                    Ok(d) => {
                        loaded.set(Some((d.kind, d.name.clone())));
                        view! {
                        <RenameForm detail=d.clone() changed=changed/>
                        <Members school=school detail=d.clone() changed=changed/>
                        <Teachers school=school detail=d.clone() changed=changed/>
                        <DeleteGroup detail=d on_deleted=on_deleted/>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn RenameForm(detail: GroupDetail, changed: Callback<Message>) -> impl IntoView {
    let group = detail.id;
    let name = RwSignal::new(detail.name);
    let error = RwSignal::new(None::<AppError>);
    let rename = Action::new_local(move |name: &String| {
        let name = name.clone();
        async move { rename_group(group, name).await }
    });
    on_result(rename, error, move |()| {
        changed.run(Message::new("admin-saved"))
    });
    view! {
        <form class="admin-subform inline-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            rename.dispatch(name.get_untracked());
        } novalidate>
            <ErrorBanner error=error/>
            <TextField label="admin-rename-label" id="rename-group" value=name field=Field::Name error=error/>
            <button type="submit" class="secondary" disabled=move || rename.pending().get()>{t("admin-rename")}</button>
        </form>
    }
}

/// Deleting asks for a confirmation first, naming what goes and what stays.
#[component]
fn DeleteGroup(detail: GroupDetail, on_deleted: Callback<Message>) -> impl IntoView {
    let group = detail.id;
    let name = detail.name;
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let delete = Action::new_local(move |(): &()| async move { delete_group(group).await });
    let deleted_name = name.clone();
    on_result(delete, error, move |()| {
        on_deleted.run(Message::about("admin-deleted", deleted_name.clone()));
    });
    view! {
        <div class="admin-subform danger-zone">
            <ErrorBanner error=error/>
            <Confirmed ask="admin-delete-group" question="admin-delete-confirm" yes="admin-delete-confirm-yes"
                ask_class="danger" name=name confirming=confirming pending=delete.pending()
                on_yes=move |()| { delete.dispatch(()); }/>
        </div>
    }
}

//! One class or group: its name, its deletion, its pupils and teachers.

use super::common::{Confirmed, Done, focus_when_shown, kind_name, on_result};
use super::group_people::{Members, Teachers};
use crate::api::admin::{GroupDetail, delete_group, get_group, rename_group};
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::error::{AppError, Field};
use crate::i18n::msg;
use crate::i18n::{Message, t, use_locale};
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
    on_deleted: Callback<msg::Admin>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let refresh = RwSignal::new(0_u32);
    let message = RwSignal::new(None::<msg::Admin>);
    let detail = LocalResource::new(move || {
        refresh.track();
        async move { get_group(group).await }
    });
    let changed = Callback::new(move |text: msg::Admin| {
        message.set(Some(text));
        refresh.update(|n| *n += 1);
        on_change.run(());
    });
    // Set by the loaded view: reading the resource out here would suspend the whole page.
    let loaded = RwSignal::new(None::<(GroupKind, String)>);
    let title = move || {
        loaded.get().map(|(kind, name)| {
            msg::Admin::GroupTitle {
                kind: kind_name(locale.lang(), kind),
                name,
            }
            .text(locale.lang())
        })
    };
    focus_when_shown("group-panel-title");
    view! {
        <section class="admin-panel" aria-labelledby="group-panel-title">
            <div class="panel-head">
                <h3 id="group-panel-title" tabindex="-1">{title}</h3>
                <button type="button" class="secondary small" on:click=move |_| on_close.run(())>
                    {t(msg::Admin::Close)}
                </button>
            </div>
            <Done message=message/>
            <Transition fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
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
fn RenameForm(detail: GroupDetail, changed: Callback<msg::Admin>) -> impl IntoView {
    let group = detail.id;
    let name = RwSignal::new(detail.name);
    let error = RwSignal::new(None::<AppError>);
    let rename = Action::new_local(move |name: &String| {
        let name = name.clone();
        async move { rename_group(group, name).await }
    });
    on_result(rename, error, move |()| changed.run(msg::Admin::Saved));
    view! {
        <form class="admin-subform inline-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            rename.dispatch(name.get_untracked());
        } novalidate>
            <ErrorBanner error=error/>
            <TextField label=msg::Admin::RenameLabel id="rename-group" value=name field=Field::Name error=error/>
            <button type="submit" class="secondary" disabled=move || rename.pending().get()>{t(msg::Admin::Rename)}</button>
        </form>
    }
}

/// Deleting asks for a confirmation first, naming what goes and what stays.
#[component]
fn DeleteGroup(detail: GroupDetail, on_deleted: Callback<msg::Admin>) -> impl IntoView {
    let group = detail.id;
    let name = detail.name;
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let delete = Action::new_local(move |(): &()| async move { delete_group(group).await });
    let deleted_name = name.clone();
    on_result(delete, error, move |()| {
        on_deleted.run(msg::Admin::Deleted {
            name: deleted_name.clone(),
        });
    });
    view! {
        <div class="admin-subform danger-zone">
            <ErrorBanner error=error/>
            <Confirmed ask=msg::Admin::DeleteGroup question=msg::Admin::DeleteConfirm { name }
                yes=msg::Admin::DeleteConfirmYes ask_class="danger" confirming=confirming pending=delete.pending()
                on_yes=move |()| { delete.dispatch(()); }/>
        </div>
    }
}

//! Parent–child links of an account: a pupil's parents, a parent's children.

use super::common::{full_name, on_result};
use super::picker::PersonPicker;
use crate::api::admin::{AccountDetail, AccountRow, link_parent, unlink_parent};
use crate::api::profile::PersonRef;
use crate::components::error_banner::ErrorBanner;
use crate::error::AppError;
use crate::i18n::msg;
use crate::i18n::{Message, t, use_locale};
use domain::ids::{AccountId, SchoolId};
use domain::profile::Profile;
use leptos::prelude::*;

/// Which side of the links the account is on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// The account is the child: the list shows its parents.
    Child,
    /// The account is the parent: the list shows its children.
    Parent,
}

#[component]
pub fn LinksEditor(
    school: SchoolId,
    detail: AccountDetail,
    changed: Callback<msg::Admin>,
) -> impl IntoView {
    let is_pupil = detail.profiles.contains(&Profile::Pupil);
    let is_parent = detail.profiles.contains(&Profile::Parent);
    view! {
        {(is_pupil || !detail.parents.is_empty()).then(|| view! {
            <LinkList school=school account=detail.id side=Side::Child people=detail.parents.clone()
                can_add=is_pupil changed=changed/>
        })}
        {(is_parent || !detail.children.is_empty()).then(|| view! {
            <LinkList school=school account=detail.id side=Side::Parent people=detail.children.clone()
                can_add=is_parent changed=changed/>
        })}
    }
}

#[component]
fn LinkList(
    school: SchoolId,
    account: AccountId,
    side: Side,
    people: Vec<PersonRef>,
    can_add: bool,
    changed: Callback<msg::Admin>,
) -> impl IntoView {
    let locale = use_locale();
    let error = RwSignal::new(None::<AppError>);
    // The pair (parent, child) for a person on the other side of the link.
    let pair = move |other: AccountId| match side {
        Side::Child => (other, account),
        Side::Parent => (account, other),
    };
    let link = Action::new_local(move |(parent, child): &(AccountId, AccountId)| {
        let (parent, child) = (*parent, *child);
        async move { link_parent(school, parent, child).await }
    });
    let unlink = Action::new_local(move |(parent, child): &(AccountId, AccountId)| {
        let (parent, child) = (*parent, *child);
        async move { unlink_parent(school, parent, child).await }
    });
    on_result(link, error, move |()| changed.run(msg::Admin::Linked));
    on_result(unlink, error, move |()| changed.run(msg::Admin::Unlinked));
    let (title, title_id, picker_label, picker_id, other_profile) = match side {
        Side::Child => (
            msg::Admin::Parents,
            "parents-title",
            msg::Admin::LinkParent,
            "link-parent",
            Profile::Parent,
        ),
        Side::Parent => (
            msg::Admin::Children,
            "children-title",
            msg::Admin::LinkChild,
            "link-child",
            Profile::Pupil,
        ),
    };
    let empty = people.is_empty();
    view! {
        <div class="admin-subform">
            <h4 id=title_id>{t(title)}</h4>
            <ErrorBanner error=error/>
            {empty.then(|| view! { <p class="meta">{t(msg::Admin::None)}</p> })}
            <ul class="people" aria-labelledby=title_id>
                {people.into_iter().map(|p| {
                    let name = full_name(&p.first_name, &p.last_name);
                    let label = name.clone();
                    view! {
                        <li>
                            <span>{name}</span>
                            <button type="button" class="link-button"
                                aria-label=move || msg::Admin::UnlinkPerson { name: label.clone() }.text(locale.lang())
                                on:click=move |_| { unlink.dispatch(pair(p.id)); }>
                                {t(msg::Admin::Unlink)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {can_add.then(|| view! {
                <PersonPicker school=school profile=other_profile label=picker_label id=picker_id
                    on_pick=Callback::new(move |row: AccountRow| { link.dispatch(pair(row.id)); })/>
            })}
        </div>
    }
}

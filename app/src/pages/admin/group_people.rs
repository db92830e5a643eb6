//! The pupils and the teachers of a class or group.

use super::common::{full_name, on_result};
use super::picker::PersonPicker;
use crate::api::admin::{
    AccountRow, GroupDetail, add_member, assign_teacher, list_subjects, remove_member,
    unassign_teacher,
};
use crate::components::error_banner::ErrorBanner;
use crate::error::{AppError, Field};
use crate::i18n::msg;
use crate::i18n::{Message, describe_problem, t, use_locale};
use domain::ids::{AccountId, SchoolId, SubjectId};
use domain::profile::Profile;
use leptos::prelude::*;

/// The problem with `field` in `error`, shown under the control that feeds it.
fn field_problem(error: RwSignal<Option<AppError>>, field: Field) -> impl IntoView {
    let locale = use_locale();
    move || {
        error.with(|e| {
            e.as_ref()
                .and_then(|e| e.problem_for(field))
                .map(|p| view! { <p class="field-error">{describe_problem(locale.lang(), p)}</p> })
        })
    }
}

#[component]
pub fn Members(
    school: SchoolId,
    detail: GroupDetail,
    changed: Callback<msg::Admin>,
) -> impl IntoView {
    let locale = use_locale();
    let group = detail.id;
    let error = RwSignal::new(None::<AppError>);
    let adding = RwSignal::new(String::new());
    let add = Action::new_local(move |account: &AccountId| {
        let account = *account;
        async move { add_member(group, account).await }
    });
    let remove = Action::new_local(move |account: &AccountId| {
        let account = *account;
        async move { remove_member(group, account).await }
    });
    let removing = RwSignal::new(String::new());
    on_result(add, error, move |left: Vec<String>| {
        let name = adding.get_untracked();
        changed.run(if left.is_empty() {
            msg::Admin::MemberAdded { name }
        } else {
            let left = domain::locale::list(locale.lang(), &left);
            msg::Admin::MemberMoved { name, left }
        });
    });
    on_result(remove, error, move |()| {
        changed.run(msg::Admin::Removed {
            name: removing.get_untracked(),
        });
    });
    let empty = detail.members.is_empty();
    view! {
        <div class="admin-subform">
            <h4 id="members-title">{t(msg::Admin::Members)}</h4>
            <ErrorBanner error=error/>
            {field_problem(error, Field::Member)}
            {empty.then(|| view! { <p class="meta">{t(msg::Admin::None)}</p> })}
            <ul class="people" aria-labelledby="members-title">
                {detail.members.into_iter().map(|p| {
                    let name = full_name(&p.first_name, &p.last_name);
                    let label = name.clone();
                    let for_message = name.clone();
                    view! {
                        <li>
                            <span>{name}</span>
                            <button type="button" class="link-button"
                                aria-label=move || msg::Admin::RemovePerson { name: label.clone() }.text(locale.lang())
                                on:click=move |_| {
                                    removing.set(for_message.clone());
                                    remove.dispatch(p.id);
                                }>
                                {t(msg::Admin::Remove)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <PersonPicker school=school profile=Profile::Pupil label=msg::Admin::AddMember id="add-member"
                on_pick=Callback::new(move |row: AccountRow| {
                    adding.set(full_name(&row.first_name, &row.last_name));
                    add.dispatch(row.id);
                })/>
        </div>
    }
}

#[component]
pub fn Teachers(
    school: SchoolId,
    detail: GroupDetail,
    changed: Callback<msg::Admin>,
) -> impl IntoView {
    let locale = use_locale();
    let group = detail.id;
    let error = RwSignal::new(None::<AppError>);
    let subjects = LocalResource::new(move || list_subjects(school));
    let subject = RwSignal::new(None::<SubjectId>);
    let adding = RwSignal::new(String::new());
    let removing = RwSignal::new(String::new());
    let assign = Action::new_local(move |(account, subject): &(AccountId, Option<SubjectId>)| {
        let (account, subject) = (*account, *subject);
        async move { assign_teacher(group, account, subject).await }
    });
    let unassign = Action::new_local(move |account: &AccountId| {
        let account = *account;
        async move { unassign_teacher(group, account).await }
    });
    on_result(assign, error, move |()| {
        changed.run(msg::Admin::TeacherAdded {
            name: adding.get_untracked(),
        });
    });
    on_result(unassign, error, move |()| {
        changed.run(msg::Admin::TeacherRemoved {
            name: removing.get_untracked(),
        });
    });
    let empty = detail.teachers.is_empty();
    view! {
        <div class="admin-subform">
            <h4 id="teachers-title">{t(msg::Admin::Teachers)}</h4>
            <ErrorBanner error=error/>
            {field_problem(error, Field::Teacher)}
            {empty.then(|| view! { <p class="meta">{t(msg::Admin::None)}</p> })}
            <ul class="people" aria-labelledby="teachers-title">
                {detail.teachers.into_iter().map(|teacher| {
                    let name = full_name(&teacher.first_name, &teacher.last_name);
                    let label = name.clone();
                    let for_message = name.clone();
                    let id = teacher.id;
                    view! {
                        <li>
                            <span>{name}</span>
                            {teacher.subject.map(|s| view! { <span class="meta">{move || s.name.in_lang(locale.lang()).to_owned()}</span> })}
                            <button type="button" class="link-button"
                                aria-label=move || msg::Admin::RemovePerson { name: label.clone() }.text(locale.lang())
                                on:click=move |_| {
                                    removing.set(for_message.clone());
                                    unassign.dispatch(id);
                                }>
                                {t(msg::Admin::Remove)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="field">
                <label for="teacher-subject">{t(msg::Admin::Subject)}</label>
                <select id="teacher-subject" name="teacher-subject"
                    on:change=move |ev| subject.set(event_target_value(&ev).parse::<i64>().ok().map(SubjectId::new))>
                    <option value="">{t(msg::Admin::SubjectNone)}</option>
                    {move || subjects.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|s| {
                        let id = s.id;
                        let name = s.name.in_lang(locale.lang()).to_owned();
                        view! { <option value=id.get().to_string() selected=move || subject.get() == Some(id)>{name}</option> }
                    }).collect_view()}
                </select>
                {field_problem(error, Field::Subject)}
            </div>
            <PersonPicker school=school profile=Profile::Teacher label=msg::Admin::AddTeacher id="add-teacher"
                on_pick=Callback::new(move |row: AccountRow| {
                    adding.set(full_name(&row.first_name, &row.last_name));
                    assign.dispatch((row.id, subject.get_untracked()));
                })/>
        </div>
    }
}

//! Classes and teaching groups of the current school year, their pupils and teachers.

use crate::api::profile::PersonRef;
use crate::error::AppError;
use domain::ids::{AccountId, GroupId, SchoolId, SubjectId};
use domain::school::GroupKind;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::guard,
    crate::error::{Field, Problem},
    crate::ports::StoreError,
    domain::audit::AuditKind,
    domain::school::{Label, Place},
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSummary {
    pub id: GroupId,
    pub name: String,
    pub kind: GroupKind,
    pub members: u32,
    pub teachers: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDetail {
    pub id: GroupId,
    pub school: SchoolId,
    pub name: String,
    pub kind: GroupKind,
    /// Pupils, by last name.
    pub members: Vec<PersonRef>,
    pub teachers: Vec<TeacherRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeacherRef {
    pub id: AccountId,
    pub first_name: String,
    pub last_name: String,
    pub subject: Option<SubjectRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectRef {
    pub id: SubjectId,
    pub name: domain::lang::Bilingual,
}

/// A class or group name, or the problem to show next to the name field.
#[cfg(feature = "ssr")]
fn label(name: String) -> Result<Label, AppError> {
    Label::try_from(name).map_err(|e| AppError::field(Field::Name, Problem::School(e)))
}

/// A uniqueness conflict on a group name is the admin's to fix, not a server failure.
#[cfg(feature = "ssr")]
fn name_taken(e: StoreError) -> AppError {
    match e {
        StoreError::Conflict => AppError::field(Field::Name, Problem::NameTaken),
        other => other.into(),
    }
}

#[server(endpoint = "admin/groups/list", input = Json)]
pub async fn list_groups(school: SchoolId) -> Result<Vec<GroupSummary>, AppError> {
    let me = guard::school_admin("admin/groups/list", school).await?;
    Ok(me.ctx.store.groups(school, me.ctx.school_year()).await?)
}

#[server(endpoint = "admin/groups/get", input = Json)]
pub async fn get_group(group: GroupId) -> Result<GroupDetail, AppError> {
    let (me, _) = guard::group_admin("admin/groups/get", group).await?;
    me.ctx
        .store
        .group_detail(group)
        .await?
        .ok_or(AppError::NotFound)
}

/// Creates a class or group in the current school year.
#[server(endpoint = "admin/groups/create", input = Json)]
pub async fn create_group(
    school: SchoolId,
    kind: GroupKind,
    name: String,
) -> Result<GroupId, AppError> {
    let me = guard::school_admin("admin/groups/create", school).await?;
    let name = label(name)?;
    let year = me.ctx.store.school_year(me.ctx.school_year()).await?;
    let id = me
        .ctx
        .store
        .create_group(school, year, kind, &name)
        .await
        .map_err(name_taken)?;
    let detail = format!("{} {id} created: {}", kind.code(), name.as_str());
    me.audit(AuditKind::GroupChanged, Some(school), &detail)
        .await;
    Ok(id)
}

#[server(endpoint = "admin/groups/rename", input = Json)]
pub async fn rename_group(group: GroupId, name: String) -> Result<(), AppError> {
    let (me, facts) = guard::group_admin("admin/groups/rename", group).await?;
    let name = label(name)?;
    me.ctx
        .store
        .rename_group(group, &name)
        .await
        .map_err(name_taken)?;
    let detail = format!("group {group} renamed {}", name.as_str());
    me.audit(AuditKind::GroupChanged, Some(facts.school), &detail)
        .await;
    Ok(())
}

/// Deletes a class or group; its pupils and teachers stay in the school.
#[server(endpoint = "admin/groups/delete", input = Json)]
pub async fn delete_group(group: GroupId) -> Result<(), AppError> {
    let (me, facts) = guard::group_admin("admin/groups/delete", group).await?;
    me.ctx.store.delete_group(group).await?;
    let detail = format!("group {group} deleted");
    me.audit(AuditKind::GroupChanged, Some(facts.school), &detail)
        .await;
    Ok(())
}

/// Puts a pupil of the school in a class or group. Joining a class moves the pupil out of their
/// other class of the year; the names of the classes left are returned.
#[server(endpoint = "admin/groups/add_member", input = Json)]
pub async fn add_member(group: GroupId, account: AccountId) -> Result<Vec<String>, AppError> {
    let what = "admin/groups/add_member";
    let (me, facts) = guard::group_admin(what, group).await?;
    let person = guard::managed(&me, what, facts.school, account).await?;
    Place::Member
        .check(&person.roles, facts.school)
        .map_err(|m| AppError::field(Field::Member, Problem::Place(m)))?;
    let left = me.ctx.store.add_member(group, account).await?;
    let detail = format!("account {account} added to group {group}");
    me.audit(AuditKind::GroupChanged, Some(facts.school), &detail)
        .await;
    Ok(left)
}

#[server(endpoint = "admin/groups/remove_member", input = Json)]
pub async fn remove_member(group: GroupId, account: AccountId) -> Result<(), AppError> {
    let what = "admin/groups/remove_member";
    let (me, facts) = guard::group_admin(what, group).await?;
    guard::managed(&me, what, facts.school, account).await?;
    if me.ctx.store.remove_member(group, account).await? {
        let detail = format!("account {account} removed from group {group}");
        me.audit(AuditKind::GroupChanged, Some(facts.school), &detail)
            .await;
    }
    Ok(())
}

/// Makes a teacher of the school a teacher of the group, of `subject` if given (one of the
/// school's subjects); assigning again changes the subject.
#[server(endpoint = "admin/groups/assign_teacher", input = Json)]
pub async fn assign_teacher(
    group: GroupId,
    account: AccountId,
    subject: Option<SubjectId>,
) -> Result<(), AppError> {
    let what = "admin/groups/assign_teacher";
    let (me, facts) = guard::group_admin(what, group).await?;
    let person = guard::managed(&me, what, facts.school, account).await?;
    if let Some(subject) = subject
        && me.ctx.store.subject_school(subject).await? != Some(facts.school)
    {
        return Err(me.refuse(what, Some(facts.school)).await);
    }
    Place::Teacher
        .check(&person.roles, facts.school)
        .map_err(|m| AppError::field(Field::Teacher, Problem::Place(m)))?;
    me.ctx.store.assign_teacher(group, account, subject).await?;
    let detail = format!("account {account} teaches group {group}");
    me.audit(AuditKind::GroupChanged, Some(facts.school), &detail)
        .await;
    Ok(())
}

#[server(endpoint = "admin/groups/unassign_teacher", input = Json)]
pub async fn unassign_teacher(group: GroupId, account: AccountId) -> Result<(), AppError> {
    let what = "admin/groups/unassign_teacher";
    let (me, facts) = guard::group_admin(what, group).await?;
    guard::managed(&me, what, facts.school, account).await?;
    if me.ctx.store.unassign_teacher(group, account).await? {
        let detail = format!("account {account} no longer teaches group {group}");
        me.audit(AuditKind::GroupChanged, Some(facts.school), &detail)
            .await;
    }
    Ok(())
}

/// The subjects of a school, to choose what a teacher teaches in a group.
#[server(endpoint = "admin/subjects", input = Json)]
pub async fn list_subjects(school: SchoolId) -> Result<Vec<SubjectRef>, AppError> {
    let me = guard::school_admin("admin/subjects", school).await?;
    Ok(me.ctx.store.subjects(school).await?)
}

use super::StoreError;
use crate::api::admin::{
    AccountDetail, AccountPage, AccountQuery, AdminSchool, GroupDetail, GroupSummary, SubjectRef,
};
use async_trait::async_trait;
use domain::account::{PersonName, Username};
use domain::ids::{AccountId, GroupId, SchoolId, SchoolYearId, SubjectId};
use domain::profile::Role;
use domain::school::{GroupKind, Label};
use domain::school_calendar::SchoolYear;
use domain::time::Timestamp;

/// An account to create, with its first role.
#[derive(Clone, Debug)]
pub struct NewAccountRecord {
    /// Login names to try in order; the first one free is taken.
    pub candidates: Vec<Username>,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub role: Role,
    pub password_hash: String,
    pub now: Timestamp,
}

/// What authorization and the placement rules need to know about a class or group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupFacts {
    pub school: SchoolId,
    pub year: SchoolYearId,
    pub kind: GroupKind,
}

/// Everything a school's admin changes: its accounts and its classes. Every method acts on what
/// it is given: the server functions have already checked who may.
pub trait SchoolAdmin: SchoolAccounts + SchoolGroups {}
impl<T: SchoolAccounts + SchoolGroups> SchoolAdmin for T {}

/// Accounts of a school, their roles there and their family links.
#[async_trait]
pub trait SchoolAccounts: Send + Sync {
    /// The given schools, or every school with `None` (for a platform admin), by name.
    async fn schools(&self, only: Option<Vec<SchoolId>>) -> Result<Vec<AdminSchool>, StoreError>;

    /// One page of the accounts holding a role in `school`, by last name, with their class of
    /// `year` there.
    async fn list_accounts(
        &self,
        school: SchoolId,
        query: &AccountQuery,
        page_size: u32,
        year: SchoolYear,
    ) -> Result<AccountPage, StoreError>;
    /// An account as seen from `school`: its roles, classes and groups of `year`, and links
    /// there.
    async fn account_detail(
        &self,
        school: SchoolId,
        account: AccountId,
        year: SchoolYear,
    ) -> Result<Option<AccountDetail>, StoreError>;
    /// Creates the account with the first free candidate login name; `None` if all are taken.
    async fn create_account(
        &self,
        new: NewAccountRecord,
    ) -> Result<Option<(AccountId, Username)>, StoreError>;
    async fn rename_account(
        &self,
        account: AccountId,
        first_name: &PersonName,
        last_name: &PersonName,
    ) -> Result<(), StoreError>;
    /// Whether the role was new.
    async fn add_role(&self, account: AccountId, role: Role) -> Result<bool, StoreError>;
    /// Whether the role was held. Taking away the pupil or teacher role also takes the account
    /// out of `year`'s classes and groups of that school (past years stay as they were: they are
    /// the school's history), in the same transaction.
    async fn remove_role(
        &self,
        account: AccountId,
        role: Role,
        year: SchoolYear,
    ) -> Result<bool, StoreError>;
    /// Whether the link was new.
    async fn link_parent(&self, parent: AccountId, child: AccountId) -> Result<bool, StoreError>;
    async fn unlink_parent(&self, parent: AccountId, child: AccountId) -> Result<bool, StoreError>;
}

/// Classes and teaching groups of a school year, their pupils, teachers and subjects.
#[async_trait]
pub trait SchoolGroups: Send + Sync {
    /// The id classes of `year` are stored under, written the first time a class needs it.
    async fn school_year(&self, year: SchoolYear) -> Result<SchoolYearId, StoreError>;
    /// The classes and groups of `school` in `year`, classes first.
    async fn groups(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<Vec<GroupSummary>, StoreError>;
    async fn group_facts(&self, group: GroupId) -> Result<Option<GroupFacts>, StoreError>;
    async fn group_detail(&self, group: GroupId) -> Result<Option<GroupDetail>, StoreError>;
    /// [`StoreError::Conflict`] when the name is taken that year in that school.
    async fn create_group(
        &self,
        school: SchoolId,
        year: SchoolYearId,
        kind: GroupKind,
        name: &Label,
    ) -> Result<GroupId, StoreError>;
    /// [`StoreError::Conflict`] when the name is taken that year in that school.
    async fn rename_group(&self, group: GroupId, name: &Label) -> Result<(), StoreError>;
    /// Deletes the group with its memberships and teachings.
    async fn delete_group(&self, group: GroupId) -> Result<(), StoreError>;
    /// Puts a pupil in a group. For a kind that allows one per year (a class), the pupil leaves
    /// the school's other one that year; the names of the groups left are returned.
    async fn add_member(
        &self,
        group: GroupId,
        account: AccountId,
    ) -> Result<Vec<String>, StoreError>;
    async fn remove_member(&self, group: GroupId, account: AccountId) -> Result<bool, StoreError>;
    /// Makes `account` a teacher of the group, or changes the subject they teach there.
    async fn assign_teacher(
        &self,
        group: GroupId,
        account: AccountId,
        subject: Option<SubjectId>,
    ) -> Result<(), StoreError>;
    async fn unassign_teacher(
        &self,
        group: GroupId,
        account: AccountId,
    ) -> Result<bool, StoreError>;
    async fn subjects(&self, school: SchoolId) -> Result<Vec<SubjectRef>, StoreError>;
    async fn subject_school(&self, subject: SubjectId) -> Result<Option<SchoolId>, StoreError>;
}

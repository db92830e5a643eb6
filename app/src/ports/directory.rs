use super::StoreError;
use crate::api::home::{Child, HomeSchool};
use crate::api::profile::AccountProfile;
use async_trait::async_trait;
use domain::authz::{AccountFacts, Seen};
use domain::ids::AccountId;
use domain::school_calendar::SchoolYear;

/// Schools, classes, groups and the people in them. Classes and groups are those of the school
/// year given, the current one ([`SchoolYear::at`] now) for every decision.
#[async_trait]
pub trait Directory: Send + Sync {
    async fn home_schools(
        &self,
        account: AccountId,
        year: SchoolYear,
    ) -> Result<Vec<HomeSchool>, StoreError>;
    /// The children whose link counts (see [`domain::authz::Caller::children`]), one entry per
    /// school they are a pupil in, with their class of `year` there.
    async fn children_of(
        &self,
        parent: AccountId,
        year: SchoolYear,
    ) -> Result<Vec<Child>, StoreError>;
    /// Roles, and the classes and groups of `year` only.
    async fn account_facts(
        &self,
        account: AccountId,
        year: SchoolYear,
    ) -> Result<Option<AccountFacts>, StoreError>;
    /// The profile, with only the roles, classes (of `year`) and relatives (links that count)
    /// of the schools `seen` includes.
    async fn account_profile(
        &self,
        account: AccountId,
        seen: &Seen,
        year: SchoolYear,
    ) -> Result<Option<AccountProfile>, StoreError>;
}

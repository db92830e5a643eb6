use super::StoreError;
use crate::api::home::{Child, HomeSchool};
use crate::api::profile::AccountProfile;
use async_trait::async_trait;
use domain::authz::{AccountFacts, Seen};
use domain::ids::AccountId;

/// Schools, classes, groups and the people in them.
#[async_trait]
pub trait Directory: Send + Sync {
    async fn home_schools(&self, account: AccountId) -> Result<Vec<HomeSchool>, StoreError>;
    /// The children whose link counts (see [`domain::authz::Caller::children`]), one entry per
    /// school they are a pupil in.
    async fn children_of(&self, parent: AccountId) -> Result<Vec<Child>, StoreError>;
    /// Roles, classes and groups of the current school year only.
    async fn account_facts(&self, account: AccountId) -> Result<Option<AccountFacts>, StoreError>;
    /// The profile, with only the roles, classes and relatives (links that count) of the
    /// schools `seen` includes.
    async fn account_profile(
        &self,
        account: AccountId,
        seen: &Seen,
    ) -> Result<Option<AccountProfile>, StoreError>;
}

use super::StoreError;
use crate::api::home::{Child, HomeSchool};
use crate::api::profile::AccountProfile;
use async_trait::async_trait;
use domain::authz::AccountFacts;
use domain::ids::AccountId;

/// Schools, classes, groups and the people in them.
#[async_trait]
pub trait Directory: Send + Sync {
    async fn home_schools(&self, account: AccountId) -> Result<Vec<HomeSchool>, StoreError>;
    async fn children_of(&self, parent: AccountId) -> Result<Vec<Child>, StoreError>;
    async fn account_facts(&self, account: AccountId) -> Result<Option<AccountFacts>, StoreError>;
    async fn account_profile(
        &self,
        account: AccountId,
    ) -> Result<Option<AccountProfile>, StoreError>;
}

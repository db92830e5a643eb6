use super::StoreError;
use crate::api::charter::Charter;
use async_trait::async_trait;
use domain::charter::CharterVersion;
use domain::ids::AccountId;
use domain::time::Timestamp;

#[async_trait]
pub trait Charters: Send + Sync {
    async fn current_charter(&self) -> Result<Option<Charter>, StoreError>;
    async fn publish_charter(
        &self,
        body_fr: String,
        body_co: String,
        by: AccountId,
        at: Timestamp,
    ) -> Result<CharterVersion, StoreError>;
    async fn accept_charter(
        &self,
        account: AccountId,
        version: CharterVersion,
        at: Timestamp,
    ) -> Result<(), StoreError>;
}

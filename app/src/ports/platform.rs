use super::StoreError;
use crate::api::platform::SchoolRow;
use async_trait::async_trait;
use domain::ids::SchoolId;
use domain::school::{Label, SchoolKind, Uai};

/// The establishments of the instance.
#[async_trait]
pub trait Establishments: Send + Sync {
    async fn all_schools(&self) -> Result<Vec<SchoolRow>, StoreError>;
    /// Fails with `Conflict` when the UAI is already registered.
    async fn create_school(
        &self,
        uai: &Uai,
        name: &Label,
        kind: SchoolKind,
    ) -> Result<SchoolId, StoreError>;
}

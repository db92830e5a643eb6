//! Versions of the usage charter and who accepted which.

use super::{Db, fail};
use app::api::charter::Charter;
use app::ports::{Charters, StoreError};
use async_trait::async_trait;
use domain::charter::CharterVersion;
use domain::ids::AccountId;
use domain::time::Timestamp;
use sqlx::Row;

#[async_trait]
impl Charters for Db {
    async fn current_charter(&self) -> Result<Option<Charter>, StoreError> {
        let row = sqlx::query(
            "SELECT version, body_fr, body_co FROM charters ORDER BY version DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        Ok(row.map(|r| Charter {
            version: CharterVersion::new(r.get(0)),
            body_fr: r.get(1),
            body_co: r.get(2),
        }))
    }

    async fn publish_charter(
        &self,
        body_fr: String,
        body_co: String,
        by: AccountId,
        at: Timestamp,
    ) -> Result<CharterVersion, StoreError> {
        // Two admins publishing at once: the primary key refuses the second, which retries.
        for _ in 0..3 {
            let result = sqlx::query(
                "INSERT INTO charters (version, body_fr, body_co, published_by, published_at) \
                 SELECT COALESCE(MAX(version), 0) + 1, $1, $2, $3, $4 FROM charters \
                 RETURNING version",
            )
            .bind(&body_fr)
            .bind(&body_co)
            .bind(by.get())
            .bind(at.unix())
            .fetch_one(&self.pool)
            .await
            .map_err(fail);
            match result {
                Ok(row) => return Ok(CharterVersion::new(row.get(0))),
                Err(StoreError::Conflict) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(StoreError::Conflict)
    }

    async fn accept_charter(
        &self,
        account: AccountId,
        version: CharterVersion,
        _at: Timestamp,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE accounts SET charter_accepted = $1 WHERE id = $2")
            .bind(version.get())
            .bind(account.get())
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }
}

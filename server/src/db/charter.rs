//! Versions of the usage charter and who accepted which.

use super::sql::statements;
use super::{Db, fail};
use app::api::charter::Charter;
use app::ports::{Charters, StoreError};
use async_trait::async_trait;
use domain::charter::CharterVersion;
use domain::ids::AccountId;
use domain::time::Timestamp;

statements! {
    CURRENT_CHARTER = "SELECT version, body_fr, body_co FROM charters \
        ORDER BY version DESC LIMIT 1";
    /// The next version number, computed in the statement: two admins publishing at once are
    /// told apart by the primary key.
    PUBLISH_CHARTER = "INSERT INTO charters (version, body_fr, body_co, published_by, \
        published_at) SELECT COALESCE(MAX(version), 0) + 1, $1, $2, $3, $4 FROM charters \
        RETURNING version";
    ACCEPT_CHARTER = "UPDATE accounts SET charter_accepted = $1 WHERE id = $2";
}

#[derive(sqlx::FromRow)]
struct CharterRow {
    version: i64,
    body_fr: String,
    body_co: String,
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    version: i64,
}

#[async_trait]
impl Charters for Db {
    async fn current_charter(&self) -> Result<Option<Charter>, StoreError> {
        let row: Option<CharterRow> = CURRENT_CHARTER
            .query_as()
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| Charter {
            version: CharterVersion::new(r.version),
            body_fr: r.body_fr,
            body_co: r.body_co,
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
            let result = PUBLISH_CHARTER
                .query_as::<VersionRow>()
                .bind(&body_fr)
                .bind(&body_co)
                .bind(by.get())
                .bind(at.unix())
                .fetch_one(&self.writer)
                .await
                .map_err(fail);
            match result {
                Ok(row) => return Ok(CharterVersion::new(row.version)),
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
        ACCEPT_CHARTER
            .query()
            .bind(version.get())
            .bind(account.get())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }
}

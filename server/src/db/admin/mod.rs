//! What a school's admin changes: accounts and roles (`accounts`), classes and groups
//! (`groups`).

pub(super) mod accounts;
pub(super) mod groups;

use super::sql::Statement;
use super::{Db, fail};
use app::api::profile::PersonRef;
use app::ports::StoreError;
use domain::ids::AccountId;

/// A person as lists show them.
#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    first_name: String,
    last_name: String,
}

impl From<PersonRow> for PersonRef {
    fn from(r: PersonRow) -> Self {
        PersonRef {
            id: AccountId::new(r.id),
            first_name: r.first_name,
            last_name: r.last_name,
        }
    }
}

impl Db {
    /// The people a statement with two id parameters finds, as [`PersonRow`]s.
    async fn people_in(
        &self,
        statement: Statement,
        first: i64,
        second: i64,
    ) -> Result<Vec<PersonRef>, StoreError> {
        let rows: Vec<PersonRow> = statement
            .query_as()
            .bind(first)
            .bind(second)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows.into_iter().map(PersonRef::from).collect())
    }
}

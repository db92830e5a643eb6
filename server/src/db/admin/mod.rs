//! What a school's admin changes: accounts and roles (`accounts`), classes and groups
//! (`classes`).

mod accounts;
mod classes;

use super::{Db, fail};
use app::api::profile::PersonRef;
use app::ports::StoreError;
use domain::ids::AccountId;
use sqlx::Row;
use sqlx::any::AnyRow;

fn person(r: &AnyRow) -> PersonRef {
    PersonRef {
        id: AccountId::new(r.get(0)),
        first_name: r.get(1),
        last_name: r.get(2),
    }
}

fn count(r: &AnyRow, at: usize) -> u32 {
    u32::try_from(r.get::<i64, _>(at)).unwrap_or(u32::MAX)
}

impl Db {
    /// The people a query with two id parameters finds, as `id, first_name, last_name` rows.
    async fn people_in(
        &self,
        sql: &'static str,
        first: i64,
        second: i64,
    ) -> Result<Vec<PersonRef>, StoreError> {
        let rows = sqlx::query(sql)
            .bind(first)
            .bind(second)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows.iter().map(person).collect())
    }

    /// Runs a write and tells whether it changed anything (an insert that was not a duplicate,
    /// a delete that found its row).
    async fn changed(
        &self,
        query: sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments>,
    ) -> Result<bool, StoreError> {
        let done = query.execute(&self.pool).await.map_err(fail)?;
        Ok(done.rows_affected() > 0)
    }
}

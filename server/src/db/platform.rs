//! The establishments of the instance.

use super::decode::{Code, Count};
use super::sql::statements;
use super::{Db, fail};
use app::api::platform::SchoolRow;
use app::ports::{Establishments, StoreError};
use async_trait::async_trait;
use domain::ids::SchoolId;
use domain::school::{Label, SchoolKind, Uai};

statements! {
    /// Every school, with how many people hold a role there.
    ALL_SCHOOLS = "SELECT s.id AS id, s.uai AS uai, s.name AS name, s.kind AS kind, \
          (SELECT COUNT(DISTINCT r.account_id) FROM roles r WHERE r.school_id = s.id) AS people \
        FROM schools s ORDER BY s.name, s.id";
    CREATE_SCHOOL = "INSERT INTO schools (uai, name, kind) VALUES ($1, $2, $3) RETURNING id";
}

#[derive(sqlx::FromRow)]
struct EstablishmentRow {
    id: i64,
    uai: String,
    name: String,
    kind: Code<SchoolKind>,
    people: Count,
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: i64,
}

#[async_trait]
impl Establishments for Db {
    async fn all_schools(&self) -> Result<Vec<SchoolRow>, StoreError> {
        let rows: Vec<EstablishmentRow> = ALL_SCHOOLS
            .query_as()
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| SchoolRow {
                id: SchoolId::new(r.id),
                uai: r.uai,
                name: r.name,
                kind: r.kind.0,
                people: r.people.0.into(),
            })
            .collect())
    }

    async fn create_school(
        &self,
        uai: &Uai,
        name: &Label,
        kind: SchoolKind,
    ) -> Result<SchoolId, StoreError> {
        let row: IdRow = CREATE_SCHOOL
            .query_as()
            .bind(uai.as_str())
            .bind(name.as_str())
            .bind(kind.code())
            .fetch_one(&self.writer)
            .await
            .map_err(fail)?;
        Ok(SchoolId::new(row.id))
    }
}

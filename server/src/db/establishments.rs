//! The establishments of the instance.

use super::{Db, fail};
use app::api::platform::SchoolRow;
use app::ports::{Establishments, StoreError};
use async_trait::async_trait;
use domain::ids::SchoolId;
use domain::school::{Label, SchoolKind, Uai};
use sqlx::Row;

#[async_trait]
impl Establishments for Db {
    async fn all_schools(&self) -> Result<Vec<SchoolRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT s.id, s.uai, s.name, s.kind, \
               (SELECT COUNT(DISTINCT r.account_id) FROM roles r WHERE r.school_id = s.id) \
             FROM schools s ORDER BY s.name, s.id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(SchoolRow {
                    id: SchoolId::new(r.get(0)),
                    uai: r.get(1),
                    name: r.get(2),
                    kind: r.get::<String, _>(3).parse().ok()?,
                    people: r.get(4),
                })
            })
            .collect())
    }

    async fn create_school(
        &self,
        uai: &Uai,
        name: &Label,
        kind: SchoolKind,
    ) -> Result<SchoolId, StoreError> {
        let row =
            sqlx::query("INSERT INTO schools (uai, name, kind) VALUES ($1, $2, $3) RETURNING id")
                .bind(uai.as_str())
                .bind(name.as_str())
                .bind(kind.code())
                .fetch_one(&self.pool)
                .await
                .map_err(fail)?;
        Ok(SchoolId::new(row.get(0)))
    }
}

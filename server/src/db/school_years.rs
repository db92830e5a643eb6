//! The rows school years are stored under. Which year it is comes from
//! `domain::school_calendar`, never from the database: a row only gives the classes of a year
//! something to refer to, and is written the first time a class of that year is.

use super::sql::statements;
use domain::ids::SchoolYearId;
use domain::school_calendar::SchoolYear;
use sqlx::{Any, Executor};

statements! {
    /// The id of a year's row, written if missing. `DO UPDATE` rather than `DO NOTHING`, so
    /// that `RETURNING` gives the id of a row already there.
    YEAR_ID = "INSERT INTO school_years (label, starts_at) VALUES ($1, $2) \
        ON CONFLICT (starts_at) DO UPDATE SET label = excluded.label RETURNING id";
}

#[derive(sqlx::FromRow)]
struct YearRow {
    id: i64,
}

/// The id `year`'s classes are stored under, its row written if missing.
pub(crate) async fn year_id<'e, E>(
    executor: E,
    year: SchoolYear,
) -> Result<SchoolYearId, sqlx::Error>
where
    E: Executor<'e, Database = Any>,
{
    let row: YearRow = YEAR_ID
        .query_as()
        .bind(year.to_string())
        .bind(year.starts().unix())
        .fetch_one(executor)
        .await?;
    Ok(SchoolYearId::new(row.id))
}

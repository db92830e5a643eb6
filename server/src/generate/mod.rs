//! Region-scale data for load tests and benchmarks: `server generate --schools 50` adds to the
//! configured database a deterministic, realistic region (at 50 schools about LEIA's size:
//! ≈36,000 pupils, ≈3,200 teachers, ≈64,000 parents, their classes, option groups, teachings and
//! family links, some families with children in two establishments). Planning is pure and
//! seeded ([`plan`]); writing takes one transaction per school, so an interrupted run leaves
//! whole schools only, and rows go in multi-row statements so that 50 schools take seconds, not
//! hours.

mod names;
pub mod plan;

use crate::db::{Backend, Db};
use domain::profile::Profile;
use domain::time::Timestamp;
use plan::{Region, SchoolPlan, plan_school};
use sqlx::{AnyConnection, AssertSqlSafe, Row};
use std::collections::HashMap;

/// The password of every generated account (they share one hash, as the demo's do).
pub const PASSWORD: &str = "Scola-region-2026";

/// Rows per multi-row statement: well under SQLite's and PostgreSQL's bound-parameter limits.
const BATCH: usize = 500;

#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub schools: u32,
    pub seed: u64,
    /// Accounts ready to use (password kept, charter accepted), as benchmarks need them.
    /// Otherwise every account must replace the shared password at first sign-in, like an
    /// account an admin creates: a region generated for a trial never has thousands of
    /// accounts open with a password written in the README.
    pub activated: bool,
}

/// What was written so far, after each school.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub school: String,
    pub accounts: usize,
    pub pupils: usize,
    pub teachers: usize,
    pub parents: usize,
    pub groups: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("password hashing: {0}")]
    Hash(String),
    #[error(
        "the database already holds generated school {0}: generate into a fresh database \
         (another SCOLA_DATA_DIR or DATABASE_URL)"
    )]
    AlreadyGenerated(String),
    #[error("--schools must be between 1 and 2000")]
    Scale,
}

/// Writes the region into `db`, calling `progress` after each school.
pub async fn generate(
    db: &Db,
    scale: Scale,
    now: Timestamp,
    mut progress: impl FnMut(&Progress),
) -> Result<Progress, GenerateError> {
    if !(1..=2000).contains(&scale.schools) {
        return Err(GenerateError::Scale);
    }
    let hash =
        crate::passwords::hash_now(PASSWORD).map_err(|e| GenerateError::Hash(e.to_string()))?;
    let pool = db.pool();
    let year = current_year(db).await?;
    let charter: Option<i64> = sqlx::query("SELECT MAX(version) FROM charters")
        .fetch_one(pool)
        .await?
        .get(0);
    let existing = sqlx::query("SELECT username FROM accounts")
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|r| r.get::<String, _>(0));
    let mut region = Region::new(existing);
    let mut total = Progress {
        total: scale.schools,
        ..Progress::default()
    };
    let accounts = Accounts {
        hash: &hash,
        activated: scale.activated,
        charter: charter.filter(|_| scale.activated),
        now,
    };
    // Every generated account's id by login name, for links to people of earlier schools.
    let mut ids: HashMap<String, i64> = HashMap::new();
    for index in 0..scale.schools {
        let plan = plan_school(scale.seed, index, &mut region);
        let taken = sqlx::query("SELECT COUNT(*) FROM schools WHERE uai = $1")
            .bind(&plan.uai)
            .fetch_one(pool)
            .await?
            .get::<i64, _>(0);
        if taken > 0 {
            return Err(GenerateError::AlreadyGenerated(plan.uai));
        }
        let mut tx = pool.begin().await?;
        write_school(&mut tx, &plan, year, &accounts, &mut ids).await?;
        tx.commit().await?;
        total.done = index + 1;
        total.school = plan.name.clone();
        total.accounts += plan.people.len();
        total.pupils += plan.count(Profile::Pupil);
        total.teachers += plan.count(Profile::Teacher);
        total.parents += plan.count(Profile::Parent);
        total.groups += plan.groups.len();
        progress(&total);
    }
    // Fresh statistics, as after any bulk import: without them PostgreSQL plans the first
    // requests on a region as if its tables were empty (scans instead of index lookups).
    // Not on SQLite: its plans here are index lookups without statistics, and with the
    // `sqlite_stat4` table ANALYZE writes, every statement is planned again at each execution
    // (measured: the pupil's home page at half the rate).
    if db.backend() == Backend::Postgres {
        sqlx::query("ANALYZE").execute(pool).await?;
    }
    Ok(total)
}

/// The current school year, created (the one starting in September) when there is none.
async fn current_year(db: &Db) -> Result<i64, sqlx::Error> {
    let found = sqlx::query("SELECT id FROM school_years WHERE is_current = 1")
        .fetch_optional(db.pool())
        .await?;
    if let Some(row) = found {
        return Ok(row.get(0));
    }
    let row = sqlx::query(
        "INSERT INTO school_years (label, starts_on, ends_on, is_current) \
         VALUES ('2026-2027', '2026-09-01', '2027-07-03', 1) RETURNING id",
    )
    .fetch_one(db.pool())
    .await?;
    Ok(row.get(0))
}

/// What every generated account shares: a one-time password, or, activated, the state most
/// accounts of a region in use are in (password chosen, charter accepted).
struct Accounts<'a> {
    hash: &'a str,
    activated: bool,
    charter: Option<i64>,
    now: Timestamp,
}

async fn write_school(
    conn: &mut AnyConnection,
    plan: &SchoolPlan,
    year: i64,
    accounts: &Accounts<'_>,
    ids: &mut HashMap<String, i64>,
) -> Result<(), sqlx::Error> {
    let school: i64 =
        sqlx::query("INSERT INTO schools (uai, name, kind) VALUES ($1, $2, $3) RETURNING id")
            .bind(&plan.uai)
            .bind(&plan.name)
            .bind(plan.kind.code())
            .fetch_one(&mut *conn)
            .await?
            .get(0);

    let mut subjects = Vec::with_capacity(plan.subjects.len());
    for (code, name) in &plan.subjects {
        let row = sqlx::query(
            "INSERT INTO subjects (school_id, code, name) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(school)
        .bind(*code)
        .bind(*name)
        .fetch_one(&mut *conn)
        .await?;
        subjects.push(row.get::<i64, _>(0));
    }
    let mut groups = Vec::with_capacity(plan.groups.len());
    for group in &plan.groups {
        let row = sqlx::query(
            "INSERT INTO school_groups (school_id, year_id, kind, name) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(school)
        .bind(year)
        .bind(group.kind.code())
        .bind(&group.name)
        .fetch_one(&mut *conn)
        .await?;
        groups.push(row.get::<i64, _>(0));
    }

    // Accounts: the names are bound, the rest (shared hash, flags, times) written in the
    // statement; ids come back with their login names, whatever order the database uses.
    let charter = accounts
        .charter
        .map_or_else(|| "NULL".to_owned(), |v| v.to_string());
    let must_change = i64::from(!accounts.activated);
    for chunk in plan.people.chunks(BATCH) {
        let mut sql = String::from(
            "INSERT INTO accounts (username, first_name, last_name, password_hash, \
             must_change_password, lang, platform_admin, charter_accepted, created_at) VALUES ",
        );
        for (i, person) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            let lang = if person.corsican { "co" } else { "fr" };
            let n = i * 3;
            sql.push_str(&format!(
                "(${}, ${}, ${}, '{}', {must_change}, '{lang}', 0, {charter}, {})",
                n + 1,
                n + 2,
                n + 3,
                accounts.hash,
                accounts.now.unix()
            ));
        }
        sql.push_str(" RETURNING id, username");
        let mut query = sqlx::query(AssertSqlSafe(sql)).persistent(false);
        for person in chunk {
            query = query
                .bind(person.username.as_str())
                .bind(person.first_name)
                .bind(person.last_name);
        }
        for row in query.fetch_all(&mut *conn).await? {
            ids.insert(row.get(1), row.get(0));
        }
    }
    let ids = &*ids;
    let id = |login: &str| ids.get(login).copied().unwrap_or_default();
    let person = |i: usize| id(plan.people[i].username.as_str());

    // The other tables hold only integers and fixed codes, written in the statement.
    insert_rows(
        conn,
        "INSERT INTO roles (account_id, school_id, profile) VALUES ",
        plan.people
            .iter()
            .enumerate()
            .map(|(i, p)| format!("({}, {school}, '{}')", person(i), p.profile.code())),
    )
    .await?;
    insert_rows(
        conn,
        "INSERT INTO memberships (group_id, account_id) VALUES ",
        plan.memberships
            .iter()
            .map(|&(g, p)| format!("({}, {})", groups[g], person(p))),
    )
    .await?;
    insert_rows(
        conn,
        "INSERT INTO teachings (group_id, account_id, subject_id) VALUES ",
        plan.teachings
            .iter()
            .map(|&(g, t, s)| format!("({}, {}, {})", groups[g], person(t), subjects[s])),
    )
    .await?;
    insert_rows(
        conn,
        "INSERT INTO parent_links (parent_id, child_id) VALUES ",
        plan.parent_links
            .iter()
            .map(|&(p, c)| format!("({}, {})", person(p), person(c))),
    )
    .await?;

    // Parents of an earlier school become parents here too.
    let mut parents: Vec<i64> = plan.outside_parents.iter().map(|(l, _)| id(l)).collect();
    parents.sort_unstable();
    parents.dedup();
    insert_rows(
        conn,
        "INSERT INTO roles (account_id, school_id, profile) VALUES ",
        parents.iter().map(|p| format!("({p}, {school}, 'parent')")),
    )
    .await?;
    insert_rows(
        conn,
        "INSERT INTO parent_links (parent_id, child_id) VALUES ",
        plan.outside_parents
            .iter()
            .map(|(login, c)| format!("({}, {})", id(login), person(*c))),
    )
    .await?;
    Ok(())
}

/// Inserts `rows` (SQL tuples of numbers and fixed codes) in statements of [`BATCH`] rows.
async fn insert_rows(
    conn: &mut AnyConnection,
    head: &str,
    rows: impl Iterator<Item = String>,
) -> Result<(), sqlx::Error> {
    let rows: Vec<String> = rows.collect();
    for chunk in rows.chunks(BATCH) {
        let sql = format!("{head}{}", chunk.join(","));
        sqlx::query(AssertSqlSafe(sql))
            .persistent(false)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

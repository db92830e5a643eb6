//! Storage over sqlx's `Any` driver: one binary serves SQLite (the embedded default) and
//! PostgreSQL (the scale-out path), chosen by the database URL. Queries are written once with
//! `$n` placeholders in the SQL both dialects share; only the migrations exist twice.

/// The condition under which a parent link `l` counts: its parent holds the Parent role in a
/// school where its child is a pupil. A parent whose role was withdrawn, or whose child left
/// every school they are a parent in, sees nothing through the link, whatever rows remain.
/// A macro, not a constant, so that `concat!` builds each query as one static string.
macro_rules! link_counts {
    () => {
        "EXISTS (SELECT 1 FROM roles pr JOIN roles cr ON cr.school_id = pr.school_id \
         WHERE pr.account_id = l.parent_id AND pr.profile = 'parent' \
         AND cr.account_id = l.child_id AND cr.profile = 'pupil')"
    };
}

mod admin;
mod audit;
mod charter;
mod directory;
mod establishments;
mod identity;
mod sessions;

use app::ports::StoreError;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database, implementing every storage port of `app::ports`.
#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Connects, creating the SQLite file if needed, and applies pending migrations.
    pub async fn open(url: &str, max_connections: u32) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        let options = AnyConnectOptions::from_str(url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers work while one writer writes; FULL sync so that an
                        // acknowledged write survives a power cut, not only a crash.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let db = Db { pool, backend };
        db.migrate().await?;
        Ok(db)
    }

    async fn migrate(&self) -> Result<(), sqlx::Error> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("migrations/sqlite").run(&self.pool).await?,
            Backend::Postgres => {
                sqlx::migrate!("migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        Ok(())
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }
}

/// Logs the detail of a database error and hides it from users.
pub(crate) fn fail(e: sqlx::Error) -> StoreError {
    if let sqlx::Error::Database(db) = &e
        && db.is_unique_violation()
    {
        return StoreError::Conflict;
    }
    StoreError::Unavailable(e.to_string())
}

/// Flags are stored as integers 0/1 in both dialects (the Any driver cannot decode SQLite
/// booleans): write them with `flag`, read them with `is_set`.
pub(crate) fn flag(value: bool) -> i64 {
    i64::from(value)
}

pub(crate) fn is_set(row: &sqlx::any::AnyRow, index: usize) -> bool {
    use sqlx::Row;
    row.get::<i64, _>(index) != 0
}

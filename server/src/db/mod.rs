//! Storage over sqlx's `Any` driver: one binary serves SQLite (the embedded default) and
//! PostgreSQL (the scale-out path), chosen by the database URL. Queries are written once with
//! `$n` placeholders in the SQL both dialects share; only the migrations exist twice. Every
//! statement is a named constant of its module's `statements!` block ([`sql`]), and rows decode
//! by column name into structs ([`decode`]).

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

pub mod sql;

mod account;
mod admin;
mod audit;
mod auth;
pub mod batch;
mod charter;
pub(crate) mod decode;
mod directory;
pub(crate) mod exercises;
mod files;
pub(crate) mod homework;
mod platform;
pub(crate) mod school_years;
pub(crate) mod sequences;
pub(crate) mod timetable;
mod versions;

use app::ports::StoreError;
use sqlx::AnyPool;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

sql::statements! {
    /// WAL lets readers work while one writer writes.
    JOURNAL [sqlite] = "PRAGMA journal_mode = WAL";
    /// FULL, so that an acknowledged write survives a power cut, not only a crash.
    SYNCHRONOUS [sqlite] = "PRAGMA synchronous = FULL";
    FOREIGN_KEYS [sqlite] = "PRAGMA foreign_keys = ON";
    /// Only another process (a `generate` or `restore` run beside the server) can hold the lock
    /// now that this one writes through one connection; it is waited for, not failed.
    BUSY_TIMEOUT [sqlite] = "PRAGMA busy_timeout = 5000";
    /// The writer folds the write-ahead log back into the database itself only past 80 MB:
    /// below that, [`Db::spawn_checkpointer`] does it beside the writer, so a hand-in never
    /// waits behind the copy of a thousand pages (the default made every ≈ 300th write do it,
    /// and all the writes queued behind it). Past it (no checkpointer: a command-line run), the
    /// writer still bounds the log.
    WRITER_CHECKPOINT [sqlite] = "PRAGMA wal_autocheckpoint = 20000";
    /// Copies what the log holds into the database without waiting for (or stopping) anyone;
    /// the writer starts the log over once everything is copied.
    CHECKPOINT [sqlite] = "PRAGMA wal_checkpoint(PASSIVE)";
    /// The readers' connections refuse to write: a write sent to them by mistake fails in the
    /// tests instead of competing with the writer for SQLite's lock.
    QUERY_ONLY [sqlite] = "PRAGMA query_only = ON";
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database, implementing every storage port of `app::ports`.
///
/// SQLite lets one connection write at a time. Writers that meet on its lock do not queue:
/// each sleeps in SQLite's busy handler (1, 2, 5… up to 100 ms) and tries again, so under a
/// burst of hand-ins most of the time went to sleeping and the slowest waited 100 ms. Every
/// write therefore goes through `writer`, a pool of one connection: writes queue in this
/// process, first come first served, and the lock is never contended. Reads use `pool` and
/// never wait for a write (WAL). On PostgreSQL, which locks rows, both are the same pool.
#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    writer: AnyPool,
    backend: Backend,
    versions: Arc<versions::Versions>,
    /// SQLite's group commit (`batch.rs`); none on PostgreSQL, whose concurrent commits share
    /// their flushes by themselves.
    batcher: Option<Arc<batch::Batcher>>,
}

impl Db {
    /// Connects, creating the SQLite file if needed, and applies pending migrations.
    /// `max_connections` is the readers' (on SQLite, the writer's one comes on top).
    pub async fn open(url: &str, max_connections: u32) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        let options = AnyConnectOptions::from_str(url)?;
        let db = match backend {
            Backend::Sqlite => {
                // The writer first: it creates the file and switches it to WAL.
                let writer = sqlite_pool(&options, 1, false).await?;
                let pool = sqlite_pool(&options, max_connections, true).await?;
                Db {
                    batcher: Some(Arc::new(batch::Batcher::start(writer.clone()))),
                    pool,
                    writer,
                    backend,
                    versions: Arc::new(versions::Versions::new()),
                }
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(max_connections)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                Db {
                    writer: pool.clone(),
                    pool,
                    backend,
                    versions: Arc::new(versions::Versions::new()),
                    batcher: None,
                }
            }
        };
        db.migrate().await?;
        Ok(db)
    }

    async fn migrate(&self) -> Result<(), sqlx::Error> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("migrations/sqlite")
                    .run(&self.writer)
                    .await?
            }
            Backend::Postgres => {
                sqlx::migrate!("migrations/postgres")
                    .run(&self.writer)
                    .await?
            }
        }
        Ok(())
    }

    /// For reading (on SQLite, its connections cannot write).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Runs a write and tells whether it changed anything (an insert that was not a duplicate,
    /// a delete that found its row).
    pub(crate) async fn changed(
        &self,
        query: sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments>,
    ) -> Result<bool, StoreError> {
        let done = query.execute(&self.writer).await.map_err(fail)?;
        Ok(done.rows_affected() > 0)
    }

    /// For writing, and for transactions that read what they are about to write.
    pub fn writer(&self) -> &AnyPool {
        &self.writer
    }

    /// Runs a write that many people send at once (a pupil's answers, a hand-in), whole or not
    /// at all: on SQLite, committed in a batch with the others waiting (`batch.rs`); answers
    /// the rows it changed once they are on disk.
    pub async fn write_batched(&self, write: batch::Write) -> Result<u64, StoreError> {
        match &self.batcher {
            Some(batcher) => batcher.write(write).await,
            None => {
                // A transaction of its own, so that a write is whole or absent on both backends.
                let mut tx = self.writer.begin().await.map_err(fail)?;
                let changed = write(&mut tx).await.map_err(fail)?;
                tx.commit().await.map_err(fail)?;
                Ok(changed)
            }
        }
    }

    /// On SQLite, copies the write-ahead log into the database every half second, on a
    /// reader's connection (a checkpoint is not a write to the data), for as long as the
    /// server runs.
    pub fn spawn_checkpointer(&self) -> Option<tokio::task::JoinHandle<()>> {
        if self.backend != Backend::Sqlite {
            return None;
        }
        let pool = self.pool.clone();
        Some(tokio::spawn(async move {
            let mut ticks = tokio::time::interval(Duration::from_millis(500));
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                if let Err(e) = CHECKPOINT.query().execute(&pool).await {
                    tracing::warn!(error = %e, "checkpoint failed; the writer bounds the log");
                }
            }
        }))
    }

    /// Closes every connection, the writer last: SQLite folds its write-ahead log back into
    /// the file when the last connection closes, leaving the database whole in one file.
    pub async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }
}

/// A pool of SQLite connections set up for Scola; `readers` cannot write.
async fn sqlite_pool(
    options: &AnyConnectOptions,
    connections: u32,
    readers: bool,
) -> Result<AnyPool, sqlx::Error> {
    AnyPoolOptions::new()
        .max_connections(connections)
        // Writes wait here for their turn: longer than a burst of them takes.
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |conn, _| {
            Box::pin(async move {
                for pragma in [JOURNAL, SYNCHRONOUS, FOREIGN_KEYS, BUSY_TIMEOUT] {
                    // Once per connection: not worth a place in its statement cache.
                    pragma.query().persistent(false).execute(&mut *conn).await?;
                }
                if readers {
                    QUERY_ONLY
                        .query()
                        .persistent(false)
                        .execute(&mut *conn)
                        .await?;
                }
                Ok(())
            })
        })
        .connect_with(options.clone())
        .await
}

/// Logs the detail of a database error and hides it from users. A value that does not decode
/// is [`StoreError::Corrupt`], logged with its column here.
pub(crate) fn fail(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
        sqlx::Error::ColumnDecode { index, source } => {
            tracing::error!(column = %index, error = %source, "a stored value cannot be read");
            StoreError::Corrupt(format!("column {index}: {source}"))
        }
        sqlx::Error::Decode(source) => {
            tracing::error!(error = %source, "a stored value cannot be read");
            StoreError::Corrupt(source.to_string())
        }
        _ => StoreError::Unavailable(e.to_string()),
    }
}

//! Copies of the embedded SQLite database: `server backup FILE` takes a consistent copy while
//! the server runs (SQLite's `VACUUM INTO`, a read transaction: writers are not stopped), and
//! `server restore FILE`, with the server stopped, puts one back, keeping the replaced database
//! beside it. On PostgreSQL, its own tools (`pg_dump`, base backups) do this job.

use crate::db::{Backend, Db};
use sqlx::{AnyConnection, Connection};
use std::path::{Path, PathBuf};

crate::db::sql::statements! {
    /// A consistent copy into the (empty) file `$1`.
    VACUUM_INTO [sqlite] = "VACUUM INTO $1";
    INTEGRITY_CHECK [sqlite] = "PRAGMA integrity_check";
    /// Scola's tables are there.
    COUNT_ACCOUNTS [sqlite] = "SELECT COUNT(*) AS accounts FROM accounts";
}

#[derive(sqlx::FromRow)]
struct VerdictRow {
    integrity_check: String,
}

#[derive(sqlx::FromRow)]
struct AccountsRow {
    accounts: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("backups here are of the SQLite database; on PostgreSQL use pg_dump")]
    NotSqlite,
    #[error("{0} already exists: choose a new file, a backup never overwrites one")]
    Exists(PathBuf),
    #[error("{0} is not a sound Scola database: {1}")]
    Damaged(PathBuf, String),
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

/// Writes a copy of the running database to `to`, checks it, and returns its size in bytes.
pub async fn backup(db: &Db, to: &Path) -> Result<u64, BackupError> {
    if db.backend() != Backend::Sqlite {
        return Err(BackupError::NotSqlite);
    }
    // Created empty and owner-only first (VACUUM INTO accepts an empty file): a copy of the
    // database is as private as the database.
    crate::private_files::create_new_file(to).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => BackupError::Exists(to.to_owned()),
        _ => BackupError::Io(to.to_owned(), e),
    })?;
    VACUUM_INTO
        .query()
        .bind(to.to_string_lossy().into_owned())
        .execute(db.writer())
        .await?;
    check(to).await?;
    std::fs::metadata(to)
        .map(|m| m.len())
        .map_err(|e| BackupError::Io(to.to_owned(), e))
}

/// Replaces the database file `target` by the backup `from` (the server must be stopped). The
/// replaced database, if any, is renamed `…-replaced-<unix time>` with its journal: nothing is
/// lost by a restore. Returns that name.
pub async fn restore(from: &Path, target: &Path, now: i64) -> Result<Option<PathBuf>, BackupError> {
    check(from).await?;
    let io = |path: &Path| {
        let path = path.to_owned();
        move |e| BackupError::Io(path, e)
    };
    let kept = if target.exists() {
        let aside = with_suffix(target, &format!("-replaced-{now}"));
        for journal in ["", "-wal", "-shm"] {
            let file = with_suffix(target, journal);
            if file.exists() {
                std::fs::rename(&file, with_suffix(&aside, journal)).map_err(io(&file))?;
            }
        }
        Some(aside)
    } else {
        if let Some(dir) = target.parent() {
            crate::private_files::create_dir(dir).map_err(io(dir))?;
        }
        None
    };
    std::fs::copy(from, target).map_err(io(target))?;
    // `copy` keeps the backup's mode, which an older version left readable by others.
    crate::private_files::ensure_file(target).map_err(io(target))?;
    Ok(kept)
}

/// The SQLite file behind a `sqlite://PATH?options` URL.
pub fn sqlite_path(database_url: &str) -> Option<PathBuf> {
    let rest = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// SQLite's own check of every page and index, read-only, and the presence of Scola's tables.
async fn check(path: &Path) -> Result<(), BackupError> {
    let damaged = |what: String| BackupError::Damaged(path.to_owned(), what);
    if !path.is_file() {
        return Err(damaged("no such file".into()));
    }
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}?mode=ro", path.display());
    let mut conn = AnyConnection::connect(&url)
        .await
        .map_err(|e| damaged(e.to_string()))?;
    let verdict = INTEGRITY_CHECK
        .query_as::<VerdictRow>()
        .fetch_one(&mut conn)
        .await
        .map_err(|e| damaged(e.to_string()))?
        .integrity_check;
    if verdict != "ok" {
        return Err(damaged(verdict));
    }
    let accounts = COUNT_ACCOUNTS
        .query_as::<AccountsRow>()
        .fetch_one(&mut conn)
        .await
        .map_err(|e| damaged(e.to_string()))?
        .accounts;
    conn.close().await?;
    tracing::info!(file = %path.display(), accounts, "backup checked");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(
            sqlite_path("sqlite://data/scola.db?mode=rwc"),
            Some(PathBuf::from("data/scola.db"))
        );
        assert_eq!(
            sqlite_path("sqlite:/x/y.db"),
            Some(PathBuf::from("/x/y.db"))
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://u@h/db"), None);
    }

    #[test]
    fn suffixes_keep_the_directory() {
        assert_eq!(
            with_suffix(Path::new("data/scola.db"), "-wal"),
            PathBuf::from("data/scola.db-wal")
        );
    }
}

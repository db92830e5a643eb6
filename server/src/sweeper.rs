//! Housekeeping every server does in the background: deleting what is kept no longer (old
//! audit entries, sequences' archives and files sent in parts left behind). Several
//! servers on one database may sweep at once: each sweep only deletes what is due, so doing it
//! twice is harmless.

use crate::db::Db;
use app::ports::{AuditLog, FileStore, Files, StoreError};
use domain::audit::Retention;
use domain::time::Timestamp;
use std::sync::Arc;
use std::time::Duration;

/// How often the sweep runs.
pub const EVERY: Duration = Duration::from_secs(3600);

/// How long a sequence's archive is kept: one exported is downloaded at once, one uploaded is
/// imported at once (and removed then); a day later, either is a leftover.
pub const ARCHIVES_KEPT: i64 = 24 * 3600;

/// One sweep at `now`: audit entries older than the retention go. Returns how many.
pub async fn sweep(db: &Db, audit: Retention, now: Timestamp) -> Result<u64, StoreError> {
    db.purge_audit(audit.cutoff(now)).await
}

/// Sequences' archives older than [`ARCHIVES_KEPT`] at `now` go, body first (a record left
/// by a failure is swept again; a body without its record would never be). Returns how many.
pub async fn sweep_archives(
    db: &Db,
    files: &dyn FileStore,
    now: Timestamp,
) -> Result<u64, StoreError> {
    let stale = db
        .archives_before(Timestamp::from_unix(now.unix() - ARCHIVES_KEPT))
        .await?;
    for id in &stale {
        files.delete(id).await?;
        db.delete_file(id).await?;
    }
    Ok(stale.len() as u64)
}

/// Files sent in parts and never finished, after a day: their parts go first, then their
/// record (a finished one leaves its record only, its file kept). Returns how many.
pub async fn sweep_uploads(
    db: &Db,
    files: &dyn FileStore,
    now: Timestamp,
) -> Result<u64, StoreError> {
    let stale = db
        .uploads_before(Timestamp::from_unix(now.unix() - ARCHIVES_KEPT))
        .await?;
    for upload in &stale {
        if upload.file.is_none() {
            files
                .delete_parts(&upload.id, upload.total.div_ceil(upload.part_size.max(1)))
                .await?;
        }
        db.delete_upload(&upload.id).await?;
    }
    Ok(stale.len() as u64)
}

/// Sweeps at start, then every [`EVERY`], for as long as the server runs.
pub fn spawn(db: Db, files: Arc<dyn FileStore>, audit: Retention) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match sweep(&db, audit, crate::system_clock()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(entries = n, "old audit entries deleted"),
                Err(e) => tracing::warn!(error = %e, "audit sweep failed; next try in an hour"),
            }
            match sweep_archives(&db, files.as_ref(), crate::system_clock()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(files = n, "sequence archives left behind deleted"),
                Err(e) => tracing::warn!(error = %e, "archive sweep failed; next try in an hour"),
            }
            match sweep_uploads(&db, files.as_ref(), crate::system_clock()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(uploads = n, "uploads left unfinished deleted"),
                Err(e) => tracing::warn!(error = %e, "upload sweep failed; next try in an hour"),
            }
        }
    })
}

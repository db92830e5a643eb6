//! Housekeeping every server does in the background: deleting what is kept no longer. Several
//! servers on one database may sweep at once: each sweep only deletes what is due, so doing it
//! twice is harmless.

use crate::db::Db;
use app::ports::{AuditLog, StoreError};
use domain::audit::Retention;
use domain::time::Timestamp;
use std::time::Duration;

/// How often the sweep runs.
pub const EVERY: Duration = Duration::from_secs(3600);

/// One sweep at `now`: audit entries older than the retention go. Returns how many.
pub async fn sweep(db: &Db, audit: Retention, now: Timestamp) -> Result<u64, StoreError> {
    db.purge_audit(audit.cutoff(now)).await
}

/// Sweeps at start, then every [`EVERY`], for as long as the server runs.
pub fn spawn(db: Db, audit: Retention) -> tokio::task::JoinHandle<()> {
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
        }
    })
}

//! Group commit on SQLite: the writes thousands of pupils send at once (answers saved as typed,
//! hand-ins) are committed several to a transaction.
//!
//! With `synchronous = FULL` every commit waits for the disk to confirm the log is written (an
//! fsync, ≈ 0.2–1 ms here); one write per commit made that wait the ceiling of hand-ins a
//! second. Here writes queue for one task that takes everything waiting (up to [`MOST`]) and
//! commits it in one transaction: one fsync for the lot, and no waiting added when the queue is
//! empty, since a lone write is committed at once. Each write still answers only once it is on
//! disk.
//!
//! A batch is committed whole or not at all: when a write or the commit fails (the disk, not
//! the data: the writes batched here are updates by primary key that no constraint refuses),
//! every write of the batch answers that it failed, and its caller may send it again.

use super::fail;
use app::ports::StoreError;
use futures::future::BoxFuture;
use sqlx::{Acquire, AnyConnection, AnyPool};
use tokio::sync::{mpsc, oneshot};

/// Writes committed together at most: enough to cover every request in flight at once.
const MOST: usize = 128;

/// One write: a statement run on the connection it is given; answers the rows it changed.
pub type Write = Box<
    dyn for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Result<u64, sqlx::Error>> + Send,
>;

/// Where a write hears how it went.
type Answer = oneshot::Sender<Result<u64, StoreError>>;

struct Job {
    write: Write,
    done: Answer,
}

/// The queue of the task that commits batches on the writer's connection.
pub(crate) struct Batcher {
    jobs: mpsc::Sender<Job>,
}

impl Batcher {
    /// Starts the task; it ends when the last `Batcher` handle is dropped.
    pub(crate) fn start(writer: AnyPool) -> Self {
        let (jobs, queue) = mpsc::channel(MOST * 8);
        tokio::spawn(run(writer, queue));
        Batcher { jobs }
    }

    /// Runs `write` in the next batch and answers once it is committed.
    pub(crate) async fn write(&self, write: Write) -> Result<u64, StoreError> {
        let (done, answer) = oneshot::channel();
        let gone = || StoreError::Unavailable("the writer has stopped".into());
        self.jobs
            .send(Job { write, done })
            .await
            .map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }
}

async fn run(writer: AnyPool, mut queue: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MOST);
    while queue.recv_many(&mut batch, MOST).await > 0 {
        commit(&writer, &mut batch).await;
    }
}

/// Commits `batch` in one transaction and answers each of its writes.
async fn commit(writer: &AnyPool, batch: &mut Vec<Job>) {
    // Each write's answer-to-be, in order; the rows it changed once it has run.
    let mut runs: Vec<(Answer, Option<u64>)> = Vec::with_capacity(batch.len());
    let outcome: Result<(), sqlx::Error> = async {
        let mut conn = writer.acquire().await?;
        let mut tx = conn.begin().await?;
        for Job { write, done } in batch.drain(..) {
            runs.push((done, None));
            let changed = write(&mut tx).await?;
            if let Some(last) = runs.last_mut() {
                last.1 = Some(changed);
            }
        }
        tx.commit().await
    }
    .await;
    // Writes never run (the batch failed before them) answer like the others.
    runs.extend(batch.drain(..).map(|job| (job.done, None)));
    let failure = outcome.err().map(|e| fail(e).to_string());
    for (done, changed) in runs {
        let answer = match (&failure, changed) {
            (None, Some(changed)) => Ok(changed),
            (Some(detail), _) => Err(StoreError::Unavailable(detail.clone())),
            (None, None) => Err(StoreError::Unavailable("write not run".into())),
        };
        // A caller that gave up waiting has nothing to hear.
        let _ = done.send(answer);
    }
}

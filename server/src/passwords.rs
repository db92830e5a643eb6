//! argon2id hashing on threads of its own, bounded so that a flood of sign-ins cannot take
//! every core, and favoured by the scheduler so that sign-ins keep their pace under read load.
//!
//! The hashers are plain threads started by [`Argon2Passwords::new`]; they keep the priority of
//! the thread that starts them (the main thread, at the process's own priority), while the
//! request threads of the runtime run a few nice levels lower (see `main.rs`). When both want
//! the CPU, hashing wins it; when no one signs in, requests have every core.

use app::ports::{HashError, Passwords};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use async_trait::async_trait;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

/// OWASP's argon2id floor: 19 MiB, two passes, one lane.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
/// How long a sign-in may wait for a free hasher before the server says it is busy.
const QUEUE_WAIT: Duration = Duration::from_secs(5);
/// One-time passwords are read out or copied by hand: no `0`/`o`, `1`/`l`/`i`, nor capitals.
const ONE_TIME_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// Three blocks of four: 12 characters from 31 give about 59 bits, far beyond what throttled
/// sign-ins can try before the person replaces it.
const ONE_TIME_BLOCKS: usize = 3;
const ONE_TIME_BLOCK_CHARS: usize = 4;

pub struct Argon2Passwords {
    /// One per hasher thread: a permit held is a thread busy, so work sent never waits in the
    /// channel, only here, for at most [`QUEUE_WAIT`].
    permits: Arc<Semaphore>,
    jobs: flume::Sender<Job>,
    /// Checked against when the login name is unknown, so that it costs the same.
    decoy: String,
}

type Job = Box<dyn FnOnce() + Send>;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_now(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError::Failed(e.to_string()))
}

fn verify_now(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

impl Argon2Passwords {
    /// Starts `threads` hashers; hashes beyond them wait up to [`QUEUE_WAIT`]. The threads end
    /// when this is dropped.
    pub fn new(threads: usize) -> Result<Self, HashError> {
        let threads = threads.max(1);
        let (jobs, queue) = flume::unbounded::<Job>();
        for n in 0..threads {
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("scola-hasher-{n}"))
                .spawn(move || {
                    while let Ok(job) = queue.recv() {
                        // A panicking hash must not take the thread with it; its caller sees
                        // its answer dropped.
                        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                    }
                })
                .map_err(|e| HashError::Failed(e.to_string()))?;
        }
        Ok(Self {
            permits: Arc::new(Semaphore::new(threads)),
            jobs,
            decoy: hash_now("decoy password never used")?,
        })
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let permit: OwnedSemaphorePermit =
            tokio::time::timeout(QUEUE_WAIT, self.permits.clone().acquire_owned())
                .await
                .map_err(|_| HashError::Busy)?
                .map_err(|_| HashError::Busy)?;
        let (done, result) = oneshot::channel();
        let job: Job = Box::new(move || {
            let value = work();
            drop(permit);
            let _ = done.send(value);
        });
        self.jobs
            .send(job)
            .map_err(|_| HashError::Failed("no hasher thread left".into()))?;
        result
            .await
            .map_err(|_| HashError::Failed("a hasher thread stopped".into()))
    }
}

#[async_trait]
impl Passwords for Argon2Passwords {
    async fn hash(&self, password: String) -> Result<String, HashError> {
        self.run(move || hash_now(&password)).await?
    }

    async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, HashError> {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| self.decoy.clone());
        let valid = self.run(move || verify_now(&password, &hash)).await?;
        Ok(known && valid)
    }

    fn one_time_password(&self) -> String {
        use rand::Rng;
        let mut rng = rand::rngs::OsRng;
        (0..ONE_TIME_BLOCKS)
            .map(|_| {
                (0..ONE_TIME_BLOCK_CHARS)
                    .map(|_| {
                        char::from(ONE_TIME_ALPHABET[rng.gen_range(0..ONE_TIME_ALPHABET.len())])
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_unknown_names_never_match() {
        let p = Argon2Passwords::new(2).expect("hasher");
        let h = p.hash("U pastore cunta".into()).await.expect("hash");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            p.verify("U pastore cunta".into(), Some(h.clone()))
                .await
                .expect("verify")
        );
        assert!(
            !p.verify("u pastore cunta".into(), Some(h))
                .await
                .expect("verify")
        );
        assert!(
            !p.verify("decoy password never used".into(), None)
                .await
                .expect("verify")
        );
    }

    #[test]
    fn one_time_passwords_are_readable_strong_and_fresh() {
        let p = Argon2Passwords::new(1).expect("hasher");
        let mut seen = std::collections::HashSet::new();
        for _ in 0..500 {
            let otp = p.one_time_password();
            assert_eq!(otp.len(), 14, "{otp}");
            assert!(
                otp.bytes()
                    .all(|b| b == b'-' || ONE_TIME_ALPHABET.contains(&b)),
                "{otp}"
            );
            assert_eq!(
                domain::auth::password::check(&otp, None, &["anna.colonna", "Anna", "Colonna"]),
                Ok(()),
                "{otp}"
            );
            assert!(seen.insert(otp));
        }
    }
}

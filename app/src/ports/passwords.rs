use async_trait::async_trait;

/// Password hashing (argon2id). Implementations bound how many hashes run at once, so a flood of
/// sign-ins cannot starve other requests.
#[async_trait]
pub trait Passwords: Send + Sync {
    async fn hash(&self, password: String) -> Result<String, HashError>;
    /// Checks `password` against `hash`; with no hash (unknown login name) it still does the
    /// work of a check, so timing does not tell which names exist.
    async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, HashError>;
    /// A fresh random password for an admin to hand over, easy to read out and type (no
    /// look-alike characters); the person must replace it at first sign-in.
    fn one_time_password(&self) -> String;
}

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    /// Too many hashes waiting: the caller should come back later.
    #[error("busy")]
    Busy,
    #[error("hashing: {0}")]
    Failed(String),
}

impl From<HashError> for crate::error::AppError {
    fn from(e: HashError) -> Self {
        match e {
            HashError::Busy => crate::error::AppError::Busy,
            HashError::Failed(detail) => {
                tracing::error!(%detail, "password hashing failed");
                crate::error::AppError::Internal
            }
        }
    }
}

//! Calling a server function again, later, when the server is at capacity.

use crate::error::AppError;
use domain::backoff::{MAX_RETRIES, delay_ms};
use std::future::Future;

/// Runs `call` and, while the server answers `Busy`, waits (see `domain::backoff`) and retries.
/// For reads and for writes the server makes idempotent.
pub async fn patiently<T, F, Fut>(call: F) -> Result<T, AppError>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    let mut attempt = 0;
    loop {
        match call().await {
            Err(AppError::Busy) if attempt < MAX_RETRIES => {
                wait_ms(delay_ms(attempt, random())).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

#[cfg(feature = "csr")]
fn random() -> f64 {
    js_sys::Math::random()
}

#[cfg(not(feature = "csr"))]
fn random() -> f64 {
    0.5
}

#[cfg(feature = "csr")]
pub(crate) async fn wait_ms(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

#[cfg(not(feature = "csr"))]
pub(crate) async fn wait_ms(_ms: u32) {}

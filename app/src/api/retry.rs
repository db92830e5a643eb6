//! Calling a server function again, later, when the server is at capacity.

use crate::error::AppError;
use domain::backoff::{MAX_RETRIES, delay_ms};
use std::future::Future;

/// An error that may say the server is at capacity: an `AppError`, or an area's.
pub trait MaybeBusy {
    fn is_busy(&self) -> bool;
}

impl MaybeBusy for AppError {
    fn is_busy(&self) -> bool {
        matches!(self, AppError::Busy)
    }
}

impl<P> MaybeBusy for crate::api::area_error::AreaError<P> {
    fn is_busy(&self) -> bool {
        matches!(self, Self::App(AppError::Busy))
    }
}

/// Runs `call` and, while the server answers `Busy`, waits (see `domain::backoff`) and retries.
/// For reads and for writes the server makes idempotent.
pub async fn patiently<T, E, F, Fut>(call: F) -> Result<T, E>
where
    E: MaybeBusy,
    F: Fn() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let mut attempt = 0;
    loop {
        match call().await {
            Err(e) if e.is_busy() && attempt < MAX_RETRIES => {
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

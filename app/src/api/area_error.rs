//! The error type of an area with problems of its own (exercises, sequences): every
//! [`AppError`], plus the area's problems. Each such area has its own, so the first visit, which
//! never calls these functions, does not carry the code reading their problems.

use crate::error::AppError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// On the wire an [`AppError`] stays as it is (`"Forbidden"`), so every client and the server's
/// status mapping read it the same; the area's problem is as it is (`{"Closed": "PastDue"}`),
/// whose variant names no `AppError` uses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(untagged)]
pub enum AreaError<P> {
    #[error(transparent)]
    App(AppError),
    #[error("{0}")]
    Area(P),
}

/// A problem of an area: the HTTP status it is answered with.
pub trait AreaProblem {
    fn http_status(&self) -> u16;
}

impl<P> From<AppError> for AreaError<P> {
    fn from(e: AppError) -> Self {
        AreaError::App(e)
    }
}

#[cfg(feature = "ssr")]
impl<P> From<crate::ports::StoreError> for AreaError<P> {
    fn from(e: crate::ports::StoreError) -> Self {
        AreaError::App(e.into())
    }
}

impl<P> FromServerFnError for AreaError<P>
where
    P: fmt::Debug + fmt::Display + Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AreaError::App(AppError::from_server_fn_error(value))
    }
}

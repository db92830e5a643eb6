//! Server functions, one module per area. Each body is short: find the caller, ask
//! `domain::authz`, delegate to a port, map errors. Endpoints are fixed names (not hashes of the
//! build path) so any build of the app talks to any build of the server.

pub mod account;
pub mod admin;
pub mod area_error;
pub mod audit;
pub mod auth;
pub mod charter;
pub mod exercises;
pub mod files;
pub mod home;
pub mod homework;
pub mod platform;
pub mod profile;
pub mod retry;
pub mod sequences;
pub mod timetable;

#[cfg(feature = "ssr")]
pub(crate) mod gate;

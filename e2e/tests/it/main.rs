//! The browser tests, one binary: a module per area, sharing `support` (and its selectors in
//! `support/ui.rs`). One binary links once, however many test files there are.

mod support;

mod admin;
mod areas;
mod audit;
mod identity;
mod platform;
mod sessions;

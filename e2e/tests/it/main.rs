//! The browser tests, one binary: a module per area, sharing `support` (and its selectors in
//! `support/ui.rs`). One binary links once, however many test files there are.

mod support;

mod account;
mod admin;
mod areas;
mod audit;
mod auth;
mod exercises;
mod exercises_import;
mod files;
mod homework;
mod markdown;
mod platform;
mod sequences;
mod timetable;

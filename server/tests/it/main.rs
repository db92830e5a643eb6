//! The server's integration tests, one binary: a module per area, sharing `support`. One binary
//! links once, however many test files there are; tests run on parallel threads of one process,
//! so none may change the process's environment or rely on being alone.

mod support;

mod access;
mod account;
mod admin;
mod audit;
mod auth;
mod authz;
mod exercises;
mod exercises_import;
mod exercises_results;
mod exercises_spoken;
mod files;
mod generate;
mod homework;
mod homework_uploads;
mod http;
mod platform;
mod processes;
mod production;
mod sequences;
mod sequences_archive;
mod timetable;
mod timetable_changes;
mod timetable_feeds;
mod timetable_setup;

mod sql;
mod writes;

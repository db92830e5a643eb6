//! Scola's business rules, shared by the browser and the server. No I/O lives here: every input
//! (the clock, the data a decision needs) comes in as a parameter.

pub mod account;
pub mod audit;
pub mod auth;
pub mod authz;
pub mod backoff;
pub mod calendar;
pub mod charter;
pub mod coded;
pub mod csv;
pub mod exercise;
pub mod file;
pub mod homework;
pub mod ics;
pub mod ids;
pub mod lang;
pub mod locale;
pub mod markdown;
pub mod profile;
pub mod school;
pub mod school_calendar;
pub mod sequence;
pub mod services;
pub mod time;
pub mod timetable;

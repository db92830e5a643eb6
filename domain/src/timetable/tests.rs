//! Table-driven tests of the timetable rules, one file per piece.

mod calendar;
mod clash;
mod import;
mod lesson;
mod next;
mod occurrences;
mod open_data;
mod slot;
mod support;
mod weeks;

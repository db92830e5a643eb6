//! Table-driven tests of the timetable rules, one file per piece.

mod calendar;
mod change_clash;
mod clash;
mod dst;
mod import;
mod lesson;
mod next;
mod occurrences;
mod open_data;
mod resolve;
mod school;
mod slot;
mod support;
mod weeks;

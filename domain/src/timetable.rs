//! Timetables: the weekly lessons of a school year, the changes of one date, and the days
//! lessons take place on (holidays, public holidays, weeks A and B).
//!
//! Everything here is wall-clock time in Paris: a lesson is a weekday and two clock times
//! ([`Slot`]), and becomes two instants only on a date ([`Occurrence`]), so that a lesson at
//! 08:00 stays at 08:00 across the daylight-saving changes. Dates are `jiff::civil::Date`s,
//! sent to the browser as `2026-11-25`.
//!
//! The pieces, in the order a school sets them up:
//! - [`year`]: holidays and which days are school days ([`SchoolDays`]), [`public_holidays`]
//!   computed for any year, [`open_data`]: a zone's holidays read from the official calendar;
//! - [`week`]: weeks A and B ([`AbRule`] → [`AbWeeks`]) and a lesson's [`Alternation`];
//! - [`lesson`]: a weekly [`Lesson`], checked; [`import`]: lessons read from a spreadsheet,
//!   their names [`resolve`]d in a school;
//! - [`change`]: a [`LessonChange`] on one date (cancelled, moved, substitute, extra);
//! - [`schedule`]: the concrete lessons of some days ([`Timetable::week`]), each an
//!   [`Occurrence`] saying what changed;
//!   [`next`]: the next lesson of a subject for a group (homework's default due date);
//! - [`clash`]: teachers, rooms and pupils in two places at once, and the confirmation a save
//!   with clashes needs.

pub mod change;
pub mod clash;
pub mod day;
pub mod import;
mod import_line;
pub mod lesson;
pub mod next;
pub mod occurrence;
pub mod open_data;
pub mod public_holidays;
pub mod resolve;
pub mod rows;
pub mod schedule;
pub mod slot;
pub mod week;
pub mod year;

pub use change::{Alteration, ChangeError, DatedSlot, ExtraLesson, LessonChange, OccurrenceChange};
pub use clash::{ChangeClash, Clash, Clashes, Conflict, LessonKey, confirm, lesson_clashes};
pub use import::{ImportError, ImportReport, LessonLine, LineReport, Refusal, read_lessons};
pub use lesson::{Lesson, LessonError, LessonSpec, Teachers, TeachersError};
pub use occurrence::{Occurrence, Source, Status};
pub use open_data::{OpenDataError, Saturday, Zone};
pub use public_holidays::{PublicHoliday, easter, public_holidays};
pub use resolve::{ImportRefusal, Resolution, ResolvedLesson, SchoolNames, resolve};
pub use schedule::Timetable;
pub use slot::{ClockTime, NotATime, SchoolWeekday, Slot, SlotError};
pub use week::{AbRule, AbWeeks, Alternation, WeekKind, WeekOverride};
pub use year::{Holiday, HolidayError, SchoolDays, YearError};

/// The day type every date of a timetable is, for the crates that name dates without depending
/// on `jiff` themselves (the app and the server).
pub use jiff::civil::Date;

#[cfg(test)]
mod tests;

//! Lessons imported from a spreadsheet: one weekly lesson per line, every line checked and
//! reported, so that the server imports all of them or none.
//!
//! The file is read as [`super::rows`] reads it (`;`, quotes, byte-order mark). Its first line
//! is a header of ten columns, whatever their titles; then, in this order:
//!
//! | column | content | example |
//! |---|---|---|
//! | `jour` | the weekday in French or Corsican, any case (`lundi`, `luni` or `lunedì` … `samedi`, `sabbatu`) | `mardi` |
//! | `début` | start, `08:05`, `8:05`, `08h05` or `8h` | `8h` |
//! | `fin` | end, after the start, 5 minutes at least | `08:55` |
//! | `matière` | the subject's code or name, as the school knows it | `MATHS` |
//! | `classe ou groupe` | the class or group's name | `6e B` |
//! | `enseignants` | teachers' login names, separated by `,` | `marie.santoni,paul.orsini` |
//! | `salle` | the room's name, or empty for none | `B12` |
//! | `semaine` | `A`, `B`, or empty for every week | `A` |
//! | `du` | first day, `2026-09-01` or `01/09/2026`; empty: the start of the school year | |
//! | `au` | last day, same forms; empty: the end of the school year | `31/01/2027` |
//!
//! The domain reads names; the server turns them into ids (an unknown subject, group, teacher or
//! room refuses the line there), then checks clashes with [`super::lesson_clashes`].

use super::day;
use super::import_line::{read_line, weekday};
use super::rows;
use super::slot::{Slot, SlotError};
use super::week::Alternation;
use crate::account::Username;
use crate::school_calendar::SchoolYear;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The columns, in their order in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Day,
    Start,
    End,
    Subject,
    Group,
    Teachers,
    Room,
    Week,
    From,
    Until,
}

pub const COLUMNS: [Column; 10] = [
    Column::Day,
    Column::Start,
    Column::End,
    Column::Subject,
    Column::Group,
    Column::Teachers,
    Column::Room,
    Column::Week,
    Column::From,
    Column::Until,
];

/// The most lessons one file may hold (a large lycée has about 1,500).
pub const MAX_LINES: usize = 5_000;
/// The longest name (subject, group, room) a line may give, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// Why a line is refused; a line may have several.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// Not ten fields.
    FieldCount {
        found: usize,
    },
    /// A column that must be filled is empty.
    Missing(Column),
    /// The text of a column cannot be read as what it should be.
    Unreadable {
        column: Column,
        text: String,
    },
    Sunday,
    Slot(SlotError),
    /// Not a login name.
    Login(String),
    TeacherTwice(String),
    /// More than [`super::lesson::MAX_TEACHERS`] teachers.
    TooManyTeachers,
    TooLong(Column),
    UntilBeforeFrom,
    /// A date outside the school year.
    OutsideYear(Column),
}

/// A line read: a lesson whose subject, group, teachers and room are still names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLine {
    pub slot: Slot,
    pub subject: String,
    pub group: String,
    pub teachers: Vec<Username>,
    pub room: Option<String>,
    pub alternation: Alternation,
    #[serde(with = "day::serde_iso")]
    pub from: Date,
    #[serde(with = "day::serde_iso")]
    pub until: Date,
}

/// What became of one line (from 1, the header being line 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineReport {
    pub line: usize,
    pub outcome: Result<LessonLine, Vec<Refusal>>,
}

/// Every line of a file, taken or refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub lines: Vec<LineReport>,
}

impl ImportReport {
    /// Whether every line was taken: only then may the file be imported (all or nothing).
    pub fn is_clean(&self) -> bool {
        self.lines.iter().all(|l| l.outcome.is_ok())
    }

    /// The lessons read, with their lines.
    pub fn taken(&self) -> impl Iterator<Item = (usize, &LessonLine)> {
        self.lines
            .iter()
            .filter_map(|l| l.outcome.as_ref().ok().map(|lesson| (l.line, lesson)))
    }

    /// The lines refused, with why.
    pub fn refused(&self) -> impl Iterator<Item = (usize, &[Refusal])> {
        self.lines
            .iter()
            .filter_map(|l| l.outcome.as_ref().err().map(|r| (l.line, r.as_slice())))
    }
}

/// Why a file cannot be read at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ImportError {
    #[error("a quote opened on line {0} is never closed")]
    Unclosed(usize),
    /// No header line of ten columns (the first line is a lesson, or the file is empty).
    #[error("the first line is not a header of ten columns")]
    NoHeader,
    #[error("no lesson after the header")]
    NoLesson,
    #[error("more than {MAX_LINES} lessons")]
    TooManyLines,
}

/// Reads a file of lessons for `year`.
pub fn read_lessons(text: &str, year: SchoolYear) -> Result<ImportReport, ImportError> {
    let records = rows::records(text).map_err(|e| ImportError::Unclosed(e.0))?;
    let (header, lines) = records.split_first().ok_or(ImportError::NoHeader)?;
    let looks_like_a_lesson = header.fields.first().is_some_and(|f| weekday(f).is_some());
    if header.fields.len() != COLUMNS.len() || looks_like_a_lesson {
        return Err(ImportError::NoHeader);
    }
    if lines.is_empty() {
        return Err(ImportError::NoLesson);
    }
    if lines.len() > MAX_LINES {
        return Err(ImportError::TooManyLines);
    }
    let lines = lines
        .iter()
        .map(|record| LineReport {
            line: record.line,
            outcome: read_line(record, year),
        })
        .collect();
    Ok(ImportReport { lines })
}

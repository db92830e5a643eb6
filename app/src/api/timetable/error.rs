//! The errors of the timetable's server functions: every `AppError`, plus what only timetables
//! can go wrong with.

use crate::api::area_error::{AreaError, AreaProblem};
use domain::timetable::{
    ChangeClash, ChangeError, Clash, HolidayError, ImportError, LessonError, OpenDataError,
    YearError,
};
use serde::{Deserialize, Serialize};

/// Every `AppError`, or a [`TimetableProblem`].
pub type TimetableError = AreaError<TimetableProblem>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum TimetableProblem {
    /// The lesson would put a teacher, a room or pupils in two places at once: saved only once
    /// confirmed.
    #[error("clashes to confirm")]
    LessonClashes(Vec<Clash>),
    /// The same for a change of one date.
    #[error("clashes to confirm")]
    ChangeClashes(Vec<ChangeClash>),
    #[error("the lesson cannot be saved: {0}")]
    Lesson(LessonError),
    #[error("the change cannot be saved: {0}")]
    Change(ChangeError),
    /// The same lesson (group, subject, weekday, start, weeks, first day), or the same extra
    /// lesson (group, subject, date, start), is there already.
    #[error("the lesson is there already")]
    LessonTwice,
    #[error("a room of that name exists")]
    RoomTaken,
    #[error("a room needs a short name")]
    RoomName,
    #[error("holidays: {0}")]
    Year(YearError),
    #[error("a holiday: {0}")]
    Holiday(HolidayError),
    /// The A/B calendar's first week is not in the school year.
    #[error("the first week is not in the school year")]
    FirstWeek,
    #[error("the holiday calendar cannot be read: {0}")]
    OpenData(OpenDataError),
    #[error("the spreadsheet cannot be read: {0}")]
    Spreadsheet(ImportError),
    #[error("the file is larger than the import limit")]
    TooLarge,
}

impl AreaProblem for TimetableProblem {
    fn http_status(&self) -> u16 {
        match self {
            TimetableProblem::LessonClashes(_)
            | TimetableProblem::ChangeClashes(_)
            | TimetableProblem::LessonTwice
            | TimetableProblem::RoomTaken => 409,
            TimetableProblem::TooLarge => 413,
            _ => 422,
        }
    }
}

impl From<TimetableProblem> for TimetableError {
    fn from(p: TimetableProblem) -> Self {
        AreaError::Area(p)
    }
}

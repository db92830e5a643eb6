//! Typed identifiers: an account id cannot be passed where a school id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            pub const fn new(raw: i64) -> Self {
                Self(raw)
            }
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    /// A person's account; one login, whatever roles it holds in however many schools.
    AccountId,
    /// An establishment (école, collège, lycée…).
    SchoolId,
    /// A class or a teaching group (see [`crate::school::GroupKind`]).
    GroupId,
    /// A subject taught (mathématiques, lingua corsa…).
    SubjectId,
    /// A school year (2026-2027).
    SchoolYearId,
    /// An interactive exercise, whatever its versions.
    ExerciseId,
    /// An exercise given to a class or group.
    AssignmentId,
    /// One pupil's attempt at an assignment.
    AttemptId,
    /// A pedagogical sequence (parcours).
    SequenceId,
    /// A sequence given to a class or group.
    SequenceAssignmentId,
    /// A weekly lesson of a timetable (a subject, its teachers, a group, a slot).
    LessonId,
    /// A room of a school, where lessons take place.
    RoomId,
    /// A change to one occurrence of a lesson, or a one-off lesson (cancelled, moved, replaced, extra).
    LessonChangeId,
    /// What was done in one lesson, as the teacher wrote it in the cahier de textes.
    LogEntryId,
    /// Homework set for a class or group, due on a day.
    HomeworkId,
    /// A pupil's hand-in of a homework (text and files), possibly returned by the teacher.
    HandInId,
);

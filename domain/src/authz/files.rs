//! Stored files (`app/src/api/files.rs`): a teacher uploads pictures and recordings for the
//! exercises they write in a school where they teach; a file is read by its owner and by whoever
//! may see an exercise that uses it, as the exercises' own rules say (its author, the pupils it
//! was given to, the teachers who follow it). Nobody else, whatever the id they hold.

use super::Caller;
use super::exercises::{self, AssignmentFacts, ExerciseFacts};
use crate::file::FileUse;
use crate::ids::{AccountId, SchoolId};
use crate::profile::Profile;

/// What a decision needs to know about a stored file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFacts {
    pub school: SchoolId,
    /// `None` once the uploader's account is gone.
    pub owner: Option<AccountId>,
    /// The exercises that use it.
    pub exercises: Vec<ExerciseFacts>,
    /// The assignments of those exercises.
    pub assignments: Vec<AssignmentFacts>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// Upload a file for `usage` in a school.
    Upload { school: SchoolId, usage: FileUse },
    /// Read a file.
    Read(&'a FileFacts),
    /// Name a file in an exercise of one's own, which shares it with the exercise's pupils:
    /// only one's own files, uploaded for that exercise's school.
    Use {
        file: &'a FileFacts,
        exercise: &'a ExerciseFacts,
    },
}

impl Action<'_> {
    pub fn school(&self) -> Option<SchoolId> {
        match *self {
            Action::Upload { school, .. } => Some(school),
            Action::Read(file) | Action::Use { file, .. } => Some(file.school),
        }
    }
}

pub(super) fn allowed(caller: &Caller, action: Action<'_>) -> bool {
    match action {
        Action::Upload { school, usage } => match usage {
            // An archive is uploaded to be imported into one's sequences of that school.
            FileUse::Audio | FileUse::Image | FileUse::Archive => {
                caller.has(Profile::Teacher, school)
            }
        },
        Action::Read(file) => {
            owns(caller, file)
                || file
                    .exercises
                    .iter()
                    .any(|e| exercises::allowed(caller, exercises::Action::Edit(e)))
                || file.assignments.iter().any(|a| {
                    exercises::allowed(caller, exercises::Action::Do(a))
                        || exercises::allowed(caller, exercises::Action::Follow(a))
                })
        }
        Action::Use { file, exercise } => {
            owns(caller, file)
                && file.school == exercise.school
                && exercises::allowed(caller, exercises::Action::Edit(exercise))
        }
    }
}

fn owns(caller: &Caller, file: &FileFacts) -> bool {
    file.owner == Some(caller.account)
}

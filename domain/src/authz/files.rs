//! Stored files (`app/src/api/files.rs`): a teacher uploads pictures and recordings for the
//! exercises they write, and documents, pictures and recordings for the steps of their
//! sequences, in a school where they teach; a file is read by its owner and by whoever may see
//! an exercise or a sequence that uses it, as those areas' own rules say (its author, the pupils
//! it was given to, the teachers who follow it, and for a sequence in the library, the teachers
//! who may read it there). A pupil records spoken answers during an attempt of their own; such a
//! recording is read as the pupil's work is (the pupil, their parents, the teachers who follow
//! the assignment). Files attached to a cahier de textes entry or a homework are read by whoever
//! reads that group's cahier de textes; a pupil uploads files for their hand-ins, read as the
//! hand-in is (the pupil, their parents, the teacher who set it). Nobody else, whatever the id
//! they hold.

use super::Caller;
use super::exercises::{self, AssignmentFacts, ExerciseFacts};
use super::homework::{self, GroupFacts, HandInFacts};
use super::sequences::{self, SequenceFacts};
use crate::file::FileUse;
use crate::ids::{AccountId, SchoolId};
use crate::profile::Profile;

/// What a decision needs to know about a stored file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFacts {
    pub school: SchoolId,
    /// `None` once the uploader's account is gone.
    pub owner: Option<AccountId>,
    pub usage: FileUse,
    /// The exercises that use it.
    pub exercises: Vec<ExerciseFacts>,
    /// The assignments of those exercises.
    pub assignments: Vec<AssignmentFacts>,
    /// The sequences that use it.
    pub sequences: Vec<SequenceFacts>,
    /// Those sequences as given to groups.
    pub given: Vec<AssignmentFacts>,
    /// The attempt it is a spoken answer of, when it is one.
    pub answer: Option<AttemptFacts>,
    /// The groups whose cahier de textes shows it (attached to an entry or a homework).
    pub lessons: Vec<GroupFacts>,
    /// The hand-in it is part of (the pupil's work, or what the teacher gave back with it).
    pub hand_in: Option<HandInFacts>,
}

impl FileFacts {
    /// A file as its record alone tells: used by nothing yet.
    pub fn unused(school: SchoolId, owner: Option<AccountId>, usage: FileUse) -> FileFacts {
        FileFacts {
            school,
            owner,
            usage,
            exercises: vec![],
            assignments: vec![],
            sequences: vec![],
            given: vec![],
            answer: None,
            lessons: vec![],
            hand_in: None,
        }
    }

    /// Whether an author may show it to others through an exercise or a sequence: never a
    /// pupil's answer (their work, read as such) nor a sequence's archive (its owner's alone).
    fn shareable(&self) -> bool {
        !matches!(
            self.usage,
            FileUse::AnswerAudio | FileUse::Archive | FileUse::HandIn
        )
    }
}

/// What a decision needs to know about a pupil's attempt at an assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttemptFacts {
    pub assignment: AssignmentFacts,
    pub pupil: AccountId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// Upload a file for `usage` in a school (an answer's recording goes by [`Action::Answer`]).
    Upload { school: SchoolId, usage: FileUse },
    /// Upload the recording of an answer during an attempt (whether the attempt is still open
    /// is the exercises' rules, checked with the attempt's times).
    Answer(&'a AttemptFacts),
    /// Read a file.
    Read(&'a FileFacts),
    /// Name a file in an exercise of one's own, which shares it with the exercise's pupils:
    /// only one's own files, uploaded for that exercise's school, never a pupil's answer.
    Use {
        file: &'a FileFacts,
        exercise: &'a ExerciseFacts,
    },
    /// Name a file in a sequence of one's own: the same rule.
    UseInSequence {
        file: &'a FileFacts,
        sequence: &'a SequenceFacts,
    },
}

impl Action<'_> {
    pub fn school(&self) -> Option<SchoolId> {
        match *self {
            Action::Upload { school, .. } => Some(school),
            Action::Answer(attempt) => Some(attempt.assignment.school),
            Action::Read(file) | Action::Use { file, .. } | Action::UseInSequence { file, .. } => {
                Some(file.school)
            }
        }
    }
}

pub(super) fn allowed(caller: &Caller, action: Action<'_>) -> bool {
    match action {
        Action::Upload { school, usage } => match usage {
            // An archive is uploaded to be imported into one's sequences of that school.
            FileUse::Audio | FileUse::Image | FileUse::Resource | FileUse::Archive => {
                caller.has(Profile::Teacher, school)
            }
            FileUse::HandIn => caller.has(Profile::Pupil, school),
            FileUse::AnswerAudio => false,
        },
        Action::Answer(attempt) => {
            attempt.pupil == caller.account
                && exercises::allowed(caller, exercises::Action::Do(&attempt.assignment))
        }
        Action::Read(file) => match (&file.hand_in, &file.answer) {
            // Part of a hand-in: read as the hand-in is (its uploader reads it anyway).
            (Some(hand_in), _) => {
                owns(caller, file)
                    || homework::allowed(caller, homework::Action::ReadHandIn(hand_in))
            }
            // A pupil's work: read as the rest of it is, whatever exercise names it.
            (None, Some(attempt)) => exercises::allowed(
                caller,
                exercises::Action::ReadWork {
                    assignment: &attempt.assignment,
                    pupil: attempt.pupil,
                },
            ),
            (None, None) => {
                owns(caller, file)
                    || file
                        .lessons
                        .iter()
                        .any(|g| homework::allowed(caller, homework::Action::ReadGroup(*g)))
                    || file
                        .exercises
                        .iter()
                        .any(|e| exercises::allowed(caller, exercises::Action::Edit(e)))
                    || file.assignments.iter().any(|a| {
                        exercises::allowed(caller, exercises::Action::Do(a))
                            || exercises::allowed(caller, exercises::Action::Follow(a))
                    })
                    || file.sequences.iter().any(|s| {
                        sequences::allowed(caller, sequences::Action::Edit(s))
                            || sequences::allowed(caller, sequences::Action::ReadPublished(s))
                    })
                    || file.given.iter().any(|a| {
                        sequences::allowed(caller, sequences::Action::Do(a))
                            || sequences::allowed(caller, sequences::Action::Follow(a))
                    })
            }
        },
        Action::Use { file, exercise } => {
            owns(caller, file)
                && file.shareable()
                && file.school == exercise.school
                && exercises::allowed(caller, exercises::Action::Edit(exercise))
        }
        Action::UseInSequence { file, sequence } => {
            owns(caller, file)
                && file.shareable()
                && file.school == sequence.school
                && sequences::allowed(caller, sequences::Action::Edit(sequence))
        }
    }
}

fn owns(caller: &Caller, file: &FileFacts) -> bool {
    file.owner == Some(caller.account)
}

//! Pedagogical sequences (`app/src/api/sequences/`): a teacher writes sequences in a school where
//! they teach and alone changes them; gives them to the classes and groups they teach this
//! year, whose pupils go through them; follows the pupils' progress, as a parent follows their
//! own child's. A sequence published to the library is read and copied by teachers of every
//! school, and never changed by them.

use super::Caller;
use super::exercises::{AssignmentFacts, follows, teaches};
use crate::ids::{AccountId, GroupId, SchoolId};
use crate::profile::Profile;
use crate::sequence::Licence;

/// What a decision needs to know about a sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SequenceFacts {
    pub school: SchoolId,
    /// `None` once the author's account is gone.
    pub owner: Option<AccountId>,
    /// In the library (and not deleted).
    pub published: bool,
    pub licence: Licence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// Write a new sequence in a school, list one's own there, or copy one from the library
    /// into it.
    Author(SchoolId),
    /// Read a sequence as written, change it, publish it, delete it.
    Edit(&'a SequenceFacts),
    /// Give a sequence to a group.
    Assign {
        sequence: &'a SequenceFacts,
        group: GroupId,
        /// The school of the group, from storage, never from the request.
        group_school: SchoolId,
    },
    /// Search the library.
    Browse,
    /// Read a sequence of the library, and copy it.
    ReadPublished(&'a SequenceFacts),
    /// Go through a sequence given to one's group.
    Do(&'a AssignmentFacts),
    /// Read everyone's progress on a sequence given to a group.
    Follow(&'a AssignmentFacts),
    /// See the sequences given to a pupil and how far they are: the pupil, a parent.
    Overview(AccountId),
    /// Read one pupil's progress through a given sequence: the pupil, a parent, the teacher.
    ReadWork {
        assignment: &'a AssignmentFacts,
        pupil: AccountId,
    },
}

impl Action<'_> {
    pub fn school(&self) -> Option<SchoolId> {
        match *self {
            Action::Author(school) => Some(school),
            // The library is the instance's, and a pupil's sequences span their schools.
            Action::Browse | Action::Overview(_) => None,
            Action::Edit(sequence)
            | Action::Assign { sequence, .. }
            | Action::ReadPublished(sequence) => Some(sequence.school),
            Action::Do(assignment)
            | Action::Follow(assignment)
            | Action::ReadWork { assignment, .. } => Some(assignment.school),
        }
    }
}

pub(super) fn allowed(caller: &Caller, action: Action<'_>) -> bool {
    match action {
        Action::Author(school) => caller.has(Profile::Teacher, school),
        Action::Edit(sequence) => owns(caller, sequence),
        Action::Assign {
            sequence,
            group,
            group_school,
        } => owns(caller, sequence) && group_school == sequence.school && teaches(caller, group),
        Action::Browse => is_teacher(caller),
        Action::ReadPublished(sequence) => {
            owns(caller, sequence)
                || (sequence.published && sequence.licence.shareable() && is_teacher(caller))
        }
        Action::Do(assignment) => {
            caller.has(Profile::Pupil, assignment.school)
                && caller.groups.contains(&assignment.group)
        }
        Action::Follow(assignment) => follows(caller, assignment),
        Action::Overview(pupil) => pupil == caller.account || caller.children.contains(&pupil),
        Action::ReadWork { assignment, pupil } => {
            (pupil == caller.account && allowed(caller, Action::Do(assignment)))
                || caller.children.contains(&pupil)
                || follows(caller, assignment)
        }
    }
}

fn owns(caller: &Caller, sequence: &SequenceFacts) -> bool {
    sequence.owner == Some(caller.account) && caller.has(Profile::Teacher, sequence.school)
}

/// A teacher of some school of the instance: the library is for teachers only.
fn is_teacher(caller: &Caller) -> bool {
    caller.roles.iter().any(|r| r.profile == Profile::Teacher)
}

//! Interactive exercises (`app/src/api/exercises/`): a teacher writes exercises in a school
//! where they teach and is the only one to see their answers or change them; they assign them to
//! the classes and groups they teach this year; the pupils of those groups do them; the teacher
//! reads the results, and a parent follows their own child's.

use super::Caller;
use crate::ids::{AccountId, GroupId, SchoolId};
use crate::profile::Profile;

/// What a decision needs to know about an exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExerciseFacts {
    pub school: SchoolId,
    /// `None` once the author's account is gone: nobody edits it any more.
    pub owner: Option<AccountId>,
}

/// What a decision needs to know about an assignment: an exercise given to a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssignmentFacts {
    pub school: SchoolId,
    pub group: GroupId,
    /// Who gave it.
    pub teacher: Option<AccountId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// Write a new exercise in a school, and list one's own there.
    Author(SchoolId),
    /// Read an exercise as written, answers included, change it, delete it.
    Edit(&'a ExerciseFacts),
    /// Give an exercise to a group.
    Assign {
        exercise: &'a ExerciseFacts,
        group: GroupId,
        /// The school of the group, from storage, never from the request.
        group_school: SchoolId,
    },
    /// Do an assignment: see its paper, save and submit one's answers.
    Do(&'a AssignmentFacts),
    /// Read everyone's results on an assignment, change or withdraw it.
    Follow(&'a AssignmentFacts),
    /// Give points to the free answers handed in: the teacher who gave it, no colleague.
    Mark(&'a AssignmentFacts),
    /// See the exercises given to a pupil and how they went: the pupil, a parent.
    Overview(AccountId),
    /// Read one pupil's work on an assignment: the pupil, a parent, the teacher.
    ReadWork {
        assignment: &'a AssignmentFacts,
        pupil: AccountId,
    },
}

impl Action<'_> {
    pub fn school(&self) -> Option<SchoolId> {
        match *self {
            Action::Author(school) => Some(school),
            // Across the pupil's schools.
            Action::Overview(_) => None,
            Action::Edit(exercise) | Action::Assign { exercise, .. } => Some(exercise.school),
            Action::Do(assignment)
            | Action::Follow(assignment)
            | Action::Mark(assignment)
            | Action::ReadWork { assignment, .. } => Some(assignment.school),
        }
    }
}

pub(super) fn allowed(caller: &Caller, action: Action<'_>) -> bool {
    match action {
        Action::Author(school) => caller.has(Profile::Teacher, school),
        // The author, while still a teacher there: an exercise stays with its school.
        Action::Edit(exercise) => owns(caller, exercise),
        // Only to a group of the exercise's school that the author teaches this year.
        Action::Assign {
            exercise,
            group,
            group_school,
        } => owns(caller, exercise) && group_school == exercise.school && teaches(caller, group),
        Action::Do(assignment) => {
            caller.has(Profile::Pupil, assignment.school)
                && caller.groups.contains(&assignment.group)
        }
        Action::Follow(assignment) => follows(caller, assignment),
        // Points are the giver's judgement: a colleague who teaches the group reads them.
        Action::Mark(assignment) => {
            caller.has(Profile::Teacher, assignment.school)
                && assignment.teacher == Some(caller.account)
        }
        Action::Overview(pupil) => pupil == caller.account || caller.children.contains(&pupil),
        Action::ReadWork { assignment, pupil } => {
            (pupil == caller.account && allowed(caller, Action::Do(assignment)))
                || caller.children.contains(&pupil)
                || follows(caller, assignment)
        }
    }
}

fn owns(caller: &Caller, exercise: &ExerciseFacts) -> bool {
    exercise.owner == Some(caller.account) && caller.has(Profile::Teacher, exercise.school)
}

pub(super) fn teaches(caller: &Caller, group: GroupId) -> bool {
    caller.teaches.contains(&group)
}

/// The teacher who gave it, and whoever teaches the group this year (a colleague taking over a
/// class sees the work in progress).
pub(super) fn follows(caller: &Caller, assignment: &AssignmentFacts) -> bool {
    caller.has(Profile::Teacher, assignment.school)
        && (assignment.teacher == Some(caller.account) || teaches(caller, assignment.group))
}

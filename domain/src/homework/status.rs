//! What lists show: a pupil's own list of homework, and a teacher's count for one homework.

use super::{HandIn, Homework};
use crate::coded::coded_enum;
use crate::ids::AccountId;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

coded_enum! {
    /// Where one homework stands on a pupil's (or their parent's) list.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum PupilStatus (unknown: UnknownStatus = UnknownStatus) {
        ToDo = "to_do",
        /// The pupil ticked it done (their own reminder; it hands nothing in).
        Done = "done",
        HandedIn = "handed_in",
        HandedInLate = "handed_in_late",
        /// The teacher gave it back (with a comment, maybe a mark).
        Returned = "returned",
        /// Online, the deadline passed, nothing handed in (a draft is not handed in).
        Overdue = "overdue",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown homework status")]
pub struct UnknownStatus;

/// The one rule for a pupil's list. What the teacher did comes first (returned), then what the
/// pupil sent (handed in, on time or late), then, for online homework past its deadline with
/// nothing sent, overdue whatever the pupil ticked: ticking is a reminder, handing in is what
/// counts. Homework done on paper is never overdue: Scola cannot know it was not shown in class,
/// so it stays "to do" or "done" as the pupil says.
pub fn pupil_status(
    homework: &Homework,
    hand_in: Option<&HandIn>,
    done: bool,
    now: Timestamp,
) -> PupilStatus {
    let deadline = homework.deadline();
    match hand_in {
        Some(HandIn::Returned { .. }) => PupilStatus::Returned,
        Some(HandIn::HandedIn { at, .. }) if *at > deadline => PupilStatus::HandedInLate,
        Some(HandIn::HandedIn { .. }) => PupilStatus::HandedIn,
        None | Some(HandIn::Draft { .. }) => {
            if homework.is_online() && now > deadline {
                PupilStatus::Overdue
            } else if done {
                PupilStatus::Done
            } else {
                PupilStatus::ToDo
            }
        }
    }
}

/// A teacher's count for one homework over the pupils of its group. Every pupil is counted
/// once, in one column: `on_time + late + missing + returned` is the number of pupils.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub on_time: usize,
    pub late: usize,
    /// Nothing handed in (a draft included), whether or not the deadline has passed.
    pub missing: usize,
    pub returned: usize,
}

impl Summary {
    /// Counts `pupils` (the group now; a pupil listed twice counts once) against their
    /// `hand_ins`. A hand-in of someone no longer in the group is not counted: the table is
    /// about the group as it is.
    pub fn of(pupils: &[AccountId], hand_ins: &[(AccountId, HandIn)], deadline: Timestamp) -> Self {
        let by_pupil: BTreeMap<AccountId, &HandIn> =
            hand_ins.iter().map(|(pupil, h)| (*pupil, h)).collect();
        let pupils: BTreeSet<AccountId> = pupils.iter().copied().collect();
        let mut summary = Summary::default();
        for pupil in pupils {
            match by_pupil.get(&pupil) {
                Some(HandIn::Returned { .. }) => summary.returned += 1,
                Some(HandIn::HandedIn { at, .. }) if *at > deadline => summary.late += 1,
                Some(HandIn::HandedIn { .. }) => summary.on_time += 1,
                Some(HandIn::Draft { .. }) | None => summary.missing += 1,
            }
        }
        summary
    }

    pub fn pupils(&self) -> usize {
        self.on_time + self.late + self.missing + self.returned
    }
}

//! What a pupil's sitting keeps on this device until the server holds it, so closing the tab,
//! reloading or losing the network loses nothing: the answers as typed ([`Draft`]) and the
//! sitting itself as the server gave it ([`KeptSitting`]), so the page opens again offline.
//!
//! A draft is written on every change and removed once the server has saved those very answers;
//! so a draft found when an attempt opens is newer than what the server has, and wins. Drafts
//! stay after signing out: they are one pupil's answers to one attempt (the key names it), shown
//! to nobody else, and deleting them would lose what the network could not yet send.

use crate::api::exercises::Sitting;
use crate::device;
use domain::exercise::Response;
use domain::ids::{AccountId, AssignmentId, AttemptId};

/// The draft of one attempt.
#[derive(Clone, Copy)]
pub struct Draft(AttemptId);

impl Draft {
    pub fn of(attempt: AttemptId) -> Self {
        Draft(attempt)
    }

    fn key(self) -> String {
        format!("scola-draft-{}", self.0)
    }

    pub fn keep(self, response: &Response) {
        device::set(&self.key(), response);
    }

    pub fn load(self) -> Option<Response> {
        device::get(&self.key())
    }

    /// The server has saved `saved`: the draft goes, unless the pupil has answered more since.
    pub fn saved(self, saved: &Response) {
        if self.load().as_ref() == Some(saved) {
            self.forget();
        }
    }

    pub fn forget(self) {
        device::remove(&self.key());
    }
}

/// An assignment as the server last opened it for one pupil (paper, attempt, rules, the answers
/// it holds), kept until handed in. Named by the account too: on a shared device, another
/// pupil's sitting of the same assignment is never taken for one's own.
#[derive(Clone, Copy)]
pub struct KeptSitting {
    account: AccountId,
    assignment: AssignmentId,
}

impl KeptSitting {
    pub fn of(account: AccountId, assignment: AssignmentId) -> Self {
        KeptSitting {
            account,
            assignment,
        }
    }

    fn key(self) -> String {
        format!("scola-sitting-{}-{}", self.account, self.assignment)
    }

    /// What the server just answered: kept while the attempt is open, dropped once handed in.
    pub fn opened(self, sitting: &Sitting) {
        if sitting.handed_in.is_some() {
            self.forget();
        } else {
            device::set(&self.key(), sitting);
        }
    }

    pub fn load(self) -> Option<Sitting> {
        device::get(&self.key())
    }

    /// The server holds `saved` for this sitting's attempt: opened offline, the sitting shows
    /// them (the draft, removed by that save, no longer would).
    pub fn saved(self, attempt: AttemptId, saved: &Response) {
        if let Some(mut sitting) = self.load().filter(|s| s.attempt == attempt) {
            sitting.response = saved.clone();
            device::set(&self.key(), &sitting);
        }
    }

    pub fn forget(self) {
        device::remove(&self.key());
    }
}

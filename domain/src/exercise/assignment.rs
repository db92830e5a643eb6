//! An exercise given to a class or group: when it can be done, how many times, and when the
//! pupils may see the answers. The server decides with these rules; the browser shows them.

use crate::coded::coded_enum;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// When a pupil may see the answers (the [`super::AnswerKey`]) and their score.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Feedback (unknown: UnknownFeedback = UnknownFeedback) {
        /// While doing it: each answer is checked in the browser as it is given.
        Instant = "instant",
        /// Once the attempt is handed in.
        AfterSubmission = "after_submission",
        /// Once the due date has passed, for everyone at once (nobody passes answers on).
        AfterDue = "after_due",
    }
}

/// A feedback code this version does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown feedback policy")]
pub struct UnknownFeedback;

/// The most attempts a teacher may allow; `None` in [`Rules::attempts`] means no limit.
pub const MAX_ATTEMPTS: u8 = 20;

/// The rules of one assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    pub opens: Timestamp,
    /// After this instant nothing more is handed in.
    pub due: Option<Timestamp>,
    pub feedback: Feedback,
    /// How many attempts a pupil may hand in; `None`: as many as they like.
    pub attempts: Option<u8>,
}

/// Why a teacher's rules cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum RulesProblem {
    #[error("the due date is not after the opening")]
    DueBeforeOpening,
    #[error("between 1 and {MAX_ATTEMPTS} attempts")]
    Attempts,
    #[error("answers after the due date need a due date")]
    AfterDueWithoutDue,
}

/// Why a pupil cannot start or hand in an attempt now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Closed {
    #[error("not open yet")]
    NotYetOpen,
    #[error("the due date has passed")]
    PastDue,
    #[error("no attempts left")]
    NoAttemptsLeft,
    /// This attempt is handed in: nothing more is saved to it.
    #[error("already handed in")]
    HandedIn,
}

impl Rules {
    pub fn problems(&self) -> Vec<RulesProblem> {
        let mut problems = Vec::new();
        if self.due.is_some_and(|due| due <= self.opens) {
            problems.push(RulesProblem::DueBeforeOpening);
        }
        if self.attempts.is_some_and(|n| n == 0 || n > MAX_ATTEMPTS) {
            problems.push(RulesProblem::Attempts);
        }
        if self.feedback == Feedback::AfterDue && self.due.is_none() {
            problems.push(RulesProblem::AfterDueWithoutDue);
        }
        problems
    }

    /// Whether answers may be saved and handed in at `now`.
    pub fn open_at(&self, now: Timestamp) -> Result<(), Closed> {
        if now < self.opens {
            Err(Closed::NotYetOpen)
        } else if self.due.is_some_and(|due| now > due) {
            Err(Closed::PastDue)
        } else {
            Ok(())
        }
    }

    /// Whether a pupil who has handed in `handed_in` attempts may start another at `now`.
    pub fn may_start(&self, now: Timestamp, handed_in: u32) -> Result<(), Closed> {
        self.open_at(now)?;
        match self.attempts {
            Some(allowed) if handed_in >= u32::from(allowed) => Err(Closed::NoAttemptsLeft),
            _ => Ok(()),
        }
    }

    /// Whether the pupil may have the answer key at `now`, with their attempt handed in or not.
    pub fn key_visible(&self, now: Timestamp, handed_in: bool) -> bool {
        match self.feedback {
            Feedback::Instant => true,
            Feedback::AfterSubmission => handed_in,
            Feedback::AfterDue => self.due.is_some_and(|due| now > due),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENS: i64 = 1_000;
    const DUE: i64 = 2_000;

    fn rules(feedback: Feedback, attempts: Option<u8>) -> Rules {
        Rules {
            opens: Timestamp::from_unix(OPENS),
            due: Some(Timestamp::from_unix(DUE)),
            feedback,
            attempts,
        }
    }

    #[test]
    fn the_window_and_the_attempts_decide_who_may_start() {
        let r = rules(Feedback::Instant, Some(2));
        let at = Timestamp::from_unix;
        assert_eq!(r.may_start(at(OPENS - 1), 0), Err(Closed::NotYetOpen));
        assert_eq!(r.may_start(at(OPENS), 0), Ok(()));
        assert_eq!(r.may_start(at(DUE), 1), Ok(()));
        assert_eq!(r.may_start(at(DUE), 2), Err(Closed::NoAttemptsLeft));
        assert_eq!(r.may_start(at(DUE + 1), 0), Err(Closed::PastDue));
        let unlimited = rules(Feedback::Instant, None);
        assert_eq!(unlimited.may_start(at(OPENS), 1_000), Ok(()));
    }

    #[test]
    fn answers_show_when_the_teacher_said() {
        let at = Timestamp::from_unix;
        let cases = [
            (Feedback::Instant, OPENS, false, true),
            (Feedback::AfterSubmission, OPENS, false, false),
            (Feedback::AfterSubmission, OPENS, true, true),
            (Feedback::AfterDue, OPENS, true, false),
            (Feedback::AfterDue, DUE, true, false),
            (Feedback::AfterDue, DUE + 1, false, true),
        ];
        for (feedback, now, handed_in, visible) in cases {
            assert_eq!(
                rules(feedback, None).key_visible(at(now), handed_in),
                visible,
                "{feedback:?} at {now}, handed in: {handed_in}"
            );
        }
    }

    #[test]
    fn rules_that_cannot_work_are_refused() {
        let mut r = rules(Feedback::AfterDue, Some(0));
        r.due = Some(Timestamp::from_unix(OPENS));
        assert_eq!(
            r.problems(),
            vec![RulesProblem::DueBeforeOpening, RulesProblem::Attempts]
        );
        r.due = None;
        r.attempts = Some(MAX_ATTEMPTS);
        assert_eq!(r.problems(), vec![RulesProblem::AfterDueWithoutDue]);
        assert!(rules(Feedback::Instant, Some(1)).problems().is_empty());
    }
}

//! How long a session lives without use, when the person is warned, and how often its last use
//! is written down.
//!
//! The server writes a session's `last_seen` at most once per [`IdleLimit::touch_every`], so
//! that the gate run before every server function stays a read; the stored time may therefore
//! lag the real last use by up to that much, and the idle rule grants that lag rather than end a
//! session early.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The idle limit when none is configured (`SCOLA_IDLE_MINUTES`).
pub const DEFAULT_IDLE_MINUTES: i64 = 30;
/// The longest idle limit an instance may set: a working day.
pub const MAX_IDLE_MINUTES: i64 = 12 * 60;
/// How long before the end the app warns, for the usual limits.
pub const WARN_BEFORE_SECONDS: i64 = 60;
/// `last_seen` is rewritten at most this often.
pub const TOUCH_EVERY_SECONDS: i64 = 60;

/// How long a session may go unused before it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdleLimit {
    seconds: i64,
}

impl IdleLimit {
    /// A limit in minutes, as configured: 1 minute to [`MAX_IDLE_MINUTES`].
    pub fn minutes(minutes: i64) -> Option<IdleLimit> {
        (1..=MAX_IDLE_MINUTES)
            .contains(&minutes)
            .then_some(IdleLimit {
                seconds: minutes * 60,
            })
    }

    /// A limit in seconds (at least 2): for tests that cannot wait minutes.
    pub fn seconds_for_tests(seconds: i64) -> IdleLimit {
        IdleLimit {
            seconds: seconds.clamp(2, MAX_IDLE_MINUTES * 60),
        }
    }

    pub const fn seconds(self) -> i64 {
        self.seconds
    }

    /// How often `last_seen` is rewritten: once a minute, or more often for short limits so the
    /// lag stays a tenth of the limit.
    pub fn touch_every(self) -> i64 {
        (self.seconds / 10).clamp(1, TOUCH_EVERY_SECONDS)
    }

    /// Whether a session whose stored `last_seen` is `last_seen` has been idle too long at `now`.
    pub fn is_idle(self, last_seen: Timestamp, now: Timestamp) -> bool {
        now.unix() - last_seen.unix() >= self.seconds + self.touch_every()
    }

    /// The oldest stored `last_seen` a live session may have at `now` (for a query's `WHERE`).
    pub fn oldest_live(self, now: Timestamp) -> Timestamp {
        now.plus_seconds(-(self.seconds + self.touch_every()) + 1)
    }

    /// Whether the gate should write `now` as the session's `last_seen`.
    pub fn needs_touch(self, last_seen: Timestamp, now: Timestamp) -> bool {
        now.unix() - last_seen.unix() >= self.touch_every()
    }

    /// How long before the end the app warns: a minute, or half the limit when it is short.
    pub fn warn_before(self) -> i64 {
        WARN_BEFORE_SECONDS.min(self.seconds / 2)
    }

    /// What the app should show after `unused_seconds` without the person doing anything.
    pub fn state_after(self, unused_seconds: i64) -> IdleState {
        if unused_seconds >= self.seconds {
            IdleState::Ended
        } else if unused_seconds >= self.seconds - self.warn_before() {
            IdleState::Warn {
                seconds_left: self.seconds - unused_seconds,
            }
        } else {
            IdleState::Active
        }
    }
}

impl Default for IdleLimit {
    fn default() -> Self {
        IdleLimit {
            seconds: DEFAULT_IDLE_MINUTES * 60,
        }
    }
}

/// Where an unused session stands, as the app shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdleState {
    Active,
    /// The person is about to be signed out and may stay.
    Warn {
        seconds_left: i64,
    },
    Ended,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_unix(1_800_000_000 + s)
    }

    #[test]
    fn limits_are_configured_in_minutes_within_bounds() {
        assert_eq!(IdleLimit::minutes(30), Some(IdleLimit::default()));
        assert_eq!(IdleLimit::minutes(0), None);
        assert_eq!(IdleLimit::minutes(-5), None);
        assert_eq!(IdleLimit::minutes(MAX_IDLE_MINUTES + 1), None);
    }

    #[test]
    fn a_session_ends_after_the_limit_plus_the_touch_lag() {
        let limit = IdleLimit::default();
        assert_eq!(limit.touch_every(), 60);
        assert!(!limit.is_idle(at(0), at(30 * 60)));
        assert!(!limit.is_idle(at(0), at(31 * 60 - 1)));
        assert!(limit.is_idle(at(0), at(31 * 60)));
        // The query's bound agrees with the rule.
        let now = at(31 * 60);
        assert!(limit.is_idle(limit.oldest_live(now).plus_seconds(-1), now));
        assert!(!limit.is_idle(limit.oldest_live(now), now));
    }

    #[test]
    fn last_seen_is_written_once_a_minute_or_a_tenth_of_a_short_limit() {
        let limit = IdleLimit::default();
        assert!(!limit.needs_touch(at(0), at(59)));
        assert!(limit.needs_touch(at(0), at(60)));
        let short = IdleLimit::seconds_for_tests(8);
        assert_eq!(short.touch_every(), 1);
        assert!(short.needs_touch(at(0), at(1)));
        assert!(!short.is_idle(at(0), at(8)));
        assert!(short.is_idle(at(0), at(9)));
    }

    #[test]
    fn the_app_warns_a_minute_before_then_ends() {
        let limit = IdleLimit::default();
        assert_eq!(limit.state_after(0), IdleState::Active);
        assert_eq!(limit.state_after(29 * 60 - 1), IdleState::Active);
        assert_eq!(
            limit.state_after(29 * 60),
            IdleState::Warn { seconds_left: 60 }
        );
        assert_eq!(
            limit.state_after(30 * 60 - 1),
            IdleState::Warn { seconds_left: 1 }
        );
        assert_eq!(limit.state_after(30 * 60), IdleState::Ended);
        // A short limit warns for half of it.
        let short = IdleLimit::seconds_for_tests(8);
        assert_eq!(short.state_after(3), IdleState::Active);
        assert_eq!(short.state_after(4), IdleState::Warn { seconds_left: 4 });
    }
}

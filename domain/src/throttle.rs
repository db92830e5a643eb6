//! Slowing down password guessing without locking the real user out for good.
//!
//! Failures are counted per login name, whether or not an account has it, so that a lock never
//! reveals which names exist. Past [`FREE_FAILURES`] the name is locked for a while that doubles
//! with each further failure up to [`MAX_LOCK_SECONDS`]; a success clears the count.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Failures allowed before the first lock: enough for typos, too few for guessing.
pub const FREE_FAILURES: u32 = 5;
pub const FIRST_LOCK_SECONDS: i64 = 60;
pub const MAX_LOCK_SECONDS: i64 = 15 * 60;
/// A failure older than this no longer counts: a forgotten password last term is not held
/// against the user today.
pub const FORGET_AFTER_SECONDS: i64 = 24 * 60 * 60;

/// The recent failed sign-ins for one login name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failures {
    pub count: u32,
    pub last: Timestamp,
}

/// A sign-in refused before the password is even checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locked {
    pub retry_after_seconds: i64,
}

impl Failures {
    /// The failures still counting at `now`.
    pub fn current(record: Option<Failures>, now: Timestamp) -> Option<Failures> {
        record.filter(|f| now.unix() - f.last.unix() < FORGET_AFTER_SECONDS)
    }

    /// Records one more failure at `now`.
    pub fn after_failure(record: Option<Failures>, now: Timestamp) -> Failures {
        let count = Self::current(record, now).map_or(0, |f| f.count);
        Failures {
            count: count.saturating_add(1),
            last: now,
        }
    }

    /// How long this name stays locked after its last failure.
    fn lock_seconds(self) -> i64 {
        if self.count < FREE_FAILURES {
            return 0;
        }
        let doublings = (self.count - FREE_FAILURES).min(10);
        (FIRST_LOCK_SECONDS << doublings).min(MAX_LOCK_SECONDS)
    }

    /// Whether a sign-in may be attempted at `now`.
    pub fn check(record: Option<Failures>, now: Timestamp) -> Result<(), Locked> {
        let Some(f) = Self::current(record, now) else {
            return Ok(());
        };
        let until = f.last.unix() + f.lock_seconds();
        if now.unix() < until {
            Err(Locked {
                retry_after_seconds: until - now.unix(),
            })
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_unix(1_800_000_000 + s)
    }

    #[test]
    fn typos_are_free_then_locks_grow_and_cap() {
        let mut rec = None;
        for i in 0..FREE_FAILURES - 1 {
            rec = Some(Failures::after_failure(rec, at(i as i64)));
            assert_eq!(Failures::check(rec, at(i as i64)), Ok(()));
        }
        let expected = [60, 120, 240, 480, 900, 900];
        for (k, secs) in expected.into_iter().enumerate() {
            let t = at(100 + k as i64 * 10_000);
            rec = Some(Failures::after_failure(rec, t));
            assert_eq!(
                Failures::check(rec, t),
                Err(Locked {
                    retry_after_seconds: secs
                })
            );
            assert_eq!(Failures::check(rec, t.plus_seconds(secs)), Ok(()));
        }
    }

    #[test]
    fn old_failures_are_forgotten() {
        let mut rec = None;
        for _ in 0..20 {
            rec = Some(Failures::after_failure(rec, at(0)));
        }
        let later = at(FORGET_AFTER_SECONDS);
        assert_eq!(Failures::check(rec, later), Ok(()));
        assert_eq!(Failures::after_failure(rec, later).count, 1);
    }
}

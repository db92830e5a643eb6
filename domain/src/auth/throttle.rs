//! Slowing down password guessing without letting an attacker lock the real user out for good.
//!
//! Every attempt is counted *before* its password is checked, by storage, atomically, and the
//! decision is taken on the counts storage returns: parallel guesses cannot slip between a read
//! and a write. Three counters, all of the same shape ([`Limit`]):
//!
//! - [`NAME_FROM_ADDRESS`]: one login name from one client address. The strict one: a few tries
//!   for typos, then locks that grow. It only stops whoever guesses from that address.
//! - [`NAME`]: one login name from anywhere, ten times looser: it stops guessing spread over
//!   many addresses (a botnet): the free tries of five addresses already reach it.
//! - [`ADDRESS`]: one client address, whatever the name: it stops spraying a common password
//!   over predictable `prenom.nom` names. Loose, for a school behind one address.
//!
//! The last two would let anyone lock a real user (or a whole school) out by failing on purpose
//! every few minutes. So they do not apply where the name has signed in successfully before
//! ([`KNOWN_ADDRESS_SECONDS`]): a teacher keeps signing in from home and from school while an
//! attacker elsewhere keeps failing. Whoever guesses from such an address (a pupil on the school
//! network) still meets the strict per-name-and-address limit.
//!
//! Failures are counted per login name whether or not an account has it, so a lock never tells
//! which names exist. Locks run from the last *checked* failure: attempts refused by a lock are
//! counted (they lengthen the lock, up to its maximum) but cannot push its end further.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// One kind of counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// Attempts checked before the first lock: enough for typos, too few for guessing.
    pub free: u32,
    pub first_lock_seconds: i64,
    pub max_lock_seconds: i64,
    /// Counts whose last checked failure is older than this start again from zero.
    pub forget_after_seconds: i64,
}

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

pub const NAME_FROM_ADDRESS: Limit = Limit {
    free: 4,
    first_lock_seconds: MINUTE,
    max_lock_seconds: 15 * MINUTE,
    // A forgotten password last term is not held against the user today.
    forget_after_seconds: DAY,
};

pub const NAME: Limit = Limit {
    free: 20,
    ..NAME_FROM_ADDRESS
};

/// A collège behind one address sees a few typos an hour, not a hundred.
pub const ADDRESS: Limit = Limit {
    free: 100,
    first_lock_seconds: MINUTE,
    max_lock_seconds: 15 * MINUTE,
    forget_after_seconds: HOUR,
};

/// Codes of a second factor (authenticator app or recovery code), per account: a code is six
/// digits, so guessing must stop long before a million tries.
pub const SECOND_FACTOR: Limit = Limit {
    free: 5,
    ..NAME_FROM_ADDRESS
};

/// How long a successful sign-in makes its address a known one for that name: a school year.
pub const KNOWN_ADDRESS_SECONDS: i64 = 365 * DAY;

/// One counter as storage returned it, the attempt being decided included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failures {
    /// Attempts counted since the count last started, this one included.
    pub count: u32,
    /// The last checked failure, or when the count started: locks run from here.
    pub last: Timestamp,
}

/// A sign-in refused before the password is even checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locked {
    pub retry_after_seconds: i64,
}

impl Limit {
    /// Counts whose last checked failure is before this instant are forgotten: storage starts
    /// them again at 1 when it counts the next attempt, and sweeps them away.
    pub fn forget_before(&self, now: Timestamp) -> Timestamp {
        now.plus_seconds(-self.forget_after_seconds)
    }

    /// How long the counter stays locked after its last checked failure.
    fn lock_seconds(&self, count: u32) -> i64 {
        if count <= self.free {
            return 0;
        }
        let doublings = (count - self.free - 1).min(16);
        (self.first_lock_seconds << doublings).min(self.max_lock_seconds)
    }

    /// Whether the attempt that brought the counter to `counted` may have its password checked.
    pub fn check(&self, counted: Failures, now: Timestamp) -> Result<(), Locked> {
        let until = counted.last.unix() + self.lock_seconds(counted.count);
        if now.unix() < until {
            Err(Locked {
                retry_after_seconds: until - now.unix(),
            })
        } else {
            Ok(())
        }
    }
}

/// The counters of one sign-in attempt at a well-formed login name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameAttempt {
    pub from_address: Failures,
    pub everywhere: Failures,
    pub address: Failures,
    /// The last successful sign-in of this name from this address.
    pub succeeded_from_address: Option<Timestamp>,
}

impl NameAttempt {
    /// Whether this attempt's password may be checked; when several limits refuse, the longest
    /// wait is the one to tell.
    pub fn check(&self, now: Timestamp) -> Result<(), Locked> {
        let known = self
            .succeeded_from_address
            .is_some_and(|at| now.unix() - at.unix() < KNOWN_ADDRESS_SECONDS);
        let mut verdicts = vec![NAME_FROM_ADDRESS.check(self.from_address, now)];
        if !known {
            verdicts.push(NAME.check(self.everywhere, now));
            verdicts.push(ADDRESS.check(self.address, now));
        }
        verdicts
            .into_iter()
            .filter_map(Result::err)
            .max_by_key(|l| l.retry_after_seconds)
            .map_or(Ok(()), Err)
    }
}

/// An attempt at a name that cannot exist counts against its address only: nothing to guess,
/// but spraying is spraying.
pub fn check_malformed(address: Failures, now: Timestamp) -> Result<(), Locked> {
    ADDRESS.check(address, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_unix(1_800_000_000 + s)
    }

    fn counted(count: u32, last: i64) -> Failures {
        Failures {
            count,
            last: at(last),
        }
    }

    fn attempt(pair: u32, name: u32, address: u32, known: Option<i64>) -> NameAttempt {
        NameAttempt {
            from_address: counted(pair, 0),
            everywhere: counted(name, 0),
            address: counted(address, 0),
            succeeded_from_address: known.map(at),
        }
    }

    #[test]
    fn typos_are_free_then_locks_grow_and_cap() {
        let l = NAME_FROM_ADDRESS;
        for count in 1..=l.free {
            assert_eq!(l.check(counted(count, 0), at(0)), Ok(()));
        }
        let expected = [60, 120, 240, 480, 900, 900, 900];
        for (k, secs) in expected.into_iter().enumerate() {
            let c = counted(l.free + 1 + k as u32, 0);
            assert_eq!(
                l.check(c, at(0)),
                Err(Locked {
                    retry_after_seconds: secs
                })
            );
            assert_eq!(l.check(c, at(secs)), Ok(()));
        }
        // However many attempts were refused, a lock ends at most 15 min after the last check.
        assert_eq!(l.check(counted(u32::MAX, 0), at(900)), Ok(()));
    }

    #[test]
    fn counts_are_forgotten_after_their_window() {
        assert_eq!(NAME.forget_before(at(DAY)), at(0));
        assert_eq!(ADDRESS.forget_before(at(DAY)), at(DAY - HOUR));
    }

    #[test]
    fn the_strictest_wait_is_told_and_known_addresses_skip_the_loose_limits() {
        // Fifty guesses at one name from one address: locked by the pair, the name, the address?
        assert_eq!(
            attempt(50, 50, 50, None).check(at(0)),
            Err(Locked {
                retry_after_seconds: 900
            })
        );
        // The real user, from where they signed in last month: the name's count is high
        // because of someone elsewhere, but their own address has no failures.
        assert_eq!(attempt(1, 500, 1, Some(-30 * DAY)).check(at(0)), Ok(()));
        // The same user from a new place is held by the name's global count.
        assert!(attempt(1, 500, 1, None).check(at(0)).is_err());
        // A known address long unused is new again.
        assert!(attempt(1, 500, 1, Some(-400 * DAY)).check(at(0)).is_err());
        // An address spraying names: locked on a name it never tried before.
        assert!(attempt(1, 1, ADDRESS.free + 1, None).check(at(0)).is_err());
        // Whoever guesses from a known address still meets the strict limit.
        assert!(attempt(5, 5, 5, Some(0)).check(at(0)).is_err());
    }

    #[test]
    fn malformed_names_count_against_the_address() {
        assert_eq!(check_malformed(counted(ADDRESS.free, 0), at(0)), Ok(()));
        assert!(check_malformed(counted(ADDRESS.free + 1, 0), at(0)).is_err());
    }
}

//! Time as the rules see it: seconds since the Unix epoch, passed in by the caller.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(i64);

impl Timestamp {
    pub const fn from_unix(seconds: i64) -> Self {
        Self(seconds)
    }
    pub const fn unix(self) -> i64 {
        self.0
    }
    pub const fn plus_seconds(self, seconds: i64) -> Self {
        Self(self.0 + seconds)
    }

    /// The calendar day (year, month, day) of this instant in UTC, for showing a date; after
    /// Howard Hinnant's `civil_from_days`.
    pub const fn utc_date(self) -> (i64, u32, u32) {
        let z = self.0.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
        (year, month, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(Timestamp::from_unix(0).utc_date(), (1970, 1, 1));
        assert_eq!(Timestamp::from_unix(951_782_400).utc_date(), (2000, 2, 29));
        // 2026-11-25 23:59:59 UTC, then the next day.
        assert_eq!(
            Timestamp::from_unix(1_795_651_199).utc_date(),
            (2026, 11, 25)
        );
        assert_eq!(
            Timestamp::from_unix(1_795_651_200).utc_date(),
            (2026, 11, 26)
        );
    }
}

//! Points, percentages and the exact share of an item's points a response earns.
//!
//! **Rounding, the one rule.** Scoring works with exact fractions ([`Credit`]); the only rounding
//! is when an item's credit becomes points ([`Points::share`]): to the nearest hundredth of a
//! point, halves rounded up (away from zero, all points being positive). Totals add the rounded
//! item points, so the total is always the sum of what each item shows.

use serde::{Deserialize, Serialize};
use std::iter::Sum;
use std::ops::Add;

/// A number of points in hundredths of a point: `Points::from_hundredths(150)` is 1.5 points, and
/// it is stored as `150`. Exact, never a float, so the browser and the server always agree.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Points(u32);

impl Points {
    pub const ZERO: Points = Points(0);

    pub const fn from_hundredths(hundredths: u32) -> Self {
        Self(hundredths)
    }

    /// `n` whole points, or `None` past the largest number of points.
    pub const fn whole(n: u32) -> Option<Self> {
        match n.checked_mul(100) {
            Some(h) => Some(Self(h)),
            None => None,
        }
    }

    pub const fn hundredths(self) -> u32 {
        self.0
    }

    /// Points as a teacher types them: `2`, `1,5`, `0.25`; at most two places, never negative.
    pub fn parse(text: &str) -> Option<Points> {
        let value: super::Decimal = text.parse().ok()?;
        let hundredths = value.hundredths()?;
        u32::try_from(hundredths).ok().map(Points)
    }

    /// The share `credit` of these points, rounded to the hundredth, half up: the module's one
    /// rounding rule.
    pub fn share(self, credit: Credit) -> Points {
        let (num, den) = (u128::from(credit.num), u128::from(credit.den));
        let exact_times_2den = u128::from(self.0) * num * 2;
        let rounded = (exact_times_2den + den) / (2 * den);
        // The credit is at most 1, so the share never exceeds `self`.
        Points(u32::try_from(rounded).unwrap_or(self.0))
    }
}

impl Add for Points {
    type Output = Points;
    /// Saturates: no exercise comes near 42 million points, and a total must not wrap.
    fn add(self, other: Points) -> Points {
        Points(self.0.saturating_add(other.0))
    }
}

impl Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, Add::add)
    }
}

/// A whole percentage from 0 to 100: the credit a teacher gives an answer (100: right, 50: half
/// right, 0: an anticipated wrong answer with its own feedback).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Percent(u8);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("a percentage is between 0 and 100")]
pub struct InvalidPercent;

impl Percent {
    pub const ZERO: Percent = Percent(0);
    pub const FULL: Percent = Percent(100);

    pub const fn new(value: u8) -> Result<Self, InvalidPercent> {
        if value <= 100 {
            Ok(Self(value))
        } else {
            Err(InvalidPercent)
        }
    }

    pub const fn get(self) -> u8 {
        self.0
    }

    pub const fn is_full(self) -> bool {
        self.0 == 100
    }

    pub fn credit(self) -> Credit {
        Credit::ratio(u64::from(self.0), 100)
    }
}

impl Default for Percent {
    /// Full credit: an answer a teacher lists is a right one unless said otherwise.
    fn default() -> Self {
        Percent::FULL
    }
}

impl TryFrom<u8> for Percent {
    type Error = InvalidPercent;
    fn try_from(value: u8) -> Result<Self, InvalidPercent> {
        Self::new(value)
    }
}

impl From<Percent> for u8 {
    fn from(p: Percent) -> u8 {
        p.0
    }
}

/// The exact share of an item's points a response earns: a fraction between 0 and 1.
#[derive(Clone, Copy, Debug)]
pub struct Credit {
    num: u64,
    den: u64,
}

impl Credit {
    pub const NONE: Credit = Credit { num: 0, den: 1 };
    pub const FULL: Credit = Credit { num: 1, den: 1 };

    /// `num / den`, clamped to [0, 1]; nothing out of nothing (`den == 0`) is no credit.
    pub fn ratio(num: u64, den: u64) -> Credit {
        if den == 0 {
            Credit::NONE
        } else {
            Credit {
                num: num.min(den),
                den,
            }
        }
    }

    /// `num / den` where penalties may have taken `num` below zero: never below no credit.
    pub fn floored(num: i64, den: u64) -> Credit {
        Credit::ratio(u64::try_from(num).unwrap_or(0), den)
    }

    /// The mean of `parts` (each gap of a cloze weighs the same); no part is no credit.
    pub fn mean(parts: &[Credit]) -> Credit {
        // Summed over the least common denominator: parts are percentages or small counts, so
        // it stays far from overflow (and saturates rather than panic if it ever did not).
        let mut sum = Credit::NONE;
        for part in parts {
            let den = lcm(sum.den, part.den);
            sum = Credit {
                num: (sum.num.saturating_mul(den / sum.den))
                    .saturating_add(part.num.saturating_mul(den / part.den)),
                den,
            };
        }
        let count = parts.len() as u64;
        if count == 0 {
            return Credit::NONE;
        }
        Credit::ratio(sum.num, sum.den.saturating_mul(count))
    }

    pub fn is_none(self) -> bool {
        self.num == 0
    }

    pub fn is_full(self) -> bool {
        self.num == self.den
    }
}

impl PartialEq for Credit {
    fn eq(&self, other: &Credit) -> bool {
        u128::from(self.num) * u128::from(other.den) == u128::from(other.num) * u128::from(self.den)
    }
}

impl Eq for Credit {}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn lcm(a: u64, b: u64) -> u64 {
    (a / gcd(a, b)).saturating_mul(b)
}

#[cfg(test)]
mod tests {
    use super::Points;

    #[test]
    fn points_are_typed_with_a_comma_or_a_point_and_two_places_at_most() {
        let parsed = |t: &str| Points::parse(t).map(Points::hundredths);
        assert_eq!(parsed("2"), Some(200));
        assert_eq!(parsed("1,5"), Some(150));
        assert_eq!(parsed(" 0.25 "), Some(25));
        assert_eq!(parsed("0"), Some(0));
        assert_eq!(parsed("1,255"), None);
        assert_eq!(parsed("-1"), None);
        assert_eq!(parsed("deux"), None);
        assert_eq!(parsed(""), None);
    }
}

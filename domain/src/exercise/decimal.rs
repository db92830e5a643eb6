//! Exact decimal numbers, as pupils type them and teachers set them: `3,14`, `-0.5`, `1 000`.
//!
//! A binary float cannot hold 0.1, so `0.1 + 0.2 == 0.3` style traps would make a right answer
//! wrong on one side and right on the other; here a number is an integer and a count of decimal
//! places, and every comparison is exact integer arithmetic.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// The most significant digits a number may have: school numbers are far shorter, and the
/// bound keeps every computation within 128-bit integers.
pub const MAX_DIGITS: u32 = 18;

/// An exact decimal number, `mantissa × 10^-scale`, kept without trailing zeros so that equal
/// numbers are equal values (`1.50` is `1.5`). Stored as text (`"-12.5"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Decimal {
    mantissa: i64,
    scale: u32,
}

/// Why a text is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InvalidDecimal {
    #[error("not a number")]
    NotANumber,
    #[error("a number has at most {MAX_DIGITS} significant digits")]
    TooManyDigits,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// `mantissa × 10^-scale`, or `None` past [`MAX_DIGITS`] digits or decimal places.
    pub fn new(mantissa: i64, scale: u32) -> Option<Decimal> {
        let (mut mantissa, mut scale) = (mantissa, scale);
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        let fits = scale <= MAX_DIGITS && mantissa.unsigned_abs() < 10u64.pow(MAX_DIGITS);
        fits.then_some(Decimal { mantissa, scale })
    }

    pub const fn from_int(n: i32) -> Decimal {
        Decimal {
            mantissa: n as i64,
            scale: 0,
        }
    }

    /// The value in hundredths, when it has no more than two places and fits.
    pub fn hundredths(self) -> Option<i64> {
        let up = 2_u32.checked_sub(self.scale)?;
        self.mantissa.checked_mul(10_i64.checked_pow(up)?)
    }

    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// Reads a number at the start of `text`, and gives back what follows it (a unit, or
    /// anything else). Accepted, as French and Corsican pupils write numbers:
    /// - a sign `+`, `-` or the typographic minus `−`;
    /// - a decimal comma or point (`3,14`, `3.14`, `,5`, `5,`);
    /// - thousands separated by a space of any kind (`1 000`, `1 000 000,5`, with a normal,
    ///   no-break or narrow no-break space), each group after the first of exactly three digits.
    ///
    /// Not accepted: exponents (`1e3`), fractions (`1/2`), and thousands separated by a point or
    /// comma (`1.000,5`: the separator would be ambiguous).
    pub fn read_prefix(text: &str) -> Result<(Decimal, &str), InvalidDecimal> {
        let mut rest = text.trim_start();
        let negative = match rest.chars().next() {
            Some(c @ ('+' | '-' | '\u{2212}')) => {
                rest = &rest[c.len_utf8()..];
                c != '+'
            }
            _ => false,
        };
        let mut digits = String::new();
        let (whole, after) = leading_digits(rest);
        digits.push_str(whole);
        rest = after;
        // Thousands groups: a space, then exactly three digits not followed by another digit.
        if !whole.is_empty() {
            while let Some(space) = rest.chars().next().filter(|c| c.is_whitespace()) {
                let after_space = &rest[space.len_utf8()..];
                let (group, after_group) = leading_digits(after_space);
                if group.len() != 3 {
                    break;
                }
                digits.push_str(group);
                rest = after_group;
            }
        }
        let mut scale = 0u32;
        if let Some(after_point) = rest.strip_prefix([',', '.']) {
            let (fraction, after_fraction) = leading_digits(after_point);
            if !(whole.is_empty() && fraction.is_empty()) {
                digits.push_str(fraction);
                scale = u32::try_from(fraction.len()).map_err(|_| InvalidDecimal::TooManyDigits)?;
                rest = after_fraction;
            }
        }
        if digits.is_empty() {
            return Err(InvalidDecimal::NotANumber);
        }
        // Trailing zeros of the fraction and leading zeros carry no digit of the value.
        let mut significant = digits.trim_start_matches('0');
        while scale > 0 && significant.ends_with('0') {
            significant = &significant[..significant.len() - 1];
            scale -= 1;
        }
        if significant.len() > MAX_DIGITS as usize || scale > MAX_DIGITS {
            return Err(InvalidDecimal::TooManyDigits);
        }
        let magnitude: i64 = if significant.is_empty() {
            0
        } else {
            significant
                .parse()
                .map_err(|_| InvalidDecimal::TooManyDigits)?
        };
        let mantissa = if negative { -magnitude } else { magnitude };
        let value = Decimal::new(mantissa, scale).ok_or(InvalidDecimal::TooManyDigits)?;
        Ok((value, rest))
    }

    /// Whether `self` is within `margin` of `target` (`margin` taken as zero if negative).
    pub(crate) fn within(self, target: Decimal, margin: Decimal) -> bool {
        let gap = self.distance(target);
        let allowed = u128::from(margin.mantissa.max(0).unsigned_abs());
        compare_scaled(gap, (allowed, margin.scale)) != Ordering::Greater
    }

    /// Whether `self` is within `percent` % of `target`'s size from it (`percent` taken as zero
    /// if negative). Around a target of zero only zero is.
    pub(crate) fn within_percent(self, target: Decimal, percent: Decimal) -> bool {
        let gap = self.distance(target);
        let percent_m = u128::from(percent.mantissa.max(0).unsigned_abs());
        // percent × |target| / 100, exactly: the product of two mantissas below 10^18 fits.
        let allowed = percent_m * u128::from(target.mantissa.unsigned_abs());
        let allowed_scale = percent.scale + target.scale + 2;
        compare_scaled(gap, (allowed, allowed_scale)) != Ordering::Greater
    }

    /// |self − other| as a magnitude and its scale (both fit: mantissas below 10^18 raised to at
    /// most 18 places stay below 10^36).
    fn distance(self, other: Decimal) -> (u128, u32) {
        let scale = self.scale.max(other.scale);
        let a = i128::from(self.mantissa) * 10i128.pow(scale - self.scale);
        let b = i128::from(other.mantissa) * 10i128.pow(scale - other.scale);
        ((a - b).unsigned_abs(), scale)
    }
}

#[cfg(feature = "exchange")]
impl Decimal {
    /// `(mantissa, scale)`: the value is `mantissa × 10^-scale`. For the exchange formats'
    /// conversions (weights, ranges, tolerances), which need exact arithmetic on file values.
    pub(crate) fn parts(self) -> (i64, u32) {
        (self.mantissa, self.scale)
    }
}

/// Compares `a × 10^-sa` with `b × 10^-sb` without overflow: when raising one side to the other's
/// scale overflows, that side is the larger (the other fitted in 128 bits).
fn compare_scaled((a, sa): (u128, u32), (b, sb): (u128, u32)) -> Ordering {
    match sa.cmp(&sb) {
        Ordering::Equal => a.cmp(&b),
        Ordering::Less => match 10u128.checked_pow(sb - sa).and_then(|p| a.checked_mul(p)) {
            Some(a) => a.cmp(&b),
            None if a == 0 => 0.cmp(&b),
            None => Ordering::Greater,
        },
        Ordering::Greater => compare_scaled((b, sb), (a, sa)).reverse(),
    }
}

fn leading_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        let scale = self.scale.max(other.scale);
        let a = i128::from(self.mantissa) * 10i128.pow(scale - self.scale);
        let b = i128::from(other.mantissa) * 10i128.pow(scale - other.scale);
        a.cmp(&b)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for Decimal {
    type Err = InvalidDecimal;

    /// The whole text must be a number (see [`Decimal::read_prefix`]), spaces around allowed.
    fn from_str(text: &str) -> Result<Decimal, InvalidDecimal> {
        match Decimal::read_prefix(text)? {
            (value, rest) if rest.trim().is_empty() => Ok(value),
            _ => Err(InvalidDecimal::NotANumber),
        }
    }
}

impl TryFrom<String> for Decimal {
    type Error = InvalidDecimal;
    fn try_from(text: String) -> Result<Decimal, InvalidDecimal> {
        text.parse()
    }
}

impl From<Decimal> for String {
    fn from(value: Decimal) -> String {
        value.to_string()
    }
}

impl fmt::Display for Decimal {
    /// With a decimal point and no grouping (`-1234.5`): the stored form. People read numbers
    /// formatted by `crate::locale`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{whole}.{fraction}")
    }
}

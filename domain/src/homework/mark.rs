//! A mark given back with a hand-in: exact, in hundredths of a point, out of a maximum
//! (`15,5/20`). Never a float, so the mark a teacher types is the mark every screen shows.

use crate::lang::Lang;
use crate::locale;
use serde::{Deserialize, Serialize};

/// The maximum a mark is out of, in hundredths of a point (`20` is 2000): more than zero, at
/// most 1000 points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct OutOf(u32);

impl OutOf {
    /// The French school's usual maximum.
    pub const TWENTY: OutOf = OutOf(2_000);
    const LARGEST: u32 = 100_000;

    pub fn from_hundredths(hundredths: u32) -> Result<OutOf, InvalidMark> {
        if hundredths == 0 {
            Err(InvalidMark::NotPositive)
        } else if hundredths > Self::LARGEST {
            Err(InvalidMark::AboveMaximum {
                max: OutOf(Self::LARGEST),
            })
        } else {
            Ok(OutOf(hundredths))
        }
    }

    /// A maximum as a teacher types it (`20`, `10`, `12,5`).
    pub fn parse(text: &str) -> Result<OutOf, InvalidMark> {
        Self::from_hundredths(hundredths(text)?)
    }

    pub const fn hundredths(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for OutOf {
    type Error = InvalidMark;
    fn try_from(hundredths: u32) -> Result<OutOf, InvalidMark> {
        OutOf::from_hundredths(hundredths)
    }
}

impl From<OutOf> for u32 {
    fn from(out_of: OutOf) -> u32 {
        out_of.0
    }
}

/// A mark: from zero to its maximum, in hundredths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "MarkFields", into = "MarkFields")]
pub struct Mark {
    value: u32,
    out_of: OutOf,
}

/// Why a typed mark is refused; each says what to type instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InvalidMark {
    #[error("no mark typed")]
    Empty,
    /// Digits, then a comma or point and one or two digits, were expected.
    #[error("not a mark")]
    NotANumber,
    #[error("at most two decimals")]
    TooManyDecimals,
    #[error("a mark is not negative")]
    Negative,
    #[error("the maximum is more than zero")]
    NotPositive,
    #[error("above the maximum")]
    AboveMaximum { max: OutOf },
}

impl Mark {
    pub fn from_hundredths(value: u32, out_of: OutOf) -> Result<Mark, InvalidMark> {
        if value > out_of.0 {
            Err(InvalidMark::AboveMaximum { max: out_of })
        } else {
            Ok(Mark { value, out_of })
        }
    }

    /// A mark as a teacher types it: `15`, `15,5`, `15.5`, `15,25` (spaces around allowed).
    /// Refused: nothing, a sign, more than two decimals, a number above `out_of`, anything else
    /// (`15,`, `,5`, `1e1`, `15/20`: the maximum is chosen apart).
    pub fn parse(text: &str, out_of: OutOf) -> Result<Mark, InvalidMark> {
        Mark::from_hundredths(hundredths(text)?, out_of)
    }

    pub const fn hundredths(self) -> u32 {
        self.value
    }

    pub const fn out_of(self) -> OutOf {
        self.out_of
    }

    /// `15,5/20` (only the places it needs, as `locale::hundredths` writes points).
    pub fn to_text(self, lang: Lang) -> String {
        format!(
            "{}/{}",
            locale::hundredths(lang, i64::from(self.value)),
            locale::hundredths(lang, i64::from(self.out_of.0))
        )
    }
}

/// A non-negative number with at most two decimals, in hundredths.
fn hundredths(text: &str) -> Result<u32, InvalidMark> {
    let text = text.trim();
    if text.is_empty() {
        return Err(InvalidMark::Empty);
    }
    if text.starts_with(['-', '\u{2212}']) {
        return Err(InvalidMark::Negative);
    }
    let (whole, fraction) = match text.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return Err(InvalidMark::NotANumber);
    }
    let fraction = fraction.unwrap_or("");
    if fraction.len() > 2 {
        return Err(InvalidMark::TooManyDecimals);
    }
    // Past nine digits the number is above any maximum; u64 keeps the product exact.
    let too_big = InvalidMark::AboveMaximum {
        max: OutOf(OutOf::LARGEST),
    };
    let whole = whole.trim_start_matches('0');
    if whole.len() > 9 {
        return Err(too_big);
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| InvalidMark::NotANumber)?
    };
    let cents: u64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| InvalidMark::NotANumber)?;
    u32::try_from(whole * 100 + cents).map_err(|_| too_big)
}

#[derive(Serialize, Deserialize)]
struct MarkFields {
    value: u32,
    out_of: OutOf,
}

impl TryFrom<MarkFields> for Mark {
    type Error = InvalidMark;
    fn try_from(f: MarkFields) -> Result<Mark, InvalidMark> {
        Mark::from_hundredths(f.value, f.out_of)
    }
}

impl From<Mark> for MarkFields {
    fn from(m: Mark) -> MarkFields {
        MarkFields {
            value: m.value,
            out_of: m.out_of,
        }
    }
}

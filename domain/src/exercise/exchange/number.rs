//! Exact arithmetic on the numbers files hold (weights, ranges, tolerances, points), and how a
//! weight becomes a credit. `None` means out of [`Decimal`]'s range.

use crate::exercise::{Decimal, Percent};

/// Both as integers over one power of ten: `(a, b, scale)`.
fn aligned(a: Decimal, b: Decimal) -> (i128, i128, u32) {
    let ((ma, sa), (mb, sb)) = (a.parts(), b.parts());
    let scale = sa.max(sb);
    (
        i128::from(ma) * 10i128.pow(scale - sa),
        i128::from(mb) * 10i128.pow(scale - sb),
        scale,
    )
}

fn from_wide(mantissa: i128, scale: u32) -> Option<Decimal> {
    let mut mantissa = mantissa;
    let mut scale = scale;
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    Decimal::new(i64::try_from(mantissa).ok()?, scale)
}

pub(super) fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (a, b, scale) = aligned(a, b);
    from_wide(a + b, scale)
}

pub(super) fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (a, b, scale) = aligned(a, b);
    from_wide(a - b, scale)
}

/// `a / 2`, exactly (one more decimal place).
pub(super) fn half(a: Decimal) -> Option<Decimal> {
    let (m, s) = a.parts();
    from_wide(i128::from(m) * 5, s + 1)
}

pub(super) fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    let ((ma, sa), (mb, sb)) = (a.parts(), b.parts());
    from_wide(i128::from(ma) * i128::from(mb), sa + sb)
}

/// `a / 100`.
pub(super) fn hundredth(a: Decimal) -> Option<Decimal> {
    let (m, s) = a.parts();
    from_wide(i128::from(m), s + 2)
}

/// `a × 10^places`, rounded to the nearest integer, halves away from zero.
pub(super) fn rounded(a: Decimal, places: u32) -> Option<i64> {
    let (m, s) = a.parts();
    let m = i128::from(m);
    let value = if s <= places {
        m.checked_mul(10i128.checked_pow(places - s)?)?
    } else {
        let divisor = 10i128.checked_pow(s - places)?;
        let (quotient, remainder) = (m / divisor, m % divisor);
        if 2 * remainder.abs() >= divisor {
            quotient + m.signum()
        } else {
            quotient
        }
    };
    i64::try_from(value).ok()
}

/// `num / den × 100`, rounded to the nearest integer, and whether that was exact; `None` when
/// `den` is zero or the result does not fit.
pub(super) fn percent_of(num: Decimal, den: Decimal) -> Option<(i64, bool)> {
    let (n, d, _) = aligned(num, den);
    if d == 0 {
        return None;
    }
    let scaled = n.checked_mul(100)?;
    let (quotient, remainder) = (scaled / d, scaled % d);
    let rounded = if 2 * remainder.abs() >= d.abs() {
        quotient + (scaled.signum() * d.signum())
    } else {
        quotient
    };
    Some((i64::try_from(rounded).ok()?, remainder == 0))
}

/// `100 / count` percent to five decimal places, as Moodle writes shares (`33.33333`).
pub(super) fn share(count: usize) -> Decimal {
    let count = i64::try_from(count.max(1)).unwrap_or(i64::MAX);
    let mantissa = (20_000_000 / count + 1) / 2;
    Decimal::new(mantissa, 5).unwrap_or(Decimal::ZERO)
}

/// Whether two percentages are the same share as files write them (`33.33333`, `33.333333`).
pub(super) fn same_share(a: Decimal, b: Decimal) -> bool {
    // Moodle compares fractions within 0.00001, i.e. 0.001 of a percent.
    let tolerance = Decimal::new(1, 3).unwrap_or(Decimal::ZERO);
    a.within(b, tolerance)
}

/// The percentages Moodle accepts as an answer's grade (and their negatives): a file written by
/// hand with `33` for a third is refused by Moodle, and here too.
const MOODLE_GRADES: [(i64, u32); 21] = [
    (100, 0),
    (90, 0),
    (8_333_333, 5),
    (80, 0),
    (75, 0),
    (70, 0),
    (6_666_667, 5),
    (60, 0),
    (50, 0),
    (40, 0),
    (3_333_333, 5),
    (30, 0),
    (25, 0),
    (20, 0),
    (1_666_667, 5),
    (1_428_571, 5),
    (125, 1),
    (1_111_111, 5),
    (10, 0),
    (5, 0),
    (0, 0),
];

pub(super) fn is_moodle_grade(percent: Decimal) -> bool {
    let (m, s) = percent.parts();
    let Some(magnitude) = Decimal::new(m.abs(), s) else {
        return false;
    };
    MOODLE_GRADES
        .iter()
        .any(|&(m, s)| Decimal::new(m, s).is_some_and(|grade| same_share(magnitude, grade)))
}

/// A weight (a percentage, possibly negative or fractional) as a credit, saying whether it had
/// to be rounded or raised to zero.
pub(super) struct Credit {
    pub percent: Percent,
    pub rounded: bool,
    pub was_negative: bool,
}

pub(super) fn credit(weight: Decimal) -> Credit {
    if weight.is_negative() {
        return Credit {
            percent: Percent::ZERO,
            rounded: false,
            was_negative: true,
        };
    }
    let whole = rounded(weight, 0).unwrap_or(100).clamp(0, 100);
    let percent = u8::try_from(whole)
        .ok()
        .and_then(|p| Percent::new(p).ok())
        .unwrap_or(Percent::FULL);
    Credit {
        percent,
        rounded: Decimal::new(whole, 0) != Some(weight),
        was_negative: false,
    }
}

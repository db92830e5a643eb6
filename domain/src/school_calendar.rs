//! The school calendar: school years, which one is current, and the periods a year is cut into.
//!
//! A school year is a rule, not data: it runs from the 1st of August, midnight in Paris, to the
//! next 1st of August. July still belongs to the year that ends (class councils, reports,
//! results); August belongs to the year that starts, so that a school prepares its classes, and
//! its teachers find them at the pre-start days of late August, in the year they are for. Every
//! rule that depends on "this year" (classes taught, a pupil's classes) asks
//! [`SchoolYear::at`] with the instant of the request: a year ends for everyone at the same
//! instant, whatever the database holds.
//!
//! Times are [`Timestamp`]s like everywhere else; the dates that bound them are days in
//! Europe/Paris (metropolitan France and Corsica: overseas academies, some with a southern
//! hemisphere calendar, would need their own rule).

use crate::locale;
use crate::time::Timestamp;
use std::fmt;
use std::str::FromStr;

/// The month (August) and day a school year starts on, in Paris.
const START_MONTH: u32 = 8;
const START_DAY: u32 = 1;

/// A school year, named by the civil years it spans (`2026-2027`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolYear {
    /// The civil year it starts in.
    first: i32,
}

impl SchoolYear {
    /// The school year starting in August of `first`.
    pub const fn starting(first: i32) -> Self {
        Self { first }
    }

    /// The school year `at` belongs to: the current one when `at` is now.
    pub fn at(at: Timestamp) -> Self {
        let (year, month, _) = paris_date(at);
        // Years beyond i32 are beyond any instant a school will see.
        let year = i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX });
        if month >= START_MONTH {
            Self::starting(year)
        } else {
            Self::starting(year.saturating_sub(1))
        }
    }

    /// The civil year it starts in.
    pub const fn first(self) -> i32 {
        self.first
    }

    /// Its first instant: the 1st of August at midnight, in Paris.
    pub fn starts(self) -> Timestamp {
        paris_midnight(i64::from(self.first), START_MONTH, START_DAY)
    }

    /// The instant after its last: the next year's start.
    pub fn ends(self) -> Timestamp {
        self.next().starts()
    }

    pub fn contains(self, at: Timestamp) -> bool {
        self.starts() <= at && at < self.ends()
    }

    pub const fn next(self) -> Self {
        Self::starting(self.first.saturating_add(1))
    }

    pub const fn previous(self) -> Self {
        Self::starting(self.first.saturating_sub(1))
    }
}

/// `2026-2027`.
impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.first, i64::from(self.first) + 1)
    }
}

/// Not a school year's name: two consecutive years joined by a dash were expected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a school year (2026-2027 expected): {0:?}")]
pub struct NotASchoolYear(pub String);

impl FromStr for SchoolYear {
    type Err = NotASchoolYear;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wrong = || NotASchoolYear(s.to_owned());
        let (first, second) = s.split_once('-').ok_or_else(wrong)?;
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(first) || !digits(second) {
            return Err(wrong());
        }
        let first: i32 = first.parse().map_err(|_| wrong())?;
        let second: i64 = second.parse().map_err(|_| wrong())?;
        if second != i64::from(first) + 1 {
            return Err(wrong());
        }
        Ok(Self::starting(first))
    }
}

/// How a school cuts its year for assessment: its board chooses, and chooses the dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Division {
    Trimesters,
    Semesters,
}

impl Division {
    /// How many periods a year holds.
    pub const fn parts(self) -> usize {
        match self {
            Division::Trimesters => 3,
            Division::Semesters => 2,
        }
    }
}

/// One period of a school year: its number (from 1) in its division, and its bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub year: SchoolYear,
    pub division: Division,
    pub number: usize,
    pub starts: Timestamp,
    /// The instant after its last: the next period's start, or the year's end.
    pub ends: Timestamp,
}

/// A school year cut into periods without gap or overlap: the first starts with the year, the
/// last ends with it, each other one starts where the one before ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Periods {
    year: SchoolYear,
    division: Division,
    /// Where periods 2, 3… start.
    cuts: Vec<Timestamp>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvalidPeriods {
    #[error("{division:?} need {expected} cuts, {given} given")]
    Count {
        division: Division,
        expected: usize,
        given: usize,
    },
    /// A cut outside the year, or not after the one before: a period would be empty.
    #[error("cut {0} is outside the year or not after the previous one")]
    Order(usize),
}

impl Periods {
    pub fn new(
        year: SchoolYear,
        division: Division,
        cuts: Vec<Timestamp>,
    ) -> Result<Self, InvalidPeriods> {
        if cuts.len() + 1 != division.parts() {
            return Err(InvalidPeriods::Count {
                division,
                expected: division.parts() - 1,
                given: cuts.len(),
            });
        }
        let mut previous = year.starts();
        for (i, &cut) in cuts.iter().enumerate() {
            if cut <= previous || cut >= year.ends() {
                return Err(InvalidPeriods::Order(i + 1));
            }
            previous = cut;
        }
        Ok(Self {
            year,
            division,
            cuts,
        })
    }

    pub fn year(&self) -> SchoolYear {
        self.year
    }

    /// The periods in order.
    pub fn iter(&self) -> impl Iterator<Item = Period> + '_ {
        let starts = std::iter::once(self.year.starts()).chain(self.cuts.iter().copied());
        let ends = self
            .cuts
            .iter()
            .copied()
            .chain(std::iter::once(self.year.ends()));
        starts
            .zip(ends)
            .enumerate()
            .map(|(i, (starts, ends))| Period {
                year: self.year,
                division: self.division,
                number: i + 1,
                starts,
                ends,
            })
    }

    /// The period `at` falls in, if it falls in this year.
    pub fn at(&self, at: Timestamp) -> Option<Period> {
        self.iter().find(|p| p.starts <= at && at < p.ends)
    }
}

// --- Paris time -------------------------------------------------------------------------------

/// The day (year, month, day) in Paris at `at`.
fn paris_date(at: Timestamp) -> (i64, u32, u32) {
    let date = locale::local(at).date();
    (
        i64::from(date.year()),
        u32::try_from(date.month()).unwrap_or(1),
        u32::try_from(date.day()).unwrap_or(1),
    )
}

/// Midnight at the start of a day in Paris.
fn paris_midnight(year: i64, month: u32, day: u32) -> Timestamp {
    let year = i16::try_from(year.clamp(-9999, 9999)).unwrap_or(1970);
    let month = i8::try_from(month).unwrap_or(1);
    let day = i8::try_from(day).unwrap_or(1);
    jiff::civil::Date::new(year, month, day)
        .ok()
        .and_then(locale::midnight)
        .unwrap_or(Timestamp::from_unix(0))
}

#[cfg(test)]
mod tests;

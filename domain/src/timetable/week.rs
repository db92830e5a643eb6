//! Week A and week B: lessons that take place every other week, and the school's calendar of
//! which week is which.
//!
//! The rule a school sets once a year: its first week of classes is A (or B), then the weeks
//! alternate, and a week without any school day (all of it in holidays) does not count, so the
//! week after the holidays goes on from the week before them. Staff may then set any week by
//! hand (a bridge that makes two short weeks one, a local habit); an override changes that week
//! only, the count of the others is not moved by it.

use super::day;
use super::year::SchoolDays;
use crate::coded::coded_enum;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

coded_enum! {
    /// Which weeks a weekly lesson takes place in.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Alternation (unknown: UnknownAlternation = UnknownAlternation) {
        #[serde(rename = "every")]
        Every = "every",
        #[serde(rename = "a")]
        WeekA = "a",
        #[serde(rename = "b")]
        WeekB = "b",
    }
}

/// An alternation code this version does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown alternation")]
pub struct UnknownAlternation;

/// Whether a week is an A week or a B week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WeekKind {
    A,
    B,
}

impl WeekKind {
    pub fn other(self) -> Self {
        match self {
            WeekKind::A => WeekKind::B,
            WeekKind::B => WeekKind::A,
        }
    }
}

impl Alternation {
    /// Whether the lesson takes place in a week of this kind. A week with no kind (before the
    /// first week, in the holidays) has the weekly lessons only.
    pub fn runs_in(self, week: Option<WeekKind>) -> bool {
        match self {
            Alternation::Every => true,
            Alternation::WeekA => week == Some(WeekKind::A),
            Alternation::WeekB => week == Some(WeekKind::B),
        }
    }

    /// Whether two lessons can meet in some week: A and B never do, every week meets both.
    pub fn meets(self, other: Alternation) -> bool {
        self == Alternation::Every || other == Alternation::Every || self == other
    }
}

/// A week set by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekOverride {
    /// Any day of the week; the week is the one of its Monday.
    #[serde(with = "day::serde_iso")]
    pub week: Date,
    pub kind: WeekKind,
}

/// A school's A/B rule for a year: the kind of its first week, and the weeks set by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbRule {
    /// Any day of the first week of classes.
    #[serde(with = "day::serde_iso")]
    pub first_week: Date,
    pub first_kind: WeekKind,
    pub overrides: Vec<WeekOverride>,
}

/// The kind of every week of a year, from an [`AbRule`] and the year's holidays.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AbWeeks {
    /// By Monday; a week missing has no kind.
    kinds: BTreeMap<Date, WeekKind>,
}

impl AbRule {
    /// Every week's kind from the first week to the end of the year.
    pub fn weeks(&self, days: &SchoolDays) -> AbWeeks {
        let mut kinds = BTreeMap::new();
        let mut monday = day::monday(self.first_week);
        let mut next = self.first_kind;
        while monday <= days.last_day() {
            let has_school_day = (0..6).any(|d| days.is_school_day(day::plus(monday, d)));
            if has_school_day {
                kinds.insert(monday, next);
                next = next.other();
            }
            let following = day::plus(monday, 7);
            if following == monday {
                break;
            }
            monday = following;
        }
        for o in &self.overrides {
            let monday = day::monday(o.week);
            if monday >= days.first_day() && monday <= days.last_day() {
                kinds.insert(monday, o.kind);
            }
        }
        AbWeeks { kinds }
    }
}

impl AbWeeks {
    /// A school without weeks A and B: every week has no kind, only weekly lessons run.
    pub fn none() -> Self {
        Self::default()
    }

    /// The kind of the week `date` falls in.
    pub fn week_kind(&self, date: Date) -> Option<WeekKind> {
        self.kinds.get(&day::monday(date)).copied()
    }
}

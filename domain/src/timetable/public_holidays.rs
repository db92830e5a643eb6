//! French public holidays (jours fériés), computed for any year: no lesson takes place on them.
//!
//! The eleven days of the Code du travail (art. L3133-1) observed everywhere in metropolitan
//! France and Corsica. Alsace-Moselle's two more (Good Friday, 26 December) and the overseas
//! days of the abolition of slavery are not here: Scola serves metropolitan academies, and a
//! school that needs one adds it as a holiday of its own. Whit Monday stays a public holiday for
//! pupils even where the "journée de solidarité" makes it a working day for staff.

use crate::coded::coded_enum;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// A public holiday, named for the messages of the interface.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum PublicHoliday (unknown: UnknownPublicHoliday = UnknownPublicHoliday) {
        NewYear = "new_year",
        EasterMonday = "easter_monday",
        LabourDay = "labour_day",
        VictoryInEurope = "victory_1945",
        Ascension = "ascension",
        WhitMonday = "whit_monday",
        BastilleDay = "bastille_day",
        Assumption = "assumption",
        AllSaints = "all_saints",
        Armistice = "armistice_1918",
        Christmas = "christmas",
    }
}

/// A public holiday code this version does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown public holiday")]
pub struct UnknownPublicHoliday;

impl PublicHoliday {
    /// The public holiday `date` is, if it is one.
    pub fn on(date: Date) -> Option<Self> {
        public_holidays(date.year())
            .into_iter()
            .find(|(day, _)| *day == date)
            .map(|(_, holiday)| holiday)
    }
}

/// The public holidays of a civil year, in date order.
pub fn public_holidays(year: i16) -> Vec<(Date, PublicHoliday)> {
    let fixed =
        |month: i8, day: i8, holiday| Date::new(year, month, day).ok().map(|d| (d, holiday));
    let from_easter = |days: i64, holiday| {
        easter(year)
            .and_then(|e| e.checked_add(jiff::Span::new().days(days)).ok())
            .map(|d| (d, holiday))
    };
    let mut days: Vec<(Date, PublicHoliday)> = [
        fixed(1, 1, PublicHoliday::NewYear),
        from_easter(1, PublicHoliday::EasterMonday),
        fixed(5, 1, PublicHoliday::LabourDay),
        fixed(5, 8, PublicHoliday::VictoryInEurope),
        from_easter(39, PublicHoliday::Ascension),
        from_easter(50, PublicHoliday::WhitMonday),
        fixed(7, 14, PublicHoliday::BastilleDay),
        fixed(8, 15, PublicHoliday::Assumption),
        fixed(11, 1, PublicHoliday::AllSaints),
        fixed(11, 11, PublicHoliday::Armistice),
        fixed(12, 25, PublicHoliday::Christmas),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Ascension may fall on the 1st or 8th of May (2008: 1 May): both names, one day off.
    days.sort_by_key(|(day, _)| *day);
    days
}

/// Easter Sunday of a Gregorian year, by the anonymous Gregorian computus (Meeus/Jones/Butcher);
/// `None` for years before the Gregorian calendar or beyond jiff's range.
pub fn easter(year: i16) -> Option<Date> {
    if year < 1583 {
        return None;
    }
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

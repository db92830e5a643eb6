//! Numbers, dates and lists as French and Corsican readers write them: the one place that
//! formats them, used by the browser and the server alike.
//!
//! CLDR has no Corsican month or weekday names and no Corsican plural rules, so they live here:
//! the names as given by Corsican reviewers, plurals as Italian counts them (one, other).
//! Times are Europe/Paris wall-clock times whatever the reader's device says: a timetable or a
//! deadline is the school's time, not the time of a phone abroad.

use crate::lang::Lang;
use crate::time::Timestamp;
use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::TimeZone;

/// The school's time zone; its rules (summer time included) are compiled in from the IANA
/// database, so nothing is looked up at run time and no offset is ever fixed by hand.
static PARIS: TimeZone = jiff::tz::get!("Europe/Paris");

/// The wall-clock date and time in Paris at `at`. Out-of-range instants (far beyond any date a
/// school has) are clamped rather than failing, as a display must show something.
pub fn local(at: Timestamp) -> DateTime {
    let instant = jiff::Timestamp::from_second(at.unix()).unwrap_or(if at.unix() < 0 {
        jiff::Timestamp::MIN
    } else {
        jiff::Timestamp::MAX
    });
    PARIS.to_datetime(instant)
}

/// The instant a Paris wall-clock time denotes; in the autumn hour that happens twice, the
/// earlier one, and in the spring hour that never happens, the time just after the gap.
pub fn instant(local: DateTime) -> Option<Timestamp> {
    PARIS
        .to_ambiguous_timestamp(local)
        .compatible()
        .ok()
        .map(|t| Timestamp::from_unix(t.as_second()))
}

/// The first instant of a day in Paris (clocks change at 02:00 and 03:00, never at midnight).
pub fn midnight(day: Date) -> Option<Timestamp> {
    instant(day.to_datetime(jiff::civil::Time::midnight()))
}

/// The grammatical number a count calls for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

/// French counts 0 and 1 as singular (« 0 compte trouvé »); Corsican, like Italian, only 1.
pub fn plural(lang: Lang, n: i64) -> Plural {
    let one = match lang {
        Lang::Fr => n == 0 || n == 1,
        Lang::Co => n == 1,
    };
    if one { Plural::One } else { Plural::Other }
}

/// Groups thousands with a narrow no-break space, as French and Corsican typography do
/// (`1 234 567`); the space never lets a number break across lines.
const GROUP: char = '\u{202F}';
const DECIMAL: char = ',';

/// An integer: `1 234`, `-12 000`.
pub fn number(_lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(GROUP);
        }
        out.push(digit);
    }
    out
}

/// An exact decimal given as an integer count of `10^-places`: `decimal(Fr, 12345, 1)` is
/// `1 234,5`, `decimal(Fr, 1250, 2)` is `12,50` (the places are always shown: a mark of 12,50
/// beside a mark of 9,25 reads as a column).
pub fn decimal(lang: Lang, units: i64, places: u32) -> String {
    let scale = 10_i64.checked_pow(places).unwrap_or(1);
    let whole = units / scale;
    let fraction = (units % scale).unsigned_abs();
    let mut out = if units < 0 && whole == 0 {
        format!("-{}", number(lang, whole))
    } else {
        number(lang, whole)
    };
    if places > 0 && scale > 1 {
        out.push(DECIMAL);
        out.push_str(&format!("{fraction:0width$}", width = places as usize));
    }
    out
}

/// A quantity counted in hundredths (points of an exercise): only the places it needs, as one
/// writes a score in a sentence (`3`, `1,5`, `0,75`), where [`decimal`] keeps a column's places.
pub fn hundredths(lang: Lang, units: i64) -> String {
    if units % 100 == 0 {
        number(lang, units / 100)
    } else if units % 10 == 0 {
        decimal(lang, units / 10, 1)
    } else {
        decimal(lang, units, 2)
    }
}

/// Items joined as a sentence: `A, B et C` / `A, B è C`.
pub fn list<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let and = match lang {
        Lang::Fr => " et ",
        Lang::Co => " è ",
    };
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { and } else { ", " });
        }
        out.push_str(item.as_ref());
    }
    out
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_CO: [&str; 12] = [
    "ghjennaghju",
    "ferraghju",
    "marzu",
    "aprile",
    "maghju",
    "ghjugnu",
    "lugliu",
    "aostu",
    "settembre",
    "ottobre",
    "nuvembre",
    "dicembre",
];
/// Monday first: the school week, and the first column of every calendar shown.
const WEEKDAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const WEEKDAYS_CO: [&str; 7] = [
    "luni", "marti", "mercuri", "ghjovi", "venneri", "sabbatu", "dumenica",
];

/// The month's name, lower case as both languages write it in a date; `month` is 1–12.
pub fn month_name(lang: Lang, month: i8) -> &'static str {
    let names = match lang {
        Lang::Fr => &MONTHS_FR,
        Lang::Co => &MONTHS_CO,
    };
    let index = usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0);
    names[index]
}

/// The weekday's name, lower case.
pub fn weekday_name(lang: Lang, day: Weekday) -> &'static str {
    let names = match lang {
        Lang::Fr => &WEEKDAYS_FR,
        Lang::Co => &WEEKDAYS_CO,
    };
    let index = usize::try_from(day.to_monday_zero_offset()).unwrap_or(0);
    names[index]
}

/// A day in full: `mercredi 25 novembre 2026`, `mercuri 25 nuvembre 2026`; French writes the
/// first of the month `1er`.
pub fn long_date(lang: Lang, date: Date) -> String {
    let day = match (lang, date.day()) {
        (Lang::Fr, 1) => "1er".to_owned(),
        (_, d) => d.to_string(),
    };
    format!(
        "{} {day} {} {}",
        weekday_name(lang, date.weekday()),
        month_name(lang, date.month()),
        date.year()
    )
}

/// `25/11/2026`, the day in Paris at `at`.
pub fn short_date(at: Timestamp) -> String {
    let d = local(at).date();
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// `08:31`, the time in Paris at `at`.
pub fn time_of_day(at: Timestamp) -> String {
    let t = local(at);
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `25/11/2026 08:31`, to the minute, in Paris.
pub fn date_time(at: Timestamp) -> String {
    format!("{} {}", short_date(at), time_of_day(at))
}

/// The day in full in Paris at `at`.
pub fn long_date_at(lang: Lang, at: Timestamp) -> String {
    long_date(lang, local(at).date())
}

#[cfg(test)]
mod tests;

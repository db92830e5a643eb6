//! Europe/Paris for calendar apps: its `VTIMEZONE` and its wall-clock times.

use crate::locale;
use crate::time::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

pub const TZID: &str = "Europe/Paris";

/// Europe/Paris as the tzurl.org / ics.py zone files write it (see the fixture
/// `calendar/ics-vtimezones-2020.2/Europe_Paris.ics`): the EU rule since 1996, summer time from
/// the last Sunday of March at 02:00 to the last Sunday of October at 03:00. Only the rule is
/// given, from 1970, as every common app expects; the feed holds this year's and the next
/// year's lessons, which the rule describes exactly (a test checks it against jiff's rules).
pub const VTIMEZONE: [&str; 18] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Paris",
    "X-LIC-LOCATION:Europe/Paris",
    "BEGIN:DAYLIGHT",
    "TZNAME:CEST",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZNAME:CET",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// `20261125T083000`.
fn date_time(t: DateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A DATE value: `20261125`.
pub fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A UTC DATE-TIME: `20261125T073000Z` (for `DTSTAMP`, `LAST-MODIFIED`).
pub fn utc(at: Timestamp) -> String {
    let instant = jiff::Timestamp::from_second(at.unix()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    format!("{}Z", date_time(TimeZone::UTC.to_datetime(instant)))
}

/// A property's parameters and value for the instant `at` in Paris time
/// (`;TZID=Europe/Paris:20261125T083000`), so apps show it at the school's time and follow
/// the clock changes. An instant of the autumn's repeated hour that is its second occurrence
/// cannot be named by Paris time (readers take the first), and is written in UTC instead.
pub fn paris(at: Timestamp) -> String {
    let local = locale::local(at);
    if locale::instant(local) == Some(at) {
        format!(";TZID={TZID}:{}", date_time(local))
    } else {
        format!(":{}", utc(at))
    }
}

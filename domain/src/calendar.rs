//! Dates as people type them in a form: a day means that day in Paris, whatever the device's
//! clock says (see [`crate::locale`] for how they are shown).

use crate::locale;
use crate::time::Timestamp;
use jiff::civil::Date;

/// `2026-11-25`, as a date field gives it and as dates travel in JSON. Read by hand rather than
/// by jiff's parser, which understands every ISO 8601 form and would weigh on the browser
/// download for this one shape.
pub fn parse_iso(text: &str) -> Option<Date> {
    let mut parts = text.trim().splitn(3, '-');
    let mut next = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let (year, month, day) = (next(4)?, next(2)?, next(2)?);
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// `2026-11-25`: what [`parse_iso`] reads.
pub fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A [`Date`] as `2026-11-25` in JSON: `#[serde(with = "crate::calendar::serde_iso")]`.
pub mod serde_iso {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_iso(&text).ok_or_else(|| D::Error::custom("a date as 2026-11-25 expected"))
    }
}

/// The first second of a day typed as `2026-11-25` (what a date field gives), in Paris; `None`
/// when it is not a date.
pub fn day_start(iso_date: &str) -> Option<Timestamp> {
    locale::midnight(parse_iso(iso_date)?)
}

/// The first second of the day after the one typed: the end of a range that includes that day
/// (23 or 25 hours after its start on the days the clocks change).
pub fn day_end(iso_date: &str) -> Option<Timestamp> {
    locale::midnight(parse_iso(iso_date)?.tomorrow().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_day_is_a_range_of_the_day_in_paris() {
        // Midnight in Paris on 25 November 2026 is 23:00 UTC the day before.
        assert_eq!(
            day_start("2026-11-25"),
            Some(Timestamp::from_unix(1_795_564_800 - 3_600))
        );
        assert_eq!(
            day_end("2026-11-25"),
            Some(Timestamp::from_unix(1_795_564_800 - 3_600 + 86_400))
        );
        // The day summer time ends lasts 25 hours.
        let (start, end) = (day_start("2026-10-25"), day_end("2026-10-25"));
        assert_eq!(
            end.zip(start).map(|(e, s)| e.unix() - s.unix()),
            Some(25 * 3_600)
        );
        for wrong in [
            "",
            "2026-13-01",
            "2026-02-30",
            "25/11/2026",
            "2026-11",
            "2026-1-05",
            "+026-11-25",
        ] {
            assert_eq!(day_start(wrong), None, "{wrong}");
        }
    }
}

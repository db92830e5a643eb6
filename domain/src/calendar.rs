//! Dates as people type them in a form: a day means that day in Paris, whatever the device's
//! clock says (see [`crate::locale`] for how they are shown).

use crate::locale;
use crate::time::Timestamp;
use jiff::civil::Date;

/// `2026-11-25`, as a date field gives it. Read by hand rather than by jiff's parser, which
/// understands every ISO 8601 form and would weigh on the browser download for this one shape.
fn typed_date(iso_date: &str) -> Option<Date> {
    let mut parts = iso_date.trim().splitn(3, '-');
    let year = parts.next()?.parse::<i16>().ok()?;
    let month = parts.next()?.parse::<i8>().ok()?;
    let day = parts.next()?.parse::<i8>().ok()?;
    Date::new(year, month, day).ok()
}

/// The first second of a day typed as `2026-11-25` (what a date field gives), in Paris; `None`
/// when it is not a date.
pub fn day_start(iso_date: &str) -> Option<Timestamp> {
    locale::midnight(typed_date(iso_date)?)
}

/// The first second of the day after the one typed: the end of a range that includes that day
/// (23 or 25 hours after its start on the days the clocks change).
pub fn day_end(iso_date: &str) -> Option<Timestamp> {
    locale::midnight(typed_date(iso_date)?.tomorrow().ok()?)
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
        for wrong in ["", "2026-13-01", "2026-02-30", "25/11/2026", "2026-11"] {
            assert_eq!(day_start(wrong), None, "{wrong}");
        }
    }
}

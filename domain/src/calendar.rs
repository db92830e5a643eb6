//! Dates as people read and type them. Time stays a [`Timestamp`]; the offset from UTC of the
//! reader's clock comes in as a parameter (the browser knows it, the rules do not).

use crate::time::Timestamp;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

fn offset(utc_offset_minutes: i32) -> UtcOffset {
    UtcOffset::from_whole_seconds(utc_offset_minutes.saturating_mul(60)).unwrap_or(UtcOffset::UTC)
}

/// `25/11/2026 07:31`, to the minute, in the reader's time.
pub fn date_time(at: Timestamp, utc_offset_minutes: i32) -> String {
    let local = OffsetDateTime::from_unix_timestamp(at.unix())
        .ok()
        .and_then(|t| t.checked_to_offset(offset(utc_offset_minutes)));
    match local {
        Some(t) => format!(
            "{:02}/{:02}/{} {:02}:{:02}",
            t.day(),
            u8::from(t.month()),
            t.year(),
            t.hour(),
            t.minute()
        ),
        None => at.unix().to_string(),
    }
}

/// The first second of a day typed as `2026-11-25` (what a date field gives), in the reader's
/// time; `None` when it is not a date.
pub fn day_start(iso_date: &str, utc_offset_minutes: i32) -> Option<Timestamp> {
    let mut parts = iso_date.trim().splitn(3, '-');
    let year = parts.next()?.parse::<i32>().ok()?;
    let month = Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    let day = parts.next()?.parse::<u8>().ok()?;
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let start =
        PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_offset(offset(utc_offset_minutes));
    Some(Timestamp::from_unix(start.unix_timestamp()))
}

/// The first second of the day after the one typed: the end of a range that includes that day.
pub fn day_end(iso_date: &str, utc_offset_minutes: i32) -> Option<Timestamp> {
    day_start(iso_date, utc_offset_minutes).map(|t| t.plus_seconds(86_400))
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-25 07:31:10 UTC
    const AT: Timestamp = Timestamp::from_unix(1_795_591_870);

    #[test]
    fn shows_day_month_year_and_minute_in_the_readers_time() {
        assert_eq!(date_time(AT, 0), "25/11/2026 07:31");
        assert_eq!(date_time(AT, 60), "25/11/2026 08:31");
        assert_eq!(date_time(AT, -480), "24/11/2026 23:31");
    }

    #[test]
    fn a_typed_day_is_a_range_of_the_readers_day() {
        assert_eq!(
            day_start("2026-11-25", 0),
            Some(Timestamp::from_unix(1_795_564_800))
        );
        assert_eq!(
            day_start("2026-11-25", 60),
            Some(Timestamp::from_unix(1_795_564_800 - 3600))
        );
        assert_eq!(
            day_end("2026-11-25", 0),
            Some(Timestamp::from_unix(1_795_564_800 + 86_400))
        );
        for wrong in ["", "2026-13-01", "2026-02-30", "25/11/2026", "2026-11"] {
            assert_eq!(day_start(wrong, 0), None, "{wrong}");
        }
    }
}

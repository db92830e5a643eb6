use super::support::*;
use crate::timetable::*;

#[test]
fn clock_times_read_as_people_write_them() {
    for (text, expected) in [
        ("08:05", Some((8, 5))),
        ("8:05", Some((8, 5))),
        ("08h05", Some((8, 5))),
        ("8H05", Some((8, 5))),
        ("8h", Some((8, 0))),
        (" 13h30 ", Some((13, 30))),
        ("00:00", Some((0, 0))),
        ("23:59", Some((23, 59))),
        ("24:00", None),
        ("12:60", None),
        ("8:5", None),
        ("8h5", None),
        ("8:", None),
        ("h30", None),
        ("108:00", None),
        ("8.30", None),
        ("-1:00", None),
        ("", None),
        ("huit heures", None),
    ] {
        let read = text
            .parse::<ClockTime>()
            .ok()
            .map(|c| (c.hour(), c.minute()));
        assert_eq!(read, expected, "{text:?}");
    }
    assert_eq!(t("8h05").to_string(), "08:05");
    assert_eq!(t("13:30").minutes(), 13 * 60 + 30);
}

#[test]
fn clock_times_travel_as_minutes_and_come_back_checked() {
    let json = serde_json::to_string(&t("08:05")).expect("serialised");
    assert_eq!(json, "485");
    assert_eq!(
        serde_json::from_str::<ClockTime>("485").ok(),
        Some(t("08:05"))
    );
    assert!(serde_json::from_str::<ClockTime>("1440").is_err());
}

#[test]
fn a_slot_ends_after_it_starts_and_lasts_five_minutes() {
    use SchoolWeekday::*;
    for (day, start, end, expected) in [
        (Monday, "08:00", "09:00", Ok(())),
        (Saturday, "08:00", "12:00", Ok(())),
        (Monday, "08:00", "08:05", Ok(())),
        (Monday, "08:00", "08:04", Err(SlotError::TooShort)),
        (Monday, "09:00", "09:00", Err(SlotError::EndNotAfterStart)),
        (Monday, "10:00", "09:00", Err(SlotError::EndNotAfterStart)),
    ] {
        assert_eq!(
            Slot::new(day, t(start), t(end)).map(|_| ()),
            expected,
            "{day:?} {start}-{end}"
        );
    }
}

#[test]
fn sunday_is_no_school_day() {
    use jiff::civil::Weekday;
    assert_eq!(SchoolWeekday::of(Weekday::Sunday), Err(SlotError::Sunday));
    assert_eq!(
        SchoolWeekday::of(Weekday::Saturday),
        Ok(SchoolWeekday::Saturday)
    );
    // A one-off on a Sunday is refused the same way.
    assert_eq!(
        DatedSlot::new(d(2026, 11, 29), t("08:00"), t("09:00")),
        Err(SlotError::Sunday)
    );
    assert!("sun".parse::<SchoolWeekday>().is_err());
    let json = r#"{"day":"sunday","start":480,"end":540}"#;
    assert!(serde_json::from_str::<Slot>(json).is_err());
}

#[test]
fn slots_overlap_only_when_they_share_a_minute_of_one_day() {
    use SchoolWeekday::*;
    let nine = slot(Monday, "08:00", "09:00");
    for (other, expected) in [
        (slot(Monday, "09:00", "10:00"), false), // the next hour: adjacent, no overlap
        (slot(Monday, "07:00", "08:00"), false), // the hour before
        (slot(Monday, "08:55", "10:00"), true),
        (slot(Monday, "07:00", "08:01"), true),
        (slot(Monday, "08:15", "08:45"), true),   // inside
        (slot(Monday, "07:00", "12:00"), true),   // around
        (slot(Monday, "08:00", "09:00"), true),   // the same
        (slot(Tuesday, "08:00", "09:00"), false), // another day
    ] {
        assert_eq!(nine.overlaps(other), expected, "{other:?}");
        assert_eq!(other.overlaps(nine), expected, "{other:?} (reversed)");
    }
}

#[test]
fn a_slot_round_trips_through_json_and_is_checked_coming_back() {
    let s = slot(SchoolWeekday::Wednesday, "10:00", "11:30");
    let json = serde_json::to_string(&s).expect("serialised");
    assert_eq!(json, r#"{"day":"wednesday","start":600,"end":690}"#);
    assert_eq!(serde_json::from_str::<Slot>(&json).ok(), Some(s));
    let backwards = r#"{"day":"wednesday","start":690,"end":600}"#;
    assert!(serde_json::from_str::<Slot>(backwards).is_err());
}

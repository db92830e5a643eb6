use super::*;
use jiff::civil::Weekday;

/// The zone as the fixture writes it, from its file (read in place), its ics.py TZID and
/// LAST-MODIFIED aside.
#[test]
fn the_vtimezone_is_the_canonical_one() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures/calendar/ics-vtimezones-2020.2/Europe_Paris.ics"
    );
    let fixture = std::fs::read_to_string(path).expect("the shared fixture");
    let lines: Vec<&str> = fixture
        .lines()
        .map(str::trim_end)
        .skip_while(|l| *l != "BEGIN:VTIMEZONE")
        .take_while(|l| *l != "END:VCALENDAR")
        .filter(|l| !l.starts_with("LAST-MODIFIED:"))
        .map(|l| {
            if l.starts_with("TZID:") {
                "TZID:Europe/Paris"
            } else {
                l
            }
        })
        .collect();
    assert_eq!(lines, VTIMEZONE.to_vec());
}

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i16, month: i8) -> jiff::civil::Date {
    let mut day = jiff::civil::date(year, month, 1).last_of_month();
    while day.weekday() != Weekday::Sunday {
        day = day.yesterday().expect("a day");
    }
    day
}

/// The VTIMEZONE's rules say what the IANA rules compiled into jiff say, every year a feed
/// could hold: the offset changes at 01:00 UTC on the last Sundays of March and October, and at
/// no other instant of the year.
#[test]
fn the_vtimezone_rules_match_the_iana_rules() {
    let paris = jiff::tz::get!("Europe/Paris");
    let offset = |t: jiff::Timestamp| paris.to_offset(t).seconds() / 3_600;
    let one_am_utc = |d: jiff::civil::Date| {
        jiff::tz::TimeZone::UTC
            .to_timestamp(d.at(1, 0, 0, 0))
            .expect("an instant")
    };
    for year in 1996..=2040 {
        let spring = one_am_utc(last_sunday(year, 3));
        let autumn = one_am_utc(last_sunday(year, 10));
        let second = jiff::SignedDuration::from_secs(1);
        assert_eq!(offset(spring - second), 1, "{year}");
        assert_eq!(offset(spring), 2, "{year}");
        assert_eq!(offset(autumn - second), 2, "{year}");
        assert_eq!(offset(autumn), 1, "{year}");
        let next = paris
            .following(spring - second)
            .map(|t| t.timestamp())
            .take(2)
            .collect::<Vec<_>>();
        assert_eq!(next, vec![spring, autumn], "{year}");
    }
}

#[test]
fn instants_are_written_at_paris_time_or_in_utc() {
    let cases: [(i64, &str); 5] = [
        (1_795_591_800, ";TZID=Europe/Paris:20261125T083000"),
        (1_781_510_400, ";TZID=Europe/Paris:20260615T100000"),
        (1_792_888_200, ";TZID=Europe/Paris:20261025T023000"),
        (1_792_891_800, ":20261025T013000Z"),
        (1_792_895_400, ";TZID=Europe/Paris:20261025T033000"),
    ];
    for (unix, written) in cases {
        assert_eq!(
            crate::ics::timezone::paris(Timestamp::from_unix(unix)),
            written,
            "{unix}"
        );
    }
    assert_eq!(
        crate::ics::timezone::utc(Timestamp::from_unix(0)),
        "19700101T000000Z"
    );
    assert_eq!(
        crate::ics::timezone::date(jiff::civil::date(2027, 1, 4)),
        "20270104"
    );
}

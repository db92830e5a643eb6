//! The feed's text, checked three ways: a golden file, a strict unfolding of our own, and an
//! independent reader (the `ical` crate).

mod text;
mod timezone;
mod token;

use super::*;
use jiff::civil::date;

pub(super) const NOW: i64 = 1_795_500_000; // 2026-11-24T06:00:00Z

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix(seconds)
}

/// A lesson on Wednesday 25 November 2026, 08:30–09:25 in Paris (07:30–08:25 UTC).
fn lesson(status: Status, sequence: u32) -> Event {
    Event {
        uid: "lesson-12-20261125@scola.example".into(),
        when: When::Timed(Span::new(at(1_795_591_800), at(1_795_595_100)).expect("a span")),
        summary: "Lingua corsa".into(),
        location: Some("Salle 12, bâtiment B".into()),
        description: Some("Prufessore: Maria Santoni".into()),
        status,
        sequence,
        last_modified: at(1_795_400_000),
    }
}

fn homework_day() -> Event {
    Event {
        uid: "homework-7@scola.example".into(),
        when: When::Day(date(2026, 11, 27)),
        summary: "Devoir : lingua corsa".into(),
        location: None,
        description: Some("Leghje a pagina 12;\nrisponde à e dumande 1, 2 è 3.".into()),
        status: Status::Confirmed,
        sequence: 0,
        last_modified: at(1_795_400_000),
    }
}

/// The feed's logical lines: CRLF checked, continuation lines joined (RFC 5545 §3.1).
pub(super) fn unfold(feed: &str) -> Vec<String> {
    assert!(feed.ends_with("\r\n"), "ends with CRLF");
    assert!(
        !feed.replace("\r\n", "").contains(['\r', '\n']),
        "only CRLF breaks"
    );
    let mut lines: Vec<String> = Vec::new();
    for physical in feed.trim_end_matches("\r\n").split("\r\n") {
        assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
        match physical.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a first line").push_str(rest),
            None => lines.push(physical.to_owned()),
        }
    }
    lines
}

#[test]
fn a_small_calendar_is_written_exactly() {
    let mut calendar = Calendar::new("Scola – Ghjuvan Battista");
    calendar
        .push(lesson(Status::Confirmed, 0))
        .expect("a lesson");
    calendar.push(homework_day()).expect("a homework");
    let mut expected = vec![
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Scola//Scola ENT//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "NAME:Scola – Ghjuvan Battista",
        "X-WR-CALNAME:Scola – Ghjuvan Battista",
        "X-WR-TIMEZONE:Europe/Paris",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ];
    expected.extend(VTIMEZONE);
    expected.extend([
        "BEGIN:VEVENT",
        "UID:lesson-12-20261125@scola.example",
        "DTSTAMP:20261124T060000Z",
        "DTSTART;TZID=Europe/Paris:20261125T083000",
        "DTEND;TZID=Europe/Paris:20261125T092500",
        "SUMMARY:Lingua corsa",
        "LOCATION:Salle 12\\, bâtiment B",
        "DESCRIPTION:Prufessore: Maria Santoni",
        "STATUS:CONFIRMED",
        "SEQUENCE:0",
        "LAST-MODIFIED:20261123T021320Z",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:homework-7@scola.example",
        "DTSTAMP:20261124T060000Z",
        "DTSTART;VALUE=DATE:20261127",
        "DTEND;VALUE=DATE:20261128",
        "SUMMARY:Devoir : lingua corsa",
        "DESCRIPTION:Leghje a pagina 12\\;\\nrisponde à e dumande 1\\, 2 è 3.",
        "STATUS:CONFIRMED",
        "SEQUENCE:0",
        "LAST-MODIFIED:20261123T021320Z",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]);
    let mut golden = expected.join("\r\n");
    golden.push_str("\r\n");
    assert_eq!(calendar.write(at(NOW)), golden);
}

/// Reads `feed` with the `ical` crate: its one calendar.
fn read_back(feed: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(feed.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("parses");
    assert!(parser.next().is_none(), "nothing after it");
    calendar
}

fn property<'a>(
    properties: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    properties.iter().find(|p| p.name == name)
}

fn value(properties: &[ical::property::Property], name: &str) -> String {
    property(properties, name)
        .and_then(|p| p.value.clone())
        .unwrap_or_default()
}

#[test]
fn an_independent_reader_finds_every_event_with_its_zone_and_status() {
    let long = "Ghjuvan Battista à a scola, ùn ci hè nunda di più bellu 😀🎒 ".repeat(5);
    let mut cancelled = lesson(Status::Cancelled, 2);
    cancelled.description = Some(long.clone());
    let mut calendar = Calendar::new("Scola");
    calendar.push(cancelled).expect("a lesson");
    calendar.push(homework_day()).expect("a homework");
    let feed = calendar.write(at(NOW));
    let read = read_back(&feed);
    assert_eq!(value(&read.properties, "METHOD"), "PUBLISH");
    assert_eq!(value(&read.properties, "VERSION"), "2.0");
    assert_eq!(read.timezones.len(), 1);
    assert_eq!(value(&read.timezones[0].properties, "TZID"), TZID);
    assert_eq!(read.timezones[0].transitions.len(), 2);
    assert_eq!(read.events.len(), 2);
    let lesson = &read.events[0].properties;
    let start = property(lesson, "DTSTART").expect("a start");
    assert_eq!(
        start.params,
        Some(vec![("TZID".to_owned(), vec![TZID.to_owned()])])
    );
    assert_eq!(start.value.as_deref(), Some("20261125T083000"));
    assert_eq!(value(lesson, "STATUS"), "CANCELLED");
    assert_eq!(value(lesson, "SEQUENCE"), "2");
    // Folded lines come back whole, every character intact (`ical` leaves escapes as written).
    assert_eq!(value(lesson, "DESCRIPTION"), escape(long.trim_end()));
    assert!(feed.lines().count() > unfold(&feed).len(), "it was folded");
    let homework = &read.events[1].properties;
    let day = property(homework, "DTSTART").expect("a start");
    assert_eq!(
        day.params,
        Some(vec![("VALUE".to_owned(), vec!["DATE".to_owned()])])
    );
    assert_eq!(value(homework, "DTEND"), "20261128");
}

#[test]
fn events_across_the_clock_changes_keep_their_paris_times() {
    type Case = (i64, i64, &'static str, &'static str);
    let cases: [Case; 3] = [
        // 29 March 2026, 01:30 CET to 03:30 CEST: one hour, clocks forward at 02:00.
        (
            1_774_744_200,
            1_774_747_800,
            "DTSTART;TZID=Europe/Paris:20260329T013000",
            "DTEND;TZID=Europe/Paris:20260329T033000",
        ),
        // 25 October 2026, 02:30 CEST then 02:30 CET: the second one has no Paris name.
        (
            1_792_888_200,
            1_792_891_800,
            "DTSTART;TZID=Europe/Paris:20261025T023000",
            "DTEND:20261025T013000Z",
        ),
        // A Monday lesson after the change: 08:00 CEST is 06:00 UTC.
        (
            1_774_850_400,
            1_774_853_700,
            "DTSTART;TZID=Europe/Paris:20260330T080000",
            "DTEND;TZID=Europe/Paris:20260330T085500",
        ),
    ];
    for (starts, ends, start_line, end_line) in cases {
        let mut event = lesson(Status::Confirmed, 0);
        event.when = When::Timed(Span::new(at(starts), at(ends)).expect("a span"));
        let mut calendar = Calendar::new("Scola");
        calendar.push(event).expect("a lesson");
        let lines = unfold(&calendar.write(at(NOW)));
        assert!(lines.iter().any(|l| l == start_line), "{start_line}");
        assert!(lines.iter().any(|l| l == end_line), "{end_line}");
    }
}

#[test]
fn spans_and_uids_are_checked() {
    assert_eq!(Span::new(at(10), at(10)), None);
    assert_eq!(Span::new(at(10), at(9)), None);
    assert!(Span::new(at(10), at(11)).is_some());
    for (uid, valid) in [
        ("lesson-1@scola.example", true),
        ("", false),
        ("a b", false),
        ("a\r\nEND:VCALENDAR", false),
        ("lecon-é", false),
    ] {
        let mut event = homework_day();
        event.uid = uid.into();
        assert_eq!(Calendar::new("x").push(event).is_ok(), valid, "{uid:?}");
    }
}

#[test]
fn an_empty_feed_is_still_a_calendar() {
    let feed = Calendar::new("Scola").write(at(NOW));
    let read = read_back(&feed);
    assert!(read.events.is_empty());
    assert_eq!(read.timezones.len(), 1);
}

use super::*;
use crate::time::Timestamp;

#[test]
fn the_deadline_is_paris_time_on_the_due_day() {
    let t = |h, m| Some(time(h, m, 0, 0));
    let cases: [(&str, Option<Time>, i64); 7] = [
        // Winter: Paris is UTC+1.
        ("2026-11-25", t(8, 30), 1_795_591_800),
        ("2026-11-25", None, 1_795_647_599),
        // Summer: UTC+2.
        ("2026-06-15", None, 1_781_560_799),
        // The day before clocks go forward, and the day itself (23 hours long).
        ("2026-03-28", None, 1_774_738_799),
        ("2026-03-29", None, 1_774_821_599),
        // 02:30 never happens on 29 March: the instant just after the gap (03:30 CEST).
        ("2026-03-29", t(2, 30), 1_774_747_800),
        // 02:30 happens twice on 25 October: the first one (CEST).
        ("2026-10-25", t(2, 30), 1_792_888_200),
    ];
    for (due, at, expected) in cases {
        let h = homework(due, at, HandInPolicy::Online { resubmit: false });
        assert_eq!(h.deadline(), Timestamp::from_unix(expected), "{due} {at:?}");
    }
    // The day the clocks go back lasts 25 hours: its end is 22:59:59 UTC.
    assert_eq!(
        deadline(day("2026-10-25"), None),
        Timestamp::from_unix(1_792_969_199)
    );
}

#[test]
fn an_estimate_is_one_minute_to_ten_hours() {
    for (minutes, valid) in [(0, false), (1, true), (45, true), (600, true), (601, false)] {
        assert_eq!(Minutes::new(minutes).is_ok(), valid, "{minutes}");
    }
    assert_eq!(Minutes::new(45).map(Minutes::get), Ok(45));
}

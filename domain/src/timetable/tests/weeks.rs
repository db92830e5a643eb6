use super::support::*;
use crate::timetable::*;

#[test]
fn weeks_alternate_and_holiday_weeks_do_not_count() {
    let days = zone_a();
    let weeks = ab_weeks(&days);
    use WeekKind::{A, B};
    for (date, expected) in [
        (d(2026, 8, 25), None),    // before the first week
        (d(2026, 9, 1), Some(A)),  // the rentrée week (Monday 31 August still a holiday)
        (d(2026, 8, 31), Some(A)), // any day names its week
        (d(2026, 9, 6), Some(A)),  // its Sunday
        (d(2026, 9, 7), Some(B)),
        (d(2026, 9, 14), Some(A)),
        (d(2026, 10, 12), Some(A)), // the week before the Toussaint (its Saturday is free)
        (d(2026, 10, 19), None),    // the Toussaint
        (d(2026, 10, 26), None),
        (d(2026, 11, 2), Some(B)), // goes on from the week before the holidays
        (d(2026, 11, 9), Some(A)), // Armistice on Wednesday: the week counts
        (d(2026, 12, 14), Some(B)),
        (d(2026, 12, 21), None), // Noël
        (d(2026, 12, 28), None),
        (d(2027, 1, 4), Some(A)),
        (d(2027, 3, 29), Some(A)), // Easter Monday: the week counts
        (d(2027, 5, 3), Some(B)),  // Ascension week: Monday to Wednesday of classes
        (d(2027, 6, 28), Some(B)), // the last week of classes
        (d(2027, 7, 5), None),     // the summer
        (d(2027, 8, 2), None),     // the next year
    ] {
        assert_eq!(weeks.week_kind(date), expected, "{date}");
    }
}

#[test]
fn a_week_set_by_hand_changes_that_week_only() {
    let days = zone_a();
    let rule = AbRule {
        first_week: d(2026, 8, 31),
        first_kind: WeekKind::B,
        overrides: vec![
            WeekOverride {
                week: d(2026, 11, 4), // a Wednesday: its week is the one of Monday 2 November
                kind: WeekKind::B,
            },
            WeekOverride {
                week: d(2027, 9, 6), // another year: ignored
                kind: WeekKind::A,
            },
        ],
    };
    let weeks = rule.weeks(&days);
    use WeekKind::{A, B};
    for (date, expected) in [
        (d(2026, 9, 1), Some(B)),
        (d(2026, 9, 7), Some(A)),
        (d(2026, 10, 12), Some(B)),
        (d(2026, 11, 2), Some(B)), // set by hand (the rule says A)
        (d(2026, 11, 9), Some(B)), // the rule again
        (d(2026, 11, 16), Some(A)),
    ] {
        assert_eq!(weeks.week_kind(date), expected, "{date}");
    }
    let json = serde_json::to_string(&rule).expect("serialised");
    assert!(json.contains(r#""week":"2026-11-04""#), "{json}");
    assert_eq!(serde_json::from_str::<AbRule>(&json).ok(), Some(rule));
}

#[test]
fn a_lesson_runs_in_the_weeks_of_its_alternation() {
    use Alternation::*;
    use WeekKind::{A, B};
    for (alternation, week, expected) in [
        (Every, Some(A), true),
        (Every, Some(B), true),
        (Every, None, true),
        (WeekA, Some(A), true),
        (WeekA, Some(B), false),
        (WeekA, None, false),
        (WeekB, Some(B), true),
        (WeekB, Some(A), false),
        (WeekB, None, false),
    ] {
        assert_eq!(
            alternation.runs_in(week),
            expected,
            "{alternation:?} {week:?}"
        );
    }
    for (a, b, expected) in [
        (Every, Every, true),
        (Every, WeekA, true),
        (WeekB, Every, true),
        (WeekA, WeekA, true),
        (WeekA, WeekB, false),
        (WeekB, WeekA, false),
    ] {
        assert_eq!(a.meets(b), expected, "{a:?} {b:?}");
    }
    assert_eq!(Alternation::ALL.map(Alternation::code), ["every", "a", "b"]);
    assert!(AbWeeks::none().week_kind(d(2026, 9, 1)).is_none());
}

use super::support::*;
use crate::ids::AccountId;
use crate::school_calendar::SchoolYear;
use crate::timetable::*;

#[test]
fn a_lesson_has_teachers_none_twice() {
    let a = |n| AccountId::new(n);
    for (teachers, expected) in [
        (vec![a(1)], Ok(())),
        (vec![a(1), a(2)], Ok(())),
        (vec![], Err(TeachersError::None)),
        (vec![a(1), a(2), a(1)], Err(TeachersError::Twice)),
        ((1..=9).map(a).collect(), Err(TeachersError::TooMany)),
        ((1..=8).map(a).collect(), Ok(())),
    ] {
        assert_eq!(
            Teachers::new(teachers.clone()).map(|_| ()),
            expected,
            "{teachers:?}"
        );
    }
    assert!(serde_json::from_str::<Teachers>("[]").is_err());
    assert!(serde_json::from_str::<Teachers>("[5,5]").is_err());
}

#[test]
fn a_lessons_dates_are_in_order_and_within_its_year() {
    let base = spec(
        MATHS,
        SANTONI,
        CLASS_6B,
        Some(B12),
        slot(SchoolWeekday::Monday, "08:00", "09:00"),
        Alternation::Every,
    );
    for (from, until, expected) in [
        (d(2026, 9, 1), d(2027, 7, 3), Ok(())),
        (d(2026, 9, 1), d(2027, 1, 31), Ok(())), // an option for the first half
        (d(2026, 8, 1), d(2027, 7, 31), Ok(())),
        (d(2026, 9, 1), d(2026, 9, 1), Ok(())),
        (
            d(2027, 1, 31),
            d(2026, 9, 1),
            Err(LessonError::UntilBeforeFrom),
        ),
        (d(2026, 7, 31), d(2027, 7, 3), Err(LessonError::OutsideYear)),
        (d(2026, 9, 1), d(2027, 8, 1), Err(LessonError::OutsideYear)),
    ] {
        let s = LessonSpec {
            from,
            until,
            ..base.clone()
        };
        assert_eq!(Lesson::new(YEAR, s).map(|_| ()), expected, "{from} {until}");
    }
    let next_year = Lesson::whole_year(SchoolYear::starting(2027), base).expect("valid");
    assert_eq!(
        (next_year.from(), next_year.until()),
        (d(2027, 8, 1), d(2028, 7, 31))
    );
}

#[test]
fn a_lesson_falls_on_its_weekday_within_its_dates() {
    let l = Lesson::new(
        YEAR,
        LessonSpec {
            from: d(2026, 9, 1),
            until: d(2027, 1, 31),
            ..spec(
                MATHS,
                SANTONI,
                CLASS_6B,
                None,
                slot(SchoolWeekday::Tuesday, "10:00", "11:00"),
                Alternation::Every,
            )
        },
    )
    .expect("valid");
    for (date, expected) in [
        (d(2026, 9, 1), true),
        (d(2026, 9, 2), false), // a Wednesday
        (d(2027, 1, 26), true),
        (d(2027, 2, 2), false),  // after its last day
        (d(2026, 8, 25), false), // before its first
    ] {
        assert_eq!(l.falls_on(date), expected, "{date}");
    }
}

#[test]
fn a_lesson_round_trips_through_json_and_is_checked_coming_back() {
    let l = lesson(
        CORSICAN,
        ORSINI,
        CORSICAN_GROUP,
        Some(LAB),
        slot(SchoolWeekday::Friday, "14:00", "15:00"),
        Alternation::WeekB,
    );
    let json = serde_json::to_string(&l).expect("serialised");
    assert!(json.contains(r#""alternation":"b""#), "{json}");
    assert!(json.contains(r#""from":"2026-08-01""#), "{json}");
    assert_eq!(serde_json::from_str::<Lesson>(&json).ok(), Some(l));
    let outside = json.replace(r#""from":"2026-08-01""#, r#""from":"2025-08-01""#);
    assert!(serde_json::from_str::<Lesson>(&outside).is_err());
}

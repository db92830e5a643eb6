use super::school::{changes, lessons};
use super::support::*;
use crate::ids::LessonChangeId;
use crate::timetable::*;

#[test]
fn homework_is_due_at_the_next_lesson_of_the_subject_for_the_group() {
    let (days, lessons, mut changes) = (zone_a(), lessons(), changes());
    // The Thursday maths of 17 December is cancelled.
    changes.push((
        LessonChangeId::new(20),
        LessonChange::Occurrence(OccurrenceChange::cancel(id(3), d(2026, 12, 17))),
    ));
    let weeks = ab_weeks(&days);
    let tt = Timetable {
        days: &days,
        weeks: &weeks,
        lessons: &lessons,
        changes: &changes,
    };
    let next = |subject, group, after| {
        tt.next_lesson(subject, group, after)
            .map(|o| (o.source, o.when.date(), o.when.start().to_string()))
    };
    let weekly = |lesson: i64, date: Date| Source::Weekly {
        lesson: id(lesson),
        date,
    };
    for (after, expected) in [
        // Tuesday 8 September (week B): Thursday's maths of weeks B.
        (
            d(2026, 9, 8),
            Some((weekly(3, d(2026, 9, 10)), d(2026, 9, 10), "10:00")),
        ),
        // Thursday 10 September: Monday 14 is moved to Wednesday 16.
        (
            d(2026, 9, 10),
            Some((weekly(1, d(2026, 9, 14)), d(2026, 9, 16), "10:00")),
        ),
        // Monday 7 September (cancelled) asked on the Sunday before.
        (
            d(2026, 9, 6),
            Some((weekly(3, d(2026, 9, 10)), d(2026, 9, 10), "10:00")),
        ),
        // Friday before the Toussaint: the holiday revision course does not count; Monday 2 November.
        (
            d(2026, 10, 16),
            Some((weekly(1, d(2026, 11, 2)), d(2026, 11, 2), "08:00")),
        ),
        // Monday 14 December (week B); Thursday 17 is cancelled, then Noël: Monday 4 January.
        (
            d(2026, 12, 14),
            Some((weekly(1, d(2027, 1, 4)), d(2027, 1, 4), "08:00")),
        ),
        // Friday before Easter Monday (week A, no Thursday maths next week): Monday 5 April.
        (
            d(2027, 3, 26),
            Some((weekly(1, d(2027, 4, 5)), d(2027, 4, 5), "08:00")),
        ),
        // Monday 28 June (week B): Thursday 1 July, the last one.
        (
            d(2027, 6, 28),
            Some((weekly(3, d(2027, 7, 1)), d(2027, 7, 1), "10:00")),
        ),
        // After the last lesson of the year: none (not carried over the summer).
        (d(2027, 7, 1), None),
    ] {
        let expected = expected.map(|(s, d, t): (Source, Date, &str)| (s, d, t.to_owned()));
        assert_eq!(next(MATHS, CLASS_6B, after), expected, "{after}");
    }
    // The 5e A's Corsican ends in January: none after it.
    assert_eq!(next(CORSICAN, CLASS_5A, d(2027, 1, 26)), None);
    assert_eq!(
        next(CORSICAN, CLASS_5A, d(2027, 1, 18)).map(|n| n.1),
        Some(d(2027, 1, 19))
    );
    // Weeks A only: after Monday 14 September (A), Monday 28.
    assert_eq!(
        next(CORSICAN, CORSICAN_GROUP, d(2026, 9, 14)).map(|n| n.1),
        Some(d(2026, 9, 28))
    );
}

#[test]
fn the_next_lesson_after_one_may_be_the_same_day() {
    let days = zone_a();
    let lessons = vec![
        (
            id(1),
            lesson(
                MATHS,
                SANTONI,
                CLASS_6B,
                None,
                slot(SchoolWeekday::Monday, "08:00", "09:00"),
                Alternation::Every,
            ),
        ),
        (
            id(2),
            lesson(
                MATHS,
                SANTONI,
                CLASS_6B,
                None,
                slot(SchoolWeekday::Monday, "14:00", "15:00"),
                Alternation::Every,
            ),
        ),
    ];
    let weeks = ab_weeks(&days);
    let tt = Timetable {
        days: &days,
        weeks: &weeks,
        lessons: &lessons,
        changes: &[],
    };
    let morning = tt
        .week(d(2026, 9, 7))
        .into_iter()
        .next()
        .expect("Monday morning");
    let afternoon = tt.next_lesson_after(&morning).expect("Monday afternoon");
    assert_eq!(
        (afternoon.source, afternoon.when.date()),
        (
            Source::Weekly {
                lesson: id(2),
                date: d(2026, 9, 7)
            },
            d(2026, 9, 7)
        )
    );
    let following = tt.next_lesson_after(&afternoon).expect("the Monday after");
    assert_eq!(following.when.date(), d(2026, 9, 14));
    assert_eq!(following.when.start(), t("08:00"));
}

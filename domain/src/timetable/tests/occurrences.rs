use super::school::{changes, lessons};
use super::support::*;
use crate::timetable::*;

/// (lesson or extra, date, start, status) of a week.
fn summary(occurrences: &[Occurrence]) -> Vec<(String, Date, String, Status)> {
    occurrences
        .iter()
        .map(|o| {
            let source = match o.source {
                Source::Weekly { lesson, .. } => format!("L{lesson}"),
                Source::Extra(id) => format!("X{id}"),
            };
            (
                source,
                o.when.date(),
                o.when.start().to_string(),
                o.status.clone(),
            )
        })
        .collect()
}

fn row(source: &str, date: Date, start: &str, status: Status) -> (String, Date, String, Status) {
    (source.to_owned(), date, start.to_owned(), status)
}

#[test]
fn a_week_lists_each_lesson_with_what_changed() {
    let (days, lessons, changes) = (zone_a(), lessons(), changes());
    let weeks = ab_weeks(&days);
    let tt = Timetable {
        days: &days,
        weeks: &weeks,
        lessons: &lessons,
        changes: &changes,
    };
    let changed = |moved_from, room_changed, substitute| Status::Changed {
        moved_from,
        room_changed,
        substitute,
    };
    let usual = |date, start, end| DatedSlot::new(date, t(start), t(end)).ok();
    let to = |date, start, end| DatedSlot::new(date, t(start), t(end)).expect("valid");
    for (date, expected) in [
        // Week A of the rentrée: Monday 31 August is still the summer.
        (
            d(2026, 9, 2),
            vec![
                row("L5", d(2026, 9, 1), "08:00", Status::Normal),
                row("L4", d(2026, 9, 1), "14:00", Status::Normal),
            ],
        ),
        // Week B: Monday's maths cancelled, Thursday's maths with a substitute.
        (
            d(2026, 9, 7),
            vec![
                row("L1", d(2026, 9, 7), "08:00", Status::Cancelled),
                row("L5", d(2026, 9, 8), "08:00", Status::Normal),
                row("L4", d(2026, 9, 8), "14:00", Status::Normal),
                row("L3", d(2026, 9, 10), "10:00", changed(None, false, true)),
            ],
        ),
        // Week A: Monday's maths moved to Wednesday in the lab.
        (
            d(2026, 9, 14),
            vec![
                row(
                    "L1",
                    d(2026, 9, 14),
                    "08:00",
                    Status::MovedAway {
                        to: to(d(2026, 9, 16), "10:00", "11:00"),
                    },
                ),
                row("L2", d(2026, 9, 14), "09:00", Status::Normal),
                row("L5", d(2026, 9, 15), "08:00", Status::Normal),
                row("L4", d(2026, 9, 15), "14:00", Status::Normal),
                row(
                    "L1",
                    d(2026, 9, 16),
                    "10:00",
                    changed(usual(d(2026, 9, 14), "08:00", "09:00"), true, false),
                ),
            ],
        ),
        // Moved to the next week: gone from this one…
        (
            d(2026, 9, 28),
            vec![
                row(
                    "L1",
                    d(2026, 9, 28),
                    "08:00",
                    Status::MovedAway {
                        to: to(d(2026, 10, 6), "16:00", "17:00"),
                    },
                ),
                row("L2", d(2026, 9, 28), "09:00", Status::Normal),
                row("L5", d(2026, 9, 29), "08:00", Status::Normal),
                row("L4", d(2026, 9, 29), "14:00", Status::Normal),
            ],
        ),
        // …and there in the next one, besides its own lesson.
        (
            d(2026, 10, 5),
            vec![
                row("L1", d(2026, 10, 5), "08:00", Status::Normal),
                row("L5", d(2026, 10, 6), "08:00", Status::Normal),
                row("L4", d(2026, 10, 6), "14:00", Status::Normal),
                row(
                    "L1",
                    d(2026, 10, 6),
                    "16:00",
                    changed(usual(d(2026, 9, 28), "08:00", "09:00"), false, false),
                ),
                row("L3", d(2026, 10, 8), "10:00", Status::Normal),
            ],
        ),
        // The Toussaint: only the extra revision course.
        (
            d(2026, 10, 19),
            vec![row("X5", d(2026, 10, 20), "10:00", Status::Extra)],
        ),
        // Armistice on Wednesday changes nothing here; no lesson falls on it.
        // After January: the 5e A's Corsican has ended.
        (
            d(2027, 2, 1),
            vec![
                row("L1", d(2027, 2, 1), "08:00", Status::Normal),
                row("L2", d(2027, 2, 1), "09:00", Status::Normal),
                row("L5", d(2027, 2, 2), "08:00", Status::Normal),
            ],
        ),
        // Easter Monday: no Monday lessons.
        (
            d(2027, 3, 29),
            vec![row("L5", d(2027, 3, 30), "08:00", Status::Normal)],
        ),
        // Ascension and its bridge: Monday to Wednesday only (week B).
        (
            d(2027, 5, 3),
            vec![
                row("L1", d(2027, 5, 3), "08:00", Status::Normal),
                row("L5", d(2027, 5, 4), "08:00", Status::Normal),
            ],
        ),
    ] {
        assert_eq!(summary(&tt.week(date)), expected, "week of {date}");
    }
}

#[test]
fn a_change_must_name_an_occurrence() {
    let (days, lessons) = (zone_a(), lessons());
    let weeks = ab_weeks(&days);
    let tt = Timetable {
        days: &days,
        weeks: &weeks,
        lessons: &lessons,
        changes: &[],
    };
    for (lesson, date, expected) in [
        (1, d(2026, 9, 7), Ok(())),
        (1, d(2026, 9, 8), Err(ChangeError::NoSuchOccurrence)), // a Tuesday
        (2, d(2026, 9, 7), Err(ChangeError::NoSuchOccurrence)), // week B, lesson of weeks A
        (1, d(2026, 10, 19), Err(ChangeError::NoSuchOccurrence)), // holidays
        (4, d(2027, 2, 2), Err(ChangeError::NoSuchOccurrence)), // after its last day
        (99, d(2026, 9, 7), Err(ChangeError::NoSuchOccurrence)), // no such lesson
    ] {
        let change = OccurrenceChange::cancel(id(lesson), date);
        assert_eq!(tt.check_change(&change), expected, "L{lesson} {date}");
    }
    assert_eq!(
        OccurrenceChange::new(
            id(1),
            d(2026, 9, 7),
            Alteration::Changed {
                moved_to: None,
                room: None,
                teachers: None
            }
        ),
        Err(ChangeError::Nothing)
    );
}

#[test]
fn views_for_a_pupil_a_teacher_and_a_room() {
    let (days, lessons, changes) = (zone_a(), lessons(), changes());
    let weeks = ab_weeks(&days);
    let tt = Timetable {
        days: &days,
        weeks: &weeks,
        lessons: &lessons,
        changes: &changes,
    };
    let week = tt.week(d(2026, 9, 7));
    let count = |keep: &dyn Fn(&Occurrence) -> bool| week.iter().filter(|o| keep(o)).count();
    // A pupil of the 6e B in the Corsican group.
    assert_eq!(count(&|o| o.for_groups(&[CLASS_6B, CORSICAN_GROUP])), 2);
    // Santoni: the cancelled Monday, and the Thursday a substitute takes.
    assert_eq!(count(&|o| o.for_teacher(SANTONI)), 2);
    // Paoli: the Tuesday maths, and the Thursday substitution.
    assert_eq!(count(&|o| o.for_teacher(PAOLI)), 2);
    // Room B12 is used on Tuesday and Thursday; Monday's lesson there is cancelled.
    assert_eq!(count(&|o| o.in_room(B12)), 3);
    assert_eq!(count(&|o| o.in_room(B12) && o.takes_place()), 2);
    assert_eq!(count(&Occurrence::is_change), 2);
    let json = serde_json::to_string(&week).expect("serialised");
    assert_eq!(
        serde_json::from_str::<Vec<Occurrence>>(&json).ok(),
        Some(week)
    );
}

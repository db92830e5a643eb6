use super::school::{changes, extra, lessons, moved};
use super::support::*;
use crate::ids::{GroupId, LessonChangeId};
use crate::timetable::*;

/// The Corsican group is drawn from the 6e B.
fn shared(a: GroupId, b: GroupId) -> bool {
    (a, b) == (CLASS_6B, CORSICAN_GROUP)
}

#[test]
fn a_change_on_a_date_clashes_with_that_dates_lessons() {
    let (days, lessons, changes) = (zone_a(), lessons(), changes());
    let weeks = ab_weeks(&days);
    let tt = Timetable {
        days: &days,
        weeks: &weeks,
        lessons: &lessons,
        changes: &changes,
    };
    let weekly = |lesson: i64, date| Source::Weekly {
        lesson: id(lesson),
        date,
    };
    let substitute = |lesson: i64, date, teacher| {
        LessonChange::Occurrence(
            OccurrenceChange::new(
                id(lesson),
                date,
                Alteration::Changed {
                    moved_to: None,
                    room: None,
                    teachers: Some(Teachers::one(teacher)),
                },
            )
            .expect("a change"),
        )
    };
    let moved_with = |lesson: i64, date, to, teacher| {
        let to = DatedSlot::new(to, t("10:30"), t("11:30")).expect("valid");
        let alteration = Alteration::Changed {
            moved_to: Some(to),
            room: Some(LAB),
            teachers: Some(Teachers::one(teacher)),
        };
        LessonChange::Occurrence(
            OccurrenceChange::new(id(lesson), date, alteration).expect("a change"),
        )
    };
    use Conflict::*;
    for (name, editing, change, expected) in [
        // Tuesday 22 September 08:30 in B12: Paoli's 5e A maths is there until 09:00.
        (
            "extra in a taken room",
            None,
            extra(d(2026, 9, 22), "08:30", "09:30"),
            vec![(Room(B12), weekly(5, d(2026, 9, 22)))],
        ),
        (
            "extra right after",
            None,
            extra(d(2026, 9, 22), "09:00", "10:00"),
            vec![],
        ),
        // Monday 21 September (week B) 08:00 maths moved to Tuesday 08:00: Paoli's class there.
        (
            "moved onto a lesson",
            None,
            moved(1, d(2026, 9, 21), d(2026, 9, 22), "08:00", "09:00", None),
            vec![(Room(B12), weekly(5, d(2026, 9, 22)))],
        ),
        (
            "moved elsewhere",
            None,
            moved(
                1,
                d(2026, 9, 21),
                d(2026, 9, 22),
                "08:00",
                "09:00",
                Some(LAB),
            ),
            vec![],
        ),
        // Monday maths moved an hour later in the lab: the Corsican group is there, with pupils
        // of the 6e B.
        (
            "moved beside shared pupils",
            None,
            moved(
                1,
                d(2026, 9, 28),
                d(2026, 9, 28),
                "09:00",
                "10:00",
                Some(LAB),
            ),
            vec![
                (Room(LAB), weekly(2, d(2026, 9, 28))),
                (
                    SharedPupils(CLASS_6B, CORSICAN_GROUP),
                    weekly(2, d(2026, 9, 28)),
                ),
            ],
        ),
        (
            "substitute free then",
            None,
            substitute(4, d(2026, 9, 22), PAOLI),
            vec![],
        ),
        // Tuesday's 5e A maths moved to Thursday 10:30 in the lab with Santoni, who teaches then.
        (
            "moved with a busy substitute",
            None,
            moved_with(5, d(2026, 9, 22), d(2026, 9, 24), SANTONI),
            vec![(Teacher(SANTONI), weekly(3, d(2026, 9, 24)))],
        ),
        (
            "cancelling clashes with nothing",
            None,
            LessonChange::Occurrence(OccurrenceChange::cancel(id(1), d(2026, 9, 21))),
            vec![],
        ),
        // The holiday revision course (change 5, 10:00-12:00) against a new one at 11:00…
        (
            "new extra over the saved one",
            None,
            extra(d(2026, 10, 20), "11:00", "12:00"),
            vec![
                (Teacher(SANTONI), Source::Extra(LessonChangeId::new(5))),
                (Room(B12), Source::Extra(LessonChangeId::new(5))),
                (Group(CLASS_6B), Source::Extra(LessonChangeId::new(5))),
            ],
        ),
        // …and the saved one edited to that time: it replaces itself.
        (
            "edited extra",
            Some(LessonChangeId::new(5)),
            extra(d(2026, 10, 20), "11:00", "12:00"),
            vec![],
        ),
    ] {
        let found: Vec<(Conflict, Source)> = tt
            .change_clashes(editing, &change, shared)
            .into_iter()
            .map(|c| (c.conflict, c.with))
            .collect();
        assert_eq!(found, expected, "{name}");
    }
    // Santoni moved onto his own Thursday lesson of week B.
    let onto_own = moved(
        1,
        d(2026, 9, 21),
        d(2026, 9, 24),
        "10:30",
        "11:30",
        Some(LAB),
    );
    let found: Vec<Conflict> = tt
        .change_clashes(None, &onto_own, shared)
        .into_iter()
        .map(|c| c.conflict)
        .collect();
    assert_eq!(found, vec![Teacher(SANTONI), Group(CLASS_6B)]);
}

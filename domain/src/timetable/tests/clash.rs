use super::support::*;
use crate::ids::GroupId;
use crate::timetable::*;
use SchoolWeekday::*;

/// The Corsican group is drawn from the 6e B.
fn shared(a: GroupId, b: GroupId) -> bool {
    (a, b) == (CLASS_6B, CORSICAN_GROUP)
}

fn monday_maths() -> Lesson {
    lesson(
        MATHS,
        SANTONI,
        CLASS_6B,
        Some(B12),
        slot(Monday, "08:00", "09:00"),
        Alternation::Every,
    )
}

#[test]
fn two_weekly_lessons_clash_when_they_meet_and_share_someone_or_somewhere() {
    use Conflict::*;
    let halfway = Lesson::new(
        YEAR,
        LessonSpec {
            from: d(2027, 2, 1),
            until: d(2027, 7, 3),
            ..spec(
                CORSICAN,
                PAOLI,
                CLASS_6B,
                None,
                slot(Monday, "08:30", "09:30"),
                Alternation::Every,
            )
        },
    )
    .expect("valid");
    let first_half = Lesson::new(
        YEAR,
        LessonSpec {
            from: d(2026, 9, 1),
            until: d(2027, 1, 31),
            ..spec(
                CORSICAN,
                PAOLI,
                CLASS_6B,
                None,
                slot(Monday, "08:30", "09:30"),
                Alternation::Every,
            )
        },
    )
    .expect("valid");
    for (name, a, b, expected) in [
        (
            "the next hour",
            monday_maths(),
            lesson(
                MATHS,
                SANTONI,
                CLASS_6B,
                Some(B12),
                slot(Monday, "09:00", "10:00"),
                Alternation::Every,
            ),
            vec![],
        ),
        (
            "same teacher",
            monday_maths(),
            lesson(
                MATHS,
                SANTONI,
                CLASS_5A,
                None,
                slot(Monday, "08:30", "09:30"),
                Alternation::Every,
            ),
            vec![Teacher(SANTONI)],
        ),
        (
            "same room",
            monday_maths(),
            lesson(
                CORSICAN,
                ORSINI,
                CLASS_5A,
                Some(B12),
                slot(Monday, "08:00", "08:30"),
                Alternation::WeekA,
            ),
            vec![Room(B12)],
        ),
        (
            "same class",
            monday_maths(),
            lesson(
                CORSICAN,
                ORSINI,
                CLASS_6B,
                Some(LAB),
                slot(Monday, "08:00", "09:00"),
                Alternation::Every,
            ),
            vec![Group(CLASS_6B)],
        ),
        (
            "pupils in both",
            monday_maths(),
            lesson(
                CORSICAN,
                ORSINI,
                CORSICAN_GROUP,
                Some(LAB),
                slot(Monday, "08:00", "09:00"),
                Alternation::Every,
            ),
            vec![SharedPupils(CLASS_6B, CORSICAN_GROUP)],
        ),
        (
            "pupils in both, reversed",
            lesson(
                CORSICAN,
                ORSINI,
                CORSICAN_GROUP,
                Some(LAB),
                slot(Monday, "08:00", "09:00"),
                Alternation::Every,
            ),
            monday_maths(),
            vec![SharedPupils(CORSICAN_GROUP, CLASS_6B)],
        ),
        (
            "everything",
            monday_maths(),
            monday_maths(),
            vec![Teacher(SANTONI), Room(B12), Group(CLASS_6B)],
        ),
        (
            "another day",
            monday_maths(),
            lesson(
                MATHS,
                SANTONI,
                CLASS_6B,
                Some(B12),
                slot(Tuesday, "08:00", "09:00"),
                Alternation::Every,
            ),
            vec![],
        ),
        (
            "every week against week A",
            monday_maths(),
            lesson(
                MATHS,
                SANTONI,
                CLASS_5A,
                None,
                slot(Monday, "08:00", "09:00"),
                Alternation::WeekA,
            ),
            vec![Teacher(SANTONI)],
        ),
        (
            "week A against week B",
            lesson(
                MATHS,
                SANTONI,
                CLASS_6B,
                Some(B12),
                slot(Monday, "08:00", "09:00"),
                Alternation::WeekA,
            ),
            lesson(
                MATHS,
                SANTONI,
                CLASS_6B,
                Some(B12),
                slot(Monday, "08:00", "09:00"),
                Alternation::WeekB,
            ),
            vec![],
        ),
        (
            "week B against week B",
            lesson(
                MATHS,
                SANTONI,
                CLASS_6B,
                None,
                slot(Monday, "08:00", "09:00"),
                Alternation::WeekB,
            ),
            lesson(
                MATHS,
                SANTONI,
                CLASS_5A,
                None,
                slot(Monday, "08:00", "09:00"),
                Alternation::WeekB,
            ),
            vec![Teacher(SANTONI)],
        ),
        (
            "one after the other in the year",
            first_half.clone(),
            halfway.clone(),
            vec![],
        ),
        (
            "the year against its second half",
            monday_maths(),
            halfway,
            vec![Group(CLASS_6B)],
        ),
        (
            "no room is no clash",
            first_half.clone(),
            lesson(
                CORSICAN,
                ORSINI,
                CLASS_5A,
                None,
                slot(Monday, "08:00", "09:00"),
                Alternation::Every,
            ),
            vec![],
        ),
    ] {
        let found: Vec<Conflict> = lesson_clashes(&[(None, a)], &[(id(7), b)], shared)
            .into_iter()
            .map(|c| {
                assert_eq!(
                    (c.first, c.second),
                    (LessonKey::Draft(0), LessonKey::Saved(id(7))),
                    "{name}"
                );
                c.conflict
            })
            .collect();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn drafts_clash_among_themselves_and_an_edited_lesson_not_with_its_old_self() {
    let saved = vec![(id(1), monday_maths())];
    let moved_room = lesson(
        MATHS,
        SANTONI,
        CLASS_6B,
        Some(LAB),
        slot(Monday, "08:00", "09:00"),
        Alternation::Every,
    );
    // Editing lesson 1 (another room): nothing to clash with.
    assert_eq!(
        lesson_clashes(&[(Some(id(1)), moved_room.clone())], &saved, shared),
        vec![]
    );
    // Two new lessons at the same time with the same teacher, besides the saved one.
    let clashes = lesson_clashes(
        &[(None, moved_room.clone()), (None, moved_room)],
        &saved,
        shared,
    );
    let pairs: Vec<(LessonKey, LessonKey)> = clashes.iter().map(|c| (c.first, c.second)).collect();
    use LessonKey::*;
    assert_eq!(
        pairs,
        vec![
            (Draft(0), Draft(1)),     // teacher
            (Draft(0), Draft(1)),     // room
            (Draft(0), Draft(1)),     // class
            (Draft(0), Saved(id(1))), // teacher
            (Draft(0), Saved(id(1))), // class
            (Draft(1), Saved(id(1))),
            (Draft(1), Saved(id(1))),
        ]
    );
}

#[test]
fn saving_with_clashes_needs_a_confirmation() {
    let clash = Clash {
        conflict: Conflict::Room(B12),
        first: LessonKey::Draft(0),
        second: LessonKey::Saved(id(1)),
    };
    assert_eq!(confirm(vec![clash], false), Err(Clashes(vec![clash])));
    assert_eq!(confirm(vec![clash], true), Ok(()));
    assert_eq!(confirm(Vec::<Clash>::new(), false), Ok(()));
}

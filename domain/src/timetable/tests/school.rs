//! The school most tests use: its lessons of 2026-2027 and the changes of a few dates.

use super::support::*;
use crate::ids::{LessonChangeId, LessonId};
use crate::timetable::*;
use SchoolWeekday::*;

/// The school's lessons: Monday maths every week, Monday Corsican in weeks A, Thursday maths in
/// weeks B, Tuesday Corsican for the 5e A until January, Tuesday 08:00 maths every week.
pub fn lessons() -> Vec<(LessonId, Lesson)> {
    let until_january = Lesson::new(
        YEAR,
        LessonSpec {
            from: d(2026, 9, 1),
            until: d(2027, 1, 31),
            ..spec(
                CORSICAN,
                ORSINI,
                CLASS_5A,
                None,
                slot(Tuesday, "14:00", "15:00"),
                Alternation::Every,
            )
        },
    )
    .expect("valid");
    vec![
        (
            id(1),
            lesson(
                MATHS,
                SANTONI,
                CLASS_6B,
                Some(B12),
                slot(Monday, "08:00", "09:00"),
                Alternation::Every,
            ),
        ),
        (
            id(2),
            lesson(
                CORSICAN,
                ORSINI,
                CORSICAN_GROUP,
                Some(LAB),
                slot(Monday, "09:00", "10:00"),
                Alternation::WeekA,
            ),
        ),
        (
            id(3),
            lesson(
                MATHS,
                SANTONI,
                CLASS_6B,
                Some(B12),
                slot(Thursday, "10:00", "11:00"),
                Alternation::WeekB,
            ),
        ),
        (id(4), until_january),
        (
            id(5),
            lesson(
                MATHS,
                PAOLI,
                CLASS_5A,
                Some(B12),
                slot(Tuesday, "08:00", "09:00"),
                Alternation::Every,
            ),
        ),
    ]
}

pub fn moved(
    lesson: i64,
    date: Date,
    to: Date,
    start: &str,
    end: &str,
    room: Option<crate::ids::RoomId>,
) -> LessonChange {
    let to = DatedSlot::new(to, t(start), t(end)).expect("a valid one-off");
    LessonChange::Occurrence(
        OccurrenceChange::new(
            id(lesson),
            date,
            Alteration::Changed {
                moved_to: Some(to),
                room,
                teachers: None,
            },
        )
        .expect("a change"),
    )
}

pub fn extra(date: Date, start: &str, end: &str) -> LessonChange {
    LessonChange::Extra(ExtraLesson {
        subject: MATHS,
        teachers: Teachers::one(SANTONI),
        group: CLASS_6B,
        room: Some(B12),
        when: DatedSlot::new(date, t(start), t(end)).expect("a valid one-off"),
    })
}

pub fn changes() -> Vec<(LessonChangeId, LessonChange)> {
    let c = |n| LessonChangeId::new(n);
    vec![
        (
            c(1),
            LessonChange::Occurrence(OccurrenceChange::cancel(id(1), d(2026, 9, 7))),
        ),
        (
            c(2),
            moved(
                1,
                d(2026, 9, 14),
                d(2026, 9, 16),
                "10:00",
                "11:00",
                Some(LAB),
            ),
        ),
        (
            c(3),
            moved(1, d(2026, 9, 28), d(2026, 10, 6), "16:00", "17:00", None),
        ),
        (
            c(4),
            LessonChange::Occurrence(
                OccurrenceChange::new(
                    id(3),
                    d(2026, 9, 10),
                    Alteration::Changed {
                        moved_to: None,
                        room: None,
                        teachers: Some(Teachers::one(PAOLI)),
                    },
                )
                .expect("a change"),
            ),
        ),
        // An extra lesson in the Toussaint holidays (a revision course).
        (c(5), extra(d(2026, 10, 20), "10:00", "12:00")),
        // A week B: the Corsican lesson of weeks A has no occurrence to cancel; ignored.
        (
            c(6),
            LessonChange::Occurrence(OccurrenceChange::cancel(id(2), d(2026, 9, 7))),
        ),
    ]
}

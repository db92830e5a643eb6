//! Changes of one date through the server functions: cancelled, moved with a substitute (one
//! change per occurrence), an extra lesson with its clash check; what each week shows; undone.

use crate::timetable::{at, setup, week, week_a};
use app::api::area_error::AreaError;
use app::api::timetable::changes::{Change, UndoChange};
use app::api::timetable::{TimetableProblem, Whom};
use app::error::AppError;
use domain::ids::LessonId;
use domain::timetable::{
    Alteration, ChangeError, DatedSlot, ExtraLesson, LessonChange, OccurrenceChange, Status,
    Teachers, day,
};

#[tokio::test]
async fn changes_show_in_the_week_clash_and_are_undone() {
    let t = setup().await;
    let s = &t.s;
    let lisandru = s.account_id("lisandru.pieri").await;
    let pupil = s.session_for("lisandru.pieri").await;
    // The Monday 08:00 maths lesson of 5e A.
    let lesson = LessonId::new(
        s.scalar(
            "SELECT MIN(l.id) FROM lessons l JOIN school_groups g ON g.id = l.group_id \
             WHERE g.name = $1 AND l.weekday = 'mon'",
            "5e A",
        )
        .await,
    );
    let monday = week_a();
    let change = |c: LessonChange, confirmed: bool| {
        s.call(
            &t.staff,
            Change {
                school: t.school,
                change: c,
                confirmed,
            },
        )
    };
    // Cancelled.
    let cancel = LessonChange::Occurrence(OccurrenceChange::cancel(lesson, monday));
    let id = change(cancel, false).await.ok();
    let w = week(s, &pupil, Whom::Pupil(lisandru), monday).await;
    assert_eq!(w.lessons[0].occurrence.status, Status::Cancelled);
    // No occurrence on a Tuesday: refused.
    let wrong = LessonChange::Occurrence(OccurrenceChange::cancel(lesson, day::plus(monday, 1)));
    assert_eq!(
        change(wrong, true).await.err(),
        AreaError::Area(TimetableProblem::Change(ChangeError::NoSuchOccurrence))
    );
    // Moved to Wednesday 14:00, with a substitute: replaces the cancellation.
    sqlx::query("INSERT INTO roles (account_id, school_id, profile) VALUES ($1, $2, 'teacher')")
        .bind(s.account_id("paola.leca").await.get())
        .bind(t.school.get())
        .execute(s.app.db.writer())
        .await
        .expect("paola teaches too");
    let paola = s.account_id("paola.leca").await;
    let to = DatedSlot::new(day::plus(monday, 2), at(14, 0), at(15, 0)).expect("a slot");
    let moved = OccurrenceChange::new(
        lesson,
        monday,
        Alteration::Changed {
            moved_to: Some(to),
            room: None,
            teachers: Some(Teachers::one(paola)),
        },
    )
    .expect("a change");
    let moved_id = change(LessonChange::Occurrence(moved), false).await.ok();
    assert_eq!(moved_id, id, "one change per occurrence");
    let w = week(s, &pupil, Whom::Pupil(lisandru), monday).await;
    assert!(matches!(
        w.lessons[0].occurrence.status,
        Status::MovedAway { .. }
    ));
    let here = w
        .lessons
        .iter()
        .find(|l| l.occurrence.when == to)
        .expect("moved here");
    assert!(matches!(
        here.occurrence.status,
        Status::Changed {
            substitute: true,
            ..
        }
    ));
    assert_eq!(here.teachers, vec!["Paola Leca".to_owned()]);
    // The substitute sees it in her week, and so does the teacher she replaces.
    let staff_week = week(s, &t.staff, Whom::Teacher(paola), monday).await;
    assert_eq!(staff_week.lessons.len(), 1);
    // An extra lesson for 5e A at the time it has maths: a clash, saved once confirmed.
    let extra = LessonChange::Extra(ExtraLesson {
        subject: t.maths,
        teachers: Teachers::one(s.account_id("maria.santoni").await),
        group: t.cinq_a,
        room: None,
        when: DatedSlot::new(day::plus(monday, 4), at(10, 30), at(11, 30)).expect("a slot"),
    });
    let Err(AreaError::Area(TimetableProblem::ChangeClashes(clashes))) =
        change(extra.clone(), false).await.result
    else {
        panic!("a clash expected");
    };
    assert!(!clashes.is_empty());
    let extra_id = change(extra.clone(), true).await.ok();
    assert_eq!(
        change(extra, true).await.err(),
        AreaError::Area(TimetableProblem::LessonTwice),
        "the same extra lesson twice"
    );
    let w = week(s, &pupil, Whom::Pupil(lisandru), monday).await;
    assert!(
        w.lessons
            .iter()
            .any(|l| l.occurrence.status == Status::Extra)
    );
    // Undone: the week is as usual again.
    for id in [id, extra_id] {
        s.call(
            &t.staff,
            UndoChange {
                school: t.school,
                id,
            },
        )
        .await
        .ok();
    }
    let w = week(s, &pupil, Whom::Pupil(lisandru), monday).await;
    assert_eq!(w.lessons.len(), 5);
    assert!(
        w.lessons
            .iter()
            .all(|l| l.occurrence.status == Status::Normal)
    );
    // Undoing twice, or another school's change: refused.
    let again = s
        .call(
            &t.staff,
            UndoChange {
                school: t.school,
                id,
            },
        )
        .await
        .err();
    assert_eq!(again, AreaError::App(AppError::Forbidden));
}

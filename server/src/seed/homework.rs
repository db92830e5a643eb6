//! The demo's cahier de textes: what was done in each of maria.santoni's lessons of the last
//! school days, and homework set from them (due at the next lesson of the subject, some to be
//! handed in online), so that the pupil's and the parent's week show them from the first visit.

use super::SeedError;
use crate::db::homework::{insert_entry, insert_homework};
use app::ports::Place;
use domain::homework::{HandInPolicy, History, Homework, LogEntry, Minutes};
use domain::ids::{AccountId, LessonChangeId, LessonId, SchoolId, SubjectId};
use domain::time::Timestamp;
use domain::timetable::{AbWeeks, Lesson, LessonChange, SchoolDays, Status};
use domain::timetable::{Timetable, day};
use sqlx::AnyConnection;

fn failed(e: impl std::fmt::Display) -> SeedError {
    SeedError::Exercise(format!("demo cahier de textes: {e}"))
}

/// What the demo's lessons, a school's, are made of.
pub struct Week<'a> {
    pub school: SchoolId,
    pub days: &'a SchoolDays,
    pub weeks: &'a AbWeeks,
    pub lessons: &'a [(LessonId, Lesson)],
    pub changes: &'a [(LessonChangeId, LessonChange)],
    /// The Corsican lessons' subject: their entries are written in Corsican.
    pub corsican: SubjectId,
}

pub async fn seed(
    tx: &mut AnyConnection,
    week: &Week<'_>,
    teacher: AccountId,
    now: Timestamp,
) -> Result<(), SeedError> {
    let timetable = Timetable {
        days: week.days,
        weeks: week.weeks,
        lessons: week.lessons,
        changes: week.changes,
    };
    let today = domain::locale::local(now).date();
    let year = week.days.year();
    let from = day::plus(day::monday(today), -7).max(day::first_of(year));
    let mut taught: Vec<_> = timetable
        .occurrences(from, today)
        .into_iter()
        .filter(|o| o.status != Status::Cancelled && o.starts <= now)
        .collect();
    if taught.is_empty() {
        // In the holidays: the year's first two weeks, so that the cahier is never empty.
        let first = day::first_of(year);
        taught = timetable.occurrences(first, day::plus(first, 13));
    }
    // Set an hour after the lesson, or now when the lesson is later (a demo seeded in August).
    for (n, o) in taught.iter().enumerate() {
        let corsican = o.subject == week.corsican;
        let written = o.ends.min(now);
        let place = Place {
            school: week.school,
            group: o.group,
            subject: o.subject,
            occurrence: o.source,
            date: o.when.date(),
            starts: o.when.start(),
        };
        let text = if corsican {
            "Lettura d'un testu nant'à u mare. Scrittura: **cuntà a so ghjurnata** in corsu."
        } else {
            "Fractions : *addition* de fractions de même dénominateur. Correction des \
             exercices 3 et 4 p. 42."
        };
        let entry = LogEntry::new(o.source, text.to_owned(), vec![])
            .map_err(|p| failed(format!("{p:?}")))?;
        insert_entry(tx, &place, &History::new(teacher, written, entry))
            .await
            .map_err(failed)?;
        let Some(next) = timetable.next_lesson_after(o) else {
            continue;
        };
        let (what, hand_in) = if corsican {
            ("Amparà u vocabulariu di a lezziò.", HandInPolicy::None)
        } else if n % 2 == 0 {
            (
                "Exercices 5 à 8 p. 43 : rendre une photo ou un PDF de la copie.",
                HandInPolicy::Online { resubmit: true },
            )
        } else {
            ("Apprendre la leçon sur les fractions.", HandInPolicy::None)
        };
        let homework = Homework::new(
            what.to_owned(),
            o.when.date(),
            next.when.date(),
            Some(next.when.start().to_civil()),
            Minutes::new(30).ok(),
            hand_in,
            vec![],
        )
        .map_err(|p| failed(format!("{p:?}")))?;
        insert_homework(tx, &place, &History::new(teacher, written, homework))
            .await
            .map_err(failed)?;
    }
    Ok(())
}

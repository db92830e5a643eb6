//! The demo's timetable: a week of maria.santoni's lessons in the collège (5e A, 5e B, the
//! Corsican group; some every week, some in week A or B) and at the lycée (2nde 1), rooms, the
//! holidays of the year and weeks A/B, and one lesson of this week cancelled, so that a pupil's,
//! a parent's and the teacher's weeks show something, changes included; then the cahier de
//! textes of the last school days (`homework.rs`).

use super::SeedError;
use crate::db::sql::statements;
use crate::db::timetable::{insert_change, insert_lesson, write_calendar};
use app::ports::SchoolCalendar;
use domain::ids::{AccountId, GroupId, LessonId, RoomId, SchoolId, SubjectId};
use domain::school_calendar::SchoolYear;
use domain::sequence::search_key;
use domain::time::Timestamp;
use domain::timetable::{
    AbRule, Alternation, ClockTime, Date, Holiday, Lesson, LessonChange, LessonSpec,
    OccurrenceChange, SchoolDays, SchoolWeekday, Slot, Teachers, WeekKind, Zone, day,
};
use sqlx::AnyConnection;

statements! {
    INSERT_DEMO_ROOM = "INSERT INTO rooms (school_id, name, name_key) VALUES ($1, $2, $3) \
        RETURNING id";
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: i64,
}

/// The demo's ids the timetable needs.
pub struct Demo {
    pub college: i64,
    pub lycee: i64,
    pub teacher: i64,
    pub admin: i64,
    pub cinq_a: i64,
    pub cinq_b: i64,
    pub corsu: i64,
    pub seconde: i64,
    pub maths: i64,
    pub lco: i64,
    pub maths_lycee: i64,
}

fn failed(e: impl std::fmt::Display) -> SeedError {
    SeedError::Exercise(format!("demo timetable: {e}"))
}

fn civil(year: i32, month: i8, day: i8) -> Result<Date, SeedError> {
    let year = i16::try_from(year).map_err(failed)?;
    Date::new(year, month, day).map_err(failed)
}

/// Holidays shaped like zone A's, for whichever year the demo is written in (and the region
/// generator's, when it is not given the open-data calendar).
pub(crate) fn holidays(year: SchoolYear) -> Result<Vec<Holiday>, SeedError> {
    let (a, b) = (year.first(), year.first().saturating_add(1));
    let ranges = [
        ("Vacances d'été", civil(a, 8, 1)?, civil(a, 8, 31)?),
        (
            "Vacances de la Toussaint",
            civil(a, 10, 17)?,
            civil(a, 11, 1)?,
        ),
        ("Vacances de Noël", civil(a, 12, 19)?, civil(b, 1, 3)?),
        ("Vacances d'hiver", civil(b, 2, 13)?, civil(b, 3, 1)?),
        ("Vacances de printemps", civil(b, 4, 10)?, civil(b, 4, 26)?),
        ("Vacances d'été", civil(b, 7, 4)?, civil(b, 7, 31)?),
    ];
    ranges
        .into_iter()
        .map(|(name, first, last)| Holiday::new(name, first, last).map_err(failed))
        .collect()
}

fn at(hour: u8) -> Result<ClockTime, SeedError> {
    ClockTime::new(hour, 0).ok_or_else(|| failed("a time"))
}

pub async fn seed(tx: &mut AnyConnection, d: &Demo, now: Timestamp) -> Result<(), SeedError> {
    let year = SchoolYear::at(now);
    let admin = AccountId::new(d.admin);
    let teacher = AccountId::new(d.teacher);
    let days = SchoolDays::new(year, holidays(year)?).map_err(failed)?;
    let ab = AbRule {
        first_week: day::monday(civil(year.first(), 9, 1)?),
        first_kind: WeekKind::A,
        overrides: vec![],
    };
    for school in [d.college, d.lycee] {
        let calendar = SchoolCalendar {
            school: SchoolId::new(school),
            days: days.clone(),
            ab: Some(ab.clone()),
            zone: Some(Zone::A),
        };
        write_calendar(tx, &calendar, Some(admin), now)
            .await
            .map_err(failed)?;
    }
    let mut rooms = vec![];
    for (school, name) in [
        (d.college, "Salle 101"),
        (d.college, "Salle 102"),
        (d.lycee, "B12"),
    ] {
        let row: IdRow = INSERT_DEMO_ROOM
            .query_as()
            .bind(school)
            .bind(name)
            .bind(search_key(name))
            .fetch_one(&mut *tx)
            .await?;
        rooms.push(RoomId::new(row.id));
    }
    let (s101, s102, b12) = (rooms[0], rooms[1], rooms[2]);
    use Alternation::{Every, WeekA, WeekB};
    use SchoolWeekday::{Friday, Monday, Thursday, Tuesday, Wednesday};
    let week = [
        (d.college, d.maths, d.cinq_a, s101, Monday, 8, 9, Every),
        (d.college, d.lco, d.corsu, s102, Monday, 10, 11, Every),
        (d.college, d.maths, d.cinq_b, s101, Tuesday, 9, 10, Every),
        (d.college, d.maths, d.cinq_a, s101, Tuesday, 14, 15, WeekA),
        (d.college, d.maths, d.cinq_b, s101, Tuesday, 14, 15, WeekB),
        (
            d.lycee,
            d.maths_lycee,
            d.seconde,
            b12,
            Wednesday,
            8,
            10,
            Every,
        ),
        (d.college, d.lco, d.corsu, s102, Thursday, 8, 9, Every),
        (d.college, d.maths, d.cinq_a, s101, Friday, 10, 11, Every),
    ];
    let mut friday_lesson = None;
    let mut written: Vec<(i64, LessonId, Lesson)> = vec![];
    for (school, subject, group, room, weekday, start, end, alternation) in week {
        let spec = LessonSpec {
            subject: SubjectId::new(subject),
            teachers: Teachers::one(teacher),
            group: GroupId::new(group),
            room: Some(room),
            slot: Slot::new(weekday, at(start)?, at(end)?).map_err(failed)?,
            alternation,
            from: day::first_of(year),
            until: day::last_of(year),
        };
        let lesson = Lesson::new(year, spec).map_err(failed)?;
        let year_row = crate::db::school_years::year_id(&mut *tx, year)
            .await?
            .get();
        let id = insert_lesson(
            tx,
            SchoolId::new(school),
            year_row,
            &lesson,
            Some(room.get()),
            admin,
            now,
        )
        .await
        .map_err(failed)?;
        if weekday == Friday {
            friday_lesson = Some(id);
        }
        written.push((school, id, lesson));
    }
    let mut changes = vec![];
    // This week's Friday maths lesson of 5e A is cancelled.
    if let Some(lesson) = friday_lesson {
        let today = domain::locale::local(now).date();
        let friday = day::plus(day::monday(today), 4);
        let change = LessonChange::Occurrence(OccurrenceChange::cancel(lesson, friday));
        let id = insert_change(tx, SchoolId::new(d.college), &change, Some(admin), now)
            .await
            .map_err(failed)?;
        changes.push((id, change));
    }
    let weeks = ab.weeks(&days);
    for school in [d.college, d.lycee] {
        let lessons: Vec<(LessonId, Lesson)> = written
            .iter()
            .filter(|(s, ..)| *s == school)
            .map(|(_, id, lesson)| (*id, lesson.clone()))
            .collect();
        let week = super::homework::Week {
            school: SchoolId::new(school),
            days: &days,
            weeks: &weeks,
            lessons: &lessons,
            changes: if school == d.college { &changes } else { &[] },
            corsican: SubjectId::new(d.lco),
        };
        super::homework::seed(tx, &week, teacher, now).await?;
    }
    Ok(())
}

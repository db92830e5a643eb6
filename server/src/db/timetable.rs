//! Timetables: rooms, a school's calendar of a year, weekly lessons with their teachers, and
//! the changes of one date. A week is read in at most four queries (`Timetables::week`).

use super::decode::json_text;
use super::school_years::year_id;
use super::sql::statements;
use super::{Db, fail};
use app::api::timetable::{LessonEntry, LessonsOf, Room};
use app::ports::{
    Names, Refs, SchoolCalendar, StoreError, Timetables, WeekRead, WeekSelector, Written,
};
use async_trait::async_trait;
use domain::ids::{AccountId, GroupId, LessonChangeId, LessonId, RoomId, SchoolId, SubjectId};
use domain::school::Label;
use domain::school_calendar::SchoolYear;
use domain::time::Timestamp;
use domain::timetable::{
    Alteration, Date, Lesson, LessonChange, ResolvedLesson, SchoolNames, Teachers, day,
};
use sqlx::AnyConnection;

pub(crate) mod feeds;
mod rows;

use rows::{
    CalendarRow, ChangeRow, CountRow, IdRow, InSchoolRow, LessonRow, NamedRow, PairRow, SubjectRow,
    calendars_from, changes_from, lessons_from, minutes, no_calendar, week_kind_code,
};

/// A lesson's columns, one row per teacher (in their order), with the names a week shows.
macro_rules! lesson_rows {
    () => {
        "SELECT l.id AS id, l.school_id AS school_id, l.subject_id AS subject_id, \
           l.group_id AS group_id, l.room_id AS room_id, l.weekday AS weekday, \
           l.starts AS starts, l.ends AS ends, l.alternation AS alternation, \
           l.from_day AS from_day, l.until_day AS until_day, l.updated_at AS updated_at, \
           t.teacher_id AS teacher_id, \
           s.name AS subject_name, g.name AS group_name, r.name AS room_name, \
           a.first_name AS first_name, a.last_name AS last_name \
         FROM lessons l JOIN lesson_teachers t ON t.lesson_id = l.id \
         JOIN subjects s ON s.id = l.subject_id JOIN school_groups g ON g.id = l.group_id \
         LEFT JOIN rooms r ON r.id = l.room_id JOIN accounts a ON a.id = t.teacher_id "
    };
}

/// The year whose id `$n` is, by its first instant.
macro_rules! year_is {
    ($n:literal) => {
        concat!("(SELECT id FROM school_years WHERE starts_at = $", $n, ")")
    };
}

/// A change's columns, one row per teacher (none: one row), with names.
macro_rules! change_rows {
    () => {
        "SELECT c.id AS id, c.school_id AS school_id, c.lesson_id AS lesson_id, \
           c.on_day AS on_day, c.kind AS kind, c.moved_day AS moved_day, c.starts AS starts, \
           c.ends AS ends, c.room_id AS room_id, c.subject_id AS subject_id, \
           c.group_id AS group_id, c.made_at AS made_at, ct.teacher_id AS teacher_id, \
           s.name AS subject_name, \
           g.name AS group_name, r.name AS room_name, a.first_name AS first_name, \
           a.last_name AS last_name \
         FROM lesson_changes c LEFT JOIN lesson_change_teachers ct ON ct.change_id = c.id \
         LEFT JOIN subjects s ON s.id = c.subject_id \
         LEFT JOIN school_groups g ON g.id = c.group_id \
         LEFT JOIN rooms r ON r.id = c.room_id LEFT JOIN accounts a ON a.id = ct.teacher_id "
    };
}

/// The changes of the schools `$school` (a condition on `school_id`) on the days `$2`..`$3`, or
/// moved into them: a union of two index searches (an `OR` of the two days, next to a school
/// given by a subquery, makes SQLite scan the table).
macro_rules! changes_where {
    ($school:literal) => {
        concat!(
            change_rows!(),
            "WHERE c.id IN (SELECT id FROM lesson_changes WHERE school_id ",
            $school,
            " AND on_day BETWEEN $2 AND $3 UNION SELECT id FROM lesson_changes \
              WHERE school_id ",
            $school,
            " AND moved_day BETWEEN $2 AND $3) \
             ORDER BY c.id, ct.position"
        )
    };
}

/// A calendar with its holidays, one row per holiday (none: one row).
macro_rules! calendar_rows {
    () => {
        "SELECT k.school_id AS school_id, k.first_week AS first_week, \
           k.first_kind AS first_kind, k.overrides AS overrides, k.zone AS zone, \
           h.name AS name, h.first_day AS first_day, h.last_day AS last_day \
         FROM timetable_calendars k LEFT JOIN holidays h \
           ON h.school_id = k.school_id AND h.year_id = k.year_id \
         WHERE k.year_id = (SELECT id FROM school_years WHERE starts_at = $2) AND "
    };
}

statements! {
    PUPIL_SCHOOLS = "SELECT school_id AS id FROM roles WHERE account_id = $1 \
        AND profile = 'pupil' ORDER BY school_id";
    TEACHER_SCHOOLS = "SELECT school_id AS id FROM roles WHERE account_id = $1 \
        AND profile = 'teacher' ORDER BY school_id";
    ROOM_SCHOOL = "SELECT school_id AS id FROM rooms WHERE id = $1";

    /// The lessons of a pupil's classes and groups of the year.
    LESSONS_OF_PUPIL = concat!(lesson_rows!(),
        "WHERE l.group_id IN (SELECT group_id FROM memberships WHERE account_id = $1) \
         AND l.year_id = ", year_is!(2), " ORDER BY l.id, t.position");
    PUPIL_GROUPS = concat!("SELECT m.group_id AS id FROM memberships m \
        JOIN school_groups g ON g.id = m.group_id \
        WHERE m.account_id = $1 AND g.year_id = ", year_is!(2));
    /// A teacher's lessons, and those they substitute in on the days `$3`..`$4`.
    LESSONS_OF_TEACHER_WEEK = concat!(lesson_rows!(),
        "WHERE l.id IN (SELECT lesson_id FROM lesson_teachers WHERE teacher_id = $1 \
           UNION SELECT c.lesson_id FROM lesson_changes c \
             JOIN lesson_change_teachers x ON x.change_id = c.id WHERE x.teacher_id = $1 \
             AND (c.on_day BETWEEN $3 AND $4 OR c.moved_day BETWEEN $3 AND $4)) \
         AND l.year_id = ", year_is!(2), " ORDER BY l.id, t.position");
    /// A teacher's lessons of the year, in every school.
    LESSONS_OF_TEACHER = concat!(lesson_rows!(),
        "WHERE l.id IN (SELECT lesson_id FROM lesson_teachers WHERE teacher_id = $1) \
         AND l.year_id = ", year_is!(2), " ORDER BY l.id, t.position");
    LESSONS_OF_GROUP = concat!(lesson_rows!(),
        "WHERE l.group_id = $1 AND l.year_id = ", year_is!(2), " ORDER BY l.id, t.position");
    /// The lessons in a room, and those moved into it on the days `$3`..`$4`.
    LESSONS_IN_ROOM_WEEK = concat!(lesson_rows!(),
        "WHERE l.id IN (SELECT id FROM lessons WHERE room_id = $1 \
           UNION SELECT c.lesson_id FROM lesson_changes c WHERE c.room_id = $1 \
             AND (c.on_day BETWEEN $3 AND $4 OR c.moved_day BETWEEN $3 AND $4)) \
         AND l.year_id = ", year_is!(2), " ORDER BY l.id, t.position");
    LESSON_BY_ID = concat!(lesson_rows!(),
        "WHERE l.id = $1 AND l.year_id = ", year_is!(2), " ORDER BY t.position");
    CHANGE_BY_ID = concat!(change_rows!(), "WHERE c.id = $1 ORDER BY ct.position");
    LESSONS_OF_SCHOOL = concat!(lesson_rows!(),
        "WHERE l.school_id = $1 AND l.year_id = ", year_is!(2), " ORDER BY l.id, t.position");

    /// The changes of the schools where an account has a role.
    CHANGES_OF_PERSON =
        changes_where!("IN (SELECT school_id FROM roles WHERE account_id = $1)");
    CHANGES_OF_GROUP_SCHOOL =
        changes_where!("= (SELECT school_id FROM school_groups WHERE id = $1)");
    CHANGES_OF_ROOM_SCHOOL = changes_where!("= (SELECT school_id FROM rooms WHERE id = $1)");
    CHANGES_OF_SCHOOL = changes_where!("= $1");

    CALENDARS_OF_PERSON = concat!(calendar_rows!(),
        "k.school_id IN (SELECT school_id FROM roles WHERE account_id = $1) \
         ORDER BY k.school_id, h.first_day");
    CALENDAR_OF_GROUP_SCHOOL = concat!(calendar_rows!(),
        "k.school_id = (SELECT school_id FROM school_groups WHERE id = $1) ORDER BY h.first_day");
    CALENDAR_OF_ROOM_SCHOOL = concat!(calendar_rows!(),
        "k.school_id = (SELECT school_id FROM rooms WHERE id = $1) ORDER BY h.first_day");
    CALENDAR_OF_SCHOOL = concat!(calendar_rows!(), "k.school_id = $1 ORDER BY h.first_day");
    SAVE_CALENDAR = "INSERT INTO timetable_calendars (school_id, year_id, first_week, \
          first_kind, overrides, zone, updated_by, updated_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
        ON CONFLICT (school_id, year_id) DO UPDATE SET first_week = excluded.first_week, \
          first_kind = excluded.first_kind, overrides = excluded.overrides, \
          zone = excluded.zone, updated_by = excluded.updated_by, \
          updated_at = excluded.updated_at";
    DELETE_HOLIDAYS = "DELETE FROM holidays WHERE school_id = $1 AND year_id = $2";
    INSERT_HOLIDAY = "INSERT INTO holidays (school_id, year_id, name, first_day, last_day) \
        VALUES ($1, $2, $3, $4, $5)";

    ROOMS = "SELECT id, name FROM rooms WHERE school_id = $1 ORDER BY name_key, id";
    INSERT_ROOM = "INSERT INTO rooms (school_id, name, name_key) VALUES ($1, $2, $3) \
        RETURNING id";

    /// How many of the ids given are of the school (a group: of the year too).
    IN_SCHOOL = concat!("SELECT \
        (SELECT COUNT(*) FROM subjects WHERE id = $2 AND school_id = $1) AS subjects, \
        (SELECT COUNT(*) FROM school_groups WHERE id = $3 AND school_id = $1 \
           AND year_id = ", year_is!(4), ") AS groups_, \
        (SELECT COUNT(*) FROM rooms WHERE id = $5 AND school_id = $1) AS rooms, \
        (SELECT COUNT(*) FROM lessons WHERE id = $6 AND school_id = $1) AS lessons");
    TEACHES_IN = "SELECT COUNT(*) AS n FROM roles WHERE account_id = $1 AND school_id = $2 \
        AND profile = 'teacher'";
    /// Pairs of the school's groups of the year with a pupil in common.
    SHARED_GROUPS = concat!("SELECT DISTINCT a.group_id AS first, b.group_id AS second \
        FROM memberships a JOIN memberships b \
          ON b.account_id = a.account_id AND b.group_id <> a.group_id \
        JOIN school_groups g ON g.id = a.group_id \
        WHERE g.school_id = $1 AND g.year_id = ", year_is!(2));

    INSERT_LESSON = "INSERT INTO lessons (school_id, year_id, subject_id, group_id, room_id, \
          weekday, starts, ends, alternation, from_day, until_day, updated_by, updated_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
    UPDATE_LESSON = "UPDATE lessons SET subject_id = $3, group_id = $4, room_id = $5, \
          weekday = $6, starts = $7, ends = $8, alternation = $9, from_day = $10, \
          until_day = $11, updated_by = $12, updated_at = $13 \
        WHERE id = $1 AND school_id = $2";
    DELETE_LESSON_TEACHERS = "DELETE FROM lesson_teachers WHERE lesson_id = $1";
    INSERT_LESSON_TEACHER = "INSERT INTO lesson_teachers (lesson_id, teacher_id, position) \
        VALUES ($1, $2, $3)";
    DELETE_LESSON = "DELETE FROM lessons WHERE id = $1 AND school_id = $2";

    /// A change of an occurrence replaces the one it had.
    SAVE_OCCURRENCE_CHANGE = "INSERT INTO lesson_changes (school_id, lesson_id, on_day, kind, \
          moved_day, starts, ends, room_id, made_by, made_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
        ON CONFLICT (lesson_id, on_day) DO UPDATE SET kind = excluded.kind, \
          moved_day = excluded.moved_day, starts = excluded.starts, ends = excluded.ends, \
          room_id = excluded.room_id, made_by = excluded.made_by, made_at = excluded.made_at \
        RETURNING id";
    INSERT_EXTRA = "INSERT INTO lesson_changes (school_id, on_day, kind, starts, ends, \
          room_id, subject_id, group_id, made_by, made_at) \
        VALUES ($1, $2, 'extra', $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    DELETE_CHANGE_TEACHERS = "DELETE FROM lesson_change_teachers WHERE change_id = $1";
    INSERT_CHANGE_TEACHER = "INSERT INTO lesson_change_teachers (change_id, teacher_id, \
        position) VALUES ($1, $2, $3)";
    DELETE_CHANGE = "DELETE FROM lesson_changes WHERE id = $1 AND school_id = $2";

    SCHOOL_SUBJECTS = "SELECT id, code, name FROM subjects WHERE school_id = $1 ORDER BY id";
    SCHOOL_GROUPS = concat!("SELECT id, name FROM school_groups WHERE school_id = $1 \
        AND year_id = ", year_is!(2), " ORDER BY id");
    SCHOOL_TEACHERS = "SELECT a.id AS id, a.username AS name FROM accounts a \
        JOIN roles r ON r.account_id = a.id WHERE r.school_id = $1 AND r.profile = 'teacher' \
        ORDER BY a.id";
}

async fn insert_teachers(
    conn: &mut AnyConnection,
    statement: super::sql::Statement,
    owner: i64,
    teachers: &Teachers,
) -> Result<(), StoreError> {
    for (position, teacher) in teachers.as_slice().iter().enumerate() {
        statement
            .query()
            .bind(owner)
            .bind(teacher.get())
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .execute(&mut *conn)
            .await
            .map_err(fail)?;
    }
    Ok(())
}

/// Inserts a lesson with its teachers (the demo seed writes its week with it too).
pub(crate) async fn insert_lesson(
    conn: &mut AnyConnection,
    school: SchoolId,
    year: i64,
    lesson: &Lesson,
    room: Option<i64>,
    by: AccountId,
    now: Timestamp,
) -> Result<LessonId, StoreError> {
    let slot = lesson.slot();
    let row: IdRow = INSERT_LESSON
        .query_as()
        .bind(school.get())
        .bind(year)
        .bind(lesson.subject().get())
        .bind(lesson.group().get())
        .bind(room)
        .bind(slot.day().code())
        .bind(minutes(slot.start()))
        .bind(minutes(slot.end()))
        .bind(lesson.alternation().code())
        .bind(day::iso(lesson.from()))
        .bind(day::iso(lesson.until()))
        .bind(by.get())
        .bind(now.unix())
        .fetch_one(&mut *conn)
        .await
        .map_err(fail)?;
    insert_teachers(conn, INSERT_LESSON_TEACHER, row.id, lesson.teachers()).await?;
    Ok(LessonId::new(row.id))
}

/// Replaces a school's calendar of a year, holidays and all.
pub(crate) async fn write_calendar(
    conn: &mut AnyConnection,
    calendar: &SchoolCalendar,
    by: Option<AccountId>,
    now: Timestamp,
) -> Result<(), StoreError> {
    let year = year_id(&mut *conn, calendar.days.year())
        .await
        .map_err(fail)?
        .get();
    let school = calendar.school.get();
    let overrides = match &calendar.ab {
        Some(rule) => json_text(&rule.overrides)?,
        None => "[]".to_owned(),
    };
    SAVE_CALENDAR
        .query()
        .bind(school)
        .bind(year)
        .bind(calendar.ab.as_ref().map(|r| day::iso(r.first_week)))
        .bind(calendar.ab.as_ref().map(|r| week_kind_code(r.first_kind)))
        .bind(overrides)
        .bind(calendar.zone.map(|z| z.code()))
        .bind(by.map(|b| b.get()))
        .bind(now.unix())
        .execute(&mut *conn)
        .await
        .map_err(fail)?;
    DELETE_HOLIDAYS
        .query()
        .bind(school)
        .bind(year)
        .execute(&mut *conn)
        .await
        .map_err(fail)?;
    for h in calendar.days.holidays() {
        INSERT_HOLIDAY
            .query()
            .bind(school)
            .bind(year)
            .bind(h.name())
            .bind(day::iso(h.first_day()))
            .bind(day::iso(h.last_day()))
            .execute(&mut *conn)
            .await
            .map_err(fail)?;
    }
    Ok(())
}

/// Saves a change of one date; a change of an occurrence replaces the one it had.
pub(crate) async fn insert_change(
    conn: &mut AnyConnection,
    school: SchoolId,
    change: &LessonChange,
    by: Option<AccountId>,
    now: Timestamp,
) -> Result<LessonChangeId, StoreError> {
    let (id, teachers) = match change {
        LessonChange::Occurrence(o) => {
            let (kind, moved_to, room, teachers) = match o.alteration() {
                Alteration::Cancelled => ("cancelled", None, None, None),
                Alteration::Changed {
                    moved_to,
                    room,
                    teachers,
                } => ("changed", *moved_to, *room, teachers.as_ref()),
            };
            let row: IdRow = SAVE_OCCURRENCE_CHANGE
                .query_as()
                .bind(school.get())
                .bind(o.lesson().get())
                .bind(day::iso(o.date()))
                .bind(kind)
                .bind(moved_to.map(|m| day::iso(m.date())))
                .bind(moved_to.map(|m| minutes(m.start())))
                .bind(moved_to.map(|m| minutes(m.end())))
                .bind(room.map(|r| r.get()))
                .bind(by.map(|b| b.get()))
                .bind(now.unix())
                .fetch_one(&mut *conn)
                .await
                .map_err(fail)?;
            DELETE_CHANGE_TEACHERS
                .query()
                .bind(row.id)
                .execute(&mut *conn)
                .await
                .map_err(fail)?;
            (row.id, teachers)
        }
        LessonChange::Extra(extra) => {
            let row: IdRow = INSERT_EXTRA
                .query_as()
                .bind(school.get())
                .bind(day::iso(extra.when.date()))
                .bind(minutes(extra.when.start()))
                .bind(minutes(extra.when.end()))
                .bind(extra.room.map(|r| r.get()))
                .bind(extra.subject.get())
                .bind(extra.group.get())
                .bind(by.map(|b| b.get()))
                .bind(now.unix())
                .fetch_one(&mut *conn)
                .await
                .map_err(fail)?;
            (row.id, Some(&extra.teachers))
        }
    };
    if let Some(teachers) = teachers {
        insert_teachers(conn, INSERT_CHANGE_TEACHER, id, teachers).await?;
    }
    Ok(LessonChangeId::new(id))
}

impl Db {
    async fn lesson_rows(
        &self,
        statement: super::sql::Statement,
        id: i64,
        year: SchoolYear,
        days: Option<(Date, Date)>,
    ) -> Result<Vec<LessonRow>, StoreError> {
        let mut query = statement.query_as().bind(id).bind(year.starts().unix());
        if let Some((from, until)) = days {
            query = query.bind(day::iso(from)).bind(day::iso(until));
        }
        query.fetch_all(&self.pool).await.map_err(fail)
    }

    async fn ids(&self, statement: super::sql::Statement, id: i64) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<IdRow> = statement
            .query_as()
            .bind(id)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows.into_iter().map(|r| r.id).collect())
    }
}

#[async_trait]
impl Timetables for Db {
    async fn pupil_schools(&self, pupil: AccountId) -> Result<Vec<SchoolId>, StoreError> {
        let ids = self.ids(PUPIL_SCHOOLS, pupil.get()).await?;
        Ok(ids.into_iter().map(SchoolId::new).collect())
    }

    async fn teacher_schools(&self, teacher: AccountId) -> Result<Vec<SchoolId>, StoreError> {
        let ids = self.ids(TEACHER_SCHOOLS, teacher.get()).await?;
        Ok(ids.into_iter().map(SchoolId::new).collect())
    }

    async fn room_school(&self, room: RoomId) -> Result<Option<SchoolId>, StoreError> {
        let ids = self.ids(ROOM_SCHOOL, room.get()).await?;
        Ok(ids.first().copied().map(SchoolId::new))
    }

    async fn lesson(
        &self,
        id: LessonId,
        year: SchoolYear,
    ) -> Result<Option<(SchoolId, Lesson)>, StoreError> {
        let rows = self.lesson_rows(LESSON_BY_ID, id.get(), year, None).await?;
        let read = lessons_from(rows, year, &mut Names::default())?;
        Ok(read.lessons.into_iter().next().map(|(s, _, l)| (s, l)))
    }

    async fn change(
        &self,
        id: LessonChangeId,
    ) -> Result<Option<(SchoolId, LessonChange)>, StoreError> {
        let rows: Vec<ChangeRow> = CHANGE_BY_ID
            .query_as()
            .bind(id.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let changes = changes_from(rows, &mut Names::default())?;
        Ok(changes.into_iter().next().map(|(s, _, c)| (s, c)))
    }

    async fn week(
        &self,
        of: WeekSelector,
        year: SchoolYear,
        monday: Date,
        saturday: Date,
    ) -> Result<WeekRead, StoreError> {
        let days = Some((monday, saturday));
        let (lessons, changes, calendars, id) = match of {
            WeekSelector::Pupil(p) => (
                LESSONS_OF_PUPIL,
                CHANGES_OF_PERSON,
                CALENDARS_OF_PERSON,
                p.get(),
            ),
            WeekSelector::Teacher(t) => (
                LESSONS_OF_TEACHER_WEEK,
                CHANGES_OF_PERSON,
                CALENDARS_OF_PERSON,
                t.get(),
            ),
            WeekSelector::Group(g) => (
                LESSONS_OF_GROUP,
                CHANGES_OF_GROUP_SCHOOL,
                CALENDAR_OF_GROUP_SCHOOL,
                g.get(),
            ),
            WeekSelector::Room(r) => (
                LESSONS_IN_ROOM_WEEK,
                CHANGES_OF_ROOM_SCHOOL,
                CALENDAR_OF_ROOM_SCHOOL,
                r.get(),
            ),
        };
        let with_days = matches!(of, WeekSelector::Teacher(_) | WeekSelector::Room(_));
        let mut names = Names::default();
        let rows = self
            .lesson_rows(lessons, id, year, days.filter(|_| with_days))
            .await?;
        let mut written = Written::default();
        for row in &rows {
            let at = Timestamp::from_unix(row.updated_at);
            written.lessons.insert(LessonId::new(row.id), at);
        }
        let read = lessons_from(rows, year, &mut names)?;
        let rows: Vec<ChangeRow> = changes
            .query_as()
            .bind(id)
            .bind(day::iso(monday))
            .bind(day::iso(saturday))
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        for row in &rows {
            let at = Timestamp::from_unix(row.made_at);
            written.changes.insert(LessonChangeId::new(row.id), at);
        }
        let changes = changes_from(rows, &mut names)?;
        let rows: Vec<CalendarRow> = calendars
            .query_as()
            .bind(id)
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let mut calendars = calendars_from(rows, year)?;
        let schools = read
            .lessons
            .iter()
            .map(|(s, ..)| *s)
            .chain(changes.iter().map(|(s, ..)| *s));
        for school in schools {
            if !calendars.iter().any(|c| c.school == school) {
                calendars.push(no_calendar(school, year)?);
            }
        }
        let groups = match of {
            WeekSelector::Pupil(p) => {
                let rows: Vec<IdRow> = PUPIL_GROUPS
                    .query_as()
                    .bind(p.get())
                    .bind(year.starts().unix())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(fail)?;
                rows.into_iter().map(|r| GroupId::new(r.id)).collect()
            }
            WeekSelector::Group(g) => vec![g],
            WeekSelector::Teacher(_) | WeekSelector::Room(_) => vec![],
        };
        Ok(WeekRead {
            lessons: read.lessons,
            changes,
            calendars,
            groups,
            names,
            written,
        })
    }

    async fn calendar(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<SchoolCalendar, StoreError> {
        let rows: Vec<CalendarRow> = CALENDAR_OF_SCHOOL
            .query_as()
            .bind(school.get())
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        match calendars_from(rows, year)?.into_iter().next() {
            Some(calendar) => Ok(calendar),
            None => no_calendar(school, year),
        }
    }

    async fn save_calendar(
        &self,
        calendar: &SchoolCalendar,
        by: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        write_calendar(&mut tx, calendar, Some(by), now).await?;
        tx.commit().await.map_err(fail)
    }

    async fn rooms(&self, school: SchoolId) -> Result<Vec<Room>, StoreError> {
        let rows: Vec<NamedRow> = ROOMS
            .query_as()
            .bind(school.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| Room {
                id: RoomId::new(r.id),
                name: r.name,
            })
            .collect())
    }

    async fn create_room(
        &self,
        school: SchoolId,
        name: &Label,
        key: &str,
    ) -> Result<RoomId, StoreError> {
        let row: IdRow = INSERT_ROOM
            .query_as()
            .bind(school.get())
            .bind(name.as_str())
            .bind(key)
            .fetch_one(&self.writer)
            .await
            .map_err(fail)?;
        Ok(RoomId::new(row.id))
    }

    async fn in_school(
        &self,
        school: SchoolId,
        year: SchoolYear,
        refs: &Refs,
    ) -> Result<bool, StoreError> {
        let row: InSchoolRow = IN_SCHOOL
            .query_as()
            .bind(school.get())
            .bind(refs.subject.map_or(0, |s| s.get()))
            .bind(refs.group.map_or(0, |g| g.get()))
            .bind(year.starts().unix())
            .bind(refs.room.map_or(0, |r| r.get()))
            .bind(refs.lesson.map_or(0, |l| l.get()))
            .fetch_one(&self.pool)
            .await
            .map_err(fail)?;
        let found = |wanted: bool, n: i64| !wanted || n == 1;
        if !(found(refs.subject.is_some(), row.subjects)
            && found(refs.group.is_some(), row.groups_)
            && found(refs.room.is_some(), row.rooms)
            && found(refs.lesson.is_some(), row.lessons))
        {
            return Ok(false);
        }
        for teacher in &refs.teachers {
            let row: CountRow = TEACHES_IN
                .query_as()
                .bind(teacher.get())
                .bind(school.get())
                .fetch_one(&self.pool)
                .await
                .map_err(fail)?;
            if row.n == 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    async fn lessons(
        &self,
        school: SchoolId,
        year: SchoolYear,
        of: LessonsOf,
    ) -> Result<Vec<LessonEntry>, StoreError> {
        let (statement, id) = match of {
            LessonsOf::Group(g) => (LESSONS_OF_GROUP, g.get()),
            LessonsOf::Teacher(t) => (LESSONS_OF_TEACHER, t.get()),
        };
        let rows = self.lesson_rows(statement, id, year, None).await?;
        let read = lessons_from(rows, year, &mut Names::default())?;
        Ok(read
            .lessons
            .iter()
            .zip(read.entries)
            .filter(|((s, ..), _)| *s == school)
            .map(|(_, entry)| entry)
            .collect())
    }

    async fn clash_candidates(
        &self,
        school: SchoolId,
        year: SchoolYear,
        teachers: &[AccountId],
    ) -> Result<Vec<(LessonId, Lesson)>, StoreError> {
        let mut names = Names::default();
        let rows = self
            .lesson_rows(LESSONS_OF_SCHOOL, school.get(), year, None)
            .await?;
        let mut out: Vec<(LessonId, Lesson)> = lessons_from(rows, year, &mut names)?
            .lessons
            .into_iter()
            .map(|(_, id, l)| (id, l))
            .collect();
        for teacher in teachers {
            let rows = self
                .lesson_rows(LESSONS_OF_TEACHER, teacher.get(), year, None)
                .await?;
            for (s, id, lesson) in lessons_from(rows, year, &mut names)?.lessons {
                if s != school && !out.iter().any(|(i, _)| *i == id) {
                    out.push((id, lesson));
                }
            }
        }
        Ok(out)
    }

    async fn shared_groups(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<Vec<(GroupId, GroupId)>, StoreError> {
        let rows: Vec<PairRow> = SHARED_GROUPS
            .query_as()
            .bind(school.get())
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| (GroupId::new(r.first), GroupId::new(r.second)))
            .collect())
    }

    async fn save_lesson(
        &self,
        school: SchoolId,
        id: Option<LessonId>,
        lesson: &Lesson,
        by: AccountId,
        now: Timestamp,
    ) -> Result<LessonId, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let year = year_id(&mut *tx, lesson.year()).await.map_err(fail)?.get();
        let room = lesson.room().map(|r| r.get());
        let id = match id {
            None => insert_lesson(&mut tx, school, year, lesson, room, by, now).await?,
            Some(id) => {
                let slot = lesson.slot();
                UPDATE_LESSON
                    .query()
                    .bind(id.get())
                    .bind(school.get())
                    .bind(lesson.subject().get())
                    .bind(lesson.group().get())
                    .bind(room)
                    .bind(slot.day().code())
                    .bind(minutes(slot.start()))
                    .bind(minutes(slot.end()))
                    .bind(lesson.alternation().code())
                    .bind(day::iso(lesson.from()))
                    .bind(day::iso(lesson.until()))
                    .bind(by.get())
                    .bind(now.unix())
                    .execute(&mut *tx)
                    .await
                    .map_err(fail)?;
                DELETE_LESSON_TEACHERS
                    .query()
                    .bind(id.get())
                    .execute(&mut *tx)
                    .await
                    .map_err(fail)?;
                insert_teachers(&mut tx, INSERT_LESSON_TEACHER, id.get(), lesson.teachers())
                    .await?;
                id
            }
        };
        tx.commit().await.map_err(fail)?;
        Ok(id)
    }

    async fn delete_lesson(&self, school: SchoolId, id: LessonId) -> Result<bool, StoreError> {
        self.changed(DELETE_LESSON.query().bind(id.get()).bind(school.get()))
            .await
    }

    async fn changes(
        &self,
        school: SchoolId,
        from: Date,
        until: Date,
    ) -> Result<Vec<(LessonChangeId, LessonChange)>, StoreError> {
        let rows: Vec<ChangeRow> = CHANGES_OF_SCHOOL
            .query_as()
            .bind(school.get())
            .bind(day::iso(from))
            .bind(day::iso(until))
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(changes_from(rows, &mut Names::default())?
            .into_iter()
            .map(|(_, id, c)| (id, c))
            .collect())
    }

    async fn save_change(
        &self,
        school: SchoolId,
        change: &LessonChange,
        by: AccountId,
        now: Timestamp,
    ) -> Result<LessonChangeId, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let id = insert_change(&mut tx, school, change, Some(by), now).await?;
        tx.commit().await.map_err(fail)?;
        Ok(id)
    }

    async fn undo_change(&self, school: SchoolId, id: LessonChangeId) -> Result<bool, StoreError> {
        self.changed(DELETE_CHANGE.query().bind(id.get()).bind(school.get()))
            .await
    }

    async fn school_names(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<SchoolNames, StoreError> {
        let subjects: Vec<SubjectRow> = SCHOOL_SUBJECTS
            .query_as()
            .bind(school.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let groups: Vec<NamedRow> = SCHOOL_GROUPS
            .query_as()
            .bind(school.get())
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let teachers: Vec<NamedRow> = SCHOOL_TEACHERS
            .query_as()
            .bind(school.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let rooms = self.rooms(school).await?;
        Ok(SchoolNames {
            subjects: subjects
                .into_iter()
                .map(|r| (SubjectId::new(r.id), r.code, r.name))
                .collect(),
            groups: groups
                .into_iter()
                .map(|r| (GroupId::new(r.id), r.name))
                .collect(),
            teachers: teachers
                .into_iter()
                .map(|r| (AccountId::new(r.id), r.name))
                .collect(),
            rooms: rooms.into_iter().map(|r| (r.id, r.name)).collect(),
        })
    }

    async fn import_lessons(
        &self,
        school: SchoolId,
        new_rooms: &[(Label, String)],
        lessons: &[ResolvedLesson],
        by: AccountId,
        now: Timestamp,
    ) -> Result<Vec<LessonId>, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let mut rooms = vec![];
        for (name, key) in new_rooms {
            let row: IdRow = INSERT_ROOM
                .query_as()
                .bind(school.get())
                .bind(name.as_str())
                .bind(key.as_str())
                .fetch_one(&mut *tx)
                .await
                .map_err(fail)?;
            rooms.push(row.id);
        }
        let mut ids = vec![];
        let mut year = None;
        for imported in lessons {
            let y = match year {
                Some(y) => y,
                None => {
                    let y = year_id(&mut *tx, imported.lesson.year())
                        .await
                        .map_err(fail)?
                        .get();
                    year = Some(y);
                    y
                }
            };
            let room = match imported.new_room {
                Some(i) => rooms.get(i).copied(),
                None => imported.lesson.room().map(|r| r.get()),
            };
            ids.push(insert_lesson(&mut tx, school, y, &imported.lesson, room, by, now).await?);
        }
        tx.commit().await.map_err(fail)?;
        Ok(ids)
    }
}

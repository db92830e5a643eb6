//! The rows a timetable is read from, decoded into the domain's types: one row per teacher of
//! a lesson or a change, grouped back; a calendar with one row per holiday. A row that does not
//! decode is `StoreError::Corrupt`, never skipped.

use app::api::timetable::LessonEntry;
use app::ports::{Names, SchoolCalendar, StoreError};
use domain::ids::{AccountId, GroupId, LessonChangeId, LessonId, RoomId, SchoolId, SubjectId};
use domain::school_calendar::SchoolYear;
use domain::timetable::{
    AbRule, Alteration, Alternation, ClockTime, Date, DatedSlot, ExtraLesson, Holiday, Lesson,
    LessonChange, LessonSpec, OccurrenceChange, SchoolDays, SchoolWeekday, Slot, Teachers,
    WeekKind, WeekOverride, Zone, day,
};

#[derive(sqlx::FromRow)]
pub(super) struct IdRow {
    pub(super) id: i64,
}

#[derive(sqlx::FromRow)]
pub(super) struct CountRow {
    pub(super) n: i64,
}

#[derive(sqlx::FromRow)]
pub(super) struct NamedRow {
    pub(super) id: i64,
    pub(super) name: String,
}

#[derive(sqlx::FromRow)]
pub(super) struct SubjectRow {
    pub(super) id: i64,
    pub(super) code: String,
    pub(super) name: String,
}

#[derive(sqlx::FromRow)]
pub(super) struct PairRow {
    pub(super) first: i64,
    pub(super) second: i64,
}

#[derive(sqlx::FromRow)]
pub(super) struct InSchoolRow {
    pub(super) subjects: i64,
    pub(super) groups_: i64,
    pub(super) rooms: i64,
    pub(super) lessons: i64,
}

#[derive(sqlx::FromRow)]
pub(super) struct LessonRow {
    pub(super) id: i64,
    pub(super) school_id: i64,
    pub(super) subject_id: i64,
    pub(super) group_id: i64,
    pub(super) room_id: Option<i64>,
    pub(super) weekday: String,
    pub(super) starts: i64,
    pub(super) ends: i64,
    pub(super) alternation: String,
    pub(super) from_day: String,
    pub(super) until_day: String,
    pub(super) updated_at: i64,
    pub(super) teacher_id: i64,
    pub(super) subject_name: String,
    pub(super) group_name: String,
    pub(super) room_name: Option<String>,
    pub(super) first_name: String,
    pub(super) last_name: String,
}

#[derive(sqlx::FromRow)]
pub(super) struct ChangeRow {
    pub(super) id: i64,
    pub(super) school_id: i64,
    pub(super) lesson_id: Option<i64>,
    pub(super) on_day: String,
    pub(super) kind: String,
    pub(super) moved_day: Option<String>,
    pub(super) starts: Option<i64>,
    pub(super) ends: Option<i64>,
    pub(super) room_id: Option<i64>,
    pub(super) subject_id: Option<i64>,
    pub(super) group_id: Option<i64>,
    pub(super) made_at: i64,
    pub(super) teacher_id: Option<i64>,
    pub(super) subject_name: Option<String>,
    pub(super) group_name: Option<String>,
    pub(super) room_name: Option<String>,
    pub(super) first_name: Option<String>,
    pub(super) last_name: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(super) struct CalendarRow {
    pub(super) school_id: i64,
    pub(super) first_week: Option<String>,
    pub(super) first_kind: Option<String>,
    pub(super) overrides: String,
    pub(super) zone: Option<String>,
    pub(super) name: Option<String>,
    pub(super) first_day: Option<String>,
    pub(super) last_day: Option<String>,
}

pub(super) fn corrupt(what: &'static str, value: impl std::fmt::Debug) -> StoreError {
    crate::db::decode::corrupt(what, &format!("{value:?}"))
}

pub(super) fn date(what: &'static str, text: &str) -> Result<Date, StoreError> {
    day::parse(text).ok_or_else(|| corrupt(what, text))
}

pub(super) fn clock(what: &'static str, minutes: i64) -> Result<ClockTime, StoreError> {
    u16::try_from(minutes)
        .ok()
        .and_then(|m| ClockTime::try_from(m).ok())
        .ok_or_else(|| corrupt(what, minutes))
}

pub(super) fn minutes(time: ClockTime) -> i64 {
    i64::from(time.minutes())
}

pub(super) fn week_kind(text: &str) -> Result<WeekKind, StoreError> {
    match text {
        "a" => Ok(WeekKind::A),
        "b" => Ok(WeekKind::B),
        other => Err(corrupt("first_kind", other)),
    }
}

pub(super) fn week_kind_code(kind: WeekKind) -> &'static str {
    match kind {
        WeekKind::A => "a",
        WeekKind::B => "b",
    }
}

pub(super) fn full_name(first: &str, last: &str) -> String {
    format!("{first} {last}")
}

/// Lessons read with their teachers and names, one row per teacher, grouped back.
pub(super) struct ReadLessons {
    pub(super) lessons: Vec<(SchoolId, LessonId, Lesson)>,
    pub(super) entries: Vec<LessonEntry>,
}

pub(super) fn lessons_from(
    rows: Vec<LessonRow>,
    year: SchoolYear,
    names: &mut Names,
) -> Result<ReadLessons, StoreError> {
    let mut out = ReadLessons {
        lessons: vec![],
        entries: vec![],
    };
    let mut i = 0;
    while i < rows.len() {
        let first = &rows[i];
        let mut j = i;
        let mut teachers = vec![];
        let mut teacher_names = vec![];
        while j < rows.len() && rows[j].id == first.id {
            let person = full_name(&rows[j].first_name, &rows[j].last_name);
            names
                .people
                .insert(AccountId::new(rows[j].teacher_id), person.clone());
            teachers.push(AccountId::new(rows[j].teacher_id));
            teacher_names.push(person);
            j += 1;
        }
        let weekday: SchoolWeekday = first
            .weekday
            .parse()
            .map_err(|_| corrupt("weekday", &first.weekday))?;
        let slot = Slot::new(
            weekday,
            clock("starts", first.starts)?,
            clock("ends", first.ends)?,
        )
        .map_err(|e| corrupt("lesson slot", e))?;
        let alternation: Alternation = first
            .alternation
            .parse()
            .map_err(|_| corrupt("alternation", &first.alternation))?;
        let spec = LessonSpec {
            subject: SubjectId::new(first.subject_id),
            teachers: Teachers::new(teachers).map_err(|e| corrupt("lesson teachers", e))?,
            group: GroupId::new(first.group_id),
            room: first.room_id.map(RoomId::new),
            slot,
            alternation,
            from: date("from_day", &first.from_day)?,
            until: date("until_day", &first.until_day)?,
        };
        let lesson = Lesson::new(year, spec).map_err(|e| corrupt("lesson", e))?;
        names
            .subjects
            .insert(lesson.subject(), first.subject_name.clone());
        names
            .groups
            .insert(lesson.group(), first.group_name.clone());
        if let (Some(room), Some(name)) = (lesson.room(), &first.room_name) {
            names.rooms.insert(room, name.clone());
        }
        out.entries.push(LessonEntry {
            id: LessonId::new(first.id),
            lesson: lesson.clone(),
            subject: first.subject_name.clone(),
            group: first.group_name.clone(),
            room: first.room_name.clone(),
            teachers: teacher_names,
        });
        out.lessons.push((
            SchoolId::new(first.school_id),
            LessonId::new(first.id),
            lesson,
        ));
        i = j;
    }
    Ok(out)
}

pub(super) fn changes_from(
    rows: Vec<ChangeRow>,
    names: &mut Names,
) -> Result<Vec<(SchoolId, LessonChangeId, LessonChange)>, StoreError> {
    let mut out = vec![];
    let mut i = 0;
    while i < rows.len() {
        let first = &rows[i];
        let mut j = i;
        let mut teachers = vec![];
        while j < rows.len() && rows[j].id == first.id {
            let row = &rows[j];
            if let Some(t) = row.teacher_id {
                let person = full_name(
                    row.first_name.as_deref().unwrap_or_default(),
                    row.last_name.as_deref().unwrap_or_default(),
                );
                names.people.insert(AccountId::new(t), person);
                teachers.push(AccountId::new(t));
            }
            j += 1;
        }
        if let (Some(s), Some(name)) = (first.subject_id, &first.subject_name) {
            names.subjects.insert(SubjectId::new(s), name.clone());
        }
        if let (Some(g), Some(name)) = (first.group_id, &first.group_name) {
            names.groups.insert(GroupId::new(g), name.clone());
        }
        if let (Some(r), Some(name)) = (first.room_id, &first.room_name) {
            names.rooms.insert(RoomId::new(r), name.clone());
        }
        let on_day = date("on_day", &first.on_day)?;
        let times = || -> Result<(ClockTime, ClockTime), StoreError> {
            Ok((
                clock(
                    "starts",
                    first.starts.ok_or_else(|| corrupt("starts", "null"))?,
                )?,
                clock("ends", first.ends.ok_or_else(|| corrupt("ends", "null"))?)?,
            ))
        };
        let teachers = if teachers.is_empty() {
            None
        } else {
            Some(Teachers::new(teachers).map_err(|e| corrupt("change teachers", e))?)
        };
        let lesson = || {
            first
                .lesson_id
                .map(LessonId::new)
                .ok_or_else(|| corrupt("lesson_id", "null"))
        };
        let change = match first.kind.as_str() {
            "cancelled" => LessonChange::Occurrence(OccurrenceChange::cancel(lesson()?, on_day)),
            "changed" => {
                let moved_to = match &first.moved_day {
                    Some(d) => {
                        let (start, end) = times()?;
                        Some(
                            DatedSlot::new(date("moved_day", d)?, start, end)
                                .map_err(|e| corrupt("moved_to", e))?,
                        )
                    }
                    None => None,
                };
                let alteration = Alteration::Changed {
                    moved_to,
                    room: first.room_id.map(RoomId::new),
                    teachers,
                };
                LessonChange::Occurrence(
                    OccurrenceChange::new(lesson()?, on_day, alteration)
                        .map_err(|e| corrupt("change", e))?,
                )
            }
            "extra" => {
                let (start, end) = times()?;
                LessonChange::Extra(ExtraLesson {
                    subject: SubjectId::new(
                        first
                            .subject_id
                            .ok_or_else(|| corrupt("subject_id", "null"))?,
                    ),
                    teachers: teachers.ok_or_else(|| corrupt("extra teachers", "none"))?,
                    group: GroupId::new(first.group_id.ok_or_else(|| corrupt("group_id", "null"))?),
                    room: first.room_id.map(RoomId::new),
                    when: DatedSlot::new(on_day, start, end).map_err(|e| corrupt("extra", e))?,
                })
            }
            other => return Err(corrupt("kind", other)),
        };
        out.push((
            SchoolId::new(first.school_id),
            LessonChangeId::new(first.id),
            change,
        ));
        i = j;
    }
    Ok(out)
}

pub(super) fn calendars_from(
    rows: Vec<CalendarRow>,
    year: SchoolYear,
) -> Result<Vec<SchoolCalendar>, StoreError> {
    let mut out: Vec<SchoolCalendar> = vec![];
    let mut i = 0;
    while i < rows.len() {
        let first = &rows[i];
        let mut holidays = vec![];
        let mut j = i;
        while j < rows.len() && rows[j].school_id == first.school_id {
            let row = &rows[j];
            if let (Some(name), Some(a), Some(b)) = (&row.name, &row.first_day, &row.last_day) {
                holidays.push(
                    Holiday::new(name, date("first_day", a)?, date("last_day", b)?)
                        .map_err(|e| corrupt("holiday", e))?,
                );
            }
            j += 1;
        }
        let ab = match (&first.first_week, &first.first_kind) {
            (Some(week), Some(kind)) => Some(AbRule {
                first_week: date("first_week", week)?,
                first_kind: week_kind(kind)?,
                overrides: serde_json::from_str::<Vec<WeekOverride>>(&first.overrides)
                    .map_err(|e| corrupt("overrides", e))?,
            }),
            _ => None,
        };
        let zone = match &first.zone {
            Some(z) => Some(z.parse::<Zone>().map_err(|_| corrupt("zone", z))?),
            None => None,
        };
        out.push(SchoolCalendar {
            school: SchoolId::new(first.school_id),
            days: SchoolDays::new(year, holidays).map_err(|e| corrupt("holidays", e))?,
            ab,
            zone,
        });
        i = j;
    }
    Ok(out)
}

/// A school without a saved calendar: no holidays of its own, no weeks A/B.
pub(super) fn no_calendar(
    school: SchoolId,
    year: SchoolYear,
) -> Result<SchoolCalendar, StoreError> {
    Ok(SchoolCalendar {
        school,
        days: SchoolDays::new(year, vec![]).map_err(|e| corrupt("holidays", e))?,
        ab: None,
        zone: None,
    })
}

//! Dates, lessons and the real zone-A calendar of 2026-2027, shared by the tests.

use crate::ids::{AccountId, GroupId, LessonId, RoomId, SubjectId};
use crate::school_calendar::SchoolYear;
use crate::time::Timestamp;
use crate::timetable::*;
pub use jiff::civil::Date;

pub const YEAR: SchoolYear = SchoolYear::starting(2026);

pub fn d(year: i16, month: i8, day: i8) -> Date {
    Date::new(year, month, day).expect("a valid date")
}

pub fn t(text: &str) -> ClockTime {
    text.parse().expect("a valid time")
}

/// An instant given as a UTC date and time.
pub fn utc(year: i16, month: i8, day: i8, hour: i8, minute: i8) -> Timestamp {
    let at = jiff::tz::TimeZone::UTC
        .to_timestamp(jiff::civil::date(year, month, day).at(hour, minute, 0, 0))
        .expect("a valid instant");
    Timestamp::from_unix(at.as_second())
}

pub fn slot(day: SchoolWeekday, start: &str, end: &str) -> Slot {
    Slot::new(day, t(start), t(end)).expect("a valid slot")
}

pub const MATHS: SubjectId = SubjectId::new(1);
pub const CORSICAN: SubjectId = SubjectId::new(2);
pub const CLASS_6B: GroupId = GroupId::new(10);
pub const CORSICAN_GROUP: GroupId = GroupId::new(11);
pub const CLASS_5A: GroupId = GroupId::new(12);
pub const SANTONI: AccountId = AccountId::new(100);
pub const ORSINI: AccountId = AccountId::new(101);
pub const PAOLI: AccountId = AccountId::new(102);
pub const B12: RoomId = RoomId::new(1000);
pub const LAB: RoomId = RoomId::new(1001);

/// A lesson of the whole year 2026-2027.
pub fn lesson(
    subject: SubjectId,
    teacher: AccountId,
    group: GroupId,
    room: Option<RoomId>,
    slot: Slot,
    alternation: Alternation,
) -> Lesson {
    Lesson::whole_year(YEAR, spec(subject, teacher, group, room, slot, alternation))
        .expect("a valid lesson")
}

pub fn spec(
    subject: SubjectId,
    teacher: AccountId,
    group: GroupId,
    room: Option<RoomId>,
    slot: Slot,
    alternation: Alternation,
) -> LessonSpec {
    LessonSpec {
        subject,
        teachers: Teachers::one(teacher),
        group,
        room,
        slot,
        alternation,
        from: d(2026, 8, 1),
        until: d(2027, 7, 31),
    }
}

pub fn id(n: i64) -> LessonId {
    LessonId::new(n)
}

/// The open-data calendar, read in place from the shared fixtures.
pub fn open_data_file() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures/school-calendar/vacances-scolaires-france-0.12.0/data.csv"
    );
    std::fs::read_to_string(path).expect("the shared open-data calendar")
}

/// The school days of 2026-2027 in zone A, from the real file.
pub fn zone_a() -> SchoolDays {
    let holidays = open_data::holidays(&open_data_file(), Zone::A, YEAR, Saturday::Free)
        .expect("zone A 2026-2027");
    SchoolDays::new(YEAR, holidays).expect("valid holidays")
}

/// Weeks A and B of zone A 2026-2027, the rentrée week (1 September) being A.
pub fn ab_weeks(days: &SchoolDays) -> AbWeeks {
    AbRule {
        first_week: d(2026, 9, 1),
        first_kind: WeekKind::A,
        overrides: vec![],
    }
    .weeks(days)
}

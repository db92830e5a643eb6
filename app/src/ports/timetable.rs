use super::StoreError;
use crate::api::timetable::{LessonEntry, LessonsOf, Room};
use async_trait::async_trait;
use domain::ids::{AccountId, GroupId, LessonChangeId, LessonId, RoomId, SchoolId, SubjectId};
use domain::school::Label;
use domain::school_calendar::SchoolYear;
use domain::time::Timestamp;
use domain::timetable::{
    AbRule, AbWeeks, Date, Lesson, LessonChange, ResolvedLesson, SchoolDays, SchoolNames, Zone,
};
use std::collections::HashMap;

/// Whose week is read from storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekSelector {
    /// The lessons of the pupil's classes and groups of the year.
    Pupil(AccountId),
    /// The teacher's lessons, and those they substitute in during the week.
    Teacher(AccountId),
    Group(GroupId),
    /// The lessons in the room, and those moved into it during the week.
    Room(RoomId),
}

/// A school's calendar of a year: its school days (holidays), weeks A/B if it has them, and
/// the zone its holidays came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolCalendar {
    pub school: SchoolId,
    pub days: SchoolDays,
    pub ab: Option<AbRule>,
    pub zone: Option<Zone>,
}

impl SchoolCalendar {
    /// Its weeks A and B (none until the school sets them).
    pub fn weeks(&self) -> AbWeeks {
        self.ab
            .as_ref()
            .map_or_else(AbWeeks::none, |rule| rule.weeks(&self.days))
    }
}

/// The names a week shows, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    pub subjects: HashMap<SubjectId, String>,
    pub groups: HashMap<GroupId, String>,
    pub rooms: HashMap<RoomId, String>,
    /// "First Last".
    pub people: HashMap<AccountId, String>,
}

/// Everything a week is computed from, read in a few queries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeekRead {
    pub lessons: Vec<(SchoolId, LessonId, Lesson)>,
    /// The changes of the week (on its days, or moved into them) in the schools concerned.
    pub changes: Vec<(SchoolId, LessonChangeId, LessonChange)>,
    pub calendars: Vec<SchoolCalendar>,
    /// A pupil's classes and groups of the year; the group itself for a group.
    pub groups: Vec<GroupId>,
    pub names: Names,
    pub written: Written,
}

/// When each lesson and change read was last written: a calendar feed's `LAST-MODIFIED`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub lessons: HashMap<LessonId, Timestamp>,
    pub changes: HashMap<LessonChangeId, Timestamp>,
}

/// The ids a lesson or a change names, to check they are all of one school.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Refs {
    pub subject: Option<SubjectId>,
    /// A class or group of the year.
    pub group: Option<GroupId>,
    pub room: Option<RoomId>,
    pub teachers: Vec<AccountId>,
    pub lesson: Option<LessonId>,
}

/// Timetables: a school's rooms, calendars, weekly lessons and changes of one date.
#[async_trait]
pub trait Timetables: Send + Sync {
    /// Where an account is a pupil, or a teacher.
    async fn pupil_schools(&self, pupil: AccountId) -> Result<Vec<SchoolId>, StoreError>;
    async fn teacher_schools(&self, teacher: AccountId) -> Result<Vec<SchoolId>, StoreError>;
    async fn room_school(&self, room: RoomId) -> Result<Option<SchoolId>, StoreError>;
    /// A weekly lesson of the year, with its school.
    async fn lesson(
        &self,
        id: LessonId,
        year: SchoolYear,
    ) -> Result<Option<(SchoolId, Lesson)>, StoreError>;
    /// A change of one date, with its school.
    async fn change(
        &self,
        id: LessonChangeId,
    ) -> Result<Option<(SchoolId, LessonChange)>, StoreError>;
    /// What the week from `monday` to `saturday` of `of` is computed from: four queries.
    async fn week(
        &self,
        of: WeekSelector,
        year: SchoolYear,
        monday: Date,
        saturday: Date,
    ) -> Result<WeekRead, StoreError>;

    /// The school's calendar of the year (no holidays, no weeks A/B until it is saved).
    async fn calendar(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<SchoolCalendar, StoreError>;
    /// Replaces the calendar of the year, holidays and all, in one transaction.
    async fn save_calendar(
        &self,
        calendar: &SchoolCalendar,
        by: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError>;

    async fn rooms(&self, school: SchoolId) -> Result<Vec<Room>, StoreError>;
    /// [`StoreError::Conflict`] when a room's name folds to `key` already.
    async fn create_room(
        &self,
        school: SchoolId,
        name: &Label,
        key: &str,
    ) -> Result<RoomId, StoreError>;

    /// Whether every id of `refs` belongs to `school` (a group: of `year` too; a teacher: holds
    /// the teacher role there).
    async fn in_school(
        &self,
        school: SchoolId,
        year: SchoolYear,
        refs: &Refs,
    ) -> Result<bool, StoreError>;
    async fn lessons(
        &self,
        school: SchoolId,
        year: SchoolYear,
        of: LessonsOf,
    ) -> Result<Vec<LessonEntry>, StoreError>;
    /// What a lesson may clash with: the school's lessons of the year, and the other schools'
    /// lessons of `teachers`.
    async fn clash_candidates(
        &self,
        school: SchoolId,
        year: SchoolYear,
        teachers: &[AccountId],
    ) -> Result<Vec<(LessonId, Lesson)>, StoreError>;
    /// Pairs of the school's groups of the year that share a pupil (both orders).
    async fn shared_groups(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<Vec<(GroupId, GroupId)>, StoreError>;
    /// A new lesson (`id` none) or a lesson replaced; [`StoreError::Conflict`] when the same
    /// lesson is there already.
    async fn save_lesson(
        &self,
        school: SchoolId,
        id: Option<LessonId>,
        lesson: &Lesson,
        by: AccountId,
        now: Timestamp,
    ) -> Result<LessonId, StoreError>;
    /// Whether it was there.
    async fn delete_lesson(&self, school: SchoolId, id: LessonId) -> Result<bool, StoreError>;

    /// The school's changes on the days from `from` to `until`, or moved into them.
    async fn changes(
        &self,
        school: SchoolId,
        from: Date,
        until: Date,
    ) -> Result<Vec<(LessonChangeId, LessonChange)>, StoreError>;
    /// Saves a change; a change of an occurrence already changed replaces it.
    async fn save_change(
        &self,
        school: SchoolId,
        change: &LessonChange,
        by: AccountId,
        now: Timestamp,
    ) -> Result<LessonChangeId, StoreError>;
    /// Whether it was there.
    async fn undo_change(&self, school: SchoolId, id: LessonChangeId) -> Result<bool, StoreError>;

    async fn school_names(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<SchoolNames, StoreError>;
    /// Writes every lesson, and the rooms they need first, in one transaction.
    async fn import_lessons(
        &self,
        school: SchoolId,
        new_rooms: &[(Label, String)],
        lessons: &[ResolvedLesson],
        by: AccountId,
        now: Timestamp,
    ) -> Result<Vec<LessonId>, StoreError>;
}

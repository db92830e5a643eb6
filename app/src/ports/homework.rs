use super::StoreError;
use async_trait::async_trait;
use domain::homework::{HandIn, History, Homework, LogEntry, Occurrence, Work};
use domain::ids::{AccountId, GroupId, HandInId, HomeworkId, LogEntryId, SchoolId, SubjectId};
use domain::time::Timestamp;
use domain::timetable::{ClockTime, Date};

/// Where an entry is written or a homework set: one lesson as it took place, with what the
/// timetable says of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub school: SchoolId,
    pub group: GroupId,
    pub subject: SubjectId,
    pub occurrence: Occurrence,
    /// The day it took place on (a moved lesson: the day it was moved to).
    pub date: Date,
    pub starts: ClockTime,
}

/// The names an entry or a homework is shown with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub subject: String,
    pub group: String,
    /// "First Last"; empty once the account is gone.
    pub author: String,
}

/// A cahier de textes entry as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEntry {
    pub id: LogEntryId,
    pub place: Place,
    pub author: Option<AccountId>,
    pub entry: LogEntry,
    pub shown: Shown,
    pub modified: Timestamp,
    /// Saves so far (1: never edited).
    pub version: i64,
}

/// A homework as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredHomework {
    pub id: HomeworkId,
    pub place: Place,
    pub author: Option<AccountId>,
    pub homework: Homework,
    pub shown: Shown,
    pub modified: Timestamp,
    pub removed: bool,
    pub version: i64,
}

/// A pupil's hand-in as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredHandIn {
    pub id: HandInId,
    pub homework: HomeworkId,
    pub pupil: AccountId,
    pub hand_in: HandIn,
    /// The draft of a new version, after a first hand-in.
    pub next_draft: Option<Work>,
    pub version: i64,
}

/// A hand-in to write: `expected` is the version read (`None`: there was none), so that of
/// two writes at once, the second is refused with [`StoreError::Conflict`] and decided again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandInWrite<'a> {
    pub homework: HomeworkId,
    pub pupil: AccountId,
    pub hand_in: &'a HandIn,
    pub next_draft: Option<&'a Work>,
    pub expected: Option<i64>,
    pub now: Timestamp,
}

/// The cahier de textes and homework.
#[async_trait]
pub trait Homeworks: Send + Sync {
    /// The entry of an occurrence, if written.
    async fn entry_of(&self, occurrence: Occurrence) -> Result<Option<StoredEntry>, StoreError>;
    /// Every save of an entry.
    async fn entry_history(&self, id: LogEntryId) -> Result<Option<History<LogEntry>>, StoreError>;
    /// Writes the entry of `place` whose history is `history`: a new one (`expected` none) or a
    /// new save over version `expected`; [`StoreError::Conflict`] when another save came first.
    /// The files it shows are recorded for the group in the same transaction.
    async fn save_entry(
        &self,
        place: &Place,
        history: &History<LogEntry>,
        expected: Option<(LogEntryId, i64)>,
    ) -> Result<LogEntryId, StoreError>;

    /// The homework set in an occurrence, removed ones included.
    async fn homework_set_in(
        &self,
        occurrence: Occurrence,
    ) -> Result<Vec<StoredHomework>, StoreError>;
    async fn homework(&self, id: HomeworkId) -> Result<Option<StoredHomework>, StoreError>;
    async fn homework_history(
        &self,
        id: HomeworkId,
    ) -> Result<Option<History<Homework>>, StoreError>;
    /// A new homework (`expected` none) or a new save over version `expected` (as entries).
    async fn save_homework(
        &self,
        place: &Place,
        history: &History<Homework>,
        expected: Option<(HomeworkId, i64)>,
    ) -> Result<HomeworkId, StoreError>;
    /// Removes it (`Some`: when) or brings it back (`None`).
    async fn set_removed(
        &self,
        id: HomeworkId,
        removed: Option<Timestamp>,
    ) -> Result<(), StoreError>;

    /// The entries of `groups` on the days `from`..=`until`, by day and start.
    async fn entries_of(
        &self,
        groups: &[GroupId],
        from: Date,
        until: Date,
    ) -> Result<Vec<StoredEntry>, StoreError>;
    /// The homework of `groups` due on the days `from`..=`until` (not removed), by due day.
    async fn homework_due(
        &self,
        groups: &[GroupId],
        from: Date,
        until: Date,
    ) -> Result<Vec<StoredHomework>, StoreError>;
    /// A pupil's classes and groups of the year, with their school.
    async fn pupil_groups(
        &self,
        pupil: AccountId,
        year_start: Timestamp,
    ) -> Result<Vec<(SchoolId, GroupId)>, StoreError>;
    /// Whether one of `pupils` is a pupil of `group`.
    async fn any_in_group(&self, pupils: &[AccountId], group: GroupId) -> Result<bool, StoreError>;
    /// The group's school, if the group is of the year that starts at `year_start`.
    async fn group_of_year(
        &self,
        group: GroupId,
        year_start: Timestamp,
    ) -> Result<Option<SchoolId>, StoreError>;

    /// A pupil's hand-ins and ticks of the homework `ids`.
    async fn pupil_work(
        &self,
        pupil: AccountId,
        ids: &[HomeworkId],
    ) -> Result<(Vec<StoredHandIn>, Vec<HomeworkId>), StoreError>;
    async fn hand_in_of(
        &self,
        homework: HomeworkId,
        pupil: AccountId,
    ) -> Result<Option<StoredHandIn>, StoreError>;
    /// Writes a hand-in and records which files the teacher may read with it, in one
    /// transaction.
    async fn save_hand_in(&self, write: HandInWrite<'_>) -> Result<HandInId, StoreError>;
    /// Every hand-in of a homework.
    async fn hand_ins_of(&self, homework: HomeworkId) -> Result<Vec<StoredHandIn>, StoreError>;
    /// The group's pupils now, as "Last First", by name.
    async fn group_pupils(&self, group: GroupId) -> Result<Vec<(AccountId, String)>, StoreError>;
    async fn set_done(
        &self,
        homework: HomeworkId,
        pupil: AccountId,
        done: Option<Timestamp>,
    ) -> Result<(), StoreError>;
    /// The homework `teacher` set with hand-ins not given back yet, and how many.
    async fn waiting_hand_ins(
        &self,
        teacher: AccountId,
    ) -> Result<Vec<(HomeworkId, i64)>, StoreError>;
    /// A subject's and a group's names.
    async fn names_of(
        &self,
        subject: SubjectId,
        group: GroupId,
    ) -> Result<(String, String), StoreError>;
}

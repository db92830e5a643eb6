//! The cahier de textes and homework: entries and homework kept whole as JSON with their
//! history, hand-ins with the files the teacher may read, pupils' ticks. A save names the
//! version it read (`version`), so of two saves at once the second finds the row changed
//! (`StoreError::Conflict`) and is decided again on what the first left.

use super::decode::{JsonText, json_text};
use super::sql::statements;
use super::{Db, fail};
use app::ports::{
    HandInWrite, Homeworks, Place, Shown, StoreError, StoredEntry, StoredHandIn, StoredHomework,
};
use async_trait::async_trait;
use domain::file::FileId;
use domain::homework::{HandIn, HandInPolicy, History, Homework, LogEntry, Occurrence, Work};
use domain::ids::{
    AccountId, GroupId, HandInId, HomeworkId, LessonChangeId, LessonId, LogEntryId, SchoolId,
    SubjectId,
};
use domain::time::Timestamp;
use domain::timetable::{ClockTime, Date, day};
use sqlx::AnyConnection;

/// The columns that say where a row was written (`x` is its table's alias), with the names.
macro_rules! placed {
    ($x:literal) => {
        concat!(
            $x,
            ".id AS id, ",
            $x,
            ".school_id AS school_id, ",
            $x,
            ".group_id AS group_id, ",
            $x,
            ".subject_id AS subject_id, ",
            $x,
            ".lesson_id AS lesson_id, ",
            $x,
            ".change_id AS change_id, ",
            $x,
            ".source_day AS source_day, ",
            $x,
            ".starts AS starts, ",
            $x,
            ".author_id AS author_id, ",
            $x,
            ".body AS body, ",
            $x,
            ".version AS version, ",
            $x,
            ".updated_at AS updated_at, \
             s.name AS subject_name, g.name AS group_name, a.first_name AS first_name, \
             a.last_name AS last_name "
        )
    };
}

macro_rules! entries {
    () => {
        concat!(
            "SELECT ",
            placed!("e"),
            ", e.on_day AS on_day, CAST(NULL AS BIGINT) AS removed_at FROM log_entries e JOIN subjects s ON s.id = e.subject_id \
             JOIN school_groups g ON g.id = e.group_id \
             LEFT JOIN accounts a ON a.id = e.author_id "
        )
    };
}

macro_rules! homework_rows {
    () => {
        concat!(
            "SELECT ",
            placed!("h"),
            ", h.set_on AS on_day, h.removed_at AS removed_at FROM homework h \
             JOIN subjects s ON s.id = h.subject_id JOIN school_groups g ON g.id = h.group_id \
             LEFT JOIN accounts a ON a.id = h.author_id "
        )
    };
}

macro_rules! hand_in_rows {
    () => {
        "SELECT id, homework_id, pupil_id, body, next_draft, version FROM hand_ins "
    };
}

statements! {
    ENTRY_OF_LESSON = concat!(entries!(), "WHERE e.lesson_id = $1 AND e.source_day = $2");
    ENTRY_OF_CHANGE = concat!(entries!(), "WHERE e.change_id = $1");
    ENTRIES_OF_GROUP = concat!(entries!(),
        "WHERE e.group_id = $1 AND e.on_day BETWEEN $2 AND $3 ORDER BY e.on_day, e.starts, e.id");
    ENTRY_HISTORY = "SELECT history FROM log_entries WHERE id = $1";
    INSERT_ENTRY = "INSERT INTO log_entries (school_id, group_id, subject_id, lesson_id, \
          change_id, source_day, on_day, starts, author_id, body, history, version, created_at, \
          updated_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12) RETURNING id";
    UPDATE_ENTRY = "UPDATE log_entries SET body = $2, history = $3, version = version + 1, \
          updated_at = $4 WHERE id = $1 AND version = $5";
    ADD_CAHIER_FILE = "INSERT INTO cahier_files (file_id, group_id, school_id) \
        VALUES ($1, $2, $3) ON CONFLICT (file_id, group_id) DO NOTHING";

    HOMEWORK_BY_ID = concat!(homework_rows!(), "WHERE h.id = $1");
    HOMEWORK_OF_LESSON = concat!(homework_rows!(),
        "WHERE h.lesson_id = $1 AND h.source_day = $2 ORDER BY h.id");
    HOMEWORK_OF_CHANGE = concat!(homework_rows!(), "WHERE h.change_id = $1 ORDER BY h.id");
    HOMEWORK_DUE_OF_GROUP = concat!(homework_rows!(),
        "WHERE h.group_id = $1 AND h.due_day BETWEEN $2 AND $3 AND h.removed_at IS NULL \
         ORDER BY h.due_day, h.id");
    HOMEWORK_HISTORY = "SELECT history FROM homework WHERE id = $1";
    INSERT_HOMEWORK = "INSERT INTO homework (school_id, group_id, subject_id, lesson_id, \
          change_id, source_day, set_on, starts, due_day, hand_in, author_id, body, history, \
          version, created_at, updated_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, $14, $14) \
        RETURNING id";
    UPDATE_HOMEWORK = "UPDATE homework SET due_day = $2, hand_in = $3, body = $4, \
          history = $5, version = version + 1, updated_at = $6 WHERE id = $1 AND version = $7";
    SET_REMOVED = "UPDATE homework SET removed_at = $2 WHERE id = $1";

    PUPIL_GROUPS_OF_YEAR = "SELECT g.school_id AS school_id, g.id AS id FROM memberships m \
        JOIN school_groups g ON g.id = m.group_id WHERE m.account_id = $1 \
        AND g.year_id = (SELECT id FROM school_years WHERE starts_at = $2) ORDER BY g.id";
    IN_GROUP = "SELECT COUNT(*) AS n FROM memberships WHERE group_id = $1 AND account_id = $2";
    GROUP_OF_YEAR = "SELECT school_id AS id FROM school_groups WHERE id = $1 \
        AND year_id = (SELECT id FROM school_years WHERE starts_at = $2)";
    NAMES_OF = "SELECT (SELECT name FROM subjects WHERE id = $1) AS subject, \
        (SELECT name FROM school_groups WHERE id = $2) AS group_name";

    /// A pupil's hand-ins of the homework whose ids are between `$2` and `$3`.
    HAND_INS_OF_PUPIL = concat!(hand_in_rows!(),
        "WHERE pupil_id = $1 AND homework_id BETWEEN $2 AND $3");
    DONE_OF_PUPIL = "SELECT homework_id AS id FROM homework_done WHERE pupil_id = $1 \
        AND homework_id BETWEEN $2 AND $3";
    HAND_IN_OF = concat!(hand_in_rows!(), "WHERE homework_id = $1 AND pupil_id = $2");
    HAND_INS_OF_HOMEWORK = concat!(hand_in_rows!(), "WHERE homework_id = $1 ORDER BY id");
    INSERT_HAND_IN = "INSERT INTO hand_ins (homework_id, pupil_id, state, handed_at, body, \
          next_draft, version, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7) RETURNING id";
    UPDATE_HAND_IN = "UPDATE hand_ins SET state = $3, handed_at = $4, body = $5, \
          next_draft = $6, version = version + 1, updated_at = $7 \
        WHERE homework_id = $1 AND pupil_id = $2 AND version = $8 RETURNING id";
    DELETE_HAND_IN_FILES = "DELETE FROM hand_in_files WHERE hand_in_id = $1";
    INSERT_HAND_IN_FILE = "INSERT INTO hand_in_files (hand_in_id, file_id, shared) \
        VALUES ($1, $2, $3) ON CONFLICT (hand_in_id, file_id) DO UPDATE \
        SET shared = CASE WHEN excluded.shared > hand_in_files.shared THEN excluded.shared \
          ELSE hand_in_files.shared END";
    GROUP_PUPILS = "SELECT a.id AS id, a.first_name AS first_name, a.last_name AS last_name \
        FROM memberships m JOIN accounts a ON a.id = m.account_id \
        JOIN roles r ON r.account_id = a.id AND r.profile = 'pupil' \
        JOIN school_groups g ON g.id = m.group_id AND g.school_id = r.school_id \
        WHERE m.group_id = $1 ORDER BY a.last_name, a.first_name, a.id";
    WAITING_HAND_INS = "SELECT i.homework_id AS id, COUNT(*) AS n FROM hand_ins i \
        JOIN homework h ON h.id = i.homework_id \
        WHERE h.author_id = $1 AND h.removed_at IS NULL AND i.state = 'handed_in' \
        GROUP BY i.homework_id ORDER BY i.homework_id";
    SET_DONE = "INSERT INTO homework_done (homework_id, pupil_id, done_at) VALUES ($1, $2, $3) \
        ON CONFLICT (pupil_id, homework_id) DO NOTHING";
    UNSET_DONE = "DELETE FROM homework_done WHERE homework_id = $1 AND pupil_id = $2";
}

#[derive(sqlx::FromRow)]
struct PlacedRow {
    id: i64,
    school_id: i64,
    group_id: i64,
    subject_id: i64,
    lesson_id: Option<i64>,
    change_id: Option<i64>,
    source_day: String,
    on_day: String,
    starts: i64,
    author_id: Option<i64>,
    body: String,
    version: i64,
    updated_at: i64,
    removed_at: Option<i64>,
    subject_name: String,
    group_name: String,
    first_name: Option<String>,
    last_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct HistoryRow {
    history: String,
}

/// A JSON column read into `T`; a document that does not read is corrupt.
fn json<T: serde::de::DeserializeOwned>(what: &'static str, text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|_| super::decode::corrupt(what, text))
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: i64,
}

#[derive(sqlx::FromRow)]
struct CountRow {
    n: i64,
}

#[derive(sqlx::FromRow)]
struct WaitingRow {
    id: i64,
    n: i64,
}

#[derive(sqlx::FromRow)]
struct GroupRow {
    school_id: i64,
    id: i64,
}

#[derive(sqlx::FromRow)]
struct NamesRow {
    subject: Option<String>,
    group_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PupilRow {
    id: i64,
    first_name: String,
    last_name: String,
}

#[derive(sqlx::FromRow)]
struct HandInRow {
    id: i64,
    homework_id: i64,
    pupil_id: i64,
    body: JsonText<HandIn>,
    next_draft: Option<JsonText<Work>>,
    version: i64,
}

impl HandInRow {
    fn stored(self) -> StoredHandIn {
        StoredHandIn {
            id: HandInId::new(self.id),
            homework: HomeworkId::new(self.homework_id),
            pupil: AccountId::new(self.pupil_id),
            hand_in: self.body.0,
            next_draft: self.next_draft.map(|d| d.0),
            version: self.version,
        }
    }
}

fn date(what: &'static str, text: &str) -> Result<Date, StoreError> {
    day::parse(text).ok_or_else(|| super::decode::corrupt(what, text))
}

impl PlacedRow {
    fn place(&self) -> Result<Place, StoreError> {
        let source_day = date("source_day", &self.source_day)?;
        let occurrence = match (self.change_id, self.lesson_id) {
            (Some(change), _) => Occurrence::Extra(LessonChangeId::new(change)),
            (None, Some(lesson)) => Occurrence::Weekly {
                lesson: LessonId::new(lesson),
                date: source_day,
            },
            (None, None) => return Err(super::decode::corrupt("occurrence", "none")),
        };
        let starts = u16::try_from(self.starts)
            .ok()
            .and_then(|m| ClockTime::try_from(m).ok())
            .ok_or_else(|| super::decode::corrupt("starts", &self.starts.to_string()))?;
        Ok(Place {
            school: SchoolId::new(self.school_id),
            group: GroupId::new(self.group_id),
            subject: SubjectId::new(self.subject_id),
            occurrence,
            date: date("on_day", &self.on_day)?,
            starts,
        })
    }

    fn shown(&self) -> Shown {
        Shown {
            subject: self.subject_name.clone(),
            group: self.group_name.clone(),
            author: match (&self.first_name, &self.last_name) {
                (Some(first), Some(last)) => format!("{first} {last}"),
                _ => String::new(),
            },
        }
    }
}

fn entry_from(row: PlacedRow) -> Result<StoredEntry, StoreError> {
    Ok(StoredEntry {
        id: LogEntryId::new(row.id),
        place: row.place()?,
        author: row.author_id.map(AccountId::new),
        shown: row.shown(),
        modified: Timestamp::from_unix(row.updated_at),
        version: row.version,
        entry: json("log entry", &row.body)?,
    })
}

fn homework_from(row: PlacedRow) -> Result<StoredHomework, StoreError> {
    Ok(StoredHomework {
        id: HomeworkId::new(row.id),
        place: row.place()?,
        author: row.author_id.map(AccountId::new),
        shown: row.shown(),
        modified: Timestamp::from_unix(row.updated_at),
        version: row.version,
        removed: row.removed_at.is_some(),
        homework: json("homework", &row.body)?,
    })
}

/// The occurrence's columns: `lesson_id`, `change_id`.
fn occurrence_ids(o: Occurrence) -> (Option<i64>, Option<i64>) {
    match o {
        Occurrence::Weekly { lesson, .. } => (Some(lesson.get()), None),
        Occurrence::Extra(change) => (None, Some(change.get())),
    }
}

fn policy_code(policy: HandInPolicy) -> &'static str {
    match policy {
        HandInPolicy::None => "none",
        HandInPolicy::Online { resubmit: false } => "once",
        HandInPolicy::Online { resubmit: true } => "resubmit",
    }
}

fn state_code(hand_in: &HandIn) -> &'static str {
    match hand_in {
        HandIn::Draft { .. } => "draft",
        HandIn::HandedIn { .. } => "handed_in",
        HandIn::Returned { .. } => "returned",
    }
}

async fn add_files(
    conn: &mut AnyConnection,
    place: &Place,
    files: &[FileId],
) -> Result<(), StoreError> {
    for file in files {
        ADD_CAHIER_FILE
            .query()
            .bind(file.as_str())
            .bind(place.group.get())
            .bind(place.school.get())
            .execute(&mut *conn)
            .await
            .map_err(fail)?;
    }
    Ok(())
}

fn homework_list(rows: Vec<PlacedRow>) -> Result<Vec<StoredHomework>, StoreError> {
    rows.into_iter().map(homework_from).collect()
}

/// The day an occurrence is known by: a weekly lesson's date, else the day it took place.
fn source_day(place: &Place) -> String {
    match place.occurrence {
        Occurrence::Weekly { date, .. } => day::iso(date),
        Occurrence::Extra(_) => day::iso(place.date),
    }
}

/// Writes a new entry (the demo seed writes its cahier de textes with it too).
pub(crate) async fn insert_entry(
    conn: &mut AnyConnection,
    place: &Place,
    history: &History<LogEntry>,
) -> Result<LogEntryId, StoreError> {
    let current = history.current();
    let (lesson, change) = occurrence_ids(place.occurrence);
    let row: IdRow = INSERT_ENTRY
        .query_as()
        .bind(place.school.get())
        .bind(place.group.get())
        .bind(place.subject.get())
        .bind(lesson)
        .bind(change)
        .bind(source_day(place))
        .bind(day::iso(place.date))
        .bind(i64::from(place.starts.minutes()))
        .bind(history.author().get())
        .bind(json_text(current)?)
        .bind(json_text(history)?)
        .bind(history.modified().unix())
        .fetch_one(&mut *conn)
        .await
        .map_err(fail)?;
    Ok(LogEntryId::new(row.id))
}

/// Writes a new homework (the demo seed too).
pub(crate) async fn insert_homework(
    conn: &mut AnyConnection,
    place: &Place,
    history: &History<Homework>,
) -> Result<HomeworkId, StoreError> {
    let current = history.current();
    let (lesson, change) = occurrence_ids(place.occurrence);
    let row: IdRow = INSERT_HOMEWORK
        .query_as()
        .bind(place.school.get())
        .bind(place.group.get())
        .bind(place.subject.get())
        .bind(lesson)
        .bind(change)
        .bind(source_day(place))
        .bind(day::iso(place.date))
        .bind(i64::from(place.starts.minutes()))
        .bind(day::iso(current.due()))
        .bind(policy_code(current.hand_in()))
        .bind(history.author().get())
        .bind(json_text(current)?)
        .bind(json_text(history)?)
        .bind(history.modified().unix())
        .fetch_one(&mut *conn)
        .await
        .map_err(fail)?;
    Ok(HomeworkId::new(row.id))
}

impl Db {
    async fn history<T: serde::de::DeserializeOwned>(
        &self,
        statement: super::sql::Statement,
        id: i64,
    ) -> Result<Option<T>, StoreError> {
        let row: Option<HistoryRow> = statement
            .query_as()
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        row.map(|r| json("history", &r.history)).transpose()
    }
}

#[async_trait]
impl Homeworks for Db {
    async fn entry_of(&self, occurrence: Occurrence) -> Result<Option<StoredEntry>, StoreError> {
        let row: Option<PlacedRow> = match occurrence {
            Occurrence::Weekly { lesson, date } => ENTRY_OF_LESSON
                .query_as()
                .bind(lesson.get())
                .bind(day::iso(date)),
            Occurrence::Extra(change) => ENTRY_OF_CHANGE.query_as().bind(change.get()),
        }
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        row.map(entry_from).transpose()
    }

    async fn entry_history(&self, id: LogEntryId) -> Result<Option<History<LogEntry>>, StoreError> {
        self.history(ENTRY_HISTORY, id.get()).await
    }

    async fn save_entry(
        &self,
        place: &Place,
        history: &History<LogEntry>,
        expected: Option<(LogEntryId, i64)>,
    ) -> Result<LogEntryId, StoreError> {
        let current = history.current();
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let id = match expected {
            None => insert_entry(&mut tx, place, history).await?.get(),
            Some((id, version)) => {
                let done = UPDATE_ENTRY
                    .query()
                    .bind(id.get())
                    .bind(json_text(current)?)
                    .bind(json_text(history)?)
                    .bind(history.modified().unix())
                    .bind(version)
                    .execute(&mut *tx)
                    .await
                    .map_err(fail)?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::Conflict);
                }
                id.get()
            }
        };
        add_files(&mut tx, place, current.attachments()).await?;
        tx.commit().await.map_err(fail)?;
        Ok(LogEntryId::new(id))
    }

    async fn homework_set_in(
        &self,
        occurrence: Occurrence,
    ) -> Result<Vec<StoredHomework>, StoreError> {
        let rows: Vec<PlacedRow> = match occurrence {
            Occurrence::Weekly { lesson, date } => HOMEWORK_OF_LESSON
                .query_as()
                .bind(lesson.get())
                .bind(day::iso(date)),
            Occurrence::Extra(change) => HOMEWORK_OF_CHANGE.query_as().bind(change.get()),
        }
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        homework_list(rows)
    }

    async fn homework(&self, id: HomeworkId) -> Result<Option<StoredHomework>, StoreError> {
        let row: Option<PlacedRow> = HOMEWORK_BY_ID
            .query_as()
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        row.map(homework_from).transpose()
    }

    async fn homework_history(
        &self,
        id: HomeworkId,
    ) -> Result<Option<History<Homework>>, StoreError> {
        self.history(HOMEWORK_HISTORY, id.get()).await
    }

    async fn save_homework(
        &self,
        place: &Place,
        history: &History<Homework>,
        expected: Option<(HomeworkId, i64)>,
    ) -> Result<HomeworkId, StoreError> {
        let current = history.current();
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let id = match expected {
            None => insert_homework(&mut tx, place, history).await?.get(),
            Some((id, version)) => {
                let done = UPDATE_HOMEWORK
                    .query()
                    .bind(id.get())
                    .bind(day::iso(current.due()))
                    .bind(policy_code(current.hand_in()))
                    .bind(json_text(current)?)
                    .bind(json_text(history)?)
                    .bind(history.modified().unix())
                    .bind(version)
                    .execute(&mut *tx)
                    .await
                    .map_err(fail)?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::Conflict);
                }
                id.get()
            }
        };
        add_files(&mut tx, place, current.attachments()).await?;
        tx.commit().await.map_err(fail)?;
        Ok(HomeworkId::new(id))
    }

    async fn set_removed(
        &self,
        id: HomeworkId,
        removed: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        SET_REMOVED
            .query()
            .bind(id.get())
            .bind(removed.map(|t| t.unix()))
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn entries_of(
        &self,
        groups: &[GroupId],
        from: Date,
        until: Date,
    ) -> Result<Vec<StoredEntry>, StoreError> {
        let mut out = Vec::new();
        for group in groups {
            let rows: Vec<PlacedRow> = ENTRIES_OF_GROUP
                .query_as()
                .bind(group.get())
                .bind(day::iso(from))
                .bind(day::iso(until))
                .fetch_all(&self.pool)
                .await
                .map_err(fail)?;
            for row in rows {
                out.push(entry_from(row)?);
            }
        }
        out.sort_by_key(|e| (e.place.date, e.place.starts, e.id));
        Ok(out)
    }

    async fn homework_due(
        &self,
        groups: &[GroupId],
        from: Date,
        until: Date,
    ) -> Result<Vec<StoredHomework>, StoreError> {
        let mut out = Vec::new();
        for group in groups {
            let rows: Vec<PlacedRow> = HOMEWORK_DUE_OF_GROUP
                .query_as()
                .bind(group.get())
                .bind(day::iso(from))
                .bind(day::iso(until))
                .fetch_all(&self.pool)
                .await
                .map_err(fail)?;
            out.extend(homework_list(rows)?);
        }
        out.sort_by_key(|h| (h.homework.due(), h.id));
        Ok(out)
    }

    async fn pupil_groups(
        &self,
        pupil: AccountId,
        year_start: Timestamp,
    ) -> Result<Vec<(SchoolId, GroupId)>, StoreError> {
        let rows: Vec<GroupRow> = PUPIL_GROUPS_OF_YEAR
            .query_as()
            .bind(pupil.get())
            .bind(year_start.unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| (SchoolId::new(r.school_id), GroupId::new(r.id)))
            .collect())
    }

    async fn any_in_group(&self, pupils: &[AccountId], group: GroupId) -> Result<bool, StoreError> {
        for pupil in pupils {
            let row: CountRow = IN_GROUP
                .query_as()
                .bind(group.get())
                .bind(pupil.get())
                .fetch_one(&self.pool)
                .await
                .map_err(fail)?;
            if row.n > 0 {
                return Ok(true);
            }
        }
        Ok(false)
    }

    async fn group_of_year(
        &self,
        group: GroupId,
        year_start: Timestamp,
    ) -> Result<Option<SchoolId>, StoreError> {
        let row: Option<IdRow> = GROUP_OF_YEAR
            .query_as()
            .bind(group.get())
            .bind(year_start.unix())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| SchoolId::new(r.id)))
    }

    async fn pupil_work(
        &self,
        pupil: AccountId,
        ids: &[HomeworkId],
    ) -> Result<(Vec<StoredHandIn>, Vec<HomeworkId>), StoreError> {
        let (Some(low), Some(high)) = (ids.iter().min(), ids.iter().max()) else {
            return Ok((vec![], vec![]));
        };
        let rows: Vec<HandInRow> = HAND_INS_OF_PUPIL
            .query_as()
            .bind(pupil.get())
            .bind(low.get())
            .bind(high.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let hand_ins = rows
            .into_iter()
            .map(HandInRow::stored)
            .filter(|h| ids.contains(&h.homework))
            .collect();
        let rows: Vec<IdRow> = DONE_OF_PUPIL
            .query_as()
            .bind(pupil.get())
            .bind(low.get())
            .bind(high.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let done = rows
            .into_iter()
            .map(|r| HomeworkId::new(r.id))
            .filter(|id| ids.contains(id))
            .collect();
        Ok((hand_ins, done))
    }

    async fn hand_in_of(
        &self,
        homework: HomeworkId,
        pupil: AccountId,
    ) -> Result<Option<StoredHandIn>, StoreError> {
        let row: Option<HandInRow> = HAND_IN_OF
            .query_as()
            .bind(homework.get())
            .bind(pupil.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(HandInRow::stored))
    }

    async fn save_hand_in(&self, write: HandInWrite<'_>) -> Result<HandInId, StoreError> {
        let body = json_text(write.hand_in)?;
        let next_draft = write.next_draft.map(json_text).transpose()?;
        let handed_at = write.hand_in.handed_in_at().map(|t| t.unix());
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let row: Option<IdRow> = match write.expected {
            None => INSERT_HAND_IN
                .query_as()
                .bind(write.homework.get())
                .bind(write.pupil.get())
                .bind(state_code(write.hand_in))
                .bind(handed_at)
                .bind(body)
                .bind(next_draft)
                .bind(write.now.unix())
                .fetch_optional(&mut *tx)
                .await
                .map_err(fail)?,
            Some(version) => UPDATE_HAND_IN
                .query_as()
                .bind(write.homework.get())
                .bind(write.pupil.get())
                .bind(state_code(write.hand_in))
                .bind(handed_at)
                .bind(body)
                .bind(next_draft)
                .bind(write.now.unix())
                .bind(version)
                .fetch_optional(&mut *tx)
                .await
                .map_err(fail)?,
        };
        let Some(row) = row else {
            return Err(StoreError::Conflict);
        };
        // The files readable with it: what the teacher sees once handed in (and what they gave
        // back) is shared; a draft's files stay the pupil's.
        DELETE_HAND_IN_FILES
            .query()
            .bind(row.id)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        let handed = !matches!(write.hand_in, HandIn::Draft { .. });
        let mut files: Vec<(&FileId, bool)> = write
            .hand_in
            .work()
            .files()
            .iter()
            .map(|f| (&f.file, handed))
            .collect();
        if let HandIn::Returned { returned, .. } = write.hand_in {
            files.extend(returned.annotated.files().iter().map(|f| (&f.file, true)));
        }
        if let Some(draft) = write.next_draft {
            files.extend(draft.files().iter().map(|f| (&f.file, false)));
        }
        for (file, shared) in files {
            INSERT_HAND_IN_FILE
                .query()
                .bind(row.id)
                .bind(file.as_str())
                .bind(super::decode::flag(shared))
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(HandInId::new(row.id))
    }

    async fn hand_ins_of(&self, homework: HomeworkId) -> Result<Vec<StoredHandIn>, StoreError> {
        let rows: Vec<HandInRow> = HAND_INS_OF_HOMEWORK
            .query_as()
            .bind(homework.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows.into_iter().map(HandInRow::stored).collect())
    }

    async fn group_pupils(&self, group: GroupId) -> Result<Vec<(AccountId, String)>, StoreError> {
        let rows: Vec<PupilRow> = GROUP_PUPILS
            .query_as()
            .bind(group.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| {
                (
                    AccountId::new(r.id),
                    format!("{} {}", r.last_name, r.first_name),
                )
            })
            .collect())
    }

    async fn set_done(
        &self,
        homework: HomeworkId,
        pupil: AccountId,
        done: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        let query = match done {
            Some(at) => SET_DONE
                .query()
                .bind(homework.get())
                .bind(pupil.get())
                .bind(at.unix()),
            None => UNSET_DONE.query().bind(homework.get()).bind(pupil.get()),
        };
        query.execute(&self.writer).await.map_err(fail)?;
        Ok(())
    }

    async fn waiting_hand_ins(
        &self,
        teacher: AccountId,
    ) -> Result<Vec<(HomeworkId, i64)>, StoreError> {
        let rows: Vec<WaitingRow> = WAITING_HAND_INS
            .query_as()
            .bind(teacher.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| (HomeworkId::new(r.id), r.n))
            .collect())
    }

    async fn names_of(
        &self,
        subject: SubjectId,
        group: GroupId,
    ) -> Result<(String, String), StoreError> {
        let row: NamesRow = NAMES_OF
            .query_as()
            .bind(subject.get())
            .bind(group.get())
            .fetch_one(&self.pool)
            .await
            .map_err(fail)?;
        Ok((
            row.subject.unwrap_or_default(),
            row.group_name.unwrap_or_default(),
        ))
    }
}

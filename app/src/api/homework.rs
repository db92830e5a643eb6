//! The cahier de textes and homework: a teacher writes what was done in a lesson and sets
//! homework from it (`lesson`), pupils and parents read them by day and subject, a class's
//! teachers and the head of school by class (`lists`), a pupil hands work in (`work`), the
//! teacher reads the hand-ins and gives them back (`review`). The rules are
//! `domain::homework`'s and `domain::authz::homework`'s; these functions read, authorize and
//! hand over.

mod error;
pub mod lesson;
pub mod lists;
pub mod review;
pub mod week;
pub mod work;

pub use error::{HomeworkError, HomeworkProblem};

use domain::file::{FileId, FileKind};
use domain::homework::{HandIn, HandInPolicy, Homework, Minutes, Occurrence, PupilStatus, Work};
use domain::ids::{AccountId, GroupId, HomeworkId, LogEntryId, SchoolId, SubjectId};
use domain::time::Timestamp;
use domain::timetable::{ClockTime, Date, day};
use serde::{Deserialize, Serialize};

pub use super::timetable::Day;

/// A file shown with an entry, a homework or a hand-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: FileId,
    pub kind: FileKind,
    pub name: Option<String>,
}

/// Where something was written: the lesson as it took place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    pub occurrence: Occurrence,
    /// Its school: where files for it are uploaded.
    pub school: SchoolId,
    #[serde(with = "day::serde_iso")]
    pub date: Date,
    pub starts: ClockTime,
    pub subject_id: SubjectId,
    pub subject: String,
    pub group_id: GroupId,
    pub group: String,
}

/// A cahier de textes entry as read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: LogEntryId,
    pub lesson: Lesson,
    /// Markdown, shown through `domain::markdown::render`.
    pub text: String,
    pub attachments: Vec<FileId>,
    pub author: String,
    pub modified: Timestamp,
    /// Saves so far: more than one means it was edited (its history is kept).
    pub saves: i64,
}

/// A homework as read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeworkView {
    pub id: HomeworkId,
    /// The lesson it was set in.
    pub lesson: Lesson,
    pub homework: Homework,
    pub author: String,
    pub modified: Timestamp,
    pub removed: bool,
}

/// A homework as a teacher writes it; the day it is set is the lesson's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeworkInput {
    pub what: String,
    pub due: Day,
    /// When on the due day an online hand-in is due (the start of the lesson it is due for);
    /// `None`: the end of the day.
    pub due_time: Option<ClockTime>,
    pub minutes: Option<Minutes>,
    pub hand_in: HandInPolicy,
    pub attachments: Vec<FileId>,
}

/// What the due day of a new homework is by default: the next lesson of the subject for the
/// group, holidays skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultDue {
    pub due: Day,
    pub due_time: ClockTime,
}

/// One lesson's page of the cahier de textes: what was done, the homework set, and whether the
/// caller writes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLog {
    pub lesson: Lesson,
    pub cancelled: bool,
    pub entry: Option<Entry>,
    /// Removed ones only for their teacher (to bring them back).
    pub homework: Vec<HomeworkView>,
    pub default_due: Option<DefaultDue>,
    pub may_write: bool,
}

/// A homework due, with where it stands for the pupil whose list it is on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilHomework {
    pub homework: HomeworkView,
    /// `None` on a group's list.
    pub status: Option<PupilStatus>,
    /// The pupil ticked it done.
    pub done: bool,
}

/// Days of a pupil's or a group's cahier de textes: the entries written on them and the
/// homework due on them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Days {
    pub entries: Vec<Entry>,
    pub homework: Vec<PupilHomework>,
}

/// A pupil's own page of one homework: their hand-in and what may be done with it now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyWork {
    pub homework: HomeworkView,
    pub hand_in: Option<HandIn>,
    /// The draft of a new version, after a first hand-in.
    pub next_draft: Option<Work>,
    pub status: PupilStatus,
    pub done: bool,
    /// Whether a (new) hand-in is taken now.
    pub may_hand_in: bool,
    pub deadline: Timestamp,
}

/// One pupil's line in the teacher's table of a homework.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewLine {
    pub pupil: AccountId,
    /// "Last First".
    pub name: String,
    /// `None`: nothing handed in (a draft is not shown).
    pub hand_in: Option<HandIn>,
    pub late: bool,
}

/// A homework's hand-ins, for its teacher.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewTable {
    pub homework: HomeworkView,
    pub summary: domain::homework::Summary,
    pub deadline: Timestamp,
    pub lines: Vec<ReviewLine>,
}

/// A homework with hand-ins waiting for its teacher.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    pub homework: HomeworkView,
    /// Handed in, not given back yet.
    pub handed_in: i64,
}

/// "My week": the week's lessons; a pupil's entries and homework due of those days; a
/// teacher's entries of their lessons (a past lesson without one is still to fill) and the
/// hand-ins waiting for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekWithHomework {
    pub week: super::timetable::Week,
    pub entries: Vec<Entry>,
    pub homework: Vec<PupilHomework>,
    pub waiting: Vec<Waiting>,
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    //! What the functions of the area share on the server: reading where a lesson took place,
    //! and turning stored rows into what is sent.

    use super::{Entry, HomeworkError, HomeworkProblem, HomeworkView, Lesson};
    use crate::api::gate::Me;
    use crate::ports::{Place, StoredEntry, StoredHomework};
    use domain::homework::Occurrence;
    use domain::timetable::{self, Status, Timetable};

    /// The lesson an occurrence names, as it takes place (a moved lesson: where it went), and
    /// who teaches it that day; `None` when the timetable has no such occurrence.
    pub(crate) async fn occurrence(
        me: &Me,
        source: Occurrence,
    ) -> Result<Option<(Place, timetable::Occurrence)>, HomeworkError> {
        let store = &me.ctx.store;
        let year = me.ctx.school_year();
        let (school, lessons, date) = match source {
            Occurrence::Weekly { lesson, date } => match store.lesson(lesson, year).await? {
                Some((school, l)) => (school, vec![(lesson, l)], date),
                None => return Ok(None),
            },
            Occurrence::Extra(change) => match store.change(change).await? {
                Some((school, timetable::LessonChange::Extra(extra))) => {
                    (school, vec![], extra.when.date())
                }
                _ => return Ok(None),
            },
        };
        if !timetable::day::in_year(year, date) {
            return Ok(None);
        }
        let calendar = store.calendar(school, year).await?;
        let weeks = calendar.weeks();
        let mut on = date;
        // Twice at most: where it usually is, then where it was moved to.
        for _ in 0..2 {
            let changes = store.changes(school, on, on).await?;
            let timetable = Timetable {
                days: &calendar.days,
                weeks: &weeks,
                lessons: &lessons,
                changes: &changes,
            };
            let found = timetable
                .occurrences(on, on)
                .into_iter()
                .find(|o| o.source == source);
            match found {
                Some(o) => {
                    if let Status::MovedAway { to } = o.status {
                        on = to.date();
                        continue;
                    }
                    // A lesson of a group that is not this year's is no one's to write in now.
                    if store.group_of_year(o.group, year.starts()).await? != Some(school) {
                        return Ok(None);
                    }
                    let place = Place {
                        school,
                        group: o.group,
                        subject: o.subject,
                        occurrence: source,
                        date: o.when.date(),
                        starts: o.when.start(),
                    };
                    return Ok(Some((place, o)));
                }
                None => return Ok(None),
            }
        }
        Ok(None)
    }

    pub(crate) fn lesson(place: &Place, subject: &str, group: &str) -> Lesson {
        Lesson {
            occurrence: place.occurrence,
            school: place.school,
            date: place.date,
            starts: place.starts,
            subject_id: place.subject,
            subject: subject.to_owned(),
            group_id: place.group,
            group: group.to_owned(),
        }
    }

    pub(crate) fn entry(stored: StoredEntry) -> Entry {
        Entry {
            id: stored.id,
            lesson: lesson(&stored.place, &stored.shown.subject, &stored.shown.group),
            text: stored.entry.text().to_owned(),
            attachments: stored.entry.attachments().to_vec(),
            author: stored.shown.author,
            modified: stored.modified,
            saves: stored.version,
        }
    }

    pub(crate) fn homework(stored: StoredHomework) -> HomeworkView {
        HomeworkView {
            id: stored.id,
            lesson: lesson(&stored.place, &stored.shown.subject, &stored.shown.group),
            homework: stored.homework,
            author: stored.shown.author,
            modified: stored.modified,
            removed: stored.removed,
        }
    }

    /// How many times a save is decided again before the caller is told to retry: each round
    /// one of the saves at once goes through, so this many at once on one row all succeed.
    const ROUNDS: u32 = 64;

    /// Tries a read-decide-write `attempt` again when another write came between its read and
    /// its write (`StoreError::Conflict`): the second of two saves at once is decided on what
    /// the first left. A short random pause spreads the losers, so they do not meet again.
    pub(crate) async fn retrying<T, F, Fut>(mut attempt: F) -> Result<T, HomeworkError>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<Result<T, crate::ports::StoreError>, HomeworkError>>,
    {
        for _ in 0..ROUNDS {
            match attempt().await? {
                Ok(value) => return Ok(value),
                Err(crate::ports::StoreError::Conflict) => {
                    let pause = rand::random::<u64>() % 4_000;
                    tokio::time::sleep(std::time::Duration::from_micros(pause)).await;
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(HomeworkProblem::SavesCrossed.into())
    }
}

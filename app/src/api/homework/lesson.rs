//! One lesson's page of the cahier de textes: what was done in it and the homework set from it,
//! written by the teachers who taught it that day (a substitute included), every save kept.

use super::{Entry, HomeworkError, HomeworkInput, LessonLog};
use domain::file::FileId;
use domain::homework::Occurrence;
use domain::ids::HomeworkId;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The lesson's entry and homework, the default due day of a new homework, and whether the
/// caller writes them.
#[server(endpoint = "homework/lesson", input = Json)]
pub async fn lesson(occurrence: Occurrence) -> Result<LessonLog, HomeworkError> {
    server::lesson(occurrence).await
}

/// Writes what was done in the lesson (a new entry, or a new version of it).
#[server(endpoint = "homework/save_entry", input = Json)]
pub async fn save_entry(
    occurrence: Occurrence,
    text: String,
    attachments: Vec<FileId>,
) -> Result<Entry, HomeworkError> {
    server::save_entry(occurrence, text, attachments).await
}

/// Sets a homework from the lesson (`id` none), or saves a new version of one set from it.
#[server(endpoint = "homework/save", input = Json)]
pub async fn save_homework(
    occurrence: Occurrence,
    id: Option<HomeworkId>,
    input: HomeworkInput,
) -> Result<HomeworkId, HomeworkError> {
    server::save_homework(occurrence, id, input).await
}

/// Removes a homework (`removed`), or brings it back: its hand-ins are kept either way.
#[server(endpoint = "homework/remove", input = Json)]
pub async fn remove_homework(id: HomeworkId, removed: bool) -> Result<(), HomeworkError> {
    server::remove(id, removed).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::server::{entry, homework, lesson as shown_lesson, occurrence, retrying};
    use super::super::work::server::facts;
    use super::super::{Day, LessonLog};
    use super::super::{DefaultDue, Entry, HomeworkError, HomeworkInput, HomeworkProblem};
    use crate::api::gate::Me;
    use crate::api::timetable::LessonsOf;
    use crate::ports::Place;
    use domain::authz::homework::{Action, GroupFacts, LessonFacts};
    use domain::file::FileId;
    use domain::homework::{History, HistoryError, Homework, LogEntry, Occurrence};
    use domain::ids::HomeworkId;
    use domain::timetable::{self, Status, Timetable, day};

    /// The occurrence, the caller allowed to write in it: its place, or why not.
    async fn teaching(
        me: &Me,
        what: &str,
        source: Occurrence,
    ) -> Result<(Place, timetable::Occurrence), HomeworkError> {
        let Some((place, found)) = occurrence(me, source).await? else {
            return Err(me.refuse(what, None).await.into());
        };
        me.may(
            Action::Teach(LessonFacts {
                school: place.school,
                group: place.group,
                teachers: found.teachers.as_slice(),
            }),
            what,
        )
        .await?;
        if found.status == Status::Cancelled {
            return Err(HomeworkProblem::LessonCancelled.into());
        }
        Ok((place, found))
    }

    /// Files an entry or a homework may show: the author's own, uploaded for the school
    /// (checked once, when first named; a later version keeps what an earlier one showed).
    async fn check_files(
        me: &Me,
        what: &str,
        place: &Place,
        named: &[FileId],
        used: &[FileId],
    ) -> Result<(), HomeworkError> {
        let school = place.school;
        let me_id = me.info.account;
        let checked =
            crate::api::files::new_files(me, what, school, named.iter().cloned(), used, |f| {
                f.school == school
                    && f.owner == Some(me_id)
                    && f.usage == domain::file::FileUse::Resource
            })
            .await?;
        match checked {
            Ok(_) => Ok(()),
            Err(_) => Err(HomeworkProblem::FileNotYours.into()),
        }
    }

    pub(crate) async fn lesson(source: Occurrence) -> Result<LessonLog, HomeworkError> {
        let what = "homework/lesson";
        let me = crate::api::gate::me(what).await?;
        let Some((place, found)) = occurrence(&me, source).await? else {
            return Err(me.refuse(what, None).await.into());
        };
        let store = &me.ctx.store;
        let may_write = me
            .caller
            .has(domain::profile::Profile::Teacher, place.school)
            && found.teachers.contains(me.info.account);
        if !may_write {
            let child_in_it = !me.caller.children.is_empty()
                && store.any_in_group(&me.caller.children, place.group).await?;
            me.may(
                Action::ReadGroup(GroupFacts {
                    school: place.school,
                    group: place.group,
                    child_in_it,
                }),
                what,
            )
            .await?;
        }
        let entry_found = store.entry_of(source).await?;
        let (subject, group) = store.names_of(place.subject, place.group).await?;
        let homework_list = store
            .homework_set_in(source)
            .await?
            .into_iter()
            .filter(|h| !h.removed || h.author == Some(me.info.account))
            .map(homework)
            .collect();
        let default_due = if may_write {
            default_due(&me, &place, &found).await?
        } else {
            None
        };
        Ok(LessonLog {
            lesson: shown_lesson(&place, &subject, &group),
            cancelled: found.status == Status::Cancelled,
            entry: entry_found.map(entry),
            homework: homework_list,
            default_due,
            may_write,
        })
    }

    /// The next lesson of the subject for the group after this one, holidays and weeks A/B
    /// considered, changes included (a cancelled one is skipped).
    async fn default_due(
        me: &Me,
        place: &Place,
        found: &timetable::Occurrence,
    ) -> Result<Option<DefaultDue>, HomeworkError> {
        let store = &me.ctx.store;
        let year = me.ctx.school_year();
        let calendar = store.calendar(place.school, year).await?;
        let weeks = calendar.weeks();
        let lessons: Vec<_> = store
            .lessons(place.school, year, LessonsOf::Group(place.group))
            .await?
            .into_iter()
            .map(|l| (l.id, l.lesson))
            .collect();
        let changes = store
            .changes(place.school, place.date, calendar.days.last_day())
            .await?;
        let timetable = Timetable {
            days: &calendar.days,
            weeks: &weeks,
            lessons: &lessons,
            changes: &changes,
        };
        Ok(timetable.next_lesson_after(found).map(|next| DefaultDue {
            due: Day(next.when.date()),
            due_time: next.when.start(),
        }))
    }

    pub(crate) async fn save_entry(
        source: Occurrence,
        text: String,
        attachments: Vec<FileId>,
    ) -> Result<Entry, HomeworkError> {
        let what = "homework/save_entry";
        let me = crate::api::gate::me(what).await?;
        let (place, _) = teaching(&me, what, source).await?;
        let value =
            LogEntry::new(source, text, attachments).map_err(HomeworkProblem::InvalidHomework)?;
        let store = &me.ctx.store;
        let author = me.info.account;
        let now = me.ctx.now();
        let id = retrying(|| {
            let (me, value, place) = (&me, &value, &place);
            async move {
                let stored = store.entry_of(source).await?;
                let (history, expected) = match &stored {
                    None => (History::new(author, now, value.clone()), None),
                    Some(s) => {
                        let Some(mut history) = store.entry_history(s.id).await? else {
                            return Ok(Err(crate::ports::StoreError::Conflict));
                        };
                        // The same text saved again (a second click, a retry) is no error.
                        match history.edit(author, now.max(history.modified()), value.clone()) {
                            Err(HistoryError::Unchanged) => return Ok(Ok(s.id)),
                            other => other.map_err(HomeworkProblem::Revision)?,
                        }
                        (history, Some((s.id, s.version)))
                    }
                };
                let used = stored
                    .as_ref()
                    .map(|s| s.entry.attachments().to_vec())
                    .unwrap_or_default();
                check_files(me, what, place, value.attachments(), &used).await?;
                Ok(store.save_entry(place, &history, expected).await)
            }
        })
        .await?;
        match store.entry_of(source).await? {
            Some(saved) if saved.id == id => Ok(entry(saved)),
            _ => Err(crate::error::AppError::Internal.into()),
        }
    }

    pub(crate) async fn save_homework(
        source: Occurrence,
        id: Option<HomeworkId>,
        input: HomeworkInput,
    ) -> Result<HomeworkId, HomeworkError> {
        let what = "homework/save";
        let me = crate::api::gate::me(what).await?;
        let (place, _) = teaching(&me, what, source).await?;
        let value = Homework::new(
            input.what,
            place.date,
            input.due.0,
            input.due_time.map(|t| t.to_civil()),
            input.minutes,
            input.hand_in,
            input.attachments,
        )
        .map_err(HomeworkProblem::InvalidHomework)?;
        if !day::in_year(me.ctx.school_year(), value.due()) {
            return Err(HomeworkProblem::InvalidHomework(vec![
                domain::homework::HomeworkProblem::DueBeforeSet,
            ])
            .into());
        }
        let store = &me.ctx.store;
        let author = me.info.account;
        let now = me.ctx.now();
        retrying(|| {
            let (me, value, place) = (&me, &value, &place);
            async move {
                let (history, expected, used) = match id {
                    None => (History::new(author, now, value.clone()), None, vec![]),
                    Some(id) => {
                        let stored = store.homework(id).await?;
                        let history = store.homework_history(id).await?;
                        let (Some(stored), Some(mut history)) = (stored, history) else {
                            return Err(me.refuse(what, Some(place.school)).await.into());
                        };
                        // Edited from the lesson it was set in, by its author only.
                        if stored.place.occurrence != source {
                            return Err(me.refuse(what, Some(place.school)).await.into());
                        }
                        me.may(Action::Review(&facts(&stored)), what).await?;
                        match history.edit(author, now.max(history.modified()), value.clone()) {
                            Err(HistoryError::Unchanged) => return Ok(Ok(id)),
                            other => other.map_err(HomeworkProblem::Revision)?,
                        }
                        let used = stored.homework.attachments().to_vec();
                        (history, Some((id, stored.version)), used)
                    }
                };
                check_files(me, what, place, value.attachments(), &used).await?;
                Ok(store.save_homework(place, &history, expected).await)
            }
        })
        .await
    }

    pub(crate) async fn remove(id: HomeworkId, removed: bool) -> Result<(), HomeworkError> {
        let what = "homework/remove";
        let me = crate::api::gate::me(what).await?;
        let Some(stored) = me.ctx.store.homework(id).await? else {
            return Err(me.refuse(what, None).await.into());
        };
        me.may(Action::Review(&facts(&stored)), what).await?;
        me.ctx
            .store
            .set_removed(id, removed.then(|| me.ctx.now()))
            .await?;
        Ok(())
    }
}

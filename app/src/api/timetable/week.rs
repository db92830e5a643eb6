//! "My week": the occurrences of one week of a pupil, a child, a teacher, a group or a room, in
//! one call: the lessons, changes, holidays and weeks A/B are read in four queries, and
//! `domain::timetable::Timetable::week` computes the rest, school by school.

use super::{Day, TimetableError, Week, Whom};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The week, Monday to Saturday, that `day` falls in.
#[server(endpoint = "timetable/week", input = Json)]
pub async fn week_of(whom: Whom, day: Day) -> Result<Week, TimetableError> {
    server::week(whom, day.0).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::{TimetableError, Week, WeekLesson, Whom};
    use crate::api::gate::Me;
    use crate::ports::{Names, Store, StoreError, WeekRead, WeekSelector};
    use domain::authz::timetable::{Action, WeekOf, manages};
    use domain::ids::{LessonChangeId, LessonId, SchoolId};
    use domain::profile::Profile;
    use domain::time::Timestamp;
    use domain::timetable::{Date, LessonChange, Occurrence, Source, Timetable, day};
    use std::collections::HashMap;

    const WHAT: &str = "timetable/week";

    pub(crate) async fn week(whom: Whom, date: Date) -> Result<Week, TimetableError> {
        let me = crate::api::gate::me(WHAT).await?;
        week_for(&me, whom, date).await
    }

    /// The week of `whom` as `me` may see it (authorized here).
    pub(crate) async fn week_for(me: &Me, whom: Whom, date: Date) -> Result<Week, TimetableError> {
        // Which schools' lessons the caller sees: all of their own or their child's, only the
        // schools they run of someone else's.
        let visible = authorize(me, whom).await?;
        let monday = day::monday(date);
        let saturday = day::plus(monday, 5);
        let lessons = between(&*me.ctx.store, whom, visible.as_deref(), monday, saturday).await?;
        // Staff reading a person's week is a read of someone else's data; one's own, or one's
        // child's, read every day, is not recorded.
        if let (Whom::Pupil(p) | Whom::Teacher(p), Some(schools)) = (whom, &visible) {
            me.audit_read(WHAT, p, schools.first().copied()).await;
        }
        Ok(Week {
            monday,
            lessons: lessons.into_iter().map(|(lesson, _)| lesson).collect(),
        })
    }

    /// The occurrences of `whom` on the days `from` to `until`, with when each was last written:
    /// read school year by school year (four queries each, one year but around the 1st of
    /// August), computed by [`compute`]. The week and the calendar feed both read through here.
    pub(crate) async fn between(
        store: &dyn Store,
        whom: Whom,
        visible: Option<&[SchoolId]>,
        from: Date,
        until: Date,
    ) -> Result<Vec<(WeekLesson, Timestamp)>, StoreError> {
        let selector = match whom {
            Whom::Pupil(p) => WeekSelector::Pupil(p),
            Whom::Teacher(t) => WeekSelector::Teacher(t),
            Whom::Group(g) => WeekSelector::Group(g),
            Whom::Room(r) => WeekSelector::Room(r),
        };
        let mut out = Vec::new();
        let mut year = day::year_of(from);
        loop {
            let first = from.max(day::first_of(year));
            let last = until.min(day::last_of(year));
            if first > last {
                return Ok(out);
            }
            let read = store.week(selector, year, first, last).await?;
            out.extend(compute(&read, whom, visible, first, last));
            year = year.next();
        }
    }

    /// `None`: every school; else only these.
    async fn authorize(me: &Me, whom: Whom) -> Result<Option<Vec<SchoolId>>, TimetableError> {
        let caller = &me.caller;
        let ours = |schools: &[SchoolId]| -> Vec<SchoolId> {
            schools
                .iter()
                .copied()
                .filter(|s| manages(caller, *s))
                .collect()
        };
        let store = &me.ctx.store;
        let visible = match whom {
            Whom::Pupil(pupil) => {
                // One's own schools are the session's; a child's need none (the link decides);
                // someone else's are read.
                let (schools, everywhere) = if pupil == caller.account {
                    (schools_as(caller, Profile::Pupil), true)
                } else if caller.children.contains(&pupil) {
                    (vec![], true)
                } else {
                    (store.pupil_schools(pupil).await?, false)
                };
                let of = WeekOf::Pupil {
                    pupil,
                    schools: &schools,
                };
                me.may(Action::ReadWeek(of), WHAT).await?;
                (!everywhere).then(|| ours(&schools))
            }
            Whom::Teacher(teacher) => {
                let schools = if teacher == caller.account {
                    schools_as(caller, Profile::Teacher)
                } else {
                    store.teacher_schools(teacher).await?
                };
                me.may(
                    Action::ReadWeek(WeekOf::Teacher {
                        teacher,
                        schools: &schools,
                    }),
                    WHAT,
                )
                .await?;
                (teacher != caller.account).then(|| ours(&schools))
            }
            Whom::Group(group) => {
                let Some(school) = store.group_school(group).await? else {
                    return Err(me.refuse(WHAT, None).await.into());
                };
                me.may(Action::ReadWeek(WeekOf::Group(school)), WHAT)
                    .await?;
                Some(vec![school])
            }
            Whom::Room(room) => {
                let Some(school) = store.room_school(room).await? else {
                    return Err(me.refuse(WHAT, None).await.into());
                };
                me.may(Action::ReadWeek(WeekOf::Room(school)), WHAT).await?;
                Some(vec![school])
            }
        };
        Ok(visible)
    }

    pub(crate) fn schools_as(caller: &domain::authz::Caller, profile: Profile) -> Vec<SchoolId> {
        caller
            .roles
            .iter()
            .filter(|r| r.profile == profile)
            .map(|r| r.school)
            .collect()
    }

    /// The occurrences of the days `from` to `until` (of one school year), school by school,
    /// kept when they are `whom`'s, with when each was last written.
    pub(crate) fn compute(
        read: &WeekRead,
        whom: Whom,
        visible: Option<&[SchoolId]>,
        from: Date,
        until: Date,
    ) -> Vec<(WeekLesson, Timestamp)> {
        let mut out: Vec<Occurrence> = Vec::new();
        for calendar in &read.calendars {
            let school = calendar.school;
            if visible.is_some_and(|v| !v.contains(&school)) {
                continue;
            }
            let weeks = calendar.weeks();
            let lessons: Vec<_> = read
                .lessons
                .iter()
                .filter(|(s, ..)| *s == school)
                .map(|(_, id, lesson)| (*id, lesson.clone()))
                .collect();
            let changes: Vec<_> = read
                .changes
                .iter()
                .filter(|(s, ..)| *s == school)
                .map(|(_, id, change)| (*id, change.clone()))
                .collect();
            let timetable = Timetable {
                days: &calendar.days,
                weeks: &weeks,
                lessons: &lessons,
                changes: &changes,
            };
            out.extend(
                timetable
                    .occurrences(from, until)
                    .into_iter()
                    .filter(|o| match whom {
                        Whom::Pupil(_) | Whom::Group(_) => o.for_groups(&read.groups),
                        Whom::Teacher(t) => o.for_teacher(t),
                        Whom::Room(r) => o.in_room(r),
                    }),
            );
        }
        out.sort_by_key(|o| (o.when.date(), o.when.start(), o.when.end(), o.source));
        let written = last_written(read);
        out.into_iter()
            .map(|o| {
                let at = written(o.source);
                (named(o, &read.names), at)
            })
            .collect()
    }

    /// When an occurrence was last written: its lesson or its change of that date, whichever
    /// is later (an extra lesson: its change).
    fn last_written(read: &WeekRead) -> impl Fn(Source) -> Timestamp + '_ {
        let of_occurrence: HashMap<(LessonId, Date), LessonChangeId> = read
            .changes
            .iter()
            .filter_map(|(_, id, change)| match change {
                LessonChange::Occurrence(o) => Some(((o.lesson(), o.date()), *id)),
                LessonChange::Extra(_) => None,
            })
            .collect();
        let change = |id: &LessonChangeId| read.written.changes.get(id).copied();
        move |source| {
            let at = match source {
                Source::Weekly { lesson, date } => read
                    .written
                    .lessons
                    .get(&lesson)
                    .copied()
                    .max(of_occurrence.get(&(lesson, date)).and_then(change)),
                Source::Extra(id) => change(&id),
            };
            at.unwrap_or(Timestamp::from_unix(0))
        }
    }

    fn named(occurrence: Occurrence, names: &Names) -> WeekLesson {
        let text = |name: Option<&String>| name.cloned().unwrap_or_default();
        WeekLesson {
            subject: text(names.subjects.get(&occurrence.subject)),
            group: text(names.groups.get(&occurrence.group)),
            room: occurrence.room.and_then(|r| names.rooms.get(&r).cloned()),
            teachers: occurrence
                .teachers
                .as_slice()
                .iter()
                .map(|t| text(names.people.get(t)))
                .collect(),
            occurrence,
        }
    }
}

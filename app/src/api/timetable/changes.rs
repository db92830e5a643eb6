//! Changes of one date, as staff make them: an occurrence cancelled, moved (another time or
//! room), taught by a substitute, or an extra lesson; checked against the timetable (the
//! occurrence exists) and for clashes (saved only once confirmed); undone.

use super::TimetableError;
use domain::ids::{LessonChangeId, SchoolId};
use domain::timetable::LessonChange;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Saves a change; a change of an occurrence already changed replaces it (moving twice edits
/// one move). Until `confirmed`, clashes are answered and nothing is written.
#[server(endpoint = "timetable/change", input = Json)]
pub async fn change(
    school: SchoolId,
    change: LessonChange,
    confirmed: bool,
) -> Result<LessonChangeId, TimetableError> {
    use super::TimetableProblem;
    use domain::timetable::{Alteration, LessonError, Timetable, confirm, day};
    let what = "timetable/change";
    let me = super::lessons::server::manager(what, school).await?;
    let year = me.ctx.school_year();
    let refs = server::change_refs(&change);
    super::lessons::server::check_refs(&me, what, school, &refs).await?;
    let store = &me.ctx.store;
    // The days it touches: the occurrence's and where it goes, or the extra lesson's.
    let dates = match &change {
        LessonChange::Extra(extra) => vec![extra.when.date()],
        LessonChange::Occurrence(o) => match o.alteration() {
            Alteration::Changed {
                moved_to: Some(to), ..
            } => vec![o.date(), to.date()],
            _ => vec![o.date()],
        },
    };
    if dates.iter().any(|d| !day::in_year(year, *d)) {
        return Err(TimetableProblem::Lesson(LessonError::OutsideYear).into());
    }
    let (from, until) = (
        dates
            .iter()
            .copied()
            .min()
            .unwrap_or_else(|| day::first_of(year)),
        dates
            .iter()
            .copied()
            .max()
            .unwrap_or_else(|| day::first_of(year)),
    );
    let calendar = store.calendar(school, year).await?;
    let lessons = store.clash_candidates(school, year, &[]).await?;
    let changes = store.changes(school, from, until).await?;
    let weeks = calendar.weeks();
    let timetable = Timetable {
        days: &calendar.days,
        weeks: &weeks,
        lessons: &lessons,
        changes: &changes,
    };
    if let LessonChange::Occurrence(o) = &change {
        timetable
            .check_change(o)
            .map_err(TimetableProblem::Change)?;
    }
    if !confirmed {
        let shared = store.shared_groups(school, year).await?;
        let clashes = timetable.change_clashes(None, &change, |a, b| shared.contains(&(a, b)));
        confirm(clashes, false).map_err(|c| TimetableProblem::ChangeClashes(c.0))?;
    }
    match store
        .save_change(school, &change, me.info.account, me.ctx.now())
        .await
    {
        Err(crate::ports::StoreError::Conflict) => Err(TimetableProblem::LessonTwice.into()),
        other => Ok(other?),
    }
}

/// Undoes a change: the occurrence is as usual again, an extra lesson is gone.
#[server(endpoint = "timetable/undo_change", input = Json)]
pub async fn undo_change(school: SchoolId, id: LessonChangeId) -> Result<(), TimetableError> {
    let what = "timetable/undo_change";
    let me = super::lessons::server::manager(what, school).await?;
    if me.ctx.store.undo_change(school, id).await? {
        Ok(())
    } else {
        Err(me.refuse(what, Some(school)).await.into())
    }
}

#[cfg(feature = "ssr")]
mod server {
    use crate::ports::Refs;
    use domain::timetable::{Alteration, LessonChange};

    pub(super) fn change_refs(change: &LessonChange) -> Refs {
        match change {
            LessonChange::Extra(extra) => Refs {
                subject: Some(extra.subject),
                group: Some(extra.group),
                room: extra.room,
                teachers: extra.teachers.as_slice().to_vec(),
                lesson: None,
            },
            LessonChange::Occurrence(o) => {
                let (room, teachers) = match o.alteration() {
                    Alteration::Cancelled => (None, vec![]),
                    Alteration::Changed { room, teachers, .. } => (
                        *room,
                        teachers
                            .as_ref()
                            .map(|t| t.as_slice().to_vec())
                            .unwrap_or_default(),
                    ),
                };
                Refs {
                    room,
                    teachers,
                    lesson: Some(o.lesson()),
                    ..Default::default()
                }
            }
        }
    }
}

//! Weekly lessons, as staff set them up: listed by group or teacher, saved after the clash check
//! (a clash is saved only once confirmed), deleted.

use super::{LessonEntry, LessonsOf, TimetableError};
use domain::ids::{LessonId, SchoolId};
use domain::timetable::LessonSpec;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A group's or a teacher's lessons of this school year in a school.
#[server(endpoint = "timetable/lessons", input = Json)]
pub async fn lessons(school: SchoolId, of: LessonsOf) -> Result<Vec<LessonEntry>, TimetableError> {
    let what = "timetable/lessons";
    let me = server::manager(what, school).await?;
    let year = me.ctx.school_year();
    let refs = match of {
        LessonsOf::Group(group) => crate::ports::Refs {
            group: Some(group),
            ..Default::default()
        },
        LessonsOf::Teacher(teacher) => crate::ports::Refs {
            teachers: vec![teacher],
            ..Default::default()
        },
    };
    server::check_refs(&me, what, school, &refs).await?;
    Ok(me.ctx.store.lessons(school, year, of).await?)
}

/// Saves a new lesson (`id` none) or replaces one. Until `confirmed`, clashes are answered
/// (`TimetableProblem::LessonClashes`) and nothing is written.
#[server(endpoint = "timetable/save_lesson", input = Json)]
pub async fn save_lesson(
    school: SchoolId,
    id: Option<LessonId>,
    spec: LessonSpec,
    confirmed: bool,
) -> Result<LessonId, TimetableError> {
    use super::TimetableProblem;
    use domain::timetable::{Lesson, confirm, lesson_clashes};
    let what = "timetable/save_lesson";
    let me = server::manager(what, school).await?;
    let year = me.ctx.school_year();
    let refs = server::lesson_refs(&spec, id);
    server::check_refs(&me, what, school, &refs).await?;
    let lesson = Lesson::new(year, spec).map_err(TimetableProblem::Lesson)?;
    let store = &me.ctx.store;
    if !confirmed {
        let saved = store
            .clash_candidates(school, year, lesson.teachers().as_slice())
            .await?;
        let shared = store.shared_groups(school, year).await?;
        let clashes = lesson_clashes(&[(id, lesson.clone())], &saved, |a, b| {
            shared.contains(&(a, b))
        });
        confirm(clashes, false).map_err(|c| TimetableProblem::LessonClashes(c.0))?;
    }
    match store
        .save_lesson(school, id, &lesson, me.info.account, me.ctx.now())
        .await
    {
        Err(crate::ports::StoreError::Conflict) => Err(TimetableProblem::LessonTwice.into()),
        other => Ok(other?),
    }
}

/// Deletes a weekly lesson with its changes.
#[server(endpoint = "timetable/delete_lesson", input = Json)]
pub async fn delete_lesson(school: SchoolId, id: LessonId) -> Result<(), TimetableError> {
    let what = "timetable/delete_lesson";
    let me = server::manager(what, school).await?;
    if me.ctx.store.delete_lesson(school, id).await? {
        Ok(())
    } else {
        Err(me.refuse(what, Some(school)).await.into())
    }
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::TimetableError;
    use crate::api::gate::Me;
    use crate::ports::Refs;
    use domain::authz::timetable::Action;
    use domain::ids::{LessonId, SchoolId};
    use domain::timetable::LessonSpec;

    /// The caller, who sets `school`'s timetable up.
    pub(crate) async fn manager(what: &str, school: SchoolId) -> Result<Me, TimetableError> {
        let me = crate::api::gate::me(what).await?;
        me.may(Action::Manage(school), what).await?;
        Ok(me)
    }

    /// Refuses (as forbidden, audited) any id that is not of `school`.
    pub(crate) async fn check_refs(
        me: &Me,
        what: &str,
        school: SchoolId,
        refs: &Refs,
    ) -> Result<(), TimetableError> {
        if me
            .ctx
            .store
            .in_school(school, me.ctx.school_year(), refs)
            .await?
        {
            Ok(())
        } else {
            Err(me.refuse(what, Some(school)).await.into())
        }
    }

    pub(crate) fn lesson_refs(spec: &LessonSpec, id: Option<LessonId>) -> Refs {
        Refs {
            subject: Some(spec.subject),
            group: Some(spec.group),
            room: spec.room,
            teachers: spec.teachers.as_slice().to_vec(),
            lesson: id,
        }
    }
}

//! A teacher's own exercises: list, open, write, change, delete and undo the deletion. An
//! exercise of someone else answers like one that does not exist.

use super::ExerciseError;
use super::{Authored, ExerciseSummary};
#[cfg(feature = "ssr")]
use crate::ports::FileUser;
use domain::exercise::Exercise;
use domain::ids::{ExerciseId, SchoolId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "exercises/mine", input = Json)]
pub async fn my_exercises(school: SchoolId) -> Result<Vec<ExerciseSummary>, ExerciseError> {
    use domain::authz::exercises::Action;
    let me = crate::api::gate::me("exercises/mine").await?;
    me.may(Action::Author(school), "exercises/mine").await?;
    Ok(me.ctx.store.exercises_of(me.info.account, school).await?)
}

#[server(endpoint = "exercises/get", input = Json)]
pub async fn get_exercise(id: ExerciseId) -> Result<Authored, ExerciseError> {
    let (me, stored) = server::editable("exercises/get", id).await?;
    let given = me.ctx.store.given(id).await?;
    Ok(Authored {
        id,
        school: stored.facts.school,
        version: stored.version,
        exercise: stored.exercise,
        deleted: stored.deleted,
        given,
    })
}

#[server(endpoint = "exercises/create", input = Json)]
pub async fn create_exercise(
    school: SchoolId,
    exercise: Exercise,
) -> Result<ExerciseId, ExerciseError> {
    use domain::authz::exercises::Action;
    let me = crate::api::gate::me("exercises/create").await?;
    me.may(Action::Author(school), "exercises/create").await?;
    server::check(&exercise)?;
    let facts = domain::authz::exercises::ExerciseFacts {
        school,
        owner: Some(me.info.account),
    };
    let files = server::new_files(&me, &exercise, &facts, &[]).await?;
    let id = me
        .ctx
        .store
        .create_exercise(school, me.info.account, &exercise, me.ctx.now())
        .await?;
    me.ctx
        .store
        .use_files(FileUser::Exercise(id), &files)
        .await?;
    Ok(id)
}

/// Saves the exercise as written; answers its version (a new one once pupils have attempts on
/// the previous, whose scores never change).
#[server(endpoint = "exercises/save", input = Json)]
pub async fn save_exercise(id: ExerciseId, exercise: Exercise) -> Result<i64, ExerciseError> {
    let (me, stored) = server::editable("exercises/save", id).await?;
    if stored.deleted {
        return Err(crate::error::AppError::NotFound.into());
    }
    server::check(&exercise)?;
    let used = me.ctx.store.files_used(FileUser::Exercise(id)).await?;
    let files = server::new_files(&me, &exercise, &stored.facts, &used).await?;
    let version = me
        .ctx
        .store
        .save_exercise(id, &exercise, me.ctx.now())
        .await?;
    me.ctx
        .store
        .use_files(FileUser::Exercise(id), &files)
        .await?;
    Ok(version)
}

/// Deletes an exercise (`deleted`) or undoes the deletion. Its assignments and the pupils' work
/// stay; a deleted exercise is no longer shown to pupils.
#[server(endpoint = "exercises/delete", input = Json)]
pub async fn delete_exercise(id: ExerciseId, deleted: bool) -> Result<(), ExerciseError> {
    let (me, _) = server::editable("exercises/delete", id).await?;
    let when = deleted.then(|| me.ctx.now());
    me.ctx.store.set_exercise_deleted(id, when).await?;
    Ok(())
}

#[cfg(feature = "ssr")]
pub(super) mod server {
    use crate::api::exercises::{ExerciseError, ExerciseProblem};
    use crate::api::gate::Me;
    use crate::error::AppError;
    use crate::ports::StoredExercise;
    use domain::authz::authorize;
    use domain::authz::exercises::Action;
    use domain::authz::exercises::ExerciseFacts;
    use domain::authz::files;
    use domain::exercise::Exercise;
    use domain::file::FileId;
    use domain::ids::ExerciseId;

    /// The caller, who must be the exercise's author; an unknown id answers as a forbidden one.
    pub async fn editable(what: &str, id: ExerciseId) -> Result<(Me, StoredExercise), AppError> {
        let me = crate::api::gate::me(what).await?;
        let Some(stored) = me.ctx.store.exercise(id).await? else {
            return Err(me.refuse(what, None).await);
        };
        me.may(Action::Edit(&stored.facts), what).await?;
        Ok((me, stored))
    }

    /// The stored files the exercise names and does not use yet. Using a file shares it with the
    /// exercise's pupils, so each must be the author's own, uploaded in the exercise's school;
    /// otherwise the exercise is refused, naming them (an unknown file answers the same).
    pub async fn new_files(
        me: &Me,
        exercise: &Exercise,
        facts: &ExerciseFacts,
        used: &[FileId],
    ) -> Result<Vec<FileId>, ExerciseError> {
        let usable = crate::api::files::new_files(
            me,
            "exercises",
            facts.school,
            exercise.files(),
            used,
            |file| {
                authorize(
                    &me.caller,
                    files::Action::Use {
                        file,
                        exercise: facts,
                    },
                )
                .is_ok()
            },
        )
        .await?;
        usable.map_err(|refused| ExerciseProblem::Files(refused).into())
    }

    /// An exercise with problems is refused with every problem, for the editor to show.
    pub fn check(exercise: &Exercise) -> Result<(), ExerciseProblem> {
        let problems = exercise.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ExerciseProblem::Problems(problems))
        }
    }
}

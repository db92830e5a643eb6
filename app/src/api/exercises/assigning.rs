//! Giving an exercise to a class or group the author teaches this year, and reading the results.

use super::ExerciseError;
#[cfg(feature = "ssr")]
use super::ExerciseProblem;
use super::PupilResult;
#[cfg(feature = "ssr")]
use crate::error::AppError;
use domain::exercise::assignment::Rules;
use domain::ids::{AssignmentId, ExerciseId, GroupId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "exercises/assign", input = Json)]
pub async fn assign_exercise(
    exercise: ExerciseId,
    group: GroupId,
    rules: Rules,
) -> Result<AssignmentId, ExerciseError> {
    use domain::authz::exercises::Action;
    let what = "exercises/assign";
    let (me, stored) = super::authoring::server::editable(what, exercise).await?;
    if stored.deleted {
        return Err(AppError::NotFound.into());
    }
    // The group's school comes from storage: an id from another school is refused, not trusted.
    let Some(group_school) = me.ctx.store.group_school(group).await? else {
        return Err(me.refuse(what, Some(stored.facts.school)).await.into());
    };
    me.may(
        Action::Assign {
            exercise: &stored.facts,
            group,
            group_school,
        },
        what,
    )
    .await?;
    let problems = rules.problems();
    if !problems.is_empty() {
        return Err(ExerciseProblem::Rules(problems).into());
    }
    match me
        .ctx
        .store
        .assign(exercise, group, me.info.account, &rules, me.ctx.now())
        .await
    {
        // The same assignment sent twice (a double click, a retry) is one assignment.
        Err(crate::ports::StoreError::Conflict) => Err(ExerciseProblem::AlreadyGiven.into()),
        other => Ok(other?),
    }
}

/// Everyone of the group and what they handed in: for the teacher who gave it and whoever
/// teaches the group this year.
#[server(endpoint = "exercises/results", input = Json)]
pub async fn results(assignment: AssignmentId) -> Result<Vec<PupilResult>, ExerciseError> {
    use domain::authz::exercises::Action;
    let what = "exercises/results";
    let me = crate::api::gate::me(what).await?;
    let Some(stored) = me.ctx.store.assignment(assignment).await? else {
        return Err(me.refuse(what, None).await.into());
    };
    me.may(Action::Follow(&stored.facts), what).await?;
    Ok(me.ctx.store.results(assignment).await?)
}

//! Giving an exercise to a class or group the author teaches this year.

use super::ExerciseError;
#[cfg(feature = "ssr")]
use super::ExerciseProblem;
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

//! Giving a sequence to a class or group the author teaches this year, and following the
//! pupils' progress. Its exercise steps are given to the group with it, under the same rules, as
//! the exercises area's assignments.

use super::{SequenceError, SequenceResults};
use domain::exercise::assignment::Rules;
use domain::ids::{GroupId, SequenceAssignmentId, SequenceId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "sequences/assign", input = Json)]
pub async fn assign_sequence(
    sequence: SequenceId,
    group: GroupId,
    rules: Rules,
) -> Result<SequenceAssignmentId, SequenceError> {
    use super::SequenceProblem;
    use domain::authz::sequences::Action;
    let what = "sequences/assign";
    let (me, stored) = super::authoring::server::editable(what, sequence).await?;
    if stored.deleted {
        return Err(crate::error::AppError::NotFound.into());
    }
    // The group's school comes from storage: an id from another school is refused, not trusted.
    let Some(group_school) = me.ctx.store.group_school(group).await? else {
        return Err(me.refuse(what, Some(stored.facts.school)).await.into());
    };
    me.may(
        Action::Assign {
            sequence: &stored.facts,
            group,
            group_school,
        },
        what,
    )
    .await?;
    let problems = rules.problems();
    if !problems.is_empty() {
        return Err(SequenceProblem::Rules(problems).into());
    }
    // Its exercises may have been deleted since it was saved.
    super::authoring::server::check(&me, stored.facts.school, &stored.sequence).await?;
    match me
        .ctx
        .store
        .assign_sequence(
            sequence,
            &stored.sequence,
            group,
            me.info.account,
            &rules,
            me.ctx.now(),
        )
        .await
    {
        // The same assignment sent twice (a double click, a retry) is one assignment.
        Err(crate::ports::StoreError::Conflict) => Err(SequenceProblem::AlreadyGiven.into()),
        other => Ok(other?),
    }
}

/// Everyone of the group and how far they are, step by step: for the teacher who gave it and
/// whoever teaches the group this year.
#[server(endpoint = "sequences/results", input = Json)]
pub async fn results_of(
    assignment: SequenceAssignmentId,
) -> Result<SequenceResults, SequenceError> {
    use domain::authz::sequences::Action;
    let what = "sequences/results";
    let me = crate::api::gate::me(what).await?;
    let Some(given) = me.ctx.store.sequence_assignment(assignment).await? else {
        return Err(me.refuse(what, None).await.into());
    };
    me.may(Action::Follow(&given.facts), what).await?;
    let mut results = me.ctx.store.sequence_results(&given).await?;
    // The teacher sees every score, whatever the pupils may see yet.
    results.title = given.sequence.title.clone();
    Ok(results)
}

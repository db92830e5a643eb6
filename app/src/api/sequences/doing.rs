//! A pupil going through a sequence: the list of what was given (a parent sees their child's),
//! the steps with where the pupil stands on each, and a lesson or link marked as done.

use super::{AssignedSequence, Journey, SequenceError};
use domain::ids::{AccountId, SequenceAssignmentId};
use domain::sequence::StepId;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The sequences given to `pupil` this year: their own list, or a parent's child's.
#[server(endpoint = "sequences/assigned", input = Json)]
pub async fn assigned_sequences(pupil: AccountId) -> Result<Vec<AssignedSequence>, SequenceError> {
    use domain::authz::sequences::Action;
    let what = "sequences/assigned";
    let me = crate::api::gate::me(what).await?;
    me.may(Action::Overview(pupil), what).await?;
    Ok(me
        .ctx
        .store
        .sequences_assigned_to(pupil, me.ctx.school_year())
        .await?)
}

/// A given sequence as `pupil` goes through it: the pupil themself, a parent of theirs, or the
/// teacher following the group.
#[server(endpoint = "sequences/journey", input = Json)]
pub async fn open_journey(
    assignment: SequenceAssignmentId,
    pupil: AccountId,
) -> Result<Journey, SequenceError> {
    use domain::authz::sequences::Action;
    let what = "sequences/journey";
    let me = crate::api::gate::me(what).await?;
    let Some(given) = me.ctx.store.sequence_assignment(assignment).await? else {
        return Err(me.refuse(what, None).await.into());
    };
    me.may(
        Action::ReadWork {
            assignment: &given.facts,
            pupil,
        },
        what,
    )
    .await?;
    // Pupils see nothing before it opens; their teacher and parents see what is coming.
    if pupil == me.info.account
        && let Err(closed) = given.rules.open_at(me.ctx.now())
        && closed == domain::exercise::assignment::Closed::NotYetOpen
    {
        return Err(super::SequenceProblem::Closed(closed).into());
    }
    Ok(server::journey(&me, &given, pupil).await?)
}

/// Marks a lesson or link step as done by the pupil. Exercise steps are done when handed in.
#[server(endpoint = "sequences/done", input = Json)]
pub async fn step_done(
    assignment: SequenceAssignmentId,
    step: StepId,
) -> Result<(), SequenceError> {
    use super::SequenceProblem;
    use domain::authz::sequences::Action;
    use domain::sequence::StepBody;
    let what = "sequences/done";
    let me = crate::api::gate::me(what).await?;
    let Some(given) = me.ctx.store.sequence_assignment(assignment).await? else {
        return Err(me.refuse(what, None).await.into());
    };
    me.may(Action::Do(&given.facts), what).await?;
    let now = me.ctx.now();
    if now < given.rules.opens {
        return Err(
            SequenceProblem::Closed(domain::exercise::assignment::Closed::NotYetOpen).into(),
        );
    }
    match given.sequence.steps.iter().find(|s| s.id == step) {
        Some(s) if !matches!(s.body, StepBody::Exercise { .. }) => {}
        _ => return Err(SequenceProblem::NoSuchStep.into()),
    }
    // Marked twice (a retry, two tabs) is marked once.
    me.ctx
        .store
        .mark_step_done(assignment, me.info.account, step, now)
        .await?;
    Ok(())
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::gate::Me;
    use crate::api::sequences::{Journey, JourneyStep, StepContent};
    use crate::error::AppError;
    use crate::ports::StoredSequenceAssignment;
    use domain::ids::AccountId;
    use domain::sequence::{StepBody, StepState};

    pub async fn journey(
        me: &Me,
        given: &StoredSequenceAssignment,
        pupil: AccountId,
    ) -> Result<Journey, AppError> {
        let marks = me.ctx.store.step_marks(given.id, pupil).await?;
        let now = me.ctx.now();
        let sequence = &given.sequence;
        let steps = sequence
            .steps
            .iter()
            .filter_map(|step| {
                let (content, state) = match &step.body {
                    StepBody::Lesson { text } => (
                        StepContent::Lesson { text: text.clone() },
                        seen(marks.seen.contains(&step.id)),
                    ),
                    StepBody::Link { url } => (
                        StepContent::Link { url: url.clone() },
                        seen(marks.seen.contains(&step.id)),
                    ),
                    StepBody::File { file, kind } => (
                        StepContent::File {
                            file: file.clone(),
                            kind: *kind,
                        },
                        seen(marks.seen.contains(&step.id)),
                    ),
                    StepBody::Exercise { .. } => {
                        // Given with the sequence; a step whose exercise was not (deleted
                        // before) is left out rather than shown broken.
                        let (_, assignment) =
                            given.exercise_steps.iter().find(|(id, _)| *id == step.id)?;
                        let work = marks.exercises.iter().find(|w| w.assignment == *assignment);
                        let state = work.map_or(StepState::ToDo, |w| w.state);
                        let score = work
                            .and_then(|w| w.last_score)
                            .filter(|_| given.rules.key_visible(now, true));
                        (
                            StepContent::Exercise {
                                assignment: *assignment,
                                score,
                            },
                            state,
                        )
                    }
                };
                Some(JourneyStep {
                    id: step.id,
                    title: step.title.clone(),
                    content,
                    state,
                })
            })
            .collect();
        Ok(Journey {
            assignment: given.id,
            pupil,
            title: sequence.title.clone(),
            language: sequence.language.clone(),
            summary: sequence.summary.clone(),
            licence: sequence.licence,
            credits: sequence.credits.clone(),
            rules: given.rules,
            steps,
        })
    }

    fn seen(done: bool) -> StepState {
        if done {
            StepState::Done
        } else {
            StepState::ToDo
        }
    }
}

//! A pupil doing an exercise: the list of what was given, the paper of an attempt (started or
//! resumed), answers saved as typed, and handing in, scored by the server. A parent sees their
//! child's list.

use super::ExerciseError;
#[cfg(feature = "ssr")]
use super::ExerciseProblem;
use super::{AssignedExercise, Receipt, Sitting};
#[cfg(feature = "ssr")]
use crate::error::AppError;
use domain::exercise::Response;
use domain::ids::{AccountId, AssignmentId, AttemptId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// What was given to `pupil` this year: their own list, or a parent's child's.
#[server(endpoint = "exercises/assigned", input = Json)]
pub async fn assigned(pupil: AccountId) -> Result<Vec<AssignedExercise>, ExerciseError> {
    use domain::authz::exercises::Action;
    let what = "exercises/assigned";
    let me = crate::api::gate::me(what).await?;
    me.may(Action::Overview(pupil), what).await?;
    let now = me.ctx.now();
    let mut list = me
        .ctx
        .store
        .assigned_to(pupil, me.ctx.school_year())
        .await?;
    for entry in &mut list {
        if !entry.rules.key_visible(now, true) {
            entry.last_score = None;
        }
    }
    Ok(list)
}

/// The attempt in progress, or a new one when the rules allow, or else the last one handed in.
#[server(endpoint = "exercises/open", input = Json)]
pub async fn open_assignment(assignment: AssignmentId) -> Result<Sitting, ExerciseError> {
    use domain::authz::exercises::Action;
    let what = "exercises/open";
    let me = crate::api::gate::me(what).await?;
    let Some(stored) = me.ctx.store.assignment(assignment).await? else {
        return Err(me.refuse(what, None).await.into());
    };
    me.may(Action::Do(&stored.facts), what).await?;
    let pupil = me.info.account;
    let now = me.ctx.now();
    // Twice at most: a start that lost a race to the same pupil's other tab finds that tab's
    // attempt on the second reading.
    for _ in 0..2 {
        let attempts = me.ctx.store.attempts(assignment, pupil).await?;
        if let Some(open) = attempts.iter().find(|a| a.handed_in.is_none()) {
            return server::sitting(&me, &stored, open.clone()).await;
        }
        let handed_in = u32::try_from(attempts.len()).unwrap_or(u32::MAX);
        match stored.rules.may_start(now, handed_in) {
            Ok(()) => {
                let number = attempts.last().map_or(1, |a| a.number + 1);
                let seed = server::seed();
                if let Some(id) = me
                    .ctx
                    .store
                    .start_attempt(assignment, pupil, number, seed, now)
                    .await?
                {
                    let Some(started) = me.ctx.store.attempt(id).await? else {
                        return Err(AppError::Internal.into());
                    };
                    return server::sitting(&me, &stored, started).await;
                }
            }
            Err(closed) => {
                return match attempts.last() {
                    Some(last) => server::sitting(&me, &stored, last.clone()).await,
                    None => Err(ExerciseProblem::Closed(closed).into()),
                };
            }
        }
    }
    Err(AppError::Busy.into())
}

/// A pupil's last attempt handed in, as they see it (the score and answers when the rules let
/// them): for a parent, who follows their child's work, recordings included.
#[server(endpoint = "exercises/work", input = Json)]
pub async fn handed_in_work(
    assignment: AssignmentId,
    pupil: AccountId,
) -> Result<Sitting, ExerciseError> {
    use domain::authz::exercises::Action;
    let what = "exercises/work";
    let me = crate::api::gate::me(what).await?;
    let Some(stored) = me.ctx.store.assignment(assignment).await? else {
        return Err(me.refuse(what, None).await.into());
    };
    me.may(
        Action::ReadWork {
            assignment: &stored.facts,
            pupil,
        },
        what,
    )
    .await?;
    let attempts = me.ctx.store.attempts(assignment, pupil).await?;
    let Some(last) = attempts.into_iter().rev().find(|a| a.handed_in.is_some()) else {
        return Err(AppError::NotFound.into());
    };
    server::sitting(&me, &stored, last).await
}

/// Saves the answers as typed; the browser calls it as the pupil goes.
#[server(endpoint = "exercises/save_answers", input = Json)]
pub async fn save_answers(attempt: AttemptId, response: Response) -> Result<(), ExerciseError> {
    let what = "exercises/save_answers";
    let (me, _, found, exercise) = server::own_attempt(what, attempt).await?;
    server::check_response(&exercise, &found, &response)?;
    server::check_recordings(&me, what, &found, &response).await?;
    if !me
        .ctx
        .store
        .save_response(attempt, &response, me.ctx.now())
        .await?
    {
        return Err(ExerciseProblem::Closed(domain::exercise::assignment::Closed::HandedIn).into());
    }
    Ok(())
}

/// Hands in, scored here with the version the attempt was given; sent again, it answers the
/// first hand-in's receipt and counts once.
#[server(endpoint = "exercises/hand_in", input = Json)]
pub async fn hand_in(attempt: AttemptId, response: Response) -> Result<Receipt, ExerciseError> {
    let what = "exercises/hand_in";
    let (me, stored, found, exercise) = server::own_attempt(what, attempt).await?;
    let now = me.ctx.now();
    let handed_in = match found.handed_in {
        Some(first) => first,
        None => {
            server::check_response(&exercise, &found, &response)?;
            server::check_recordings(&me, what, &found, &response).await?;
            let outcome = domain::exercise::score(&exercise.key(), &response)
                .map_err(ExerciseProblem::Answers)?;
            if me
                .ctx
                .store
                .hand_in(attempt, &response, &outcome, now)
                .await?
            {
                crate::ports::HandedIn { at: now, outcome }
            } else {
                // Another hand-in came first between the reading and the writing: it is the
                // one that counts, read back.
                let done = me.ctx.store.attempt(attempt).await?;
                let Some(first) = done.and_then(|d| d.handed_in) else {
                    return Err(AppError::Internal.into());
                };
                first
            }
        }
    };
    let visible = stored.rules.key_visible(now, true);
    Ok(Receipt {
        at: handed_in.at,
        outcome: visible.then_some(handed_in.outcome),
    })
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::exercises::{ExerciseError, ExerciseProblem, Sitting};
    use crate::api::gate::Me;
    use crate::error::AppError;
    use crate::ports::{StoredAssignment, StoredAttempt};
    use domain::authz::exercises::Action;
    use domain::exercise::{Answer, Exercise, FileRef, Response};
    use domain::file::{FileId, FileUse};
    use domain::ids::AttemptId;
    use std::sync::Arc;

    pub fn seed() -> u64 {
        use rand::RngCore;
        rand::rngs::OsRng.next_u64()
    }

    /// The caller's own attempt, on an assignment they may still do, with the version it was
    /// given; someone else's attempt answers like an unknown one.
    pub async fn own_attempt(
        what: &str,
        id: AttemptId,
    ) -> Result<(Me, StoredAssignment, StoredAttempt, Arc<Exercise>), ExerciseError> {
        let me = crate::api::gate::me(what).await?;
        let (found, stored) = match me.ctx.store.attempt_with_assignment(id).await? {
            Some((found, stored)) if found.pupil == me.info.account => (found, stored),
            _ => return Err(me.refuse(what, None).await.into()),
        };
        me.may(Action::Do(&stored.facts), what).await?;
        if found.handed_in.is_none() {
            stored
                .rules
                .open_at(me.ctx.now())
                .map_err(ExerciseProblem::Closed)?;
        }
        let exercise = version(&me, &found).await?;
        Ok((me, stored, found, exercise))
    }

    async fn version(me: &Me, attempt: &StoredAttempt) -> Result<Arc<Exercise>, AppError> {
        me.ctx
            .store
            .exercise_version(attempt.exercise, attempt.version)
            .await?
            .ok_or(AppError::Internal)
    }

    /// A recording an answer names must be a spoken answer the pupil uploaded during this very
    /// attempt: whoever reads this work hears it, so naming someone else's file (or one of
    /// another attempt) would share it. Anything else is forged: refused as forbidden, audited.
    /// Recordings the attempt already holds were checked when they were saved.
    pub async fn check_recordings(
        me: &Me,
        what: &str,
        attempt: &StoredAttempt,
        response: &Response,
    ) -> Result<(), AppError> {
        let saved = recordings(&attempt.response);
        for named in recordings(response) {
            if saved.contains(&named) {
                continue;
            }
            let file = match named.as_str().parse::<FileId>() {
                Ok(id) => me.ctx.store.file(&id).await?,
                Err(_) => None,
            };
            let own = file.is_some_and(|file| {
                file.usage == FileUse::AnswerAudio
                    && file.owner == Some(me.info.account)
                    && file.attempt == Some(attempt.id)
            });
            if !own {
                return Err(me.refuse(what, None).await);
            }
        }
        Ok(())
    }

    fn recordings(response: &Response) -> Vec<&FileRef> {
        response
            .answers
            .values()
            .filter_map(|answer| match answer {
                Answer::FreeText { audio, .. } => audio.as_ref(),
                _ => None,
            })
            .collect()
    }

    /// Answers must fit the paper the pupil was given (no unknown item, no answer of the wrong
    /// kind): anything else is a forged request, refused whole.
    pub fn check_response(
        exercise: &Exercise,
        attempt: &StoredAttempt,
        response: &Response,
    ) -> Result<(), ExerciseProblem> {
        response
            .check(&exercise.paper(attempt.seed))
            .map_err(ExerciseProblem::Answers)
    }

    pub async fn sitting(
        me: &Me,
        stored: &StoredAssignment,
        attempt: StoredAttempt,
    ) -> Result<Sitting, ExerciseError> {
        let exercise = version(me, &attempt).await?;
        let handed_in = attempt.handed_in.is_some();
        let visible = stored.rules.key_visible(me.ctx.now(), handed_in);
        Ok(Sitting {
            attempt: attempt.id,
            school: stored.facts.school,
            number: attempt.number,
            paper: exercise.paper(attempt.seed),
            response: attempt.response,
            rules: stored.rules,
            key: visible.then(|| exercise.key()),
            handed_in: attempt.handed_in.as_ref().map(|h| h.at),
            outcome: attempt.handed_in.filter(|_| visible).map(|h| h.outcome),
        })
    }
}

//! The results of an assignment for the teachers who follow it: per pupil and per item, the
//! class's averages and most frequent wrong answers; and the giver's points on free answers.

use super::{AssignmentResults, ExerciseError, Score};
use domain::exercise::{ItemId, Points};
use domain::ids::{AssignmentId, AttemptId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Everyone of the group and what they handed in: for the teacher who gave it and whoever
/// teaches the group this year.
#[server(endpoint = "exercises/results", input = Json)]
pub async fn results(assignment: AssignmentId) -> Result<AssignmentResults, ExerciseError> {
    use domain::authz::exercises::Action;
    let what = "exercises/results";
    let me = crate::api::gate::me(what).await?;
    let Some(stored) = me.ctx.store.assignment(assignment).await? else {
        return Err(me.refuse(what, None).await.into());
    };
    me.may(Action::Follow(&stored.facts), what).await?;
    server::results(&me, &stored).await
}

/// Gives `points` to a free answer of an attempt handed in (`None`: back to awaiting, the undo);
/// answers the attempt's new score.
#[server(endpoint = "exercises/mark", input = Json)]
pub async fn mark_answer(
    attempt: AttemptId,
    item: ItemId,
    points: Option<Points>,
) -> Result<Score, ExerciseError> {
    use super::ExerciseProblem;
    use domain::authz::exercises::Action;
    let what = "exercises/mark";
    let me = crate::api::gate::me(what).await?;
    let Some(found) = me.ctx.store.attempt(attempt).await? else {
        return Err(me.refuse(what, None).await.into());
    };
    let Some(stored) = me.ctx.store.assignment(found.assignment).await? else {
        return Err(me.refuse(what, None).await.into());
    };
    me.may(Action::Mark(&stored.facts), what).await?;
    match me.ctx.store.mark(attempt, &item, points).await? {
        Ok(outcome) => Ok(Score::from(&outcome)),
        Err(problem) => Err(ExerciseProblem::Mark(problem).into()),
    }
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::exercises::{
        AssignmentResults, ExerciseError, FreeAnswer, ItemColumn, ItemScore, PupilResult,
    };
    use crate::api::gate::Me;
    use crate::error::AppError;
    use crate::ports::{StoredAssignment, StoredAttempt};
    use domain::exercise::statistics::{Sheet, item_statistics};
    use domain::exercise::{Answer, Detail, Exercise, Status};
    use domain::ids::AccountId;
    use std::collections::BTreeMap;

    pub async fn results(
        me: &Me,
        stored: &StoredAssignment,
    ) -> Result<AssignmentResults, ExerciseError> {
        let store = &me.ctx.store;
        let Some(current) = store.exercise(stored.exercise).await? else {
            return Err(AppError::Internal.into());
        };
        let group = store
            .group_name(stored.facts.group)
            .await?
            .unwrap_or_default();
        let mut pupils = store.results(stored.id).await?;
        let handed_in = store.handed_in(stored.id).await?;
        // The versions the attempts were given: usually one, the current.
        let mut versions: BTreeMap<i64, std::sync::Arc<Exercise>> = BTreeMap::new();
        versions.insert(
            current.version,
            std::sync::Arc::new(current.exercise.clone()),
        );
        for attempt in &handed_in {
            if let std::collections::btree_map::Entry::Vacant(entry) =
                versions.entry(attempt.version)
            {
                let Some(version) = store
                    .exercise_version(attempt.exercise, attempt.version)
                    .await?
                else {
                    return Err(AppError::Internal.into());
                };
                entry.insert(version);
            }
        }
        let last = last_attempts(&handed_in);
        let items = &current.exercise.items;
        let mut sheets = Vec::with_capacity(handed_in.len());
        let mut free_answers = Vec::new();
        for attempt in &handed_in {
            let (Some(done), Some(version)) = (&attempt.handed_in, versions.get(&attempt.version))
            else {
                continue;
            };
            sheets.push(Sheet {
                items: &version.items,
                response: &attempt.response,
                outcome: &done.outcome,
                last: last.get(&attempt.pupil) == Some(&attempt.id),
            });
            let pupil = pupils.iter().find(|p| p.pupil == attempt.pupil);
            for outcome in &done.outcome.items {
                if outcome.detail != Detail::FreeText || outcome.status == Status::Unanswered {
                    continue;
                }
                let (text, audio) = match attempt.response.answers.get(&outcome.item) {
                    Some(Answer::FreeText { text, audio }) => (
                        text.clone(),
                        audio.as_ref().and_then(|file| file.as_str().parse().ok()),
                    ),
                    _ => (String::new(), None),
                };
                free_answers.push(FreeAnswer {
                    attempt: attempt.id,
                    number: attempt.number,
                    pupil: attempt.pupil,
                    first_name: pupil.map(|p| p.first_name.clone()).unwrap_or_default(),
                    last_name: pupil.map(|p| p.last_name.clone()).unwrap_or_default(),
                    item: outcome.item.clone(),
                    text,
                    audio,
                    max: outcome.max,
                    given: (outcome.status != Status::AwaitingTeacher).then_some(outcome.earned),
                });
            }
        }
        let statistics = item_statistics(items, &sheets);
        for pupil in &mut pupils {
            pupil.items = per_item(pupil, &handed_in, &last, items);
        }
        free_answers.sort_by(|a, b| {
            let place = |f: &FreeAnswer| items.iter().position(|i| i.id == f.item);
            (place(a), &a.last_name, &a.first_name, a.pupil, a.number).cmp(&(
                place(b),
                &b.last_name,
                &b.first_name,
                b.pupil,
                b.number,
            ))
        });
        Ok(AssignmentResults {
            title: current.exercise.title.clone(),
            group,
            items: items
                .iter()
                .map(|item| ItemColumn {
                    id: item.id.clone(),
                    item_type: item.kind.item_type(),
                    points: item.points,
                })
                .collect(),
            statistics,
            free_answers,
            pupils,
        })
    }

    /// Each pupil's last attempt handed in.
    fn last_attempts(handed_in: &[StoredAttempt]) -> BTreeMap<AccountId, domain::ids::AttemptId> {
        let mut last: BTreeMap<AccountId, (i64, domain::ids::AttemptId)> = BTreeMap::new();
        for attempt in handed_in {
            let entry = last
                .entry(attempt.pupil)
                .or_insert((attempt.number, attempt.id));
            if attempt.number >= entry.0 {
                *entry = (attempt.number, attempt.id);
            }
        }
        last.into_iter()
            .map(|(pupil, (_, id))| (pupil, id))
            .collect()
    }

    fn per_item(
        pupil: &PupilResult,
        handed_in: &[StoredAttempt],
        last: &BTreeMap<AccountId, domain::ids::AttemptId>,
        items: &[domain::exercise::Item],
    ) -> Vec<Option<ItemScore>> {
        let outcome = last.get(&pupil.pupil).and_then(|id| {
            handed_in
                .iter()
                .find(|a| a.id == *id)
                .and_then(|a| a.handed_in.as_ref())
                .map(|h| &h.outcome)
        });
        items
            .iter()
            .map(|item| {
                outcome
                    .and_then(|o| o.items.iter().find(|i| i.item == item.id))
                    .map(|i| ItemScore {
                        earned: i.earned,
                        status: i.status,
                    })
            })
            .collect()
    }
}

//! The teacher's side of a homework: who handed in, on time or late, and giving each hand-in
//! back with a comment, maybe a mark, maybe annotated files.

use super::{HomeworkError, ReviewTable};
use domain::file::FileId;
use domain::homework::Mark;
use domain::ids::{AccountId, HomeworkId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Every pupil of the group with their hand-in, and the counts.
#[server(endpoint = "homework/review", input = Json)]
pub async fn review(homework: HomeworkId) -> Result<ReviewTable, HomeworkError> {
    server::review(homework).await
}

/// Gives a hand-in back (or corrects what was given back).
#[server(endpoint = "homework/give_back", input = Json)]
pub async fn give_back(
    homework: HomeworkId,
    pupil: AccountId,
    comment: Option<String>,
    mark: Option<Mark>,
    annotated: Vec<FileId>,
) -> Result<(), HomeworkError> {
    server::give_back(homework, pupil, comment, mark, annotated).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::server::{homework as shown, retrying};
    use super::super::work::server::{facts, own_files};
    use super::super::{HomeworkError, HomeworkProblem, ReviewLine, ReviewTable};
    use crate::api::gate::Me;
    use crate::ports::{HandInWrite, StoredHomework};
    use domain::authz::homework::Action;
    use domain::file::{FileId, FileUse};
    use domain::homework::{HandIn, Mark, Return, Summary, Work};
    use domain::ids::{AccountId, HomeworkId};

    async fn reviewed(
        me: &Me,
        what: &str,
        id: HomeworkId,
    ) -> Result<StoredHomework, HomeworkError> {
        let Some(stored) = me.ctx.store.homework(id).await? else {
            return Err(me.refuse(what, None).await.into());
        };
        me.may(Action::Review(&facts(&stored)), what).await?;
        Ok(stored)
    }

    pub(crate) async fn review(id: HomeworkId) -> Result<ReviewTable, HomeworkError> {
        let what = "homework/review";
        let me = crate::api::gate::me(what).await?;
        let stored = reviewed(&me, what, id).await?;
        let store = &me.ctx.store;
        let pupils = store.group_pupils(stored.place.group).await?;
        let hand_ins: Vec<(AccountId, HandIn)> = store
            .hand_ins_of(id)
            .await?
            .into_iter()
            .map(|h| (h.pupil, h.hand_in))
            .collect();
        let deadline = stored.homework.deadline();
        let ids: Vec<AccountId> = pupils.iter().map(|(p, _)| *p).collect();
        let summary = Summary::of(&ids, &hand_ins, deadline);
        let lines = pupils
            .into_iter()
            .map(|(pupil, name)| {
                let hand_in = hand_ins
                    .iter()
                    .find(|(p, h)| *p == pupil && !matches!(h, HandIn::Draft { .. }))
                    .map(|(_, h)| h.clone());
                ReviewLine {
                    pupil,
                    name,
                    late: hand_in
                        .as_ref()
                        .and_then(|h| h.is_late(deadline))
                        .unwrap_or(false),
                    hand_in,
                }
            })
            .collect();
        Ok(ReviewTable {
            homework: shown(stored),
            summary,
            deadline,
            lines,
        })
    }

    pub(crate) async fn give_back(
        id: HomeworkId,
        pupil: AccountId,
        comment: Option<String>,
        mark: Option<Mark>,
        annotated: Vec<FileId>,
    ) -> Result<(), HomeworkError> {
        let what = "homework/give_back";
        let me = crate::api::gate::me(what).await?;
        let stored = reviewed(&me, what, id).await?;
        let files = own_files(&me, &stored, &annotated, FileUse::Resource).await?;
        let annotated = Work::new(None, files).map_err(HomeworkProblem::WorkOutsideLimits)?;
        let comment = comment.filter(|c| !c.trim().is_empty());
        let store = &me.ctx.store;
        let now = me.ctx.now();
        retrying(|| {
            let (comment, annotated) = (&comment, &annotated);
            async move {
                let Some(found) = store.hand_in_of(id, pupil).await? else {
                    return Err(HomeworkProblem::HandInRefused(
                        domain::homework::HandInError::NotHandedIn,
                    )
                    .into());
                };
                let returned = Return {
                    at: now.max(found.hand_in.handed_in_at().unwrap_or(now)),
                    comment: comment.clone(),
                    mark,
                    annotated: annotated.clone(),
                };
                let hand_in = found
                    .hand_in
                    .give_back(returned)
                    .map_err(HomeworkProblem::HandInRefused)?;
                Ok(store
                    .save_hand_in(HandInWrite {
                        homework: id,
                        pupil,
                        hand_in: &hand_in,
                        next_draft: found.next_draft.as_ref(),
                        expected: Some(found.version),
                        now,
                    })
                    .await
                    .map(|_| ()))
            }
        })
        .await
    }
}

//! A pupil's work on one homework: the draft kept as they type, the hand-in (again, when the
//! homework allows it, until the deadline), their own "done" tick; read by the pupil, their
//! parents and the teacher who set it.

use super::{HomeworkError, MyWork};
use domain::file::FileId;
use domain::ids::{AccountId, HomeworkId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A pupil's work on a homework, as the pupil, a parent or the teacher sees it.
#[server(endpoint = "homework/work", input = Json)]
pub async fn work(homework: HomeworkId, pupil: AccountId) -> Result<MyWork, HomeworkError> {
    server::work(homework, pupil).await
}

/// Keeps the pupil's draft (the next version's, once handed in).
#[server(endpoint = "homework/save_draft", input = Json)]
pub async fn save_draft(
    homework: HomeworkId,
    text: Option<String>,
    files: Vec<FileId>,
) -> Result<(), HomeworkError> {
    server::write(homework, text, files, server::Write::Draft).await
}

/// Hands the work in.
#[server(endpoint = "homework/hand_in", input = Json)]
pub async fn hand_in(
    homework: HomeworkId,
    text: Option<String>,
    files: Vec<FileId>,
) -> Result<(), HomeworkError> {
    server::write(homework, text, files, server::Write::HandIn).await
}

/// Ticks a homework done on one's own list (or not).
#[server(endpoint = "homework/tick", input = Json)]
pub async fn tick(homework: HomeworkId, done: bool) -> Result<(), HomeworkError> {
    server::tick(homework, done).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::server::{homework as shown, retrying};
    use super::super::{HomeworkError, HomeworkProblem, MyWork};
    use crate::api::gate::Me;
    use crate::ports::{HandInWrite, StoredHomework};
    use domain::authz::homework::{Action, HandInFacts, HomeworkFacts};
    use domain::file::{FileId, FileUse};
    use domain::homework::{HandIn, HandInError, HandedFile, Work, pupil_status};
    use domain::ids::{AccountId, HomeworkId};

    #[derive(Clone, Copy)]
    pub(crate) enum Write {
        Draft,
        HandIn,
    }

    pub(crate) fn facts(stored: &StoredHomework) -> HomeworkFacts {
        HomeworkFacts {
            school: stored.place.school,
            group: stored.place.group,
            author: stored.author,
        }
    }

    /// The homework, not removed, and the caller allowed `action` on `pupil`'s work of it.
    async fn homework_for(
        me: &Me,
        what: &str,
        id: HomeworkId,
        pupil: AccountId,
        write: bool,
    ) -> Result<StoredHomework, HomeworkError> {
        let Some(stored) = me.ctx.store.homework(id).await? else {
            return Err(me.refuse(what, None).await.into());
        };
        let hand_in = HandInFacts {
            homework: facts(&stored),
            pupil,
        };
        let action = if write {
            Action::Work(&hand_in)
        } else {
            Action::ReadHandIn(&hand_in)
        };
        me.may(action, what).await?;
        if stored.removed && write {
            return Err(me.refuse(what, Some(stored.place.school)).await.into());
        }
        Ok(stored)
    }

    pub(crate) async fn work(id: HomeworkId, pupil: AccountId) -> Result<MyWork, HomeworkError> {
        let what = "homework/work";
        let me = crate::api::gate::me(what).await?;
        let stored = homework_for(&me, what, id, pupil, false).await?;
        let store = &me.ctx.store;
        let found = store.hand_in_of(id, pupil).await?;
        let (_, done) = store.pupil_work(pupil, &[id]).await?;
        let done = done.contains(&id);
        let now = me.ctx.now();
        let is_pupil = pupil == me.info.account;
        // The teacher does not see a draft.
        let hand_in = found
            .as_ref()
            .map(|f| f.hand_in.clone())
            .filter(|h| is_pupil || !matches!(h, HandIn::Draft { .. }));
        let current = found
            .as_ref()
            .map_or_else(|| HandIn::draft(Work::default()), |f| f.hand_in.clone());
        let probe = Work::new(Some("-".into()), vec![]).unwrap_or_default();
        let may_hand_in =
            is_pupil && !stored.removed && current.hand_in(&stored.homework, probe, now).is_ok();
        Ok(MyWork {
            status: pupil_status(
                &stored.homework,
                found.as_ref().map(|f| &f.hand_in),
                done,
                now,
            ),
            deadline: stored.homework.deadline(),
            homework: shown(stored),
            hand_in,
            next_draft: found.and_then(|f| f.next_draft).filter(|_| is_pupil),
            done,
            may_hand_in,
        })
    }

    /// The files named, each the caller's own upload for `usage` in the homework's school (a
    /// pupil's for a hand-in, a teacher's annotated copies), as a hand-in records them.
    pub(crate) async fn own_files(
        me: &Me,
        stored: &StoredHomework,
        files: &[FileId],
        usage: FileUse,
    ) -> Result<Vec<HandedFile>, HomeworkError> {
        let mut handed = Vec::with_capacity(files.len());
        for id in files {
            match me.ctx.store.file(id).await? {
                Some(f)
                    if f.owner == Some(me.info.account)
                        && f.usage == usage
                        && f.school == stored.place.school =>
                {
                    handed.push(HandedFile {
                        name: f.name.unwrap_or_else(|| f.id.to_string()),
                        file: f.id,
                        kind: f.kind,
                        size: f.size,
                    });
                }
                _ => return Err(HomeworkProblem::FileNotYours.into()),
            }
        }
        Ok(handed)
    }

    pub(crate) async fn write(
        id: HomeworkId,
        text: Option<String>,
        files: Vec<FileId>,
        kind: Write,
    ) -> Result<(), HomeworkError> {
        let what = match kind {
            Write::Draft => "homework/save_draft",
            Write::HandIn => "homework/hand_in",
        };
        let me = crate::api::gate::me(what).await?;
        let pupil = me.info.account;
        let stored = homework_for(&me, what, id, pupil, true).await?;
        let files = own_files(&me, &stored, &files, FileUse::HandIn).await?;
        let work = Work::new(text, files).map_err(HomeworkProblem::WorkOutsideLimits)?;
        let store = &me.ctx.store;
        let now = me.ctx.now();
        retrying(|| {
            let (work, stored) = (&work, &stored);
            async move {
                let found = store.hand_in_of(id, pupil).await?;
                let expected = found.as_ref().map(|f| f.version);
                let current = found
                    .as_ref()
                    .map_or_else(|| HandIn::draft(Work::default()), |f| f.hand_in.clone());
                let refused =
                    |e: HandInError| HomeworkError::from(HomeworkProblem::HandInRefused(e));
                let (hand_in, next_draft) = match kind {
                    Write::HandIn => (
                        current
                            .hand_in(&stored.homework, work.clone(), now)
                            .map_err(refused)?,
                        None,
                    ),
                    Write::Draft => match current {
                        HandIn::Draft { .. } => (HandIn::draft(work.clone()), None),
                        HandIn::Returned { .. } => return Err(refused(HandInError::Returned)),
                        handed @ HandIn::HandedIn { .. } => (handed, Some(work.clone())),
                    },
                };
                Ok(store
                    .save_hand_in(HandInWrite {
                        homework: id,
                        pupil,
                        hand_in: &hand_in,
                        next_draft: next_draft.as_ref(),
                        expected,
                        now,
                    })
                    .await
                    .map(|_| ()))
            }
        })
        .await
    }

    pub(crate) async fn tick(id: HomeworkId, done: bool) -> Result<(), HomeworkError> {
        let what = "homework/tick";
        let me = crate::api::gate::me(what).await?;
        let pupil = me.info.account;
        homework_for(&me, what, id, pupil, true).await?;
        me.ctx
            .store
            .set_done(id, pupil, done.then(|| me.ctx.now()))
            .await?;
        Ok(())
    }
}

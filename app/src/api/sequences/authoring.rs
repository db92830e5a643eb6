//! A teacher's own sequences: list, open, write, change, publish to the library, delete and undo
//! the deletion. A sequence of someone else answers like one that does not exist.

use super::{AuthoredSequence, SequenceError, SequenceSummary};
use domain::ids::{SchoolId, SequenceId};
use domain::sequence::Sequence;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "sequences/mine", input = Json)]
pub async fn my_sequences(school: SchoolId) -> Result<Vec<SequenceSummary>, SequenceError> {
    use domain::authz::sequences::Action;
    let what = "sequences/mine";
    let me = crate::api::gate::me(what).await?;
    me.may(Action::Author(school), what).await?;
    Ok(me.ctx.store.sequences_of(me.info.account, school).await?)
}

#[server(endpoint = "sequences/get", input = Json)]
pub async fn get_sequence(id: SequenceId) -> Result<AuthoredSequence, SequenceError> {
    let (me, stored) = server::editable("sequences/get", id).await?;
    let given = me.ctx.store.sequence_given(id).await?;
    Ok(AuthoredSequence {
        id,
        school: stored.facts.school,
        sequence: stored.sequence,
        published: stored.facts.published,
        deleted: stored.deleted,
        given,
    })
}

#[server(endpoint = "sequences/create", input = Json)]
pub async fn create_sequence(
    school: SchoolId,
    sequence: Sequence,
) -> Result<SequenceId, SequenceError> {
    use domain::authz::sequences::Action;
    let what = "sequences/create";
    let me = crate::api::gate::me(what).await?;
    me.may(Action::Author(school), what).await?;
    server::check(&me, school, &sequence).await?;
    let facts = domain::authz::sequences::SequenceFacts {
        school,
        owner: Some(me.info.account),
        published: false,
        licence: sequence.licence,
    };
    let files = server::new_files(&me, &sequence, &facts, &[]).await?;
    let id = me
        .ctx
        .store
        .create_sequence(school, me.info.account, &sequence, me.ctx.now())
        .await?;
    me.ctx
        .store
        .use_files(crate::ports::FileUser::Sequence(id), &files)
        .await?;
    Ok(id)
}

/// Saves the sequence as written. Groups it was given to keep the steps they were given.
#[server(endpoint = "sequences/save", input = Json)]
pub async fn save_sequence(id: SequenceId, sequence: Sequence) -> Result<(), SequenceError> {
    let what = "sequences/save";
    let (me, stored) = server::editable(what, id).await?;
    if stored.deleted {
        return Err(crate::error::AppError::NotFound.into());
    }
    server::check(&me, stored.facts.school, &sequence).await?;
    let user = crate::ports::FileUser::Sequence(id);
    let used = me.ctx.store.files_used(user).await?;
    let files = server::new_files(&me, &sequence, &stored.facts, &used).await?;
    // Credits are the library's record of whose work this is: the editor cannot drop them.
    let mut sequence = sequence;
    sequence.credits = stored.sequence.credits;
    if stored.facts.published && !sequence.licence.shareable() {
        return Err(super::SequenceProblem::Licence.into());
    }
    me.ctx
        .store
        .save_sequence(id, &sequence, me.ctx.now())
        .await?;
    me.ctx.store.use_files(user, &files).await?;
    Ok(())
}

/// Publishes the sequence to the library (`published`) or takes it out. Only a Creative
/// Commons sequence is published.
#[server(endpoint = "sequences/publish", input = Json)]
pub async fn publish_sequence(id: SequenceId, published: bool) -> Result<(), SequenceError> {
    let (me, stored) = server::editable("sequences/publish", id).await?;
    if stored.deleted {
        return Err(crate::error::AppError::NotFound.into());
    }
    if published && !stored.sequence.licence.shareable() {
        return Err(super::SequenceProblem::Licence.into());
    }
    let when = published.then(|| me.ctx.now());
    me.ctx.store.set_sequence_published(id, when).await?;
    Ok(())
}

/// Deletes a sequence (`deleted`) or undoes the deletion. A deleted sequence leaves the library
/// and the pupils' lists; their work stays.
#[server(endpoint = "sequences/delete", input = Json)]
pub async fn delete_sequence(id: SequenceId, deleted: bool) -> Result<(), SequenceError> {
    let (me, _) = server::editable("sequences/delete", id).await?;
    let when = deleted.then(|| me.ctx.now());
    me.ctx.store.set_sequence_deleted(id, when).await?;
    Ok(())
}

#[cfg(feature = "ssr")]
pub(super) mod server {
    use crate::api::gate::Me;
    use crate::api::sequences::SequenceProblem;
    use crate::error::AppError;
    use crate::ports::StoredSequence;
    use domain::authz::authorize;
    use domain::authz::files;
    use domain::authz::sequences::{Action, SequenceFacts};
    use domain::file::FileId;
    use domain::ids::{SchoolId, SequenceId};
    use domain::sequence::{Sequence, StepBody};

    /// The caller, who must be the sequence's author; an unknown id answers as a forbidden one.
    pub async fn editable(what: &str, id: SequenceId) -> Result<(Me, StoredSequence), AppError> {
        let me = crate::api::gate::me(what).await?;
        let Some(stored) = me.ctx.store.sequence(id).await? else {
            return Err(me.refuse(what, None).await);
        };
        me.may(Action::Edit(&stored.facts), what).await?;
        Ok((me, stored))
    }

    /// A sequence with problems is refused with every problem; so is one whose exercise steps
    /// give exercises that are not the author's own, live, in the sequence's school.
    pub async fn check(
        me: &Me,
        school: SchoolId,
        sequence: &Sequence,
    ) -> Result<(), crate::api::sequences::SequenceError> {
        let problems = sequence.problems();
        if !problems.is_empty() {
            return Err(SequenceProblem::Problems(problems).into());
        }
        let usable = me
            .ctx
            .store
            .usable_exercises(me.info.account, school, &sequence.exercises())
            .await?;
        let foreign: Vec<_> = sequence
            .steps
            .iter()
            .filter(|step| {
                matches!(step.body, StepBody::Exercise { exercise } if !usable.contains(&exercise))
            })
            .map(|step| step.id)
            .collect();
        if foreign.is_empty() {
            Ok(())
        } else {
            Err(SequenceProblem::Exercises(foreign).into())
        }
    }

    /// The stored files the sequence names and does not use yet, which giving it shares with
    /// its pupils (and publishing, with the library's readers): each must be the author's own,
    /// uploaded in the sequence's school. A file step must also say the kind its file really is,
    /// which decides how pupils' pages show it. Otherwise the sequence is refused, naming them.
    pub async fn new_files(
        me: &Me,
        sequence: &Sequence,
        facts: &SequenceFacts,
        used: &[FileId],
    ) -> Result<Vec<FileId>, crate::api::sequences::SequenceError> {
        let mut miskinded = vec![];
        for step in &sequence.steps {
            if let StepBody::File { file, kind } = &step.body
                && me.ctx.store.file(file).await?.map(|f| f.kind) != Some(*kind)
            {
                miskinded.push(file.clone());
            }
        }
        let usable = crate::api::files::new_files(
            me,
            "sequences",
            facts.school,
            sequence.files(),
            used,
            |file| {
                authorize(
                    &me.caller,
                    files::Action::UseInSequence {
                        file,
                        sequence: facts,
                    },
                )
                .is_ok()
            },
        )
        .await?;
        match usable {
            Ok(usable) if miskinded.is_empty() => Ok(usable),
            Ok(_) => Err(SequenceProblem::Files(miskinded).into()),
            Err(mut refused) => {
                refused.extend(miskinded);
                refused.sort();
                refused.dedup();
                Err(SequenceProblem::Files(refused).into())
            }
        }
    }
}

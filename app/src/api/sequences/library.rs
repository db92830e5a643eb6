//! The library shared by the teachers of every school of the instance: published Creative
//! Commons sequences, searched by discipline, level, language and text, read, and copied into
//! one's own space with their exercises, crediting their authors. A copy is the copier's own;
//! nothing done to it reaches the original.

use super::{LibraryEntry, LibraryQuery, PublishedSequence, SequenceError};
use domain::ids::{SchoolId, SequenceId};
use domain::sequence::Licence;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The most entries one search answers: enough to choose from, small enough to stay fast.
pub const LIBRARY_PAGE: u32 = 50;

#[server(endpoint = "sequences/library", input = Json)]
pub async fn search_library(query: LibraryQuery) -> Result<Vec<LibraryEntry>, SequenceError> {
    use domain::authz::sequences::Action;
    let what = "sequences/library";
    let me = crate::api::gate::me(what).await?;
    me.may(Action::Browse, what).await?;
    let text = domain::sequence::search_key(&query.text);
    Ok(me.ctx.store.library(&text, &query, LIBRARY_PAGE).await?)
}

/// A published sequence, steps and lessons included, to read before copying it.
#[server(endpoint = "sequences/published", input = Json)]
pub async fn read_published(id: SequenceId) -> Result<PublishedSequence, SequenceError> {
    let (me, _) = server::readable("sequences/published", id).await?;
    let Some(found) = me.ctx.store.published(id).await? else {
        return Err(crate::error::AppError::NotFound.into());
    };
    Ok(found)
}

/// Copies a published sequence and its exercises into `school`, under `licence` (which the
/// original's must allow); answers the copy.
#[server(endpoint = "sequences/copy", input = Json)]
pub async fn copy_sequence(
    id: SequenceId,
    school: SchoolId,
    licence: Licence,
) -> Result<SequenceId, SequenceError> {
    use domain::authz::sequences::Action;
    let what = "sequences/copy";
    let (me, stored) = server::readable(what, id).await?;
    me.may(Action::Author(school), what).await?;
    if !stored.sequence.licence.allows_copy_under(licence) {
        return Err(super::SequenceProblem::Licence.into());
    }
    match me
        .ctx
        .store
        .copy_sequence(id, school, me.info.account, licence, me.ctx.now())
        .await?
    {
        Some(copy) => Ok(copy),
        // The original changed licence between the check and the copy.
        None => Err(super::SequenceProblem::Licence.into()),
    }
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::gate::Me;
    use crate::error::AppError;
    use crate::ports::StoredSequence;
    use domain::authz::sequences::Action;
    use domain::ids::SequenceId;

    /// The caller, who may read the sequence from the library (or is its author).
    pub async fn readable(what: &str, id: SequenceId) -> Result<(Me, StoredSequence), AppError> {
        let me = crate::api::gate::me(what).await?;
        let Some(stored) = me.ctx.store.sequence(id).await? else {
            return Err(me.refuse(what, None).await);
        };
        if stored.deleted {
            return Err(me.refuse(what, Some(stored.facts.school)).await);
        }
        me.may(Action::ReadPublished(&stored.facts), what).await?;
        Ok((me, stored))
    }
}

//! The usage charter: read, accept, publish a new version.

use crate::error::AppError;
use domain::charter::CharterVersion;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// One version of the charter, written in both languages of the interface.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charter {
    pub version: CharterVersion,
    pub body_fr: String,
    pub body_co: String,
}

impl Charter {
    pub fn body(&self, lang: domain::lang::Lang) -> &str {
        match lang {
            domain::lang::Lang::Fr => &self.body_fr,
            domain::lang::Lang::Co => &self.body_co,
        }
    }
}

/// The current charter; any signed-in person may read it, even before accepting it.
#[server(endpoint = "charter/current", input = Json)]
pub async fn current_charter() -> Result<Option<Charter>, AppError> {
    let me = super::gate::session("charter/current").await?;
    Ok(me.ctx.store.current_charter().await?)
}

/// Accepts the version the person read. Accepting an outdated version does not count.
#[server(endpoint = "charter/accept", input = Json)]
pub async fn accept_charter(version: CharterVersion) -> Result<(), AppError> {
    let me = super::gate::session("charter/accept").await?;
    if me.info.must_change_password {
        return Err(AppError::PasswordChangeRequired);
    }
    let current = me
        .ctx
        .store
        .current_charter()
        .await?
        .ok_or(AppError::NotFound)?;
    if current.version != version {
        return Err(AppError::NotFound);
    }
    me.ctx
        .store
        .accept_charter(me.info.account, version, me.ctx.now())
        .await?;
    me.audit(
        domain::audit::AuditKind::CharterAccepted,
        None,
        &format!("version {}", version.get()),
    )
    .await;
    Ok(())
}

/// Publishes a new version; everyone will be asked to accept it at their next request.
#[server(endpoint = "charter/publish", input = Json)]
pub async fn publish_charter(body_fr: String, body_co: String) -> Result<CharterVersion, AppError> {
    use crate::error::{Field, FieldError, Problem};
    use domain::charter::MAX_BODY_CHARS;
    let me = super::gate::me("charter/publish").await?;
    me.may(domain::authz::charter::Action::Publish, "charter/publish")
        .await?;
    let check = |body: &str| {
        if body.trim().is_empty() {
            Some(Problem::Required)
        } else if body.chars().count() > MAX_BODY_CHARS {
            Some(Problem::TooLong)
        } else {
            None
        }
    };
    // Both languages are required: a Corsican reader must never get a French-only charter.
    let errors: Vec<FieldError> = [(Field::BodyFr, &body_fr), (Field::BodyCo, &body_co)]
        .into_iter()
        .filter_map(|(field, body)| check(body).map(|problem| FieldError { field, problem }))
        .collect();
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let version = me
        .ctx
        .store
        .publish_charter(body_fr, body_co, me.info.account, me.ctx.now())
        .await?;
    me.audit(
        domain::audit::AuditKind::CharterPublished,
        None,
        &format!("version {}", version.get()),
    )
    .await;
    Ok(version)
}

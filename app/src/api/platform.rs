//! Platform administration: the establishments of the instance.

use crate::error::AppError;
use domain::ids::SchoolId;
use domain::school::SchoolKind;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolRow {
    pub id: SchoolId,
    pub uai: String,
    pub name: String,
    pub kind: SchoolKind,
    /// How many people hold a role there.
    pub people: i64,
}

#[server(endpoint = "platform/schools", input = Json)]
pub async fn list_schools() -> Result<Vec<SchoolRow>, AppError> {
    let me = super::gate::me("platform/schools").await?;
    me.may(
        domain::authz::platform::Action::ManageSchools,
        "platform/schools",
    )
    .await?;
    Ok(me.ctx.store.all_schools().await?)
}

/// Creates an establishment; its first admin is then created from its administration page.
#[server(endpoint = "platform/create_school", input = Json)]
pub async fn create_school(uai: String, name: String, kind: String) -> Result<SchoolId, AppError> {
    use crate::error::{Field, FieldError, Problem};
    use domain::school::{Label, Uai};
    let me = super::gate::me("platform/create_school").await?;
    me.may(
        domain::authz::platform::Action::ManageSchools,
        "platform/create_school",
    )
    .await?;
    let uai = Uai::try_from(uai);
    let name = Label::try_from(name);
    let kind = kind.parse::<SchoolKind>();
    let (uai, name, kind) = match (uai, name, kind) {
        (Ok(u), Ok(n), Ok(k)) => (u, n, k),
        (u, n, k) => {
            let errors = [
                (Field::Uai, u.err()),
                (Field::Name, n.err()),
                (Field::Kind, k.err()),
            ]
            .into_iter()
            .filter_map(|(field, e)| {
                e.map(|e| FieldError {
                    field,
                    problem: Problem::School(e),
                })
            })
            .collect();
            return Err(AppError::Invalid(errors));
        }
    };
    let id = match me.ctx.store.create_school(&uai, &name, kind).await {
        Err(crate::ports::StoreError::Conflict) => {
            return Err(AppError::field(Field::Uai, Problem::Taken));
        }
        other => other?,
    };
    me.audit(
        domain::audit::AuditKind::SchoolCreated,
        Some(id),
        &format!("{uai} {}", name.as_str()),
    )
    .await;
    Ok(id)
}

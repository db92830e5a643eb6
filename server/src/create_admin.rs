//! `server create-admin LOGIN`: the first platform administrator of a real instance, so that
//! nobody ever needs the demo (whose password is public) to start one.

use crate::db::Db;
use app::ports::{AuditEvent, AuditLog};
use domain::account::{InvalidAccount, PersonName, Username};
use domain::audit::AuditKind;
use domain::auth::password::PasswordProblem;
use domain::ids::AccountId;
use domain::time::Timestamp;

crate::db::sql::statements! {
    /// Already chosen by its owner: no change asked at first sign-in (the charter still is).
    CREATE_ADMIN = "INSERT INTO accounts (username, first_name, last_name, password_hash, \
        must_change_password, lang, platform_admin, created_at) \
        VALUES ($1, $2, $3, $4, 0, 'fr', 1, $5) ON CONFLICT (username) DO NOTHING RETURNING id";
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: i64,
}

/// Who the new administrator is.
pub struct NewAdmin<'a> {
    pub login: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub password: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateAdminError {
    #[error("login name {0:?}: {1}")]
    Login(String, InvalidAccount),
    #[error("name {0:?}: {1}")]
    Name(String, InvalidAccount),
    #[error("password refused: {0}; choose a longer passphrase")]
    Password(PasswordProblem),
    #[error("the account {0} exists already: nothing changed")]
    Exists(String),
    #[error("password hashing: {0}")]
    Hash(String),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

/// Creates the account as a platform administrator with the password given (already chosen by
/// its owner: no change asked at first sign-in; the charter still is). Refuses weak passwords
/// and existing login names, and writes the creation to the audit trail.
pub async fn create_admin(
    db: &Db,
    new: &NewAdmin<'_>,
    now: Timestamp,
) -> Result<AccountId, CreateAdminError> {
    let login = Username::try_from(new.login.to_owned())
        .map_err(|e| CreateAdminError::Login(new.login.to_owned(), e))?;
    let name = |text: &str| {
        PersonName::try_from(text.to_owned()).map_err(|e| CreateAdminError::Name(text.into(), e))
    };
    let (first, last) = (name(new.first_name)?, name(new.last_name)?);
    domain::auth::password::check(
        new.password,
        None,
        &[login.as_str(), first.as_str(), last.as_str()],
    )
    .map_err(CreateAdminError::Password)?;
    let hash = crate::passwords::hash_now(new.password)
        .map_err(|e| CreateAdminError::Hash(e.to_string()))?;
    let row: Option<IdRow> = CREATE_ADMIN
        .query_as()
        .bind(login.as_str())
        .bind(first.as_str())
        .bind(last.as_str())
        .bind(hash)
        .bind(now.unix())
        .fetch_optional(db.writer())
        .await?;
    let Some(row) = row else {
        return Err(CreateAdminError::Exists(login.to_string()));
    };
    let account = AccountId::new(row.id);
    let event = AuditEvent {
        at: now,
        kind: AuditKind::AccountCreated,
        account: Some(account),
        username: Some(login.to_string()),
        school: None,
        ip: "local".into(),
        detail: "platform administrator created by `server create-admin`".into(),
    };
    if let Err(e) = db.record(event).await {
        tracing::error!(error = %e, "audit entry lost");
    }
    Ok(account)
}

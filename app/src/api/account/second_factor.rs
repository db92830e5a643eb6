//! Two-factor sign-in (TOTP) from "my account": enrolment and removal. Any account may enrol (a
//! parent or teacher protects their children's data the same way); `SCOLA_ADMIN_2FA=required`
//! makes administrators enrol before anything else. The code step of a sign-in is
//! `api::auth::second_factor`.

#[cfg(feature = "ssr")]
use crate::api::auth::second_factor::codes;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// What the enrolment screen shows: scan the QR code or type the secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// The secret in base32, for apps that cannot scan.
    pub secret: String,
    /// The `otpauth://` address as a QR code, an SVG `data:` URL drawn on the server.
    pub qr: String,
}

/// Starts (or restarts) enrolment: a fresh secret, unconfirmed until a right code.
#[server(endpoint = "account/second_factor/begin", input = Json)]
pub async fn begin_second_factor() -> Result<Enrolment, AppError> {
    use crate::error::{Field, Problem};
    let me = crate::api::gate::session("account/second_factor/begin").await?;
    let secret = codes::new_secret();
    let begun = me
        .ctx
        .store
        .begin_second_factor(me.info.account, &secret, me.ctx.now())
        .await?;
    if !begun {
        return Err(AppError::field(Field::Code, Problem::AlreadyEnrolled));
    }
    let qr = codes::qr_data_url(&codes::totp(&secret, &me.info.username)?)?;
    Ok(Enrolment { secret, qr })
}

/// Confirms enrolment with a first code; answers the recovery codes, shown once.
#[server(endpoint = "account/second_factor/confirm", input = Json)]
pub async fn confirm_second_factor(code: String) -> Result<Vec<String>, AppError> {
    use crate::error::{Field, Problem};
    use domain::auth::second_factor::Code;
    let me = crate::api::gate::session("account/second_factor/confirm").await?;
    let account = me.info.account;
    let now = me.ctx.now();
    let Some(factor) = me.ctx.store.second_factor(account).await? else {
        return Err(AppError::NotFound);
    };
    if factor.confirmed {
        return Err(AppError::field(Field::Code, Problem::AlreadyEnrolled));
    }
    codes::count_attempt(&me.ctx, account).await?;
    let totp = codes::totp(&factor.secret, &me.info.username)?;
    let step = match Code::parse(&code) {
        Some(Code::Totp(digits)) => totp.check(&digits, codes::unix(now)),
        _ => None,
    };
    let Some(step) = step else {
        return Err(AppError::field(Field::Code, Problem::WrongCode));
    };
    let codes = codes::recovery_codes();
    if !me
        .ctx
        .store
        .confirm_second_factor(account, step, &codes)
        .await?
    {
        return Err(AppError::field(Field::Code, Problem::WrongCode));
    }
    me.ctx.store.clear_code_attempts(account).await?;
    me.audit(
        domain::audit::AuditKind::AccountUpdated,
        None,
        "second factor enrolled",
    )
    .await;
    Ok(codes)
}

/// Removes one's second factor; needs a current code (or a recovery code).
#[server(endpoint = "account/second_factor/disable", input = Json)]
pub async fn disable_second_factor(code: String) -> Result<(), AppError> {
    let me = crate::api::gate::session("account/second_factor/disable").await?;
    let account = me.info.account;
    let Some(factor) = me
        .ctx
        .store
        .second_factor(account)
        .await?
        .filter(|f| f.confirmed)
    else {
        return Err(AppError::NotFound);
    };
    codes::verify(&me.ctx, account, &me.info.username, &factor.secret, &code).await?;
    me.ctx.store.remove_second_factor(account).await?;
    me.audit(
        domain::audit::AuditKind::AccountUpdated,
        None,
        "second factor removed",
    )
    .await;
    Ok(())
}

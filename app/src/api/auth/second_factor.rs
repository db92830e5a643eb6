//! The code step of a two-factor sign-in (TOTP), after a right password; enrolment and removal
//! are in `api::account::second_factor`.
//!
//! The secret, the QR code and the HMAC stay on the server: the browser gets an SVG data URL and
//! the secret's text, and the wasm carries no TOTP code.

use super::SessionInfo;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Completes a sign-in whose password was right: `pending` is the token `auth/login` answered
/// with [`AppError::SecondFactorRequired`], `code` six digits or a recovery code.
#[server(endpoint = "auth/second_factor", input = Json)]
pub async fn second_factor(pending: String, code: String) -> Result<SessionInfo, AppError> {
    use domain::audit::AuditKind;
    let (ctx, meta) = crate::api::gate::ctx()?;
    let now = ctx.now();
    let Some(found) = ctx.store.pending(&pending, now).await? else {
        return Err(AppError::SignInRequired);
    };
    let account = found.account;
    let Some(info) = ctx.store.session_info(account).await? else {
        return Err(AppError::SignInRequired);
    };
    let Some(factor) = ctx
        .store
        .second_factor(account)
        .await?
        .filter(|f| f.confirmed)
    else {
        return Err(AppError::SignInRequired);
    };
    if let Err(e) = codes::verify(&ctx, account, &info.username, &factor.secret, &code).await {
        crate::api::gate::audit(
            &ctx,
            &meta,
            AuditKind::SignInFailed,
            Some(&info),
            None,
            "second factor",
        )
        .await;
        return Err(e);
    }
    // Taken once: two right codes sent at once open one session.
    if !ctx.store.close_pending(&pending).await? {
        return Err(AppError::SignInRequired);
    }
    let account = super::SignInAccount {
        account,
        one_time_password_expires: super::one_time_password_expiry(&ctx, account).await?,
    };
    super::open_session(&ctx, &meta, account, found.lang).await
}

/// After a right password: when the account has a second factor, a pending sign-in is opened and
/// answered as [`AppError::SecondFactorRequired`] instead of a session.
#[cfg(feature = "ssr")]
pub(crate) async fn challenge(
    ctx: &crate::ports::ServerCtx,
    account: domain::ids::AccountId,
    lang: Option<domain::lang::Lang>,
    now: domain::time::Timestamp,
) -> Result<(), AppError> {
    let enrolled = ctx
        .store
        .second_factor(account)
        .await?
        .is_some_and(|f| f.confirmed);
    if !enrolled {
        return Ok(());
    }
    let pending = ctx
        .store
        .open_pending(
            account,
            lang,
            now.plus_seconds(domain::auth::second_factor::PENDING_SECONDS),
        )
        .await?;
    Err(AppError::SecondFactorRequired { pending })
}

/// Fills what a session's info says about idleness and enrolment, from the settings.
#[cfg(feature = "ssr")]
pub(crate) async fn complete_info(
    ctx: &crate::ports::ServerCtx,
    info: &mut SessionInfo,
) -> Result<(), AppError> {
    use domain::auth::second_factor::{AdminPolicy, must_enrol};
    info.idle_seconds = ctx.idle.seconds();
    info.must_enrol_second_factor = ctx.admin_second_factor == AdminPolicy::Required
        && must_enrol(
            ctx.admin_second_factor,
            ctx.store.is_administrator(info.account).await?,
            info.second_factor,
        );
    Ok(())
}

/// The TOTP computations, the QR code and the random codes: server only.
#[cfg(feature = "ssr")]
pub(crate) mod codes {
    use crate::error::{AppError, Field, Problem};
    use crate::ports::ServerCtx;
    use domain::auth::second_factor::{
        Code, DIGITS, RECOVERY_CODE_CHARS, RECOVERY_CODES, STEP_SECONDS,
    };
    use domain::ids::AccountId;
    use domain::time::Timestamp;
    use rand::RngCore;
    use totp_rs::{Algorithm, Builder, Secret, Totp};

    /// 160 random bits, as RFC 4226 recommends, in base32.
    pub fn new_secret() -> String {
        let mut bytes = [0u8; 20];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Secret::new_stack(bytes).to_base32()
    }

    pub fn totp(secret: &str, username: &str) -> Result<Totp, AppError> {
        let secret = Secret::try_from_base32(secret).map_err(|_| AppError::Internal)?;
        Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(u8::try_from(DIGITS).map_err(|_| AppError::Internal)?)
            .with_skew(1)
            .with_step_duration(STEP_SECONDS)
            .with_secret(secret)
            .with_issuer(Some("Scola"))
            .with_account_name(username)
            .build()
            .map_err(|_| AppError::Internal)
    }

    pub fn unix(now: Timestamp) -> u64 {
        u64::try_from(now.unix()).unwrap_or(0)
    }

    /// The `otpauth://` address drawn as an SVG QR code, in a `data:` URL an `<img>` can show
    /// (the CSP allows `data:` images, never scripts).
    pub fn qr_data_url(totp: &Totp) -> Result<String, AppError> {
        use base64::Engine;
        let url = totp.to_url().map_err(|_| AppError::Internal)?;
        let code = qrcode::QrCode::new(url.as_bytes()).map_err(|_| AppError::Internal)?;
        let svg = code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(220, 220)
            .quiet_zone(true)
            .build();
        Ok(format!(
            "data:image/svg+xml;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(svg)
        ))
    }

    pub fn recovery_codes() -> Vec<String> {
        (0..RECOVERY_CODES)
            .map(|_| {
                let mut random = [0u8; RECOVERY_CODE_CHARS];
                rand::rngs::OsRng.fill_bytes(&mut random);
                domain::auth::second_factor::recovery_code(&random)
            })
            .collect()
    }

    /// Counts the attempt before checking it (so parallel guesses all count) and refuses it while
    /// the account's codes are locked by earlier wrong ones.
    pub async fn count_attempt(ctx: &ServerCtx, account: AccountId) -> Result<(), AppError> {
        let now = ctx.now();
        match ctx.store.count_code_attempt(account, now).await? {
            Some(counted) => Ok(domain::auth::throttle::SECOND_FACTOR.check(counted, now)?),
            None => Ok(()),
        }
    }

    /// Checks a typed code against an enrolled secret: a TOTP code of a step never used before,
    /// or an unused recovery code (then used up). Wrong codes are throttled like passwords.
    pub async fn verify(
        ctx: &ServerCtx,
        account: AccountId,
        username: &str,
        secret: &str,
        typed: &str,
    ) -> Result<(), AppError> {
        count_attempt(ctx, account).await?;
        let right = match Code::parse(typed) {
            Some(Code::Totp(digits)) => {
                match totp(secret, username)?.check(&digits, unix(ctx.now())) {
                    Some(step) => ctx.store.use_step(account, step).await?,
                    None => false,
                }
            }
            Some(Code::Recovery(code)) => ctx.store.use_recovery_code(account, &code).await?,
            None => false,
        };
        if !right {
            return Err(AppError::field(Field::Code, Problem::WrongCode));
        }
        ctx.store.clear_code_attempts(account).await?;
        Ok(())
    }
}

//! Sign-in, sign-out, passwords and the language preference.

pub mod second_factor;

use crate::error::AppError;
use domain::charter::CharterVersion;
use domain::ids::AccountId;
use domain::lang::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// Who is signed in, and what they must do before anything else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub account: AccountId,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub lang: Lang,
    pub platform_admin: bool,
    pub must_change_password: bool,
    pub charter_accepted: Option<CharterVersion>,
    pub must_accept_charter: bool,
    /// Seconds a session may go unused; the app warns before.
    #[serde(default)]
    pub idle_seconds: i64,
    /// Sign-in asks this account for a code after the password.
    #[serde(default)]
    pub second_factor: bool,
    /// An administrator who must enrol a second factor before anything else.
    #[serde(default)]
    pub must_enrol_second_factor: bool,
}

/// The cookie holding the session token (HttpOnly: scripts never see it), over plain http.
pub const SESSION_COOKIE_NAME: &str = "scola_session";
/// Its name over https: `__Host-` makes the browser refuse it unless Secure, for this host only
/// and for the whole site, so a sibling subdomain cannot plant or shadow it.
pub const SECURE_SESSION_COOKIE_NAME: &str = "__Host-scola_session";

/// The session cookie's name for an instance served over https or not.
pub const fn session_cookie_name(https: bool) -> &'static str {
    if https {
        SECURE_SESSION_COOKIE_NAME
    } else {
        SESSION_COOKIE_NAME
    }
}

/// The session of this browser, if any. Never an error for an anonymous visitor.
#[server(endpoint = "auth/session", input = Json)]
pub async fn current_session() -> Result<Option<SessionInfo>, AppError> {
    Ok(super::gate::signed_in().await?.map(|me| me.info))
}

/// Signs in. `lang` is the language picked on the sign-in page, if any: it becomes the account's.
#[server(endpoint = "auth/login", input = Json)]
pub async fn login(
    username: String,
    password: String,
    #[server(default)] lang: Option<Lang>,
) -> Result<SessionInfo, AppError> {
    use crate::error::{Field, Problem};
    use domain::account::Username;
    use domain::audit::AuditKind;
    use domain::throttle::Failures;

    let (ctx, meta) = super::gate::ctx()?;
    let audit = |kind, detail: String| {
        let (ctx, meta) = (ctx.clone(), meta.clone());
        async move {
            super::gate::audit(&ctx, &meta, kind, None, None, &detail).await;
        }
    };
    if password.is_empty() {
        return Err(AppError::field(Field::Password, Problem::Required));
    }
    // A name that cannot exist is treated like a wrong password: same answer, same cost.
    let Ok(name) = Username::try_from(username.clone()) else {
        let _ = ctx.passwords.verify(password, None).await?;
        audit(
            AuditKind::SignInFailed,
            format!("login name: {username:.64}"),
        )
        .await;
        return Err(AppError::BadCredentials);
    };
    let now = ctx.now();
    let failures = ctx.store.failures(&name).await?;
    if let Err(locked) = Failures::check(failures, now) {
        audit(AuditKind::SignInLocked, format!("login name: {name}")).await;
        return Err(AppError::Locked {
            retry_after_seconds: locked.retry_after_seconds,
        });
    }
    let credentials = ctx.store.credentials(&name).await?;
    let hash = credentials.as_ref().map(|c| c.password_hash.clone());
    let valid = ctx.passwords.verify(password, hash).await?;
    let Some(credentials) = credentials.filter(|_| valid) else {
        let failures = Failures::after_failure(failures, now);
        ctx.store.set_failures(&name, Some(failures)).await?;
        audit(AuditKind::SignInFailed, format!("login name: {name}")).await;
        return Err(match Failures::check(Some(failures), now) {
            Err(locked) => AppError::Locked {
                retry_after_seconds: locked.retry_after_seconds,
            },
            Ok(()) => AppError::BadCredentials,
        });
    };
    ctx.store.set_failures(&name, None).await?;
    // Accounts with a second factor get a pending sign-in, not a session, until their code.
    second_factor::challenge(&ctx, credentials.account, lang, now).await?;
    // A fresh token at every sign-in: a token planted before sign-in is worth nothing.
    if let Some(old) = meta.session_token.as_deref() {
        ctx.store.close_session(old).await?;
    }
    let token = ctx
        .store
        .open_session(
            credentials.account,
            now,
            now.plus_seconds(ctx.session_seconds),
            &meta.ip,
            &meta.user_agent,
        )
        .await?;
    set_session_cookie(&ctx, Some(&token));
    if let Some(lang) = lang {
        ctx.store.set_lang(credentials.account, lang).await?;
    }
    let mut info = ctx
        .store
        .session_info(credentials.account)
        .await?
        .ok_or(AppError::Internal)?;
    let current = ctx.store.current_charter().await?.map(|c| c.version);
    info.must_accept_charter = domain::charter::must_accept(info.charter_accepted, current);
    second_factor::complete_info(&ctx, &mut info).await?;
    super::gate::audit(&ctx, &meta, AuditKind::SignIn, Some(&info), None, "").await;
    Ok(info)
}

#[server(endpoint = "auth/logout", input = Json)]
pub async fn logout() -> Result<(), AppError> {
    let me = super::gate::session("auth/logout").await?;
    if let Some(token) = me.meta.session_token.as_deref() {
        me.ctx.store.close_session(token).await?;
    }
    set_session_cookie(&me.ctx, None);
    me.audit(domain::audit::AuditKind::SignOut, None, "").await;
    Ok(())
}

/// Replaces the caller's password; ends their other sessions.
#[server(endpoint = "auth/change_password", input = Json)]
pub async fn change_password(current: String, new: String) -> Result<(), AppError> {
    use crate::error::{Field, Problem};
    let me = super::gate::session("auth/change_password").await?;
    let hash = me.ctx.store.password_hash(me.info.account).await?;
    if !me.ctx.passwords.verify(current.clone(), hash).await? {
        return Err(AppError::field(Field::Password, Problem::Mismatch));
    }
    let personal = [
        me.info.username.as_str(),
        me.info.first_name.as_str(),
        me.info.last_name.as_str(),
    ];
    domain::password::check(&new, Some(&current), &personal)
        .map_err(|p| AppError::field(Field::NewPassword, Problem::Password(p)))?;
    let hash = me.ctx.passwords.hash(new).await?;
    me.ctx
        .store
        .set_password(me.info.account, hash, false)
        .await?;
    me.ctx
        .store
        .close_sessions_of(me.info.account, me.meta.session_token.as_deref())
        .await?;
    me.audit(domain::audit::AuditKind::PasswordChanged, None, "")
        .await;
    Ok(())
}

/// Remembers the interface language for the caller's account.
#[server(endpoint = "auth/set_lang", input = Json)]
pub async fn set_lang(lang: Lang) -> Result<(), AppError> {
    let me = super::gate::session("auth/set_lang").await?;
    me.ctx.store.set_lang(me.info.account, lang).await?;
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) fn set_session_cookie(ctx: &crate::ports::ServerCtx, token: Option<&str>) {
    use leptos_axum::ResponseOptions;
    let secure = if ctx.https { "; Secure" } else { "" };
    // `__Host-` cookies must be Secure, Path=/ and carry no Domain; the plain one is the same.
    let name = session_cookie_name(ctx.https);
    let value = match token {
        Some(t) => format!(
            "{name}={t}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            ctx.session_seconds
        ),
        None => format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    };
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        leptos::server_fn::http_export::HeaderValue::from_str(&value),
    ) {
        response.append_header(leptos::server_fn::http_export::header::SET_COOKIE, value);
    }
}

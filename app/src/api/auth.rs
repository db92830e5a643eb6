//! Sign-in, sign-out, passwords and the language preference.

pub mod second_factor;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use domain::audit::AuditKind;
use domain::charter::CharterVersion;
use domain::ids::AccountId;
use domain::lang::Lang;
use domain::time::Timestamp;
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
    /// Until when the one-time password the person signed in with can be used.
    #[serde(default)]
    pub one_time_password_expires: Option<Timestamp>,
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
    let Some(me) = super::gate::signed_in().await? else {
        return Ok(None);
    };
    let mut info = me.info;
    if info.must_change_password {
        info.one_time_password_expires = one_time_password_expiry(&me.ctx, info.account).await?;
    }
    Ok(Some(info))
}

/// Until when the account's one-time password can be used, if it has one.
#[cfg(feature = "ssr")]
pub(crate) async fn one_time_password_expiry(
    ctx: &crate::ports::ServerCtx,
    account: AccountId,
) -> Result<Option<Timestamp>, AppError> {
    let set = ctx.store.one_time_password_set(account).await?;
    Ok(set.map(|set| {
        domain::auth::password::one_time_password_expires(set, ctx.one_time_password_seconds)
    }))
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

    let (ctx, meta) = super::gate::ctx()?;
    if password.is_empty() {
        return Err(AppError::field(Field::Password, Problem::Required));
    }
    let Ok(name) = Username::try_from(username.clone()) else {
        return Err(refuse_malformed_name(&ctx, &meta, &username).await);
    };
    let account = check_credentials(&ctx, &meta, &name, password).await?;
    // Accounts with a second factor get a pending sign-in, not a session, until their code.
    second_factor::challenge(&ctx, account.account, lang, ctx.now()).await?;
    open_session(&ctx, &meta, account, lang).await
}

/// A name that cannot exist is refused without hashing: the format of names is public, so the
/// quicker answer tells nothing. It still counts against the address (spraying is spraying).
#[cfg(feature = "ssr")]
async fn refuse_malformed_name(
    ctx: &crate::ports::ServerCtx,
    meta: &crate::ports::RequestMeta,
    typed: &str,
) -> AppError {
    let now = ctx.now();
    let verdict = match ctx.store.count_malformed_attempt(&meta.ip, now).await {
        Ok(counted) => domain::auth::throttle::check_malformed(counted, now),
        Err(e) => return e.into(),
    };
    if verdict.is_ok()
        && let Err(e) = ctx.store.attempt_failed(None, &meta.ip, now).await
    {
        return e.into();
    }
    let detail = format!("login name: {}", domain::audit::typed_login(typed));
    super::gate::audit(ctx, meta, AuditKind::SignInFailed, None, None, &detail).await;
    match verdict {
        Ok(()) => AppError::BadCredentials,
        Err(locked) => locked.into(),
    }
}

/// The account `name` opens with `password`, once the attempt is counted and allowed.
#[cfg(feature = "ssr")]
async fn check_credentials(
    ctx: &crate::ports::ServerCtx,
    meta: &crate::ports::RequestMeta,
    name: &domain::account::Username,
    password: String,
) -> Result<SignInAccount, AppError> {
    let credentials = ctx.store.credentials(name).await?;
    let hash = credentials.as_ref().map(|c| c.password_hash.clone());
    let valid = throttled_verify(ctx, meta, name, password, hash, None).await?;
    let detail = format!("login name: {name}");
    let Some(credentials) = credentials.filter(|_| valid) else {
        super::gate::audit(ctx, meta, AuditKind::SignInFailed, None, None, &detail).await;
        return Err(AppError::BadCredentials);
    };
    let one_time_password_expires = match credentials.one_time_password_set {
        None => None,
        Some(set) => {
            let valid_for = ctx.one_time_password_seconds;
            if domain::auth::password::one_time_password_usable(set, valid_for, ctx.now()).is_err()
            {
                let detail = format!("{detail}: one-time password expired");
                super::gate::audit(ctx, meta, AuditKind::SignInFailed, None, None, &detail).await;
                return Err(AppError::OneTimePasswordExpired);
            }
            Some(domain::auth::password::one_time_password_expires(
                set, valid_for,
            ))
        }
    };
    Ok(SignInAccount {
        account: credentials.account,
        one_time_password_expires,
    })
}

/// Who signed in, once their password was checked.
#[cfg(feature = "ssr")]
pub(crate) struct SignInAccount {
    pub account: AccountId,
    pub one_time_password_expires: Option<Timestamp>,
}

/// Checks a password typed for `name`'s account (`hash`: its hash, `None` for an unknown name)
/// under the sign-in throttle: the attempt is counted first, atomically, and refused unchecked
/// when a limit says so (`domain::auth::throttle`). Sign-in and password change share it, so neither
/// is a way around the other. `who`: the signed-in person, for the audit trail.
#[cfg(feature = "ssr")]
async fn throttled_verify(
    ctx: &crate::ports::ServerCtx,
    meta: &crate::ports::RequestMeta,
    name: &domain::account::Username,
    password: String,
    hash: Option<String>,
    who: Option<&SessionInfo>,
) -> Result<bool, AppError> {
    let now = ctx.now();
    let attempt = ctx.store.count_attempt(name, &meta.ip, now).await?;
    if let Err(locked) = attempt.check(now) {
        let detail = format!("login name: {name}");
        super::gate::audit(ctx, meta, AuditKind::SignInLocked, who, None, &detail).await;
        return Err(locked.into());
    }
    let valid = ctx.passwords.verify(password, hash).await?;
    if valid {
        ctx.store.attempt_succeeded(name, &meta.ip, now).await?;
    } else {
        ctx.store.attempt_failed(Some(name), &meta.ip, now).await?;
    }
    Ok(valid)
}

/// Opens a session for the account that just proved who it is, and sets its cookie.
#[cfg(feature = "ssr")]
pub(crate) async fn open_session(
    ctx: &crate::ports::ServerCtx,
    meta: &crate::ports::RequestMeta,
    account: SignInAccount,
    lang: Option<Lang>,
) -> Result<SessionInfo, AppError> {
    let now = ctx.now();
    // A fresh token at every sign-in: a token planted before sign-in is worth nothing.
    if let Some(old) = meta.session_token.as_deref() {
        ctx.store.close_session(old).await?;
    }
    let token = ctx
        .store
        .open_session(
            account.account,
            now,
            now.plus_seconds(ctx.session_seconds),
            &meta.ip,
            &meta.user_agent,
        )
        .await?;
    set_session_cookie(ctx, Some(&token));
    if let Some(lang) = lang {
        ctx.store.set_lang(account.account, lang).await?;
    }
    let mut info = ctx
        .store
        .session_info(account.account)
        .await?
        .ok_or(AppError::Internal)?;
    info.one_time_password_expires = account.one_time_password_expires;
    let current = ctx.store.current_charter().await?.map(|c| c.version);
    info.must_accept_charter = domain::charter::must_accept(info.charter_accepted, current);
    second_factor::complete_info(ctx, &mut info).await?;
    super::gate::audit(ctx, meta, AuditKind::SignIn, Some(&info), None, "").await;
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

/// Replaces the caller's password; ends their other sessions. The current password is checked
/// under the sign-in throttle: a stolen session is no way to guess it.
#[server(endpoint = "auth/change_password", input = Json)]
pub async fn change_password(current: String, new: String) -> Result<(), AppError> {
    use crate::error::{Field, Problem};
    let me = super::gate::session("auth/change_password").await?;
    let name = domain::account::Username::try_from(me.info.username.clone())
        .map_err(|_| AppError::Internal)?;
    let hash = me.ctx.store.password_hash(me.info.account).await?;
    let valid = throttled_verify(
        &me.ctx,
        &me.meta,
        &name,
        current.clone(),
        hash,
        Some(&me.info),
    )
    .await?;
    if !valid {
        return Err(AppError::field(Field::Password, Problem::Mismatch));
    }
    let personal = [
        me.info.username.clone(),
        me.info.first_name.clone(),
        me.info.last_name.clone(),
    ];
    let candidate = new.clone();
    // The estimate takes milliseconds of CPU: off the threads that serve requests.
    tokio::task::spawn_blocking(move || {
        let personal = personal.each_ref().map(String::as_str);
        domain::auth::password::check(&candidate, Some(&current), &personal)
    })
    .await
    .map_err(|_| AppError::Internal)?
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
    me.audit(AuditKind::PasswordChanged, None, "").await;
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

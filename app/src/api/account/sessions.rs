//! One's own sessions: the list shown in "my account", ending one or all the others, and the
//! keep-alive the idle warning calls. Every query is scoped to the caller's account, so a session
//! id of someone else's answers like an unknown one.

use crate::error::AppError;
use domain::time::Timestamp;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// An open session as "my account" shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// A random public id: never the token nor its hash.
    pub id: String,
    /// Browser and system read from the User-Agent ("Chrome 131 · Linux"); empty if unknown.
    pub device: String,
    pub ip: String,
    pub created: Timestamp,
    pub last_seen: Timestamp,
    /// The session of the browser asking.
    pub this_device: bool,
}

#[server(endpoint = "account/sessions/list", input = Json)]
pub async fn list_sessions() -> Result<Vec<SessionView>, AppError> {
    let me = crate::api::gate::me("account/sessions/list").await?;
    let sessions = me
        .ctx
        .store
        .sessions_of(me.info.account, me.ctx.now(), me.ctx.idle)
        .await?;
    Ok(sessions
        .into_iter()
        .map(|s| SessionView {
            this_device: s.public_id == me.session_id,
            device: device_name(&s.user_agent),
            id: s.public_id,
            ip: s.ip,
            created: s.created,
            last_seen: s.last_seen,
        })
        .collect())
}

/// Ends one of one's sessions (this one too: that is signing out).
#[server(endpoint = "account/sessions/end", input = Json)]
pub async fn end_session(id: String) -> Result<(), AppError> {
    let me = crate::api::gate::me("account/sessions/end").await?;
    if !me.ctx.store.end_session(me.info.account, &id).await? {
        return Err(AppError::NotFound);
    }
    if id == me.session_id {
        crate::api::auth::set_session_cookie(&me.ctx, None);
    }
    me.audit(
        domain::audit::AuditKind::SignOut,
        None,
        "session ended from my account",
    )
    .await;
    Ok(())
}

/// Ends every session of the caller but this one.
#[server(endpoint = "account/sessions/end_others", input = Json)]
pub async fn end_other_sessions() -> Result<(), AppError> {
    let me = crate::api::gate::me("account/sessions/end_others").await?;
    me.ctx
        .store
        .close_sessions_of(me.info.account, me.meta.session_token.as_deref())
        .await?;
    me.audit(
        domain::audit::AuditKind::SignOut,
        None,
        "other sessions ended",
    )
    .await;
    Ok(())
}

/// "Stay signed in": marks this session as used now. Any state of the account may call it (the
/// warning also shows on the password and charter screens).
#[server(endpoint = "account/sessions/keep_alive", input = Json)]
pub async fn keep_alive() -> Result<(), AppError> {
    let me = crate::api::gate::session("account/sessions/keep_alive").await?;
    if let Some(token) = me.meta.session_token.as_deref() {
        me.ctx.store.touch_session(token, me.ctx.now()).await?;
    }
    Ok(())
}

/// "Firefox 133 · Windows 10" from a User-Agent; empty when nothing is recognised.
#[cfg(feature = "ssr")]
fn device_name(user_agent: &str) -> String {
    let known = |s: &str| !s.is_empty() && s != woothee::woothee::VALUE_UNKNOWN;
    let Some(r) = woothee::parser::Parser::new().parse(user_agent) else {
        return String::new();
    };
    let browser = match (
        known(r.name),
        r.version.split('.').next().filter(|v| known(v)),
    ) {
        (true, Some(major)) => format!("{} {major}", r.name),
        (true, None) => r.name.to_owned(),
        _ => String::new(),
    };
    let os = match (known(r.os), known(&r.os_version)) {
        (true, true) if !r.os.contains(r.os_version.as_ref()) => {
            format!("{} {}", r.os, r.os_version)
        }
        (true, _) => r.os.to_owned(),
        _ => String::new(),
    };
    [browser, os]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::device_name;

    #[test]
    fn devices_are_named_from_their_user_agent() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                      Chrome/131.0.0.0 Safari/537.36";
        assert_eq!(device_name(chrome), "Chrome 131 · Linux");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
                      (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert!(
            device_name(iphone).contains("iPhone"),
            "{}",
            device_name(iphone)
        );
        assert_eq!(device_name(""), "");
        assert!(device_name("curl/8.5.0").contains("curl"));
    }
}

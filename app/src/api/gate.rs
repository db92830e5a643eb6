//! The door every server function goes through: who is calling, and may they.

use crate::api::auth::SessionInfo;
use crate::error::AppError;
use crate::ports::{AuditEvent, RequestMeta, ServerCtx};
use domain::audit::AuditKind;
use domain::authz::{AccountFacts, Action, Caller, authorize};
use domain::charter::must_accept;
use domain::ids::{AccountId, SchoolId};
use leptos::prelude::use_context;

pub(crate) fn ctx() -> Result<(ServerCtx, RequestMeta), AppError> {
    let ctx = use_context::<ServerCtx>().ok_or(AppError::Internal)?;
    let meta = use_context::<RequestMeta>().unwrap_or_default();
    Ok((ctx, meta))
}

/// The signed-in caller of this request.
pub(crate) struct Me {
    pub info: SessionInfo,
    pub caller: Caller,
    pub ctx: ServerCtx,
    pub meta: RequestMeta,
    /// The public id of the session this request came with.
    pub session_id: String,
}

impl Me {
    /// Asks the authorization rule; a refusal is written to the audit trail.
    pub async fn may<'a>(&self, action: impl Into<Action<'a>>, what: &str) -> Result<(), AppError> {
        let action = action.into();
        match authorize(&self.caller, action) {
            Ok(()) => Ok(()),
            Err(_) => Err(self.refuse(what, action.school()).await),
        }
    }

    pub async fn refuse(&self, what: &str, school: Option<SchoolId>) -> AppError {
        audit(
            &self.ctx,
            &self.meta,
            AuditKind::AccessRefused,
            Some(&self.info),
            school,
            what,
        )
        .await;
        AppError::Forbidden
    }

    pub async fn audit(&self, kind: AuditKind, school: Option<SchoolId>, detail: &str) {
        audit(
            &self.ctx,
            &self.meta,
            kind,
            Some(&self.info),
            school,
            detail,
        )
        .await;
    }
}

impl Me {
    /// Records that the caller read `target`'s profile, in the trail of each school concerned
    /// (`domain::audit::schools_concerned`); nothing when they read their own.
    pub async fn audit_profile_read(&self, what: &str, target: &AccountFacts) {
        let Some(id) = target.id.filter(|id| *id != self.info.account) else {
            return;
        };
        let schools = domain::audit::schools_concerned(&self.caller, target);
        if schools.is_empty() {
            self.audit_read(what, id, None).await;
        }
        for school in schools {
            self.audit_read(what, id, Some(school)).await;
        }
    }

    /// Records that the caller read `target`'s personal data, as seen from `school`.
    pub async fn audit_read(&self, what: &str, target: AccountId, school: Option<SchoolId>) {
        if target != self.info.account {
            let detail = format!("{what}: account {}", target.get());
            self.audit(AuditKind::PersonalDataRead, school, &detail)
                .await;
        }
    }
}

/// Writes an audit entry; a failure to record is logged, never shown to the user.
pub(crate) async fn audit(
    ctx: &ServerCtx,
    meta: &RequestMeta,
    kind: AuditKind,
    who: Option<&SessionInfo>,
    school: Option<SchoolId>,
    detail: &str,
) {
    let event = AuditEvent {
        at: ctx.now(),
        kind,
        account: who.map(|w| w.account),
        username: who.map(|w| w.username.clone()),
        school,
        ip: meta.ip.clone(),
        detail: detail.to_owned(),
    };
    if let Err(e) = ctx.store.record(event).await {
        tracing::error!(error = %e, "audit entry lost");
    }
}

/// The caller behind this request's session cookie, if the session is live.
pub(crate) async fn signed_in() -> Result<Option<Me>, AppError> {
    let (ctx, meta) = ctx()?;
    let found = match &meta.session_token {
        Some(token) => ctx.store.signed_in(token, ctx.now(), ctx.idle).await?,
        None => None,
    };
    Ok(found.map(|s| {
        let mut info = s.info;
        info.must_accept_charter = must_accept(info.charter_accepted, s.current_charter);
        info.idle_seconds = ctx.idle.seconds();
        info.must_enrol_second_factor = domain::auth::second_factor::must_enrol(
            ctx.admin_second_factor,
            domain::auth::second_factor::is_administrator(&s.caller),
            info.second_factor,
        );
        Me {
            info,
            caller: s.caller,
            ctx,
            meta,
            session_id: s.session_id,
        }
    }))
}

/// The caller, whatever the state of their account (for sign-out, the password and charter
/// screens). `what` names the server function, for the audit trail.
pub(crate) async fn session(what: &str) -> Result<Me, AppError> {
    if let Some(me) = signed_in().await? {
        return Ok(me);
    }
    let (ctx, meta) = ctx()?;
    audit(&ctx, &meta, AuditKind::AccessRefused, None, None, what).await;
    Err(AppError::SignInRequired)
}

/// The caller, who must have replaced a one-time password and accepted the current charter.
pub(crate) async fn me(what: &str) -> Result<Me, AppError> {
    let me = session(what).await?;
    if me.info.must_change_password {
        return Err(AppError::PasswordChangeRequired);
    }
    if me.info.must_enrol_second_factor {
        return Err(AppError::SecondFactorEnrolmentRequired);
    }
    if me.info.must_accept_charter {
        return Err(AppError::CharterRequired);
    }
    Ok(me)
}

//! What the audit trail records. Every sign-in, failure, sign-out and refused access is kept,
//! with time, account and address, for the school's and the platform's admins to read.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditKind {
    SignIn,
    SignInFailed,
    SignInLocked,
    SignOut,
    PasswordChanged,
    PasswordReset,
    AccessRefused,
    CharterAccepted,
    CharterPublished,
    AccountCreated,
    AccountUpdated,
    /// A class or group was created, renamed or deleted, or its pupils or teachers changed.
    GroupChanged,
    SchoolCreated,
}

impl AuditKind {
    pub const ALL: [AuditKind; 13] = [
        AuditKind::SignIn,
        AuditKind::SignInFailed,
        AuditKind::SignInLocked,
        AuditKind::SignOut,
        AuditKind::PasswordChanged,
        AuditKind::PasswordReset,
        AuditKind::AccessRefused,
        AuditKind::CharterAccepted,
        AuditKind::CharterPublished,
        AuditKind::AccountCreated,
        AuditKind::AccountUpdated,
        AuditKind::GroupChanged,
        AuditKind::SchoolCreated,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            AuditKind::SignIn => "sign-in",
            AuditKind::SignInFailed => "sign-in-failed",
            AuditKind::SignInLocked => "sign-in-locked",
            AuditKind::SignOut => "sign-out",
            AuditKind::PasswordChanged => "password-changed",
            AuditKind::PasswordReset => "password-reset",
            AuditKind::AccessRefused => "access-refused",
            AuditKind::CharterAccepted => "charter-accepted",
            AuditKind::CharterPublished => "charter-published",
            AuditKind::AccountCreated => "account-created",
            AuditKind::AccountUpdated => "account-updated",
            AuditKind::GroupChanged => "group-changed",
            AuditKind::SchoolCreated => "school-created",
        }
    }
}

impl FromStr for AuditKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AuditKind::ALL.into_iter().find(|k| k.code() == s).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in AuditKind::ALL {
            assert_eq!(k.code().parse::<AuditKind>(), Ok(k));
        }
    }
}

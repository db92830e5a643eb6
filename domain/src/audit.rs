//! What the audit trail records. Every sign-in, failure, sign-out and refused access is kept,
//! with time, account and address, for the school's and the platform's admins to read; how
//! repeated entries are counted instead of written again; how long entries are kept.

use crate::account::Username;
use crate::authz::{AccountFacts, Caller};
use crate::coded::coded_enum;
use crate::ids::{AccountId, SchoolId};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// What an entry of the trail records.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum AuditKind (unknown: () = ()) {
        SignIn = "sign-in",
        SignInFailed = "sign-in-failed",
        SignInLocked = "sign-in-locked",
        SignOut = "sign-out",
        PasswordChanged = "password-changed",
        PasswordReset = "password-reset",
        AccessRefused = "access-refused",
        CharterAccepted = "charter-accepted",
        CharterPublished = "charter-published",
        AccountCreated = "account-created",
        AccountUpdated = "account-updated",
        /// A class or group was created, renamed or deleted, or its pupils or teachers changed.
        GroupChanged = "group-changed",
        SchoolCreated = "school-created",
        /// Someone read another person's profile or account detail.
        PersonalDataRead = "personal-data-read",
    }
}

impl AuditKind {
    /// Kinds anyone can cause at will, as often as they like: within a minute, the same caller
    /// (or the same anonymous crowd) doing the same thing in the same school is one entry with
    /// a count, so nobody can flood a school's trail.
    pub const fn counted(self) -> bool {
        matches!(self, AuditKind::AccessRefused | AuditKind::PersonalDataRead)
    }
}

/// How long a counted entry keeps counting before a new one starts.
pub const COUNT_WINDOW_SECONDS: i64 = 60;

/// The key under which repetitions of an entry are counted, or `None` when every occurrence is
/// an entry of its own. Anonymous callers share one key per function and minute.
pub fn count_key(
    kind: AuditKind,
    account: Option<AccountId>,
    school: Option<SchoolId>,
    detail: &str,
    at: Timestamp,
) -> Option<String> {
    if !kind.counted() {
        return None;
    }
    let window = at.unix().div_euclid(COUNT_WINDOW_SECONDS);
    let who = account.map_or_else(|| "-".to_owned(), |a| a.get().to_string());
    let school = school.map_or_else(|| "-".to_owned(), |s| s.get().to_string());
    Some(format!("{}|{window}|{who}|{school}|{detail}", kind.code()))
}

/// The schools whose trail records that `caller` read `target`'s personal data: the target's
/// schools the caller belongs to, or all the target's schools when they share none (a platform
/// admin). Empty when the target is the caller, or holds no role anywhere.
pub fn schools_concerned(caller: &Caller, target: &AccountFacts) -> Vec<SchoolId> {
    if target.id == Some(caller.account) {
        return Vec::new();
    }
    let mut theirs: Vec<SchoolId> = target.roles.iter().map(|r| r.school).collect();
    theirs.sort_unstable_by_key(|s| s.get());
    theirs.dedup();
    let shared: Vec<SchoolId> = theirs
        .iter()
        .copied()
        .filter(|s| caller.roles.iter().any(|r| r.school == *s))
        .collect();
    if shared.is_empty() { theirs } else { shared }
}

/// A login name as typed, made safe to keep: only the characters a login name may hold, at
/// most as many as one may have. What an attacker types never reaches the trail as it is.
pub fn typed_login(raw: &str) -> String {
    raw.chars()
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| Username::allows(*c))
        .take(Username::MAX_CHARS)
        .collect()
}

/// How long entries are kept (`SCOLA_AUDIT_DAYS`): the CNIL recommends six months to a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention {
    days: u32,
}

impl Retention {
    pub const DEFAULT_DAYS: u32 = 365;
    /// Ten years: beyond, the setting is surely a mistake.
    pub const MAX_DAYS: u32 = 3650;

    pub fn days(days: u32) -> Option<Retention> {
        (1..=Self::MAX_DAYS)
            .contains(&days)
            .then_some(Retention { days })
    }

    pub const fn in_days(self) -> u32 {
        self.days
    }

    /// Entries from before this moment are to be deleted.
    pub fn cutoff(self, now: Timestamp) -> Timestamp {
        now.plus_seconds(-i64::from(self.days) * 86_400)
    }
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            days: Self::DEFAULT_DAYS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::profile::{Profile, Role};

    const A: SchoolId = SchoolId::new(1);
    const B: SchoolId = SchoolId::new(2);

    #[test]
    fn refusals_and_reads_count_per_caller_function_school_and_minute() {
        let at = Timestamp::from_unix(30_000_000 * 60); // on a minute
        let me = Some(AccountId::new(7));
        let key = |kind, who, school, detail: &str, at| count_key(kind, who, school, detail, at);
        let first = key(AuditKind::AccessRefused, me, Some(A), "audit/list", at);
        assert!(first.is_some());
        assert_eq!(
            first,
            key(
                AuditKind::AccessRefused,
                me,
                Some(A),
                "audit/list",
                at.plus_seconds(59)
            )
        );
        for other in [
            key(
                AuditKind::AccessRefused,
                me,
                Some(A),
                "audit/list",
                at.plus_seconds(60),
            ),
            key(AuditKind::AccessRefused, me, Some(B), "audit/list", at),
            key(AuditKind::AccessRefused, None, Some(A), "audit/list", at),
            key(AuditKind::AccessRefused, me, Some(A), "profile/get", at),
            key(AuditKind::PersonalDataRead, me, Some(A), "audit/list", at),
        ] {
            assert!(other.is_some());
            assert_ne!(first, other);
        }
        assert_eq!(key(AuditKind::SignInFailed, None, None, "x", at), None);
        assert_eq!(key(AuditKind::AccountUpdated, me, Some(A), "x", at), None);
    }

    #[test]
    fn a_read_is_recorded_in_the_schools_the_reader_shares_with_the_person() {
        let role = |school, profile| Role { school, profile };
        let teacher = Caller {
            account: AccountId::new(1),
            platform_admin: false,
            roles: vec![role(A, Profile::Teacher)],
            children: vec![],
            teaches: vec![],
            groups: vec![],
        };
        let pupil_in_both = AccountFacts {
            id: Some(AccountId::new(2)),
            roles: vec![
                role(A, Profile::Pupil),
                role(B, Profile::Parent),
                role(B, Profile::Pupil),
            ],
            ..AccountFacts::default()
        };
        assert_eq!(schools_concerned(&teacher, &pupil_in_both), [A]);
        let platform = Caller {
            account: AccountId::new(3),
            platform_admin: true,
            roles: vec![],
            children: vec![],
            teaches: vec![],
            groups: vec![],
        };
        assert_eq!(schools_concerned(&platform, &pupil_in_both), [A, B]);
        let himself = AccountFacts {
            id: Some(teacher.account),
            roles: teacher.roles.clone(),
            ..AccountFacts::default()
        };
        assert!(schools_concerned(&teacher, &himself).is_empty());
    }

    #[test]
    fn typed_login_names_keep_only_what_a_login_name_may_hold() {
        assert_eq!(typed_login("Marie.Santoni"), "marie.santoni");
        assert_eq!(
            typed_login("<script>alert(1)</script>"),
            "scriptalert1script"
        );
        assert_eq!(typed_login("a\nFAKE ENTRY\r\u{0}é"), "afakeentry");
        assert_eq!(typed_login(&"x".repeat(10_000)).len(), Username::MAX_CHARS);
        assert_eq!(typed_login(&"é".repeat(100)), "");
    }

    #[test]
    fn retention_cuts_at_the_configured_number_of_days() {
        let now = Timestamp::from_unix(1_800_000_000);
        assert_eq!(Retention::default().in_days(), 365);
        assert_eq!(
            Retention::default().cutoff(now),
            Timestamp::from_unix(1_800_000_000 - 365 * 86_400)
        );
        assert_eq!(
            Retention::days(180).map(|r| r.cutoff(now)),
            Some(Timestamp::from_unix(1_800_000_000 - 180 * 86_400))
        );
        assert_eq!(Retention::days(0), None);
        assert_eq!(Retention::days(Retention::MAX_DAYS + 1), None);
    }
}

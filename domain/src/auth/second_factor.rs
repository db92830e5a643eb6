//! Two-factor sign-in (TOTP, RFC 6238): who must use it, what a code looks like, how long the
//! step between password and code may last, and how many wrong codes are tolerated.
//!
//! The HMAC itself is computed on the server (crate `totp-rs`); the rules around it live here.

use crate::authz::Caller;
use crate::coded::coded_enum;
use crate::profile::Profile;
use serde::{Deserialize, Serialize};

/// Seconds between the password and the code: enough to open an app and type six digits.
pub const PENDING_SECONDS: i64 = 5 * 60;
/// Recovery codes given at enrolment, each usable once.
pub const RECOVERY_CODES: usize = 10;
/// Characters of a recovery code (base32, 50 bits each).
pub const RECOVERY_CODE_CHARS: usize = 10;
/// The RFC 6238 step and digits every authenticator app uses by default.
pub const STEP_SECONDS: u64 = 30;
pub const DIGITS: usize = 6;

coded_enum! {
    /// Whether the instance makes administrators use a second factor (`SCOLA_ADMIN_2FA`).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub enum AdminPolicy (unknown: () = ()) {
        /// Anyone may enrol; enrolled accounts are asked for a code.
        #[default]
        Optional = "optional",
        /// Platform and school admins must enrol before anything else.
        Required = "required",
    }
}

/// Whether an administrator counts: platform admins and school admins of any school.
pub fn is_administrator(caller: &Caller) -> bool {
    caller.platform_admin
        || caller
            .roles
            .iter()
            .any(|r| r.profile == Profile::SchoolAdmin)
}

/// Whether this person must enrol before using the ENT.
pub fn must_enrol(policy: AdminPolicy, administrator: bool, enrolled: bool) -> bool {
    policy == AdminPolicy::Required && administrator && !enrolled
}

/// What a person typed at the code step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Code {
    /// Six digits from the authenticator app.
    Totp(String),
    /// One of the recovery codes, normalised (lowercase, no separators).
    Recovery(String),
}

impl Code {
    /// Reads a typed code: spaces and dashes are ignored, case too; anything else is refused
    /// before any secret is touched.
    pub fn parse(typed: &str) -> Option<Code> {
        let cleaned: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if cleaned.len() == DIGITS && cleaned.bytes().all(|b| b.is_ascii_digit()) {
            Some(Code::Totp(cleaned))
        } else if cleaned.len() == RECOVERY_CODE_CHARS
            && cleaned.bytes().all(|b| RECOVERY_ALPHABET.contains(&b))
        {
            Some(Code::Recovery(cleaned))
        } else {
            None
        }
    }
}

/// RFC 4648 base32, lowercase: no 0/1/8 to mistake for o/l/b.
pub const RECOVERY_ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// A recovery code as shown: two groups of five, from [`RECOVERY_CODE_CHARS`] random indices
/// into [`RECOVERY_ALPHABET`] (the caller brings the randomness).
pub fn recovery_code(random: &[u8; RECOVERY_CODE_CHARS]) -> String {
    let chars: String = random
        .iter()
        .map(|b| char::from(RECOVERY_ALPHABET[usize::from(b % 32)]))
        .collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// Whether a time step may be accepted: each step's code works once, and never one older than
/// the last accepted (RFC 6238 §5.2).
pub fn fresh_step(step: u64, last_accepted: Option<u64>) -> bool {
    last_accepted.is_none_or(|last| step > last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{AccountId, SchoolId};
    use crate::profile::Role;

    fn caller(platform_admin: bool, profiles: &[Profile]) -> Caller {
        Caller {
            account: AccountId::new(1),
            platform_admin,
            roles: profiles
                .iter()
                .map(|p| Role {
                    school: SchoolId::new(1),
                    profile: *p,
                })
                .collect(),
            children: vec![],
            teaches: vec![],
            groups: vec![],
        }
    }

    #[test]
    fn only_administrators_must_enrol_and_only_when_required() {
        let admin = is_administrator(&caller(false, &[Profile::Teacher, Profile::SchoolAdmin]));
        let platform = is_administrator(&caller(true, &[]));
        let teacher = is_administrator(&caller(false, &[Profile::Teacher, Profile::Staff]));
        assert!(admin && platform && !teacher);
        assert!(must_enrol(AdminPolicy::Required, true, false));
        assert!(!must_enrol(AdminPolicy::Required, true, true));
        assert!(!must_enrol(AdminPolicy::Required, false, false));
        assert!(!must_enrol(AdminPolicy::Optional, true, false));
        assert_eq!("required".parse(), Ok(AdminPolicy::Required));
        assert_eq!("optional".parse(), Ok(AdminPolicy::Optional));
        assert_eq!("yes".parse::<AdminPolicy>(), Err(()));
    }

    #[test]
    fn codes_are_read_leniently_and_refused_when_malformed() {
        assert_eq!(Code::parse(" 123 456 "), Some(Code::Totp("123456".into())));
        assert_eq!(
            Code::parse("ABCDE-fgh23"),
            Some(Code::Recovery("abcdefgh23".into()))
        );
        assert_eq!(Code::parse("12345"), None);
        assert_eq!(Code::parse("1234567"), None);
        assert_eq!(Code::parse("abcde-fgh01"), None);
        assert_eq!(Code::parse("' OR 1=1 --"), None);
    }

    #[test]
    fn recovery_codes_read_back_as_recovery_codes() {
        let code = recovery_code(&[0, 1, 2, 31, 32, 63, 200, 7, 8, 9]);
        assert_eq!(code, "abc7a-7ihij");
        assert_eq!(
            Code::parse(&code),
            Some(Code::Recovery("abc7a7ihij".into()))
        );
    }

    #[test]
    fn a_step_is_accepted_once_and_never_an_older_one() {
        assert!(fresh_step(100, None));
        assert!(fresh_step(101, Some(100)));
        assert!(!fresh_step(100, Some(100)));
        assert!(!fresh_step(99, Some(100)));
    }
}

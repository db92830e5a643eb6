//! Enums known by a stable text code: stored in the database, used as message-key suffixes,
//! read back from configuration. [`coded_enum!`] writes, from one table of variants and codes,
//! the enum, its `ALL` list, `code()`, `FromStr` and [`Coded`]; and refuses at compile time two
//! variants with one code.

/// An enum whose every value has a code of its own, read back by `FromStr`.
pub trait Coded: Copy + Eq + std::fmt::Debug + std::str::FromStr + 'static {
    /// Every value, in declaration order.
    const VALUES: &'static [Self];
    /// The value's code; never changes once stored.
    fn code(self) -> &'static str;
}

/// Whether no two of `codes` are equal (a `const fn`, so the check runs at compile time).
pub const fn distinct(codes: &[&str]) -> bool {
    let mut i = 0;
    while i < codes.len() {
        let mut j = i + 1;
        while j < codes.len() {
            if same(codes[i], codes[j]) {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// Declares an enum of unit variants, each with its code:
///
/// ```text
/// coded_enum! {
///     #[derive(Clone, Copy, Debug, PartialEq, Eq)]
///     pub enum GroupKind (unknown: InvalidSchool = InvalidSchool::GroupKind) {
///         Class = "class",
///         Group = "group",
///     }
/// }
/// ```
///
/// `unknown` is the `FromStr` error type and the value a string matching no code parses to.
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident (unknown: $error:ty = $unknown:expr) {
            $( $(#[$variant_meta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The stable code stored in the database and used in message keys.
            pub const fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code ),+
                }
            }
        }

        const _: () = assert!(
            $crate::coded::distinct(&[$($code),+]),
            concat!("two variants of ", stringify!($name), " share a code")
        );

        impl ::std::str::FromStr for $name {
            type Err = $error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .into_iter()
                    .find(|value| value.code() == s)
                    .ok_or($unknown)
            }
        }

        impl $crate::coded::Coded for $name {
            const VALUES: &'static [Self] = &$name::ALL;
            fn code(self) -> &'static str {
                $name::code(self)
            }
        }
    };
}

pub(crate) use coded_enum;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::AuditKind;
    use crate::auth::second_factor::AdminPolicy;
    use crate::lang::Lang;
    use crate::profile::Profile;
    use crate::school::{GroupKind, SchoolKind};

    /// Every code reads back as its value, no two values share one, and a string that is no
    /// code (a code in other case, nothing) reads as nothing.
    fn codes_round_trip<T: Coded>() {
        for &value in T::VALUES {
            assert_eq!(value.code().parse::<T>().ok(), Some(value), "{value:?}");
            assert!(value.code().to_uppercase().parse::<T>().is_err());
        }
        let codes: Vec<&str> = T::VALUES.iter().map(|v| v.code()).collect();
        assert!(distinct(&codes), "{codes:?}");
        assert!("".parse::<T>().is_err());
    }

    #[test]
    fn every_code_round_trips() {
        codes_round_trip::<Profile>();
        codes_round_trip::<SchoolKind>();
        codes_round_trip::<GroupKind>();
        codes_round_trip::<AuditKind>();
        codes_round_trip::<Lang>();
        codes_round_trip::<AdminPolicy>();
    }

    #[test]
    fn equal_codes_are_found() {
        assert!(distinct(&["pupil", "teacher", "parent"]));
        assert!(!distinct(&["pupil", "teacher", "pupil"]));
        assert!(distinct(&["lycee", "lycee-pro"]));
        assert!(distinct(&[]));
    }

    /// The codes are stored: any change here is a migration.
    #[test]
    fn stored_codes_do_not_change() {
        let all = |codes: &[&'static str]| codes.join(" ");
        let of = |values: Vec<&'static str>| values.join(" ");
        assert_eq!(
            of(Profile::ALL.map(Profile::code).to_vec()),
            all(&[
                "pupil",
                "teacher",
                "parent",
                "staff",
                "school-admin",
                "guest"
            ])
        );
        assert_eq!(
            of(SchoolKind::ALL.map(SchoolKind::code).to_vec()),
            all(&[
                "ecole",
                "college",
                "lycee",
                "lycee-pro",
                "lycee-agricole",
                "lycee-maritime",
                "prive"
            ])
        );
        assert_eq!(
            of(GroupKind::ALL.map(GroupKind::code).to_vec()),
            all(&["class", "group"])
        );
        assert_eq!(
            of(AuditKind::ALL.map(AuditKind::code).to_vec()),
            all(&[
                "sign-in",
                "sign-in-failed",
                "sign-in-locked",
                "sign-out",
                "password-changed",
                "password-reset",
                "access-refused",
                "charter-accepted",
                "charter-published",
                "account-created",
                "account-updated",
                "group-changed",
                "school-created",
                "personal-data-read"
            ])
        );
        assert_eq!(of(Lang::ALL.map(Lang::code).to_vec()), all(&["fr", "co"]));
        assert_eq!(
            of(AdminPolicy::ALL.map(AdminPolicy::code).to_vec()),
            all(&["optional", "required"])
        );
    }
}

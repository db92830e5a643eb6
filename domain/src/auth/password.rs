//! The password rule, after CNIL's 2022 recommendation and OWASP ASVS: length and an entropy
//! estimate (zxcvbn), never composition rules. Long passphrases are welcome.
//!
//! The estimator and its dictionaries weigh hundreds of kilobytes, so only the `strength`
//! feature (the server) evaluates passwords; the browser shows the server's [`PasswordProblem`].

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

pub const MIN_CHARS: usize = 8;
/// Far above any passphrase, low enough to keep hashing cost bounded.
pub const MAX_CHARS: usize = 256;
/// The strength estimate looks at this many characters at most: its cost grows fast with the
/// length, and a hundred characters that are hard to guess stay hard whatever follows.
pub const ESTIMATED_CHARS: usize = 100;
/// How long a one-time password given by an admin can be used, unless the instance says
/// otherwise: two weeks, to reach a family after a holiday.
pub const ONE_TIME_PASSWORD_DAYS: i64 = 14;

/// A one-time password older than its validity: the school must give a new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("this one-time password has expired")]
pub struct OneTimePasswordExpired;

/// Until when a one-time password set at `set_at` can be used, if `valid_seconds` long.
pub fn one_time_password_expires(set_at: Timestamp, valid_seconds: i64) -> Timestamp {
    set_at.plus_seconds(valid_seconds)
}

/// Whether a one-time password set at `set_at` still opens a session at `now`.
pub fn one_time_password_usable(
    set_at: Timestamp,
    valid_seconds: i64,
    now: Timestamp,
) -> Result<(), OneTimePasswordExpired> {
    if now < one_time_password_expires(set_at, valid_seconds) {
        Ok(())
    } else {
        Err(OneTimePasswordExpired)
    }
}

/// Why a new password is refused, precise enough to tell the user what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PasswordProblem {
    #[error("at least {MIN_CHARS} characters")]
    TooShort,
    #[error("at most {MAX_CHARS} characters")]
    TooLong,
    #[error("the new password must differ from the current one")]
    Unchanged,
    #[error("too easy to guess")]
    Weak(Weakness),
}

/// What makes a password guessable, as the estimator found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Weakness {
    /// In the lists of most used passwords, or close to one.
    Common,
    /// Keyboard rows, repeats or sequences (`azerty`, `aaaa`, `1234`).
    Pattern,
    /// Dates and years.
    Date,
    /// The person's own name or login, or a bare common name.
    Personal,
    /// A single word, or simply too little variety.
    Guessable,
}

/// Words every French or Corsican guesser tries first; the estimator's lists are English.
#[cfg(feature = "strength")]
const LOCAL_COMMON: &[&str] = &[
    "azerty",
    "azertyuiop",
    "motdepasse",
    "soleil",
    "bonjour",
    "doudou",
    "chouchou",
    "loulou",
    "marseille",
    "ajaccio",
    "bastia",
    "corsica",
    "corse",
    "scola",
    "college",
    "lycee",
    "ecole",
    "eleve",
    "parent",
    "professeur",
    "bonjour123",
    "salut",
    "coucou",
    "francais",
    "corsu",
    "nutella",
    "jetaime",
    "amour",
    "princesse",
    "football",
];

/// Checks a new password for the person described by `personal` (login, first and last names).
#[cfg(feature = "strength")]
pub fn check(
    password: &str,
    current: Option<&str>,
    personal: &[&str],
) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    if current == Some(password) {
        return Err(PasswordProblem::Unchanged);
    }
    let mut hints: Vec<&str> = personal.to_vec();
    hints.extend_from_slice(LOCAL_COMMON);
    let estimated = match password.char_indices().nth(ESTIMATED_CHARS) {
        Some((end, _)) => &password[..end],
        None => password,
    };
    let estimate = zxcvbn::zxcvbn(estimated, &hints);
    if estimate.score() >= zxcvbn::Score::Three {
        return Ok(());
    }
    let warning = estimate.feedback().and_then(|f| f.warning());
    // Words the estimator was given (the person's names, our local list) come back as plain
    // dictionary matches without a warning: name the reason ourselves.
    let matched = |words: &[&str]| {
        estimate.sequence().iter().any(|m| {
            words
                .iter()
                .any(|w| !w.is_empty() && m.token.eq_ignore_ascii_case(w))
        })
    };
    Err(PasswordProblem::Weak(if matched(personal) {
        Weakness::Personal
    } else if matched(LOCAL_COMMON) {
        Weakness::Common
    } else {
        classify(warning)
    }))
}

#[cfg(feature = "strength")]
fn classify(warning: Option<zxcvbn::feedback::Warning>) -> Weakness {
    use zxcvbn::feedback::Warning as W;
    match warning {
        Some(
            W::ThisIsATop10Password
            | W::ThisIsATop100Password
            | W::ThisIsACommonPassword
            | W::ThisIsSimilarToACommonlyUsedPassword,
        ) => Weakness::Common,
        Some(
            W::StraightRowsOfKeysAreEasyToGuess
            | W::ShortKeyboardPatternsAreEasyToGuess
            | W::RepeatsLikeAaaAreEasyToGuess
            | W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess
            | W::SequencesLikeAbcAreEasyToGuess,
        ) => Weakness::Pattern,
        Some(W::RecentYearsAreEasyToGuess | W::DatesAreOftenEasyToGuess) => Weakness::Date,
        Some(
            W::NamesAndSurnamesByThemselvesAreEasyToGuess | W::CommonNamesAndSurnamesAreEasyToGuess,
        ) => Weakness::Personal,
        _ => Weakness::Guessable,
    }
}

#[cfg(test)]
mod expiry_tests {
    use super::*;

    #[test]
    fn one_time_passwords_expire_after_their_validity() {
        let set = Timestamp::from_unix(1_800_000_000);
        let days = ONE_TIME_PASSWORD_DAYS * 24 * 3600;
        assert_eq!(one_time_password_usable(set, days, set), Ok(()));
        assert_eq!(
            one_time_password_usable(set, days, set.plus_seconds(days - 1)),
            Ok(())
        );
        assert_eq!(
            one_time_password_usable(set, days, set.plus_seconds(days)),
            Err(OneTimePasswordExpired)
        );
    }
}

#[cfg(all(test, feature = "strength"))]
mod tests {
    use super::*;

    const PERSONAL: &[&str] = &["marie.santoni", "Marie", "Santoni"];

    #[test]
    fn accepted() {
        for good in [
            "U pastore cunta e so capre à l'alba",
            "correct horse battery staple",
            "k8#Vq2!mZr",
            &"una frase longa assai ".repeat(4),
        ] {
            assert_eq!(check(good, None, PERSONAL), Ok(()), "{good:?}");
        }
    }

    #[test]
    fn refused_with_reason() {
        let cases: &[(&str, PasswordProblem)] = &[
            ("court", PasswordProblem::TooShort),
            (&"x".repeat(257), PasswordProblem::TooLong),
            ("password1", PasswordProblem::Weak(Weakness::Common)),
            ("azertyuiop", PasswordProblem::Weak(Weakness::Common)),
            ("aaaaaaaaaaaa", PasswordProblem::Weak(Weakness::Pattern)),
            ("marie.santoni", PasswordProblem::Weak(Weakness::Personal)),
            ("motdepasse", PasswordProblem::Weak(Weakness::Common)),
        ];
        for (pw, expected) in cases {
            assert_eq!(check(pw, None, PERSONAL).as_ref(), Err(expected), "{pw:?}");
        }
    }

    #[test]
    fn must_change() {
        let pw = "U pastore cunta e so capre";
        assert_eq!(
            check(pw, Some(pw), PERSONAL),
            Err(PasswordProblem::Unchanged)
        );
    }

    #[test]
    fn only_the_first_hundred_characters_are_estimated() {
        // What follows them is not looked at: a weak start stays weak…
        let weak_start = format!("{}{}", "a".repeat(ESTIMATED_CHARS), "k8#Vq2!mZr u pastore");
        assert_eq!(
            check(&weak_start, None, PERSONAL),
            Err(PasswordProblem::Weak(Weakness::Pattern))
        );
        // …and however long the rest, the estimate costs what a hundred characters cost.
        let many = format!("{}{}", "k8#Vq2!mZr ", "é".repeat(MAX_CHARS - 11));
        assert_eq!(check(&many, None, PERSONAL), Ok(()));
    }

    #[test]
    fn long_passphrases_are_accepted_up_to_the_limit() {
        let long: String = "Ventu di libeccio "
            .chars()
            .cycle()
            .take(MAX_CHARS)
            .collect();
        assert_eq!(check(&long, None, PERSONAL), Ok(()));
    }
}

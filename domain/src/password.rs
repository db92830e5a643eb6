//! The password rule, after CNIL's 2022 recommendation and OWASP ASVS: length and an entropy
//! estimate (zxcvbn), never composition rules. Long passphrases are welcome.
//!
//! The estimator and its dictionaries weigh hundreds of kilobytes, so only the `strength`
//! feature (the server) evaluates passwords; the browser shows the server's [`PasswordProblem`].

use serde::{Deserialize, Serialize};

pub const MIN_CHARS: usize = 8;
/// Far above any passphrase, low enough to keep hashing cost bounded.
pub const MAX_CHARS: usize = 256;

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
    let estimate = zxcvbn::zxcvbn(password, &hints);
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
    fn long_passphrases_are_accepted_up_to_the_limit() {
        let long: String = "Ventu di libeccio "
            .chars()
            .cycle()
            .take(MAX_CHARS)
            .collect();
        assert_eq!(check(&long, None, PERSONAL), Ok(()));
    }
}

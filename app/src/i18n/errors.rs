//! Errors as users read them. Every match is exhaustive: a new error does not build until it has
//! a sentence in every language.

use super::msg::{Error, Problem as P};
use super::{Message, profile_name};
use crate::error::{AppError, Problem};
use domain::account::InvalidAccount;
use domain::auth::password::{MAX_CHARS, MIN_CHARS, PasswordProblem, Weakness};
use domain::lang::Lang;
use domain::school::{InvalidSchool, Misplaced};

/// A sentence for an error shown at the top of a form or page.
pub fn describe_error(lang: Lang, error: &AppError) -> String {
    match error {
        AppError::SignInRequired => Error::SignInRequired,
        AppError::PasswordChangeRequired => Error::PasswordChangeRequired,
        AppError::CharterRequired => Error::CharterRequired,
        AppError::SecondFactorEnrolmentRequired => Error::SecondFactorEnrolment,
        AppError::SecondFactorRequired { .. } => Error::SecondFactorRequired,
        AppError::Forbidden => Error::Forbidden,
        AppError::NotFound => Error::NotFound,
        AppError::BadCredentials => Error::BadCredentials,
        AppError::Locked {
            retry_after_seconds,
        } => Error::Locked {
            minutes: (retry_after_seconds + 59) / 60,
        },
        AppError::OneTimePasswordExpired => Error::OneTimePasswordExpired,
        AppError::Invalid(_) => Error::Invalid,
        AppError::Busy => Error::Busy,
        AppError::Internal => Error::Internal,
        AppError::Communication(_) => Error::Communication,
    }
    .text(lang)
}

/// A sentence for a problem with one field, shown next to it.
pub fn describe_problem(lang: Lang, problem: &Problem) -> String {
    match problem {
        Problem::Required => P::Required,
        Problem::Taken => P::Taken,
        Problem::TooLong => P::TooLong,
        Problem::Mismatch => P::Mismatch,
        Problem::Account(InvalidAccount::Username) => P::Username,
        Problem::Account(InvalidAccount::EmptyName) | Problem::School(InvalidSchool::EmptyName) => {
            P::Required
        }
        Problem::Account(InvalidAccount::BadName) | Problem::School(InvalidSchool::BadName) => {
            P::BadName
        }
        Problem::School(InvalidSchool::Uai) => P::Uai,
        Problem::School(InvalidSchool::Kind | InvalidSchool::GroupKind) => P::Choice,
        Problem::Place(Misplaced(profile)) => P::Place {
            profile: profile_name(lang, *profile),
        },
        Problem::NameTaken => P::NameTaken,
        Problem::SamePerson => P::SamePerson,
        Problem::OwnChild => P::OwnChild,
        Problem::WrongCode => P::WrongCode,
        Problem::AlreadyEnrolled => P::AlreadyEnrolled,
        Problem::Password(PasswordProblem::TooShort) => P::PasswordTooShort {
            min: MIN_CHARS as i64,
        },
        Problem::Password(PasswordProblem::TooLong) => P::PasswordTooLong {
            max: MAX_CHARS as i64,
        },
        Problem::Password(PasswordProblem::Unchanged) => P::PasswordUnchanged,
        Problem::Password(PasswordProblem::Weak(weakness)) => match weakness {
            Weakness::Common => P::PasswordWeakCommon,
            Weakness::Pattern => P::PasswordWeakPattern,
            Weakness::Date => P::PasswordWeakDate,
            Weakness::Personal => P::PasswordWeakPersonal,
            Weakness::Guessable => P::PasswordWeakGuessable,
        },
    }
    .text(lang)
}

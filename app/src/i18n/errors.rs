//! Errors as users read them.

use super::tr;
use crate::error::{AppError, Problem};
use domain::account::InvalidAccount;
use domain::lang::Lang;
use domain::password::{MAX_CHARS, MIN_CHARS, PasswordProblem, Weakness};
use domain::school::{InvalidSchool, Misplaced};
use fluent_bundle::FluentValue;

/// A sentence for an error shown at the top of a form or page.
pub fn describe_error(lang: Lang, error: &AppError) -> String {
    let key = match error {
        AppError::SignInRequired => "error-sign-in-required",
        AppError::PasswordChangeRequired => "error-password-change-required",
        AppError::CharterRequired => "error-charter-required",
        AppError::SecondFactorEnrolmentRequired => "error-second-factor-enrolment",
        AppError::SecondFactorRequired { .. } => "error-second-factor-required",
        AppError::Forbidden => "error-forbidden",
        AppError::NotFound => "error-not-found",
        AppError::BadCredentials => "error-bad-credentials",
        AppError::Locked {
            retry_after_seconds,
        } => {
            let minutes = (retry_after_seconds + 59) / 60;
            return tr(
                lang,
                "error-locked",
                &[("minutes", FluentValue::from(minutes))],
            );
        }
        AppError::OneTimePasswordExpired => "error-one-time-password-expired",
        AppError::Invalid(_) => "error-invalid",
        AppError::Busy => "error-busy",
        AppError::Internal => "error-internal",
        AppError::Communication(_) => "error-communication",
    };
    tr(lang, key, &[])
}

/// A sentence for a problem with one field, shown next to it.
pub fn describe_problem(lang: Lang, problem: &Problem) -> String {
    let key = match problem {
        Problem::Required => "problem-required",
        Problem::Taken => "problem-taken",
        Problem::TooLong => "problem-too-long",
        Problem::Mismatch => "problem-mismatch",
        Problem::Account(InvalidAccount::Username) => "problem-username",
        Problem::Account(InvalidAccount::EmptyName) | Problem::School(InvalidSchool::EmptyName) => {
            "problem-required"
        }
        Problem::Account(InvalidAccount::BadName) | Problem::School(InvalidSchool::BadName) => {
            "problem-bad-name"
        }
        Problem::School(InvalidSchool::Uai) => "problem-uai",
        Problem::School(InvalidSchool::Kind | InvalidSchool::GroupKind) => "problem-choice",
        Problem::Place(Misplaced(profile)) => {
            let profile = tr(lang, &format!("profile-{}", profile.code()), &[]);
            return tr(
                lang,
                "problem-place",
                &[("profile", FluentValue::from(profile))],
            );
        }
        Problem::NameTaken => "problem-name-taken",
        Problem::NoSchoolYear => "problem-no-school-year",
        Problem::SamePerson => "problem-same-person",
        Problem::OwnChild => "problem-own-child",
        Problem::WrongCode => "problem-wrong-code",
        Problem::AlreadyEnrolled => "problem-already-enrolled",
        Problem::Password(p) => match p {
            PasswordProblem::TooShort => {
                return tr(
                    lang,
                    "password-too-short",
                    &[("min", FluentValue::from(MIN_CHARS))],
                );
            }
            PasswordProblem::TooLong => {
                return tr(
                    lang,
                    "password-too-long",
                    &[("max", FluentValue::from(MAX_CHARS))],
                );
            }
            PasswordProblem::Unchanged => "password-unchanged",
            PasswordProblem::Weak(Weakness::Common) => "password-weak-common",
            PasswordProblem::Weak(Weakness::Pattern) => "password-weak-pattern",
            PasswordProblem::Weak(Weakness::Date) => "password-weak-date",
            PasswordProblem::Weak(Weakness::Personal) => "password-weak-personal",
            PasswordProblem::Weak(Weakness::Guessable) => "password-weak-guessable",
        },
    };
    tr(lang, key, &[])
}

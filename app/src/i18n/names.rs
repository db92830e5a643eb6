//! The names of the kinds the domain knows, in the reader's language. Each match is exhaustive:
//! a new profile or kind of school does not build until it has a name in every language.

use super::Message;
use super::msg::Common;
use domain::lang::Lang;
use domain::profile::Profile;
use domain::school::{GroupKind, SchoolKind};

pub fn profile_name(lang: Lang, profile: Profile) -> String {
    match profile {
        Profile::Pupil => Common::ProfilePupil,
        Profile::Teacher => Common::ProfileTeacher,
        Profile::Parent => Common::ProfileParent,
        Profile::Staff => Common::ProfileStaff,
        Profile::SchoolAdmin => Common::ProfileSchoolAdmin,
        Profile::Guest => Common::ProfileGuest,
    }
    .text(lang)
}

pub fn school_kind_name(lang: Lang, kind: SchoolKind) -> String {
    match kind {
        SchoolKind::Ecole => Common::SchoolKindEcole,
        SchoolKind::College => Common::SchoolKindCollege,
        SchoolKind::Lycee => Common::SchoolKindLycee,
        SchoolKind::LyceeProfessionnel => Common::SchoolKindLyceePro,
        SchoolKind::LyceeAgricole => Common::SchoolKindLyceeAgricole,
        SchoolKind::LyceeMaritime => Common::SchoolKindLyceeMaritime,
        SchoolKind::Prive => Common::SchoolKindPrive,
    }
    .text(lang)
}

pub fn group_kind_name(lang: Lang, kind: GroupKind) -> String {
    match kind {
        GroupKind::Class => Common::GroupKindClass,
        GroupKind::Group => Common::GroupKindGroup,
    }
    .text(lang)
}

/// A person's name as a heading or a list shows it: first name, then last name.
pub fn full_name(first_name: &str, last_name: &str) -> String {
    format!("{first_name} {last_name}")
}

/// A name in a list sorted by last name: `ROSSI Matteu` reads as `Rossi Matteu`.
pub fn last_name_first(first_name: &str, last_name: &str) -> String {
    format!("{last_name} {first_name}")
}

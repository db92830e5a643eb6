//! Establishments and their classes and groups.

use crate::coded::coded_enum;
use crate::ids::SchoolId;
use crate::profile::{Profile, Role};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

coded_enum! {
    /// The kinds of establishment an ENT serves.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum SchoolKind (unknown: InvalidSchool = InvalidSchool::Kind) {
        Ecole = "ecole",
        College = "college",
        Lycee = "lycee",
        LyceeProfessionnel = "lycee-pro",
        LyceeAgricole = "lycee-agricole",
        LyceeMaritime = "lycee-maritime",
        Prive = "prive",
    }
}

/// Unité administrative immatriculée: the national code of an establishment, seven digits and a
/// letter (`0049951V`, `6200001G`). Stored upper-case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Uai(String);

impl Uai {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the letter is the national check key (number mod 23 in a 23-letter alphabet).
    /// Directory exports in the wild carry pseudonymised codes that fail it, so a bad key is
    /// reported to the admin rather than refused.
    pub fn key_matches(&self) -> bool {
        const KEYS: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";
        let (digits, key) = self.0.split_at(7);
        digits
            .parse::<u32>()
            .map(|n| KEYS[(n % 23) as usize] == key.as_bytes()[0])
            .unwrap_or(false)
    }
}

impl TryFrom<String> for Uai {
    type Error = InvalidSchool;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        let code = raw.trim().to_ascii_uppercase();
        let bytes = code.as_bytes();
        let shaped = bytes.len() == 8
            && bytes[..7].iter().all(u8::is_ascii_digit)
            && bytes[7].is_ascii_uppercase();
        if shaped {
            Ok(Uai(code))
        } else {
            Err(InvalidSchool::Uai)
        }
    }
}

impl FromStr for Uai {
    type Err = InvalidSchool;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uai::try_from(s.to_owned())
    }
}

impl From<Uai> for String {
    fn from(uai: Uai) -> String {
        uai.0
    }
}

impl fmt::Display for Uai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

coded_enum! {
    /// A class (every pupil is in exactly one per school year) or a teaching group, which may
    /// gather pupils from several classes (a Corsican-language group, a language section).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum GroupKind (unknown: InvalidSchool = InvalidSchool::GroupKind) {
        Class = "class",
        Group = "group",
    }
}

impl GroupKind {
    /// Whether a pupil may be in only one group of this kind per school year and school: joining
    /// another class moves the pupil, joining another group adds to the ones they are in.
    pub const fn one_per_year(self) -> bool {
        matches!(self, GroupKind::Class)
    }
}

/// A place a person can be given in a school by its admin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Place {
    /// A pupil in a class or group.
    Member,
    /// The teacher of a class or group.
    Teacher,
    /// The parent side of a parent–child link.
    Parent,
    /// The child side of a parent–child link.
    Child,
}

impl Place {
    /// The profile a person must hold in the school to be given this place.
    pub const fn requires(self) -> Profile {
        match self {
            Place::Member | Place::Child => Profile::Pupil,
            Place::Teacher => Profile::Teacher,
            Place::Parent => Profile::Parent,
        }
    }

    /// Checks that someone holding `roles` may take this place in `school`.
    pub fn check(self, roles: &[Role], school: SchoolId) -> Result<(), Misplaced> {
        let needed = Role {
            school,
            profile: self.requires(),
        };
        if roles.contains(&needed) {
            Ok(())
        } else {
            Err(Misplaced(self.requires()))
        }
    }
}

/// Someone was given a place that needs a profile they do not hold in that school.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("this place needs the {} profile in the school", .0.code())]
pub struct Misplaced(pub Profile);

/// A non-empty display name of bounded length (class, group, school, subject names).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Label(String);

impl Label {
    pub const MAX_CHARS: usize = 120;

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Label {
    type Error = InvalidSchool;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        let text = raw.trim();
        if text.is_empty() {
            Err(InvalidSchool::EmptyName)
        } else if text.chars().count() > Self::MAX_CHARS || text.chars().any(char::is_control) {
            Err(InvalidSchool::BadName)
        } else {
            Ok(Label(text.to_owned()))
        }
    }
}

impl From<Label> for String {
    fn from(label: Label) -> String {
        label.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum InvalidSchool {
    #[error("a UAI code is seven digits and a letter")]
    Uai,
    #[error("unknown kind of establishment")]
    Kind,
    #[error("unknown kind of group")]
    GroupKind,
    #[error("the name is empty")]
    EmptyName,
    #[error("the name is too long or holds control characters")]
    BadName,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uai_shape_and_key() {
        let uai: Uai = " 0049951v ".parse().expect("valid shape");
        assert_eq!(uai.as_str(), "0049951V");
        assert!(uai.key_matches());
        let fake: Uai = "1004001V".parse().expect("valid shape");
        assert!(!fake.key_matches());
        for bad in ["", "004995V", "00499511", "0049951VV", "A049951V"] {
            assert_eq!(bad.parse::<Uai>(), Err(InvalidSchool::Uai), "{bad}");
        }
    }

    #[test]
    fn labels_are_trimmed_and_bounded() {
        assert_eq!(
            Label::try_from("  5e B ".to_owned()).map(|l| l.as_str().to_owned()),
            Ok("5e B".to_owned())
        );
        assert_eq!(
            Label::try_from("   ".to_owned()),
            Err(InvalidSchool::EmptyName)
        );
        assert_eq!(
            Label::try_from("x".repeat(121)),
            Err(InvalidSchool::BadName)
        );
        assert_eq!(
            Label::try_from("a\u{0}b".to_owned()),
            Err(InvalidSchool::BadName)
        );
    }

    #[test]
    fn a_pupil_has_one_class_but_many_groups() {
        assert!(GroupKind::Class.one_per_year());
        assert!(!GroupKind::Group.one_per_year());
    }

    #[test]
    fn places_need_the_matching_profile_in_that_school() {
        const A: SchoolId = SchoolId::new(1);
        const B: SchoolId = SchoolId::new(2);
        let role = |school, profile| Role { school, profile };
        let pupil_a = [role(A, Profile::Pupil)];
        let teacher_b = [role(A, Profile::Staff), role(B, Profile::Teacher)];
        let parent_a = [role(A, Profile::Parent), role(A, Profile::Teacher)];
        // (what, place, roles held, school, the profile found missing)
        type Case<'a> = (&'a str, Place, &'a [Role], SchoolId, Option<Profile>);
        #[rustfmt::skip]
        let cases: &[Case] = &[
            ("pupil in a class of their school", Place::Member, &pupil_a, A, None),
            ("pupil of A in a class of B", Place::Member, &pupil_a, B, Some(Profile::Pupil)),
            ("pupil linked as a child", Place::Child, &pupil_a, A, None),
            ("pupil cannot teach", Place::Teacher, &pupil_a, A, Some(Profile::Teacher)),
            ("pupil is no parent", Place::Parent, &pupil_a, A, Some(Profile::Parent)),
            ("teacher where they teach", Place::Teacher, &teacher_b, B, None),
            ("teacher of B, staff in A", Place::Teacher, &teacher_b, A, Some(Profile::Teacher)),
            ("staff is no class member", Place::Member, &teacher_b, A, Some(Profile::Pupil)),
            ("parent who also teaches", Place::Parent, &parent_a, A, None),
            ("parent is not a child", Place::Child, &parent_a, A, Some(Profile::Pupil)),
            ("nobody without roles", Place::Member, &[], A, Some(Profile::Pupil)),
        ];
        for (what, place, roles, school, missing) in cases {
            let expected = missing.map_or(Ok(()), |p| Err(Misplaced(p)));
            assert_eq!(place.check(roles, *school), expected, "{what}");
        }
    }
}

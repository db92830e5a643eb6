//! Profiles: what a person is in a school.

use crate::ids::SchoolId;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The profiles of the French ENT framework (SDET). A person holds one per school they belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Profile {
    /// Élève.
    Pupil,
    /// Enseignant.
    Teacher,
    /// Parent: a person related to a pupil (responsable légal).
    Parent,
    /// Personnel: vie scolaire, administration, agents.
    Staff,
    /// Administrateur d'établissement.
    SchoolAdmin,
    /// Invité: a guest with access to nothing personal.
    Guest,
}

impl Profile {
    pub const ALL: [Profile; 6] = [
        Profile::Pupil,
        Profile::Teacher,
        Profile::Parent,
        Profile::Staff,
        Profile::SchoolAdmin,
        Profile::Guest,
    ];

    /// Stable code stored in the database and used in message keys.
    pub const fn code(self) -> &'static str {
        match self {
            Profile::Pupil => "pupil",
            Profile::Teacher => "teacher",
            Profile::Parent => "parent",
            Profile::Staff => "staff",
            Profile::SchoolAdmin => "school-admin",
            Profile::Guest => "guest",
        }
    }
}

impl FromStr for Profile {
    type Err = UnknownProfile;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Profile::ALL
            .into_iter()
            .find(|p| p.code() == s)
            .ok_or(UnknownProfile)
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown profile")]
pub struct UnknownProfile;

/// One profile held in one school.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Role {
    pub school: SchoolId,
    pub profile: Profile,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for p in Profile::ALL {
            assert_eq!(p.code().parse::<Profile>(), Ok(p));
        }
        assert!("eleve".parse::<Profile>().is_err());
    }
}

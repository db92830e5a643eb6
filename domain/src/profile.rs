//! Profiles: what a person is in a school.

use crate::coded::coded_enum;
use crate::ids::SchoolId;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// The profiles of the French ENT framework (SDET). A person holds one per school they belong to.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum Profile (unknown: UnknownProfile = UnknownProfile) {
        /// Élève.
        Pupil = "pupil",
        /// Enseignant.
        Teacher = "teacher",
        /// Parent: a person related to a pupil (responsable légal).
        Parent = "parent",
        /// Personnel: vie scolaire, administration, agents.
        Staff = "staff",
        /// Administrateur d'établissement.
        SchoolAdmin = "school-admin",
        /// Invité: a guest with access to nothing personal.
        Guest = "guest",
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

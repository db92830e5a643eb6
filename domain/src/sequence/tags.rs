//! What the library files a sequence under: a discipline and a level shared by every school
//! (each school's own subject codes differ), and a licence.

use crate::coded::coded_enum;
use serde::{Deserialize, Serialize};

/// A code this version does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown code")]
pub struct UnknownTag;

coded_enum! {
    /// The disciplines of the French curriculum, from école to lycée, as the library files them.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Discipline (unknown: UnknownTag = UnknownTag) {
        French = "french",
        Mathematics = "mathematics",
        Corsican = "corsican",
        HistoryGeography = "history_geography",
        Civics = "civics",
        LifeSciences = "life_sciences",
        PhysicsChemistry = "physics_chemistry",
        Technology = "technology",
        English = "english",
        Italian = "italian",
        Spanish = "spanish",
        German = "german",
        Classics = "classics",
        VisualArts = "visual_arts",
        Music = "music",
        PhysicalEducation = "physical_education",
        Economics = "economics",
        Philosophy = "philosophy",
        ComputerScience = "computer_science",
        Other = "other",
    }
}

coded_enum! {
    /// The school levels, CP to terminale, in the order pupils go through them; written in
    /// JSON as their codes.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Level (unknown: UnknownTag = UnknownTag) {
        Cp = "cp",
        Ce1 = "ce1",
        Ce2 = "ce2",
        Cm1 = "cm1",
        Cm2 = "cm2",
        #[serde(rename = "6e")]
        Sixieme = "6e",
        #[serde(rename = "5e")]
        Cinquieme = "5e",
        #[serde(rename = "4e")]
        Quatrieme = "4e",
        #[serde(rename = "3e")]
        Troisieme = "3e",
        #[serde(rename = "2de")]
        Seconde = "2de",
        #[serde(rename = "1re")]
        Premiere = "1re",
        #[serde(rename = "tle")]
        Terminale = "tle",
    }
}

coded_enum! {
    /// What others may do with a sequence. Only Creative Commons sequences go to the library:
    /// copying one is what the library is for.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Licence (unknown: UnknownTag = UnknownTag) {
        /// Creative Commons Attribution 4.0: copy and adapt, crediting the author.
        CcBy = "cc_by",
        /// Creative Commons Attribution-ShareAlike 4.0: the same, and adaptations keep it.
        CcBySa = "cc_by_sa",
        AllRightsReserved = "all_rights_reserved",
    }
}

impl Licence {
    /// Whether a sequence under this licence may be published to the library.
    pub fn shareable(self) -> bool {
        self != Licence::AllRightsReserved
    }

    /// Whether a copy of a sequence under this licence may carry `copy`'s: CC BY lets the
    /// adapter choose, CC BY-SA requires adaptations to keep it, and nothing may be copied
    /// from all rights reserved.
    pub fn allows_copy_under(self, copy: Licence) -> bool {
        match self {
            Licence::CcBy => true,
            Licence::CcBySa => copy == Licence::CcBySa,
            Licence::AllRightsReserved => false,
        }
    }

    /// The licence's deed, for the credit line.
    pub fn url(self) -> Option<&'static str> {
        match self {
            Licence::CcBy => Some("https://creativecommons.org/licenses/by/4.0/"),
            Licence::CcBySa => Some("https://creativecommons.org/licenses/by-sa/4.0/"),
            Licence::AllRightsReserved => None,
        }
    }
}

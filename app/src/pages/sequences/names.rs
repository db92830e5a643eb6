//! The names of the library's tags and of step states, in the reader's language.

use crate::i18n::msg::Sequences as M;
use domain::sequence::{Discipline, Level, Licence, StepState};

pub fn discipline(d: Discipline) -> M {
    match d {
        Discipline::French => M::DisciplineFrench,
        Discipline::Mathematics => M::DisciplineMathematics,
        Discipline::Corsican => M::DisciplineCorsican,
        Discipline::HistoryGeography => M::DisciplineHistoryGeography,
        Discipline::Civics => M::DisciplineCivics,
        Discipline::LifeSciences => M::DisciplineLifeSciences,
        Discipline::PhysicsChemistry => M::DisciplinePhysicsChemistry,
        Discipline::Technology => M::DisciplineTechnology,
        Discipline::English => M::DisciplineEnglish,
        Discipline::Italian => M::DisciplineItalian,
        Discipline::Spanish => M::DisciplineSpanish,
        Discipline::German => M::DisciplineGerman,
        Discipline::Classics => M::DisciplineClassics,
        Discipline::VisualArts => M::DisciplineVisualArts,
        Discipline::Music => M::DisciplineMusic,
        Discipline::PhysicalEducation => M::DisciplinePhysicalEducation,
        Discipline::Economics => M::DisciplineEconomics,
        Discipline::Philosophy => M::DisciplinePhilosophy,
        Discipline::ComputerScience => M::DisciplineComputerScience,
        Discipline::Other => M::DisciplineOther,
    }
}

pub fn level(l: Level) -> M {
    match l {
        Level::Cp => M::LevelCp,
        Level::Ce1 => M::LevelCe1,
        Level::Ce2 => M::LevelCe2,
        Level::Cm1 => M::LevelCm1,
        Level::Cm2 => M::LevelCm2,
        Level::Sixieme => M::LevelSixieme,
        Level::Cinquieme => M::LevelCinquieme,
        Level::Quatrieme => M::LevelQuatrieme,
        Level::Troisieme => M::LevelTroisieme,
        Level::Seconde => M::LevelSeconde,
        Level::Premiere => M::LevelPremiere,
        Level::Terminale => M::LevelTerminale,
    }
}

pub fn licence(l: Licence) -> M {
    match l {
        Licence::CcBy => M::LicenceCcBy,
        Licence::CcBySa => M::LicenceCcBySa,
        Licence::AllRightsReserved => M::LicenceAllRightsReserved,
    }
}

pub fn state(s: StepState) -> M {
    match s {
        StepState::Done => M::StateDone,
        StepState::Started => M::StateStarted,
        StepState::ToDo => M::StateToDo,
    }
}

/// The short mark of a state in a results grid, read with its name.
pub fn state_mark(s: StepState) -> &'static str {
    match s {
        StepState::Done => "✓",
        StepState::Started => "…",
        StepState::ToDo => "·",
    }
}

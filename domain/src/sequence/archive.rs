//! The open archive a sequence travels in between instances (and platforms): a zip holding
//!
//! - `scola-sequence.json`: the [`Manifest`] — the format's name and version, the sequence as
//!   written, and the list of its exercises with the files that hold them;
//! - `exercises/<id>.json`: each exercise as Scola writes it (`domain::exercise::Exercise`),
//!   what an import reads;
//! - `exercises/<id>.gift`: the same exercise in Moodle's GIFT, for other platforms (written,
//!   never read back: the JSON loses nothing, GIFT does).
//!
//! The ids in the archive are the exporting instance's: an import gives the exercises new ids
//! and points the steps to them. `docs/sequence-archive.md` describes the format for others.
//! Reading and writing the zip is the server's (`server::sequence_archive`); what makes an
//! archive acceptable is decided here.

#[cfg(feature = "exchange")]
mod zip_file;

#[cfg(feature = "exchange")]
pub use zip_file::{MAX_ARCHIVE_BYTES, pack, unpack};

use super::{Sequence, StepBody};
use crate::exercise::Exercise;
use crate::ids::ExerciseId;
use serde::{Deserialize, Serialize};

/// The manifest's file name in the archive.
pub const MANIFEST: &str = "scola-sequence.json";
/// What `format` says.
pub const FORMAT: &str = "scola-sequence";
/// The version this code writes and reads.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub sequence: Sequence,
    pub exercises: Vec<ArchivedExercise>,
}

/// Where an exercise of the sequence is in the archive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedExercise {
    /// As the sequence's steps name it.
    pub id: ExerciseId,
    /// Scola's JSON.
    pub file: String,
    /// The GIFT copy, if written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift: Option<String>,
}

/// Why an archive is refused, whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ArchiveProblem {
    #[error("not a zip archive")]
    NotAZip,
    #[error("the archive is too large")]
    TooLarge,
    #[error("no {MANIFEST} in the archive")]
    NoManifest,
    #[error("not a Scola sequence archive, or of a newer version")]
    UnknownFormat,
    /// A file the manifest names is missing, unreadable or not what it should be.
    #[error("the file {0} cannot be read")]
    Unreadable(String),
    /// A step gives an exercise the archive does not hold.
    #[error("step {0} gives an exercise the archive does not hold")]
    MissingExercise(super::StepId),
    /// The sequence or an exercise as written has problems.
    #[error("the sequence or its exercises have problems")]
    Problems,
}

impl Manifest {
    pub fn new(sequence: Sequence, exercises: Vec<ArchivedExercise>) -> Self {
        Manifest {
            format: FORMAT.into(),
            version: VERSION,
            sequence,
            exercises,
        }
    }

    /// The file names an export writes for an exercise.
    pub fn files_of(id: ExerciseId) -> ArchivedExercise {
        ArchivedExercise {
            id,
            file: format!("exercises/{id}.json"),
            gift: Some(format!("exercises/{id}.gift")),
        }
    }

    /// Whether this code reads this manifest, and every step's exercise is listed.
    pub fn check(&self) -> Result<(), ArchiveProblem> {
        if self.format != FORMAT || self.version != VERSION {
            return Err(ArchiveProblem::UnknownFormat);
        }
        for step in &self.sequence.steps {
            if let StepBody::Exercise { exercise } = step.body
                && !self.exercises.iter().any(|e| e.id == exercise)
            {
                return Err(ArchiveProblem::MissingExercise(step.id));
            }
        }
        Ok(())
    }
}

/// A sequence and its exercises read from an archive, checked: ready to be written with new ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpacked {
    pub sequence: Sequence,
    /// The archive's id of each exercise, with the exercise.
    pub exercises: Vec<(ExerciseId, Exercise)>,
}

impl Unpacked {
    /// Refuses a sequence or an exercise that could not be saved as written in the app.
    pub fn check(&self) -> Result<(), ArchiveProblem> {
        let exercises_fine = self.exercises.iter().all(|(_, e)| e.problems().is_empty());
        if self.sequence.problems().is_empty() && exercises_fine {
            Ok(())
        } else {
            Err(ArchiveProblem::Problems)
        }
    }
}

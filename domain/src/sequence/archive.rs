//! The open archive a sequence travels in between instances (and platforms): a zip holding
//!
//! - `scola-sequence.json`: the [`Manifest`] — the format's name and version, the sequence as
//!   written, and the list of its exercises with the files that hold them;
//! - `exercises/<id>.json`: each exercise as Scola writes it (`domain::exercise::Exercise`),
//!   what an import reads;
//! - `exercises/<id>.gift`: the same exercise in Moodle's GIFT, for other platforms (written,
//!   never read back: the JSON loses nothing, GIFT does);
//! - `media/<id>.<extension>`: the pictures and recordings the sequence and its exercises name
//!   ([`files_named`]), as they were uploaded, listed in the manifest with their kind and name.
//!
//! The ids in the archive are the exporting instance's: an import gives the exercises and the
//! media new ids, and points the steps and every file address to them ([`Unpacked::renamed`]). `docs/sequence-archive.md` describes the format for others.
//! Reading and writing the zip is the server's (`server::sequence_archive`); what makes an
//! archive acceptable is decided here.

#[cfg(feature = "exchange")]
mod rename;
#[cfg(feature = "exchange")]
mod zip_file;

#[cfg(feature = "exchange")]
pub use zip_file::{pack, unpack};

use super::{Sequence, StepBody};
use crate::exercise::Exercise;
use crate::file::{FileId, FileKind, FileProblem};
use crate::ids::ExerciseId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The largest archive read (and written): what one upload of an archive may be.
pub const MAX_ARCHIVE_BYTES: usize = 20 * 1024 * 1024;

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
    /// Absent from archives written before media travelled in them: they read as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<ArchivedMedia>,
}

/// A picture or a recording in the archive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedMedia {
    /// As the sequence and its exercises name it (`/files/<id>`, a dictation's recording).
    pub id: FileId,
    /// `media/<id>.<extension>`.
    pub file: String,
    /// Its media type (`image/png`, `audio/ogg`…); an import believes only the content.
    #[serde(rename = "type", with = "kind_code")]
    pub kind: FileKind,
    /// As its uploader's device named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A file kind written as its media type, the way other tools read it.
mod kind_code {
    use crate::file::FileKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(kind: &FileKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(kind.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<FileKind, D::Error> {
        let code = String::deserialize(d)?;
        code.parse()
            .map_err(|_| serde::de::Error::custom("unknown media type"))
    }
}

/// A picture or a recording with its bytes: what an export packs, what an import stores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Media {
    pub id: FileId,
    /// Packing: the kind recorded at upload. Unpacked: the kind its content shows.
    pub kind: FileKind,
    pub name: Option<String>,
    pub bytes: Vec<u8>,
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
    /// A media file is refused as an upload of it would be (its content is no picture or
    /// recording, it is too large, it is empty).
    #[error("the media file {file} is refused: {problem}")]
    Media { file: String, problem: FileProblem },
}

impl Manifest {
    pub fn new(
        sequence: Sequence,
        exercises: Vec<ArchivedExercise>,
        media: Vec<ArchivedMedia>,
    ) -> Self {
        Manifest {
            format: FORMAT.into(),
            version: VERSION,
            sequence,
            exercises,
            media,
        }
    }

    /// Where an export writes a media file, and what it says of it.
    pub fn media_of(media: &Media) -> ArchivedMedia {
        ArchivedMedia {
            id: media.id.clone(),
            file: format!("media/{}.{}", media.id, media.kind.extension()),
            kind: media.kind,
            name: media.name.clone(),
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

/// Every stored file the sequence and its exercises name, once: what an export carries (the
/// sequence's own are [`Sequence::files`]: its texts' addresses and its file steps).
pub fn files_named(sequence: &Sequence, exercises: &[(ExerciseId, Exercise)]) -> BTreeSet<FileId> {
    sequence
        .files()
        .into_iter()
        .chain(exercises.iter().flat_map(|(_, e)| e.files()))
        .collect()
}

/// A sequence and its exercises read from an archive, checked: ready to be written with new ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpacked {
    pub sequence: Sequence,
    /// The archive's id of each exercise, with the exercise.
    pub exercises: Vec<(ExerciseId, Exercise)>,
    /// Its pictures and recordings, each checked as an upload is (by content, size).
    pub media: Vec<Media>,
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

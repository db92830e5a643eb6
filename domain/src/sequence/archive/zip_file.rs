//! Writing and reading the archive's zip (feature `exchange`, server only). Reading is bounded
//! whatever the file says: its size, its number of entries and each entry's unpacked size (a zip
//! bomb stops at the bound, unread), and only the files the manifest names are read.

use super::{ArchiveProblem, ArchivedExercise, MANIFEST, Manifest, Unpacked};
use crate::exercise::Exercise;
use crate::exercise::exchange::gift;
use crate::ids::ExerciseId;
use crate::sequence::Sequence;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;

/// The largest archive read.
pub const MAX_ARCHIVE_BYTES: usize = 20 * 1024 * 1024;
/// The most entries an archive may list.
pub const MAX_ENTRIES: usize = 500;
/// The most bytes one file of the archive may unpack to.
pub const MAX_ENTRY_BYTES: u64 = 4 * 1024 * 1024;

/// The archive of `sequence` with its `exercises` (by the ids its steps use).
pub fn pack(
    sequence: &Sequence,
    exercises: &[(ExerciseId, Exercise)],
) -> Result<Vec<u8>, ArchiveProblem> {
    let broken = |_| ArchiveProblem::Unreadable(MANIFEST.into());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut listed = Vec::new();
    for (id, exercise) in exercises {
        let files = Manifest::files_of(*id);
        let json = serde_json::to_vec_pretty(exercise).map_err(|_| ArchiveProblem::Problems)?;
        zip.start_file(files.file.as_str(), options)
            .map_err(broken)?;
        zip.write_all(&json).map_err(|_| ArchiveProblem::TooLarge)?;
        if let Some(name) = &files.gift {
            let (text, _) = gift::export(exercise);
            zip.start_file(name.as_str(), options).map_err(broken)?;
            zip.write_all(text.as_bytes())
                .map_err(|_| ArchiveProblem::TooLarge)?;
        }
        listed.push(files);
    }
    let manifest = Manifest::new(sequence.clone(), listed);
    let json = serde_json::to_vec_pretty(&manifest).map_err(|_| ArchiveProblem::Problems)?;
    zip.start_file(MANIFEST, options).map_err(broken)?;
    zip.write_all(&json).map_err(|_| ArchiveProblem::TooLarge)?;
    let cursor = zip.finish().map_err(broken)?;
    Ok(cursor.into_inner())
}

/// The sequence and exercises of an archive, checked as the app checks what a teacher writes.
pub fn unpack(bytes: &[u8]) -> Result<Unpacked, ArchiveProblem> {
    if bytes.len() > MAX_ARCHIVE_BYTES {
        return Err(ArchiveProblem::TooLarge);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ArchiveProblem::NotAZip)?;
    if zip.len() > MAX_ENTRIES {
        return Err(ArchiveProblem::TooLarge);
    }
    let manifest_bytes = entry(&mut zip, MANIFEST).map_err(|problem| match problem {
        ArchiveProblem::Unreadable(_) => ArchiveProblem::NoManifest,
        other => other,
    })?;
    let manifest: Manifest =
        serde_json::from_slice(&manifest_bytes).map_err(|_| ArchiveProblem::UnknownFormat)?;
    manifest.check()?;
    let mut exercises = Vec::with_capacity(manifest.exercises.len());
    for ArchivedExercise { id, file, .. } in &manifest.exercises {
        let exercise: Exercise = serde_json::from_slice(&entry(&mut zip, file)?)
            .map_err(|_| ArchiveProblem::Unreadable(file.clone()))?;
        exercises.push((*id, exercise));
    }
    let unpacked = Unpacked {
        sequence: manifest.sequence,
        exercises,
    };
    unpacked.check()?;
    Ok(unpacked)
}

/// One file's bytes, refused past [`MAX_ENTRY_BYTES`] whatever its header claims.
fn entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, ArchiveProblem> {
    let file = zip
        .by_name(name)
        .map_err(|_| ArchiveProblem::Unreadable(name.into()))?;
    let mut bytes = Vec::new();
    file.take(MAX_ENTRY_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| ArchiveProblem::Unreadable(name.into()))?;
    if bytes.len() as u64 > MAX_ENTRY_BYTES {
        return Err(ArchiveProblem::TooLarge);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::fixtures::twenty_items;
    use crate::sequence::archive::{FORMAT, VERSION};
    use crate::sequence::{Discipline, Level, Licence, Step, StepBody, StepId};

    fn sequence() -> Sequence {
        Sequence {
            title: "I ghjorni".into(),
            language: "co".parse().expect("a tag"),
            discipline: Discipline::Corsican,
            level: Level::Sixieme,
            licence: Licence::CcBySa,
            summary: None,
            steps: vec![
                Step {
                    id: StepId::new(1),
                    title: "Lezzione".into(),
                    body: StepBody::Lesson {
                        text: "Luni, marti…".into(),
                    },
                },
                Step {
                    id: StepId::new(2),
                    title: "Eserciziu".into(),
                    body: StepBody::Exercise {
                        exercise: ExerciseId::new(7),
                    },
                },
            ],
            credits: vec![],
        }
    }

    #[test]
    fn an_archive_reads_back_as_written_with_a_gift_copy_beside() {
        let exercise = twenty_items();
        let bytes = pack(&sequence(), &[(ExerciseId::new(7), exercise.clone())]).expect("packed");
        let back = unpack(&bytes).expect("unpacked");
        assert_eq!(back.sequence, sequence());
        assert_eq!(back.exercises, vec![(ExerciseId::new(7), exercise)]);
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).expect("a zip");
        let mut gift = String::new();
        zip.by_name("exercises/7.gift")
            .expect("the GIFT copy")
            .read_to_string(&mut gift)
            .expect("text");
        assert!(gift.contains("// scola-exercise"));
    }

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in files {
            zip.start_file(*name, SimpleFileOptions::default())
                .expect("entry");
            zip.write_all(bytes).expect("bytes");
        }
        zip.finish().expect("zip").into_inner()
    }

    #[test]
    fn broken_and_hostile_archives_are_refused_whole() {
        assert_eq!(unpack(b"PK not really"), Err(ArchiveProblem::NotAZip));
        assert_eq!(
            unpack(&zip_of(&[("a.txt", b"x")])),
            Err(ArchiveProblem::NoManifest)
        );
        assert_eq!(
            unpack(&zip_of(&[(MANIFEST, br#"{"format":"other","version":1}"#)])),
            Err(ArchiveProblem::UnknownFormat)
        );
        // A step pointing to an exercise the archive lacks.
        let manifest = Manifest::new(sequence(), vec![]);
        let json = serde_json::to_vec(&manifest).expect("json");
        assert_eq!(
            unpack(&zip_of(&[(MANIFEST, &json)])),
            Err(ArchiveProblem::MissingExercise(StepId::new(2)))
        );
        // Listed but not there.
        let manifest = Manifest::new(sequence(), vec![Manifest::files_of(ExerciseId::new(7))]);
        let json = serde_json::to_vec(&manifest).expect("json");
        assert_eq!(
            unpack(&zip_of(&[(MANIFEST, &json)])),
            Err(ArchiveProblem::Unreadable("exercises/7.json".into()))
        );
        // A newer version is not guessed at.
        let mut newer = Manifest::new(sequence(), vec![]);
        newer.version = VERSION + 1;
        assert_eq!(newer.format, FORMAT);
        let json = serde_json::to_vec(&newer).expect("json");
        assert_eq!(
            unpack(&zip_of(&[(MANIFEST, &json)])),
            Err(ArchiveProblem::UnknownFormat)
        );
        // A bomb: a small file unpacking past the bound stops there.
        let bomb = vec![b' '; usize::try_from(MAX_ENTRY_BYTES).expect("fits") + 10];
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(
            MANIFEST,
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated),
        )
        .expect("entry");
        zip.write_all(&bomb).expect("bytes");
        let bytes = zip.finish().expect("zip").into_inner();
        assert!(bytes.len() < 100_000, "deflated to {}", bytes.len());
        assert_eq!(unpack(&bytes), Err(ArchiveProblem::TooLarge));
        // An exercise that could not be saved in the app is not imported either.
        let mut broken = twenty_items();
        broken.title.clear();
        let bytes = pack(&sequence(), &[(ExerciseId::new(7), broken)]).expect("packed");
        assert_eq!(unpack(&bytes), Err(ArchiveProblem::Problems));
    }
}

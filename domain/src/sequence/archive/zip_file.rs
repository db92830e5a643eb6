//! Writing and reading the archive's zip (feature `exchange`, server only). Reading is bounded
//! whatever the file says: its size, its number of entries and each entry's unpacked size (a zip
//! bomb stops at the bound, unread), and only the files the manifest names are read. Media are
//! checked as uploads are: by their content and against the size limit of their use.

use super::{
    ArchiveProblem, ArchivedExercise, ArchivedMedia, MANIFEST, MAX_ARCHIVE_BYTES, Manifest, Media,
    Unpacked,
};
use crate::exercise::Exercise;
use crate::exercise::exchange::gift;
use crate::file::{FileProblem, FileUse, Intake, SizeLimits};
use crate::ids::ExerciseId;
use crate::sequence::Sequence;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;

/// The most entries an archive may list.
pub const MAX_ENTRIES: usize = 500;
/// The most bytes one JSON file of the archive may unpack to.
pub const MAX_ENTRY_BYTES: u64 = 4 * 1024 * 1024;
/// The most bytes all the files read from an archive may unpack to together: media hardly
/// shrink when zipped, so twice the archive is room enough, and a bomb of many entries stops.
pub const MAX_UNPACKED_BYTES: u64 = 2 * MAX_ARCHIVE_BYTES as u64;

/// The archive of `sequence` with its `exercises` (by the ids its steps use) and the `media`
/// they name.
pub fn pack(
    sequence: &Sequence,
    exercises: &[(ExerciseId, Exercise)],
    media: &[Media],
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
    // Pictures and recordings are compressed already: stored as they are.
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut archived = Vec::with_capacity(media.len());
    for file in media {
        let listed = Manifest::media_of(file);
        zip.start_file(listed.file.as_str(), stored)
            .map_err(broken)?;
        zip.write_all(&file.bytes)
            .map_err(|_| ArchiveProblem::TooLarge)?;
        archived.push(listed);
    }
    let manifest = Manifest::new(sequence.clone(), listed, archived);
    let json = serde_json::to_vec_pretty(&manifest).map_err(|_| ArchiveProblem::Problems)?;
    zip.start_file(MANIFEST, options).map_err(broken)?;
    zip.write_all(&json).map_err(|_| ArchiveProblem::TooLarge)?;
    let bytes = zip.finish().map_err(broken)?.into_inner();
    // What could not be imported is not exported either.
    if bytes.len() > MAX_ARCHIVE_BYTES {
        return Err(ArchiveProblem::TooLarge);
    }
    Ok(bytes)
}

/// The sequence, exercises and media of an archive, checked as the app checks what a teacher
/// writes and uploads (`limits`: the instance's limits of pictures and recordings).
pub fn unpack(bytes: &[u8], limits: SizeLimits) -> Result<Unpacked, ArchiveProblem> {
    if bytes.len() > MAX_ARCHIVE_BYTES {
        return Err(ArchiveProblem::TooLarge);
    }
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ArchiveProblem::NotAZip)?;
    if zip.len() > MAX_ENTRIES {
        return Err(ArchiveProblem::TooLarge);
    }
    let mut read = Reading {
        zip,
        total: MAX_UNPACKED_BYTES,
    };
    let manifest_bytes =
        read.entry(MANIFEST, MAX_ENTRY_BYTES)
            .map_err(|problem| match problem {
                ArchiveProblem::Unreadable(_) => ArchiveProblem::NoManifest,
                other => other,
            })?;
    let manifest: Manifest =
        serde_json::from_slice(&manifest_bytes).map_err(|_| ArchiveProblem::UnknownFormat)?;
    manifest.check()?;
    let mut exercises = Vec::with_capacity(manifest.exercises.len());
    for ArchivedExercise { id, file, .. } in &manifest.exercises {
        let exercise: Exercise = serde_json::from_slice(&read.entry(file, MAX_ENTRY_BYTES)?)
            .map_err(|_| ArchiveProblem::Unreadable(file.clone()))?;
        exercises.push((*id, exercise));
    }
    let mut media = Vec::with_capacity(manifest.media.len());
    for listed in &manifest.media {
        media.push(read.media(listed, limits)?);
    }
    let unpacked = Unpacked {
        sequence: manifest.sequence,
        exercises,
        media,
    };
    unpacked.check()?;
    Ok(unpacked)
}

/// An archive being read, with what may still be unpacked from it.
struct Reading<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    total: u64,
}

impl Reading<'_> {
    /// One file's bytes, refused past `max` (or what is left of [`MAX_UNPACKED_BYTES`])
    /// whatever its header claims.
    fn entry(&mut self, name: &str, max: u64) -> Result<Vec<u8>, ArchiveProblem> {
        let file = self
            .zip
            .by_name(name)
            .map_err(|_| ArchiveProblem::Unreadable(name.into()))?;
        let bound = max.min(self.total);
        let mut bytes = Vec::new();
        file.take(bound + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| ArchiveProblem::Unreadable(name.into()))?;
        let size = bytes.len() as u64;
        if size > bound {
            return Err(ArchiveProblem::TooLarge);
        }
        self.total -= size;
        Ok(bytes)
    }

    /// A picture, a recording or a document, judged by its content as an upload of it would be:
    /// what the manifest says only chooses which of them it should be.
    fn media(
        &mut self,
        listed: &ArchivedMedia,
        limits: SizeLimits,
    ) -> Result<Media, ArchiveProblem> {
        let usage = FileUse::of_media(listed.kind);
        let refused = |problem| ArchiveProblem::Media {
            file: listed.file.clone(),
            problem,
        };
        let max = limits.of(usage);
        // Past the file's own limit, it is the file that is refused; past what is left of the
        // whole, the archive.
        let own_limit = max < self.total;
        let bytes = self
            .entry(&listed.file, max)
            .map_err(|problem| match problem {
                ArchiveProblem::TooLarge if own_limit => refused(FileProblem::TooBig { max }),
                other => other,
            })?;
        let mut intake = Intake::new(usage, limits);
        intake.take(&bytes).map_err(refused)?;
        let (kind, _) = intake.finish().map_err(refused)?;
        Ok(Media {
            id: listed.id.clone(),
            kind,
            name: listed.name.as_deref().and_then(crate::file::clean_name),
            bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::fixtures::twenty_items;
    use crate::file::{FileId, FileKind};
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
        let bytes =
            pack(&sequence(), &[(ExerciseId::new(7), exercise.clone())], &[]).expect("packed");
        let back = unpack(&bytes, SizeLimits::default()).expect("unpacked");
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
        assert_eq!(
            unpack(b"PK not really", SizeLimits::default()),
            Err(ArchiveProblem::NotAZip)
        );
        assert_eq!(
            unpack(&zip_of(&[("a.txt", b"x")]), SizeLimits::default()),
            Err(ArchiveProblem::NoManifest)
        );
        assert_eq!(
            unpack(
                &zip_of(&[(MANIFEST, br#"{"format":"other","version":1}"#)]),
                SizeLimits::default()
            ),
            Err(ArchiveProblem::UnknownFormat)
        );
        // A step pointing to an exercise the archive lacks.
        let manifest = Manifest::new(sequence(), vec![], vec![]);
        let json = serde_json::to_vec(&manifest).expect("json");
        assert_eq!(
            unpack(&zip_of(&[(MANIFEST, &json)]), SizeLimits::default()),
            Err(ArchiveProblem::MissingExercise(StepId::new(2)))
        );
        // Listed but not there.
        let manifest = Manifest::new(
            sequence(),
            vec![Manifest::files_of(ExerciseId::new(7))],
            vec![],
        );
        let json = serde_json::to_vec(&manifest).expect("json");
        assert_eq!(
            unpack(&zip_of(&[(MANIFEST, &json)]), SizeLimits::default()),
            Err(ArchiveProblem::Unreadable("exercises/7.json".into()))
        );
        // A newer version is not guessed at.
        let mut newer = Manifest::new(sequence(), vec![], vec![]);
        newer.version = VERSION + 1;
        assert_eq!(newer.format, FORMAT);
        let json = serde_json::to_vec(&newer).expect("json");
        assert_eq!(
            unpack(&zip_of(&[(MANIFEST, &json)]), SizeLimits::default()),
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
        assert_eq!(
            unpack(&bytes, SizeLimits::default()),
            Err(ArchiveProblem::TooLarge)
        );
        // An exercise that could not be saved in the app is not imported either.
        let mut broken = twenty_items();
        broken.title.clear();
        let bytes = pack(&sequence(), &[(ExerciseId::new(7), broken)], &[]).expect("packed");
        assert_eq!(
            unpack(&bytes, SizeLimits::default()),
            Err(ArchiveProblem::Problems)
        );
    }

    const OLD_PICTURE: &str = "0123456789abcdef0123456789abcdef";
    const OLD_RECORDING: &str = "fedcba9876543210fedcba9876543210";

    fn picture() -> Vec<u8> {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.resize(2_000, 7);
        png
    }

    /// An exercise showing a picture in its statement and reading a recording in a dictation.
    fn with_media() -> Exercise {
        let mut exercise = twenty_items();
        exercise.statement = Some(format!("Fighjate : ![u mare](/files/{OLD_PICTURE}.png)"));
        for item in &mut exercise.items {
            if let crate::exercise::ItemKind::Dictation(dictation) = &mut item.kind {
                dictation.audio = Some(OLD_RECORDING.to_owned().try_into().expect("a reference"));
            }
        }
        exercise
    }

    fn media(id: &str, kind: FileKind, bytes: Vec<u8>) -> Media {
        Media {
            id: id.parse().expect("an id"),
            kind,
            name: Some(format!("{kind:?}.{}", kind.extension())),
            bytes,
        }
    }

    #[test]
    fn media_travel_with_the_exercises_and_are_renamed_on_import() {
        let exercise = with_media();
        let seven = [(ExerciseId::new(7), exercise.clone())];
        let named = super::super::files_named(&sequence(), &seven);
        let named: Vec<String> = named.iter().map(ToString::to_string).collect();
        assert_eq!(named, vec![OLD_PICTURE, OLD_RECORDING]);
        let mut ogg = b"OggS\0\x02\0\0\0\0\0\0\0\0".to_vec();
        ogg.resize(3_000, 1);
        let files = [
            media(OLD_PICTURE, FileKind::Png, picture()),
            media(OLD_RECORDING, FileKind::Ogg, ogg.clone()),
        ];
        let bytes = pack(&sequence(), &seven, &files).expect("packed");
        let back = unpack(&bytes, SizeLimits::default()).expect("unpacked");
        assert_eq!(back.media, files.to_vec());
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).expect("a zip");
        assert!(zip.by_name(&format!("media/{OLD_PICTURE}.png")).is_ok());

        let new_picture: FileId = "11111111111111111111111111111111".parse().expect("id");
        let new_recording: FileId = "22222222222222222222222222222222".parse().expect("id");
        let renames = [
            (OLD_PICTURE.parse().expect("id"), new_picture.clone()),
            (OLD_RECORDING.parse().expect("id"), new_recording.clone()),
        ]
        .into_iter()
        .collect();
        let (_, exercises) = back.renamed(&renames).expect("renamed");
        let files = exercises[0].1.files();
        assert_eq!(files, [new_picture, new_recording].into_iter().collect());
        let statement = exercises[0].1.statement.clone().unwrap_or_default();
        assert!(statement.ends_with("(/files/11111111111111111111111111111111.png)"));
    }

    #[test]
    fn a_file_steps_document_travels_and_is_renamed() {
        use crate::sequence::{Step, StepBody, StepId};
        let mut with_document = sequence();
        let old: FileId = "33333333333333333333333333333333".parse().expect("id");
        with_document.steps.push(Step {
            id: StepId::new(9),
            title: "A scheda".into(),
            body: StepBody::File {
                file: old.clone(),
                kind: FileKind::Pdf,
            },
        });
        let seven = [(ExerciseId::new(7), with_media())];
        assert!(super::super::files_named(&with_document, &seven).contains(&old));
        let mut pdf = b"%PDF-1.4\n".to_vec();
        pdf.resize(2_000, b' ');
        let files = [media(&old.to_string(), FileKind::Pdf, pdf)];
        let bytes = pack(&with_document, &seven, &files).expect("packed");
        let back = unpack(&bytes, SizeLimits::default()).expect("a document is a media file");
        assert_eq!(back.media, files.to_vec());
        let new: FileId = "44444444444444444444444444444444".parse().expect("id");
        let (sequence, _) = back
            .renamed(&[(old, new.clone())].into_iter().collect())
            .expect("renamed");
        assert_eq!(
            sequence.steps.last().map(|s| s.body.clone()),
            Some(StepBody::File {
                file: new,
                kind: FileKind::Pdf
            })
        );
    }

    #[test]
    fn a_media_file_is_refused_as_its_upload_would_be() {
        let seven = [(ExerciseId::new(7), with_media())];
        let html = b"<html><script>alert(1)</script></html>".to_vec();
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>".to_vec();
        for (kind, bytes) in [(FileKind::Png, html), (FileKind::Png, svg)] {
            let bytes =
                pack(&sequence(), &seven, &[media(OLD_PICTURE, kind, bytes)]).expect("packed");
            assert_eq!(
                unpack(&bytes, SizeLimits::default()),
                Err(ArchiveProblem::Media {
                    file: format!("media/{OLD_PICTURE}.png"),
                    problem: FileProblem::NotAccepted {
                        usage: FileUse::Image
                    }
                })
            );
        }
        // A picture passed off as a recording is no recording.
        let bytes = pack(
            &sequence(),
            &seven,
            &[media(OLD_RECORDING, FileKind::Ogg, picture())],
        )
        .expect("packed");
        assert!(matches!(
            unpack(&bytes, SizeLimits::default()),
            Err(ArchiveProblem::Media {
                problem: FileProblem::NotAccepted {
                    usage: FileUse::Audio
                },
                ..
            })
        ));
        // Larger than the instance takes for a picture.
        let small = SizeLimits {
            image: 1_000,
            ..SizeLimits::default()
        };
        let bytes = pack(
            &sequence(),
            &seven,
            &[media(OLD_PICTURE, FileKind::Png, picture())],
        )
        .expect("packed");
        assert!(matches!(
            unpack(&bytes, small),
            Err(ArchiveProblem::Media {
                problem: FileProblem::TooBig { max: 1_000 },
                ..
            })
        ));
    }

    #[test]
    fn an_archive_written_before_media_reads_as_before() {
        let exercise = serde_json::to_vec(&twenty_items()).expect("json");
        let manifest = br#"{"format": "scola-sequence", "version": 1,
            "sequence": {"title": "I ghjorni", "language": "co", "discipline": "corsican",
              "level": "6e", "licence": "cc_by_sa",
              "steps": [{"id": 2, "title": "Eserciziu", "type": "exercise", "exercise": 7}]},
            "exercises": [{"id": 7, "file": "exercises/7.json"}]}"#;
        let back = unpack(
            &zip_of(&[(MANIFEST, manifest), ("exercises/7.json", &exercise)]),
            SizeLimits::default(),
        )
        .expect("read");
        assert!(back.media.is_empty());
        assert_eq!(back.exercises.len(), 1);
    }
}

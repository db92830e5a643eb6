//! Files people upload (a dictation's recording, a picture in a statement, a pupil's spoken
//! answer): the opaque ids they are stored and served under, which kinds each use accepts, told
//! by their first bytes (never by their name or by what the browser claims), and how big they
//! may be.

use crate::coded::coded_enum;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A stored file: 128 random bits, written as 32 lowercase hexadecimal digits. Random rather than
/// counted, so that an id says nothing about how many files there are and cannot be guessed;
/// who may read a file is still decided for every request.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FileId(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("not a file id")]
pub struct InvalidFileId;

/// A file being sent in parts (`homework::Upload`): random like a [`FileId`], never one (the
/// file it becomes gets its own id once whole and checked).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UploadId(FileId);

impl UploadId {
    pub fn from_random(bytes: [u8; 16]) -> UploadId {
        UploadId(FileId::from_random(bytes))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl FromStr for UploadId {
    type Err = InvalidFileId;
    fn from_str(raw: &str) -> Result<UploadId, InvalidFileId> {
        raw.parse().map(UploadId)
    }
}

impl fmt::Display for UploadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where files are served: `/files/<id>` and, in Markdown, `/files/<id>.<extension>`, whose
/// extension tells the renderer an audio file from an image (see `markdown::urls::is_audio`).
pub const URL_PREFIX: &str = "/files/";

impl FileId {
    const LEN: usize = 32;

    /// The id made of these random bytes.
    pub fn from_random(bytes: [u8; 16]) -> FileId {
        use fmt::Write;
        let mut id = String::with_capacity(Self::LEN);
        for byte in bytes {
            let _ = write!(id, "{byte:02x}");
        }
        FileId(id)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address a page loads it from, with the extension of its kind.
    pub fn url(&self, kind: FileKind) -> String {
        format!("{URL_PREFIX}{}.{}", self.0, kind.extension())
    }

    /// Every file id named by a `/files/<id>` address in `text`, in order (repeats included).
    /// A plain scan rather than a Markdown parse: it finds the addresses of images, audio and
    /// links alike, and whatever it finds is checked by whoever acts on it.
    pub fn in_text(text: &str) -> impl Iterator<Item = FileId> + '_ {
        text.match_indices(URL_PREFIX).filter_map(|(at, _)| {
            let rest = &text[at + URL_PREFIX.len()..];
            let candidate = rest.get(..Self::LEN)?;
            let ends = rest[Self::LEN..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_alphanumeric());
            ends.then(|| candidate.parse().ok()).flatten()
        })
    }

    /// The id in a served file's last path segment (`<id>` or `<id>.<extension>`).
    pub fn from_segment(segment: &str) -> Result<FileId, InvalidFileId> {
        let stem = segment.split_once('.').map_or(segment, |(stem, _)| stem);
        stem.parse()
    }
}

impl FromStr for FileId {
    type Err = InvalidFileId;
    fn from_str(raw: &str) -> Result<FileId, InvalidFileId> {
        let hex = raw.len() == Self::LEN
            && raw
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if hex {
            Ok(FileId(raw.to_owned()))
        } else {
            Err(InvalidFileId)
        }
    }
}

impl TryFrom<String> for FileId {
    type Error = InvalidFileId;
    fn try_from(raw: String) -> Result<FileId, InvalidFileId> {
        raw.parse()
    }
}

impl From<FileId> for String {
    fn from(id: FileId) -> String {
        id.0
    }
}

impl fmt::Display for FileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

coded_enum! {
    /// The kinds of file Scola keeps, known by their content. The code is the media type they
    /// are served with.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum FileKind (unknown: UnknownFileKind = UnknownFileKind) {
        Png = "image/png",
        Jpeg = "image/jpeg",
        Gif = "image/gif",
        Webp = "image/webp",
        /// Ogg, Vorbis or Opus inside (Firefox records this).
        Ogg = "audio/ogg",
        /// WebM, Opus inside (Chrome records this).
        Webm = "audio/webm",
        Mp3 = "audio/mpeg",
        /// MPEG-4 audio (`.m4a`; Safari records this).
        M4a = "audio/mp4",
        Wav = "audio/wav",
        /// A document to read as it was laid out (a worksheet, a text, a map).
        Pdf = "application/pdf",
        /// A sequence's archive (`sequence::archive`), uploaded to be imported or made to be
        /// downloaded; never shown in a page.
        Zip = "application/zip",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown file kind")]
pub struct UnknownFileKind;

/// How many first bytes [`FileKind::sniff`] needs to tell every kind (WebM names itself within
/// its first 256 bytes); fewer will do for a file that is shorter.
pub const SNIFF_BYTES: usize = 512;

impl FileKind {
    /// What the first bytes of a file say it is, if it is a kind Scola keeps. SVG is never one:
    /// an SVG document can carry scripts.
    pub fn sniff(head: &[u8]) -> Option<FileKind> {
        let found = infer::get(head)?;
        Some(match found.mime_type() {
            "image/png" => FileKind::Png,
            "image/jpeg" => FileKind::Jpeg,
            "image/gif" => FileKind::Gif,
            "image/webp" => FileKind::Webp,
            "audio/ogg" | "audio/opus" => FileKind::Ogg,
            // A WebM file recorded without video is audio to an `<audio>` element.
            "video/webm" => FileKind::Webm,
            "audio/mpeg" => FileKind::Mp3,
            // Safari records into an ISO MP4 container, which `infer` names video.
            "audio/m4a" | "video/mp4" => FileKind::M4a,
            "audio/x-wav" => FileKind::Wav,
            // `infer` takes "%PDF" anywhere in the first kilobyte, as readers do; Scola takes a
            // file that starts as a PDF, so that no page or script before it rides along.
            "application/pdf" if head.starts_with(b"%PDF-") => FileKind::Pdf,
            "application/zip" => FileKind::Zip,
            _ => return None,
        })
    }

    pub fn is_audio(self) -> bool {
        self.code().starts_with("audio/")
    }

    pub fn is_image(self) -> bool {
        self.code().starts_with("image/")
    }

    /// Whether a page shows it (pictures, recordings) or the browser saves it for the device's
    /// own reader (a PDF, which can carry scripts, is never opened in Scola's origin).
    pub fn shown_inline(self) -> bool {
        self.is_image() || self.is_audio()
    }

    /// The extension of its address, which the Markdown renderer reads (`.ogg` plays).
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Png => "png",
            FileKind::Jpeg => "jpg",
            FileKind::Gif => "gif",
            FileKind::Webp => "webp",
            FileKind::Ogg => "ogg",
            FileKind::Webm => "weba",
            FileKind::Mp3 => "mp3",
            FileKind::M4a => "m4a",
            FileKind::Wav => "wav",
            FileKind::Pdf => "pdf",
            FileKind::Zip => "zip",
        }
    }
}

coded_enum! {
    /// What a file is uploaded for, which decides the kinds it may be, its size limit and who may
    /// upload it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum FileUse (unknown: UnknownFileUse = UnknownFileUse) {
        /// A recording in an exercise (a dictation's).
        Audio = "audio",
        /// A picture in an exercise's text.
        Image = "image",
        /// What a step of a sequence shows: a document, a picture or a recording.
        Resource = "resource",
        /// A sequence's archive: one a teacher uploads to import it, or one made for them to
        /// download (`sequence::archive`). Read only by its owner, and removed once used.
        Archive = "archive",
        /// A pupil's spoken answer to a free-text item, recorded during an attempt of theirs.
        AnswerAudio = "answer_audio",
        /// A pupil's work handed in for a homework: a document, a photo of a page, a recording.
        HandIn = "hand_in",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown file use")]
pub struct UnknownFileUse;

impl FileUse {
    /// What a file of `kind` travelling in a sequence's archive is stored as once imported
    /// (and checked as): a recording, a picture, or a step's document.
    pub fn of_media(kind: FileKind) -> FileUse {
        if kind.is_audio() {
            FileUse::Audio
        } else if kind.is_image() {
            FileUse::Image
        } else {
            FileUse::Resource
        }
    }

    pub fn accepts(self, kind: FileKind) -> bool {
        match self {
            FileUse::Audio | FileUse::AnswerAudio => kind.is_audio(),
            FileUse::Image => kind.is_image(),
            FileUse::Resource | FileUse::HandIn => {
                kind.is_audio() || kind.is_image() || kind == FileKind::Pdf
            }
            FileUse::Archive => kind == FileKind::Zip,
        }
    }
}

/// The largest file of each use, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SizeLimits {
    pub audio: u64,
    pub image: u64,
    pub resource: u64,
    pub archive: u64,
}

impl Default for SizeLimits {
    /// A few minutes of speech in a compressed format; a photo from a phone; a worksheet of a
    /// few scanned pages; a sequence's archive as large as an import reads.
    fn default() -> Self {
        SizeLimits {
            audio: 20 * 1024 * 1024,
            image: 5 * 1024 * 1024,
            resource: 20 * 1024 * 1024,
            archive: crate::sequence::archive::MAX_ARCHIVE_BYTES as u64,
        }
    }
}

impl SizeLimits {
    pub fn of(self, usage: FileUse) -> u64 {
        match usage {
            FileUse::Audio | FileUse::AnswerAudio => self.audio,
            FileUse::Image => self.image,
            FileUse::Resource | FileUse::HandIn => self.resource,
            FileUse::Archive => self.archive,
        }
    }
}

/// Why an upload is refused; nothing of it is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FileProblem {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than {max} bytes")]
    TooBig { max: u64 },
    /// Its content is no kind this use accepts (whatever its name says).
    #[error("the file is not of a kind accepted here")]
    NotAccepted { usage: FileUse },
    /// A spoken answer sent once its attempt is handed in or the assignment closed.
    #[error("the attempt takes no more answers")]
    AttemptClosed,
    /// A file sent in parts: a part refused (nothing of it kept), or the upload cannot start.
    #[error("{problem}")]
    Part {
        problem: crate::homework::UploadError,
    },
}

/// Checks an upload as its bytes arrive: its size against the limit, its kind from its first
/// bytes. The same rule for every store and every way of sending.
#[derive(Clone, Debug)]
pub struct Intake {
    usage: FileUse,
    max: u64,
    size: u64,
    head: Vec<u8>,
    kind: Option<FileKind>,
}

impl Intake {
    pub fn new(usage: FileUse, limits: SizeLimits) -> Intake {
        Intake {
            usage,
            max: limits.of(usage),
            size: 0,
            head: Vec::new(),
            kind: None,
        }
    }

    /// Takes the next bytes; refuses as soon as the file is too big or its first bytes are
    /// enough to say it is of a kind not accepted.
    pub fn take(&mut self, chunk: &[u8]) -> Result<(), FileProblem> {
        self.size = self.size.saturating_add(chunk.len() as u64);
        if self.size > self.max {
            return Err(FileProblem::TooBig { max: self.max });
        }
        if self.kind.is_none() {
            let wanted = SNIFF_BYTES - self.head.len();
            self.head
                .extend_from_slice(&chunk[..chunk.len().min(wanted)]);
            if self.head.len() >= SNIFF_BYTES {
                self.kind = Some(self.judge()?);
            }
        }
        Ok(())
    }

    /// The whole file has arrived: its kind and size, or why it is refused.
    pub fn finish(mut self) -> Result<(FileKind, u64), FileProblem> {
        if self.size == 0 {
            return Err(FileProblem::Empty);
        }
        let kind = match self.kind.take() {
            Some(kind) => kind,
            None => self.judge()?,
        };
        Ok((kind, self.size))
    }

    fn judge(&self) -> Result<FileKind, FileProblem> {
        FileKind::sniff(&self.head)
            .filter(|kind| self.usage.accepts(*kind))
            .ok_or(FileProblem::NotAccepted { usage: self.usage })
    }
}

/// A file name as given by the uploader, kept to be offered when downloading: at most 200
/// characters, no path, no control characters; `None` when nothing is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    let cleaned = cleaned.trim();
    (!cleaned.is_empty() && cleaned != "." && cleaned != "..").then(|| cleaned.to_owned())
}

#[cfg(test)]
mod tests;

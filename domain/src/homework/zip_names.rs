//! The names of the entries of one zip holding a class's hand-ins: a folder per pupil
//! (`Nom Prénom/`), each file numbered in the order it was handed in (`01-original.pdf`).
//!
//! A zip entry's name becomes a path on the teacher's computer, so every part is made safe for
//! the systems teachers unzip on: no separator or `..` (nothing lands outside the folder), no
//! control character, none of the characters Windows refuses (`: * ? " < > |`), no name Windows
//! reserves (`CON`, `NUL`, `COM1` …), no leading dot (hidden) or trailing dot or space (dropped
//! by Windows), a bounded length; names kept unique ignoring case (Windows and macOS disks do).
//! Letters of every language stay as they are, composed (NFC): Ghjuvan Battista, Ùghjettu.

use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

/// The longest name of a folder or a file, in characters (well under every system's 255 bytes,
/// even in four-byte characters).
pub const MAX_NAME_CHARS: usize = 60;
/// An extension is kept through truncation when it is this short and plain.
const MAX_EXTENSION_CHARS: usize = 8;

const WINDOWS_RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Gives names in one zip, each new one unique among those given.
#[derive(Clone, Debug, Default)]
pub struct ZipNames {
    /// Every path given, folded to lower case.
    taken: BTreeSet<String>,
}

impl ZipNames {
    pub fn new() -> ZipNames {
        ZipNames::default()
    }

    /// The folder of a pupil named `pupil` (`Nom Prénom`), without its `/`; a second pupil of
    /// the same name gets `Nom Prénom (2)`.
    pub fn folder(&mut self, pupil: &str) -> String {
        let base = safe_part(pupil, "eleve");
        let stem = base.split('.').next().unwrap_or(&base).to_lowercase();
        let base = if WINDOWS_RESERVED.contains(&stem.trim_end()) {
            format!("_{base}")
        } else {
            base
        };
        self.unique("", &base)
    }

    /// The entry of the `number`th file (from 1) handed in, named `original`, in `folder`
    /// (as [`ZipNames::folder`] gave it).
    pub fn file(&mut self, folder: &str, number: usize, original: &str) -> String {
        let base = truncate(&format!("{number:02}-{}", safe_part(original, "fichier")));
        format!("{folder}/{}", self.unique(&format!("{folder}/"), &base))
    }

    /// `base`, or `base (2)`, `base (3)` … before its extension, whichever `prefix` + it is
    /// not taken yet; then taken.
    fn unique(&mut self, prefix: &str, base: &str) -> String {
        let (stem, extension) = split_extension(base);
        let mut candidate = base.to_owned();
        let mut n = 1;
        while self
            .taken
            .contains(&format!("{prefix}{candidate}").to_lowercase())
        {
            n += 1;
            let suffix = format!(" ({n})");
            let room = MAX_NAME_CHARS - suffix.chars().count() - extension.chars().count();
            let stem: String = stem.chars().take(room).collect();
            candidate = format!("{}{suffix}{extension}", stem.trim_end());
        }
        self.taken
            .insert(format!("{prefix}{candidate}").to_lowercase());
        candidate
    }
}

/// The entries for a class: for each pupil (their name, then the original names of their
/// files in order), the entries of their files.
pub fn zip_names(pupils: &[(String, Vec<String>)]) -> Vec<Vec<String>> {
    let mut names = ZipNames::new();
    pupils
        .iter()
        .map(|(pupil, files)| {
            let folder = names.folder(pupil);
            files
                .iter()
                .enumerate()
                .map(|(i, original)| names.file(&folder, i + 1, original))
                .collect()
        })
        .collect()
}

/// One safe path part made of `raw`, or `fallback` when nothing of it is left.
fn safe_part(raw: &str, fallback: &str) -> String {
    let mut cleaned = String::with_capacity(raw.len());
    for c in raw.nfc() {
        match c {
            c if c.is_control() => {}
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => cleaned.push('_'),
            // `..` anywhere becomes `.`: no part can read as the parent folder.
            '.' if cleaned.ends_with('.') => {}
            c if c.is_whitespace() => {
                if !cleaned.ends_with(' ') {
                    cleaned.push(' ');
                }
            }
            c => cleaned.push(c),
        }
    }
    let trimmed = cleaned
        .trim_matches(|c: char| c == ' ' || c == '.')
        .to_owned();
    let bounded = truncate(&trimmed);
    let bounded = bounded.trim_end_matches([' ', '.']);
    if bounded.is_empty() {
        fallback.to_owned()
    } else {
        bounded.to_owned()
    }
}

/// At most [`MAX_NAME_CHARS`] characters, cut in the stem so the extension stays.
fn truncate(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_owned();
    }
    let (stem, extension) = split_extension(name);
    let room = MAX_NAME_CHARS - extension.chars().count();
    let stem: String = stem.chars().take(room).collect();
    format!("{}{extension}", stem.trim_end())
}

/// `("copie", ".pdf")`; no extension when what follows the last dot is long or not plain.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 => {
            let extension = &name[dot..];
            let plain = extension.chars().count() <= MAX_EXTENSION_CHARS + 1
                && extension[1..].chars().all(|c| c.is_ascii_alphanumeric());
            if plain {
                (&name[..dot], extension)
            } else {
                (name, "")
            }
        }
        _ => (name, ""),
    }
}

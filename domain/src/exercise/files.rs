//! The stored files an exercise uses: its dictations' recordings and the pictures and
//! recordings its statement and prompts show (`/files/<id>…` addresses). Pupils may read a file
//! because an exercise given to them uses it, so the server records these uses when the
//! exercise is saved, after checking the author may use each file.

use super::{Exercise, ItemKind};
use crate::file::FileId;
use std::collections::BTreeSet;

impl Exercise {
    /// Every stored file the exercise names, once. Texts other than the statement and the
    /// prompts (feedback, choices, cards) are not searched: a file named there is not shared
    /// with pupils, and its address answers them as forbidden.
    pub fn files(&self) -> BTreeSet<FileId> {
        let texts = self
            .statement
            .iter()
            .map(String::as_str)
            .chain(self.items.iter().map(|item| item.prompt.as_str()));
        let recordings = self.items.iter().filter_map(|item| match &item.kind {
            ItemKind::Dictation(dictation) => dictation.audio.as_ref(),
            _ => None,
        });
        texts
            .flat_map(FileId::in_text)
            .chain(recordings.filter_map(|file| file.as_str().parse().ok()))
            .collect()
    }
}

//! Pointing an imported sequence and its exercises to the files their media became. Every text
//! is searched, not only those [`crate::exercise::Exercise::files`] shares with pupils: an
//! address left pointing to the exporting instance's id would name nothing here, or worse,
//! someone else's file.

use super::{ArchiveProblem, Unpacked};
use crate::exercise::Exercise;
use crate::file::{FileId, URL_PREFIX};
use crate::ids::ExerciseId;
use crate::sequence::Sequence;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;

impl Unpacked {
    /// The sequence and exercises with every file the archive held named by its new id: in
    /// `/files/<id>` addresses and where a file is named alone (a dictation's recording).
    /// Files not in `files` keep their names (the exporter could not read them: they answer
    /// as unknown here).
    pub fn renamed(
        &self,
        files: &BTreeMap<FileId, FileId>,
    ) -> Result<(Sequence, Vec<(ExerciseId, Exercise)>), ArchiveProblem> {
        let sequence = rename(&self.sequence, files)?;
        let exercises = self
            .exercises
            .iter()
            .map(|(id, e)| Ok((*id, rename::<Exercise>(e, files)?)))
            .collect::<Result<_, ArchiveProblem>>()?;
        Ok((sequence, exercises))
    }
}

fn rename<T: Serialize + DeserializeOwned>(
    value: &T,
    files: &BTreeMap<FileId, FileId>,
) -> Result<T, ArchiveProblem> {
    let mut json = serde_json::to_value(value).map_err(|_| ArchiveProblem::Problems)?;
    rename_in(&mut json, files);
    serde_json::from_value(json).map_err(|_| ArchiveProblem::Problems)
}

fn rename_in(json: &mut Value, files: &BTreeMap<FileId, FileId>) {
    match json {
        Value::String(text) => {
            if let Some(new) = text.parse::<FileId>().ok().and_then(|old| files.get(&old)) {
                *text = new.to_string();
            } else if text.contains(URL_PREFIX) {
                for (old, new) in files {
                    let (old, new) = (format!("{URL_PREFIX}{old}"), format!("{URL_PREFIX}{new}"));
                    if text.contains(&old) {
                        *text = text.replace(&old, &new);
                    }
                }
            }
        }
        Value::Array(values) => values.iter_mut().for_each(|v| rename_in(v, files)),
        Value::Object(fields) => fields.values_mut().for_each(|v| rename_in(v, files)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

//! Exercises from and to other platforms' files, from the app: a teacher's file (GIFT, Moodle
//! XML, QTI 2.1) read into a report per question before anything is written, then created as
//! one exercise (every question taken, or nothing); an exercise downloaded as GIFT, with the
//! items GIFT cannot hold named. The readers are `domain::exercise::exchange`, as for the
//! command line `server exercises import`.

use super::ExerciseError;
use domain::exercise::LanguageTag;
use domain::exercise::exchange::{Format, NotExported, Report};
use domain::ids::{ExerciseId, SchoolId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// The largest file a teacher imports from the app: a question bank of several hundred
/// questions with its pictures fits; the browser checks it before sending.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// A file as the browser sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upload {
    /// The file's name: the exercise's title when the file gives none.
    pub name: String,
    /// `None`: detected from the content.
    pub format: Option<Format>,
    /// The exercise's language when the file does not say.
    pub language: LanguageTag,
    /// The bytes, base64 (as the browser's `FileReader` gives them): the file is read as bytes,
    /// so that its encoding is the reader's to check.
    pub content: String,
}

/// An exercise written as GIFT.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GiftFile {
    /// The name to save it under.
    pub name: String,
    pub text: String,
    /// The items GIFT cannot hold, left out of `text`, each with why and its question number.
    pub not_exported: Vec<(u32, NotExported)>,
}

/// Reads the file and says, per question, what would be taken and what refused; writes nothing.
#[server(endpoint = "exercises/import_preview", input = Json)]
pub async fn preview_import(school: SchoolId, upload: Upload) -> Result<Report, ExerciseError> {
    use domain::authz::exercises::Action;
    let what = "exercises/import_preview";
    let me = crate::api::gate::me(what).await?;
    me.may(Action::Author(school), what).await?;
    server::read(upload).await
}

/// Reads the file again and creates the exercise of every question taken, in one write; a file
/// with no question taken creates nothing.
#[server(endpoint = "exercises/import", input = Json)]
pub async fn import_exercise(
    school: SchoolId,
    upload: Upload,
) -> Result<ExerciseId, ExerciseError> {
    use super::ExerciseProblem;
    use domain::authz::exercises::Action;
    let what = "exercises/import";
    let me = crate::api::gate::me(what).await?;
    me.may(Action::Author(school), what).await?;
    let report = server::read(upload).await?;
    let Some(exercise) = report.exercise else {
        return Err(ExerciseProblem::NothingTaken.into());
    };
    super::authoring::server::check(&exercise)?;
    Ok(me
        .ctx
        .store
        .create_exercise(school, me.info.account, &exercise, me.ctx.now())
        .await?)
}

/// The exercise as saved, written as GIFT, for its author.
#[server(endpoint = "exercises/export", input = Json)]
pub async fn export_gift(id: ExerciseId) -> Result<GiftFile, ExerciseError> {
    let (_, stored) = super::authoring::server::editable("exercises/export", id).await?;
    let exercise = &stored.exercise;
    let (text, not_exported) = domain::exercise::exchange::gift::export(exercise);
    let number = |left: &NotExported| {
        let at = exercise.items.iter().position(|i| i.id == left.item);
        at.map_or(0, |n| u32::try_from(n + 1).unwrap_or(u32::MAX))
    };
    Ok(GiftFile {
        name: server::file_name(&exercise.title, id),
        text,
        not_exported: not_exported.into_iter().map(|n| (number(&n), n)).collect(),
    })
}

#[cfg(feature = "ssr")]
mod server {
    use super::{MAX_IMPORT_BYTES, Upload};
    use crate::api::exercises::{ExerciseError, ExerciseProblem};
    use crate::error::AppError;
    use base64::Engine;
    use domain::exercise::exchange::{self, Defaults, ImportError, Report};

    /// The file's report. Its size is checked on the base64 text, before anything is decoded;
    /// the reading runs off the request threads (a large file takes a while).
    pub async fn read(upload: Upload) -> Result<Report, ExerciseError> {
        // Four base64 characters per three bytes, rounded up.
        let decoded_at_most = upload.content.len().div_ceil(4) * 3;
        if decoded_at_most > MAX_IMPORT_BYTES + 2 {
            return Err(too_large(decoded_at_most).into());
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(upload.content.trim())
            .map_err(|_| ExerciseProblem::UploadUnreadable)?;
        if bytes.len() > MAX_IMPORT_BYTES {
            return Err(too_large(bytes.len()).into());
        }
        let defaults = Defaults {
            title: title_of(&upload.name),
            language: upload.language,
        };
        let format = upload.format;
        tokio::task::spawn_blocking(move || {
            let format = match format {
                Some(format) => format,
                None => exchange::detect(&bytes)?,
            };
            exchange::import(&bytes, format, &defaults)
        })
        .await
        .map_err(|_| ExerciseError::from(AppError::Internal))?
        .map_err(|e| ExerciseProblem::Import(e).into())
    }

    fn too_large(bytes: usize) -> ExerciseProblem {
        ExerciseProblem::Import(ImportError::TooLarge {
            bytes,
            max: MAX_IMPORT_BYTES,
        })
    }

    /// `Révisions.gift.txt` → `Révisions`: the name without its extensions or folders.
    fn title_of(name: &str) -> String {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let stem = base.split('.').next().unwrap_or(base).trim();
        if stem.is_empty() {
            base.trim().to_owned()
        } else {
            stem.to_owned()
        }
    }

    /// A file name from a title: letters, digits, spaces and dashes kept, the rest dropped; a
    /// title with nothing left is named by the exercise's number.
    pub fn file_name(title: &str, id: domain::ids::ExerciseId) -> String {
        let kept: String = title
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        let words: Vec<&str> = kept.split_whitespace().collect();
        let stem = if words.is_empty() {
            id.to_string()
        } else {
            words.join(" ")
        };
        format!("{stem}.gift.txt")
    }

    #[cfg(test)]
    mod tests {
        use domain::ids::ExerciseId;

        #[test]
        fn titles_and_file_names() {
            assert_eq!(super::title_of("C:\\bank\\Révisions.gift.txt"), "Révisions");
            assert_eq!(super::title_of("quiz.xml"), "quiz");
            assert_eq!(super::title_of(".xml"), ".xml");
            assert_eq!(
                super::file_name("Révisions : la Corse / 5e", ExerciseId::new(3)),
                "Révisions la Corse 5e.gift.txt"
            );
            assert_eq!(super::file_name("?!", ExerciseId::new(3)), "3.gift.txt");
        }
    }
}

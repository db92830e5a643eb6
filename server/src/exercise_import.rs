//! `server exercises import FILE --format gift|moodle-xml|qti [--dry-run] [--json]
//! [--school UAI --teacher LOGIN]`: a whole question bank read by the same importers as the app
//! (`domain::exercise::exchange`), with a report per question. Written, it becomes one exercise
//! of the teacher in that school, in one transaction: all the questions taken, or nothing.

use crate::db::Db;
use crate::db::sql::statements;
use app::ports::{Exercises, StoreError};
use domain::exercise::LanguageTag;
use domain::exercise::exchange::{
    self, Defaults, Format, ImportError, ItemReport, Outcome, Report,
};
use domain::ids::{AccountId, SchoolId};
use domain::profile::Profile;
use domain::time::Timestamp;
use std::path::Path;

statements! {
    /// The teacher's account, if it holds the Teacher role in the school.
    TEACHER_IN = "SELECT a.id AS account, s.id AS school FROM accounts a \
        JOIN roles r ON r.account_id = a.id AND r.profile = $3 \
        JOIN schools s ON s.id = r.school_id AND s.uai = $2 \
        WHERE a.username = $1";
}

#[derive(sqlx::FromRow)]
struct TeacherRow {
    account: i64,
    school: i64,
}

/// Where the imported exercise goes, unless the run is a dry run.
pub struct Target<'a> {
    pub uai: &'a str,
    pub teacher: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportRunError {
    #[error("{0}")]
    File(#[from] ImportError),
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("no question of the file could be taken: nothing written")]
    NothingTaken,
    #[error("{teacher} is not a teacher of the school {uai}")]
    NotATeacher { teacher: String, uai: String },
    #[error("storage: {0}")]
    Store(String),
}

impl From<StoreError> for ImportRunError {
    fn from(e: StoreError) -> Self {
        ImportRunError::Store(e.to_string())
    }
}

impl From<sqlx::Error> for ImportRunError {
    fn from(e: sqlx::Error) -> Self {
        ImportRunError::Store(e.to_string())
    }
}

/// Reads `path` and answers the report; the exercise's title defaults to the file's name.
pub fn read(path: &Path, format: Format) -> Result<Report, ImportRunError> {
    let bytes = std::fs::read(path).map_err(|source| ImportRunError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let defaults = Defaults {
        title,
        language: "fr"
            .parse::<LanguageTag>()
            .map_err(|_| ImportRunError::Store("the default language tag does not parse".into()))?,
    };
    Ok(exchange::import(&bytes, format, &defaults)?)
}

/// Writes the report's exercise for the teacher in the school.
pub async fn write(
    db: &Db,
    report: &Report,
    target: &Target<'_>,
    now: Timestamp,
) -> Result<(), ImportRunError> {
    let Some(exercise) = &report.exercise else {
        return Err(ImportRunError::NothingTaken);
    };
    let found: Option<TeacherRow> = TEACHER_IN
        .query_as()
        .bind(target.teacher)
        .bind(target.uai)
        .bind(Profile::Teacher.code())
        .fetch_optional(db.pool())
        .await?;
    let Some(found) = found else {
        return Err(ImportRunError::NotATeacher {
            teacher: target.teacher.to_owned(),
            uai: target.uai.to_owned(),
        });
    };
    db.create_exercise(
        SchoolId::new(found.school),
        AccountId::new(found.account),
        exercise,
        now,
    )
    .await?;
    Ok(())
}

/// One line per question, then the totals: what a person reads.
pub fn human(report: &Report) -> String {
    let mut out = String::new();
    for item in &report.items {
        out.push_str(&line(item));
        out.push('\n');
    }
    for note in &report.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    out.push_str(&format!(
        "{} taken, {} refused\n",
        report.taken(),
        report.refused()
    ));
    out
}

fn line(item: &ItemReport) -> String {
    let place = item.line.map(|l| format!("line {l}")).unwrap_or_default();
    let name = item.name.as_deref().unwrap_or("");
    let what = match &item.outcome {
        Outcome::Taken { item_type, id } => format!("taken     {:<16} {id}", item_type.code()),
        Outcome::Statement => "statement".to_owned(),
        Outcome::Refused { reason } => format!("refused   {reason}"),
    };
    let notes: Vec<String> = item.notes.iter().map(ToString::to_string).collect();
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    };
    format!("{:>4} {place:<9} {what}{notes}  {name}", item.position)
}

/// `--json`: one object per question (`status` taken/statement/refused, `type`, `reason`…).
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(&report.items).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

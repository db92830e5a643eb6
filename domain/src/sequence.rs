//! Pedagogical sequences (parcours): an ordered list of steps — a lesson to read, a resource to
//! open, an exercise to do — that a teacher writes, gives to classes and groups, and may publish
//! to the library shared by the teachers of every school of the instance, where colleagues copy
//! it into their own space with its credits.
//!
//! - [`Sequence`] is the sequence as written; stored as JSON whose shape is stable.
//! - [`Sequence::problems`] lists what keeps it from being saved.
//! - [`Licence`] says what others may do with a published sequence, and what licence a copy
//!   may carry ([`Licence::allows_copy_under`]).
//! - [`Progress`] is how far a pupil is, from the steps they finished.
//! - [`search_key`] is the one folding of text the library's search compares.

pub mod archive;
mod tags;
#[cfg(test)]
mod tests;

pub use tags::{Discipline, Level, Licence, UnknownTag};

use crate::exercise::LanguageTag;
use crate::file::{FileId, FileKind};
use crate::ids::ExerciseId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The most steps a sequence holds: a term's work, not a whole course.
pub const MAX_STEPS: usize = 60;
/// Titles: a sequence's and a step's, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// A lesson's Markdown text, in characters.
pub const MAX_LESSON_CHARS: usize = 50_000;
/// A resource's web address, in characters.
pub const MAX_URL_CHARS: usize = 2_000;
/// How much of each lesson the library's search looks in.
const SEARCHED_LESSON_CHARS: usize = 2_000;
/// The most credits a sequence carries (a copy of a copy of a copy…).
pub const MAX_CREDITS: usize = 20;

/// A step's number within its sequence: given once by the editor and never reused, so a
/// pupil's progress stays with the step when steps are moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StepId(u32);

impl StepId {
    pub const fn new(raw: u32) -> Self {
        Self(raw)
    }
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for StepId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A sequence as its teacher wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sequence {
    pub title: String,
    /// The language its lessons and exercises are in.
    pub language: LanguageTag,
    pub discipline: Discipline,
    pub level: Level,
    pub licence: Licence,
    /// What it is about, shown before its steps and in the library (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// In the order pupils go through them.
    pub steps: Vec<Step>,
    /// Whose work this is a copy of, the first author first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<Credit>,
}

/// One step of a sequence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: StepId,
    pub title: String,
    #[serde(flatten)]
    pub body: StepBody,
}

/// What a step holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StepBody {
    /// A page to read (Markdown, rendered by [`crate::markdown::render`]).
    Lesson { text: String },
    /// A web page, a video, a document elsewhere.
    Link { url: String },
    /// One of the author's exercises, given with the sequence.
    Exercise { exercise: ExerciseId },
    /// A file the author uploaded (a document, a picture, a recording), shown or played in the
    /// step. Its kind is the one its content showed when stored, which the server checks on
    /// saving: it decides how the step shows it.
    File { file: FileId, kind: FileKind },
}

impl StepBody {
    pub fn kind(&self) -> StepKind {
        match self {
            StepBody::Lesson { .. } => StepKind::Lesson,
            StepBody::Link { .. } => StepKind::Link,
            StepBody::Exercise { .. } => StepKind::Exercise,
            StepBody::File { .. } => StepKind::File,
        }
    }
}

crate::coded::coded_enum! {
    /// The kinds of step, for messages and the editor's menu.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum StepKind (unknown: UnknownTag = UnknownTag) {
        Lesson = "lesson",
        Link = "link",
        Exercise = "exercise",
        File = "file",
    }
}

/// Who wrote what a sequence was copied from, as the library showed it then.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    pub title: String,
    pub author: String,
    pub school: String,
    pub licence: Licence,
}

/// Why a sequence as written cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Problem {
    #[error("the title is empty")]
    NoTitle,
    #[error("the title is too long")]
    TitleTooLong,
    #[error("the summary is too long")]
    SummaryTooLong,
    #[error("no step")]
    NoSteps,
    #[error("more than {MAX_STEPS} steps")]
    TooManySteps,
    #[error("two steps have the number {0}")]
    DuplicateStep(StepId),
    #[error("step {0} has no title")]
    StepWithoutTitle(StepId),
    #[error("the title of step {0} is too long")]
    StepTitleTooLong(StepId),
    #[error("the lesson of step {0} is empty")]
    EmptyLesson(StepId),
    #[error("the lesson of step {0} is too long")]
    LessonTooLong(StepId),
    /// Only `http` and `https` addresses: anything else could run in the pupil's page.
    #[error("step {0} does not link to a web address")]
    NotAWebAddress(StepId),
    #[error("too many credits")]
    TooManyCredits,
}

impl Sequence {
    /// Everything wrong with the sequence as written, in the order of its steps.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let title_chars = self.title.trim().chars().count();
        if title_chars == 0 {
            problems.push(Problem::NoTitle);
        } else if title_chars > MAX_TITLE_CHARS {
            problems.push(Problem::TitleTooLong);
        }
        if self
            .summary
            .as_ref()
            .is_some_and(|s| s.chars().count() > MAX_LESSON_CHARS)
        {
            problems.push(Problem::SummaryTooLong);
        }
        if self.steps.is_empty() {
            problems.push(Problem::NoSteps);
        } else if self.steps.len() > MAX_STEPS {
            problems.push(Problem::TooManySteps);
        }
        let mut seen = BTreeSet::new();
        for step in &self.steps {
            let id = step.id;
            if !seen.insert(id) {
                problems.push(Problem::DuplicateStep(id));
            }
            match step.title.trim().chars().count() {
                0 => problems.push(Problem::StepWithoutTitle(id)),
                n if n > MAX_TITLE_CHARS => problems.push(Problem::StepTitleTooLong(id)),
                _ => {}
            }
            match &step.body {
                StepBody::Lesson { text } if text.trim().is_empty() => {
                    problems.push(Problem::EmptyLesson(id));
                }
                StepBody::Lesson { text } if text.chars().count() > MAX_LESSON_CHARS => {
                    problems.push(Problem::LessonTooLong(id));
                }
                StepBody::Link { url }
                    if url.chars().count() > MAX_URL_CHARS
                        || !crate::markdown::is_web_link(url) =>
                {
                    problems.push(Problem::NotAWebAddress(id));
                }
                _ => {}
            }
        }
        if self.credits.len() > MAX_CREDITS {
            problems.push(Problem::TooManyCredits);
        }
        problems
    }

    /// The exercises its steps give, in order, each once.
    pub fn exercises(&self) -> Vec<ExerciseId> {
        let mut seen = BTreeSet::new();
        self.steps
            .iter()
            .filter_map(|step| match step.body {
                StepBody::Exercise { exercise } => Some(exercise),
                _ => None,
            })
            .filter(|e| seen.insert(*e))
            .collect()
    }

    /// Every stored file its steps show, once: the steps' files and the `/files/<id>`
    /// addresses of lessons and the summary (pictures, recordings). Its pupils may read them
    /// because the sequence was given to them, so the server records these uses on saving,
    /// after checking the author may use each. The files of its exercises are theirs
    /// (`Exercise::files`).
    pub fn files(&self) -> BTreeSet<FileId> {
        let texts = self
            .summary
            .iter()
            .map(String::as_str)
            .chain(self.steps.iter().filter_map(|step| match &step.body {
                StepBody::Lesson { text } => Some(text.as_str()),
                _ => None,
            }));
        let steps = self.steps.iter().filter_map(|step| match &step.body {
            StepBody::File { file, .. } => Some(file.clone()),
            _ => None,
        });
        texts.flat_map(FileId::in_text).chain(steps).collect()
    }

    /// A number for a new step: one more than any given so far.
    pub fn next_step_id(&self) -> StepId {
        StepId(self.steps.iter().map(|s| s.id.0).max().map_or(1, |m| m + 1))
    }

    /// The sequence as a colleague copies it: the same steps (exercise steps pointing to
    /// `exercises`' copies, in the order of [`Sequence::exercises`]), under `licence`, crediting
    /// this one's author as well as those it credits already. `None` when this sequence's
    /// licence does not allow it.
    pub fn copied(
        &self,
        credit: Credit,
        licence: Licence,
        exercises: &[(ExerciseId, ExerciseId)],
    ) -> Option<Sequence> {
        if !self.licence.allows_copy_under(licence) {
            return None;
        }
        let mut copy = self.giving(exercises)?;
        copy.licence = licence;
        copy.credits.push(credit);
        Some(copy)
    }

    /// The same sequence with its exercise steps giving other exercises (`exercises`: each
    /// exercise with the one that replaces it), as a copy or an import writes it. `None` when
    /// a step's exercise has no replacement.
    pub fn giving(&self, exercises: &[(ExerciseId, ExerciseId)]) -> Option<Sequence> {
        let mut copy = self.clone();
        for step in &mut copy.steps {
            if let StepBody::Exercise { exercise } = &mut step.body {
                let (_, new) = exercises.iter().find(|(old, _)| old == exercise)?;
                *exercise = *new;
            }
        }
        Some(copy)
    }

    /// The words the library's search looks in, folded: title, step titles and the beginning
    /// of each lesson, summary, authors.
    pub fn search_text(&self) -> String {
        let mut text = String::new();
        text.push_str(&self.title);
        for step in &self.steps {
            text.push(' ');
            text.push_str(&step.title);
            if let StepBody::Lesson { text: lesson } = &step.body {
                text.push(' ');
                text.extend(lesson.chars().take(SEARCHED_LESSON_CHARS));
            }
        }
        if let Some(summary) = &self.summary {
            text.push(' ');
            text.extend(summary.chars().take(2_000));
        }
        for credit in &self.credits {
            text.push(' ');
            text.push_str(&credit.author);
        }
        search_key(&text)
    }
}

/// Text as the library compares it: lower case, without accents, apostrophes and spaces made
/// one. A teacher typing "ghjovedi" finds "Ghjovedì"; the stored text and the query are folded
/// by this same function.
pub fn search_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// How a pupil stands on one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    ToDo,
    /// An exercise started and not handed in.
    Started,
    Done,
}

/// How far a pupil is through a sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: u32,
    pub steps: u32,
}

impl Progress {
    pub fn of(states: impl IntoIterator<Item = StepState>) -> Self {
        let (mut done, mut steps) = (0, 0);
        for state in states {
            steps += 1;
            if state == StepState::Done {
                done += 1;
            }
        }
        Progress { done, steps }
    }

    pub fn finished(&self) -> bool {
        self.steps > 0 && self.done == self.steps
    }

    /// Whole percent, rounded down: 100 only when every step is done.
    pub fn percent(&self) -> u32 {
        (self.done * 100).checked_div(self.steps).unwrap_or(0)
    }
}

//! Moodle's GIFT text format, read ([`import`]) and written ([`export`]), as Moodle reads it.
//!
//! **Reading.** Questions are separated by blank lines; `//` lines are comments; `$CATEGORY:`
//! lines are noted and ignored. `::title::` gives the item its id (see the module `exchange`);
//! `[html]`, `[moodle]` (the default), `[plain]` and `[markdown]` say how a text is written.
//! The answer block `{…}` says the type, as Moodle decides it:
//!
//! | block | item |
//! |---|---|
//! | `{}` | free text (essay) |
//! | `{#3.14:0.01}`, `{#1..5}`, `{#=1:0 =%50%2:1 ~#feedback}` | numeric, absolute tolerance (a range is its middle ± half its width) |
//! | with `~` and an `=` | single choice; `%w%` weights become credits, negative ones none |
//! | with `~` and no `=` | multiple choice: positive weights are the right boxes, the penalty is read from the weights (see `build::penalty`) |
//! | `=` and `->` | matching; `= -> x` is a distractor |
//! | `T`, `TRUE`, `F`, `FALSE` | true/false, `#wrong#right` feedback |
//! | anything else | short text; `=%0%*#…` (anything else) gives the "wrong" feedback |
//!
//! A block with text after it is Moodle's "missing word": with short answers or a single choice
//! it is a cloze of one gap (typed or drop-down) and an empty prompt; other types keep Moodle's
//! `_____` in their prompt. `#…` after an answer is its feedback, `####…` the general feedback.
//! Weights are percentages from −100 to 100 (Moodle would also insist on its list of grades,
//! `33.33333` and not `33`; Scola's own files use any whole percentage). A question with no
//! block is a description (see the module `exchange`).
//!
//! Escapes: `\~ \= \# \{ \} \:` are the characters, `\n` a line break, `\\` a backslash
//! (Moodle keeps `\\` doubled; a backslash is one character here, so files round-trip). In a
//! short answer `\*` is a star and `*` a wildcard (refused, except `*` alone).
//!
//! **Writing.** Every item of a kind GIFT can ask is written (true/false, choices, short text,
//! numeric, matching, free text, and a cloze of exactly one gap with text after it); ordering,
//! categorising, dictation, other clozes and free answers to be given only spoken are returned
//! as [`NotExported`], with the reason.
//! Texts are written `[markdown]`, with GIFT's escapes, each question on as few lines as its
//! answers need. What Scola has and GIFT has not (points, ids of choices and cards, shuffling,
//! penalties Moodle's weights do not say, typed answers' variants and matching options, units,
//! relative tolerances, the cloze's prompt, feedback GIFT has no place for, what a free text
//! accepts and its guidance) goes in a `// scola {…}` comment line before the question, which
//! Moodle ignores and [`import`] applies when it still fits the question; the exercise's title
//! and language go in a `// scola-exercise {…}` header, its statement is a description before
//! the first question. So `import(export(exercise))` gives the exercise back, for texts without
//! white space at their ends (GIFT trims them).

mod extras;
mod lex;
mod read;
mod write;

pub use super::{NotExported, Unexpressible};
pub use write::export;

use super::{Defaults, ImportError, Report};

/// Reads a GIFT file's text. See the module's documentation.
pub fn import(text: &str, defaults: &Defaults) -> Result<Report, ImportError> {
    read::import(text, defaults)
}

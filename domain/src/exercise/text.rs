//! How a typed answer is compared with the answers a teacher accepts.
//!
//! Both sides are first put in one form, whatever the keyboard or device produced:
//! - Unicode NFC, so `à` typed as one character or as `a` + combining grave is the same text;
//! - typographic apostrophes and primes (`’ ‘ ʼ ′`) are the ASCII apostrophe (`l’acqua` is
//!   `l'acqua`);
//! - any run of white space (tabs, no-break U+00A0 and narrow no-break U+202F spaces, repeated
//!   spaces) is one space, and none is kept at either end.
//!
//! Then each accepted answer's own [`TextMatching`] decides whether case and accents count and
//! whether one typo is forgiven.

use super::points::Percent;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Typos are forgiven only in answers of at least this many characters: in a shorter word one
/// letter is often the whole difference between two words (`le`/`la`, `un`/`une`, `è`/`é`).
pub const MIN_TYPO_CHARS: usize = 4;

/// What counts when a typed text is compared with one accepted answer. The default, chosen for
/// spelling in French and Corsican: case ignored, accents count, no typo forgiven.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextMatching {
    /// `Paris` ≠ `paris` when set.
    #[serde(default)]
    pub case_sensitive: bool,
    /// `ghjovedì` ≠ `ghjovedi` when set; when not, accents are removed from both sides (the
    /// combining marks of the NFD form), so `è`, `é`, `e` are one letter.
    #[serde(default = "yes")]
    pub accent_sensitive: bool,
    /// One typo forgiven when set: one letter missing, added, replaced, or two neighbours swapped
    /// (edit distance at most 1, a swap counting as one), in answers of at least
    /// [`MIN_TYPO_CHARS`] characters. A forgiven typo earns the answer's credit and is shown.
    #[serde(default)]
    pub typos: bool,
}

fn yes() -> bool {
    true
}

impl Default for TextMatching {
    fn default() -> Self {
        TextMatching {
            case_sensitive: false,
            accent_sensitive: true,
            typos: false,
        }
    }
}

/// How closely a typed text matched an accepted one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Closeness {
    /// The same text, given what the answer's matching ignores.
    Exact,
    /// One typo away, forgiven.
    Typo,
}

/// One answer a teacher accepts for a typed answer (a short text answer or a gap), with its
/// spelling variants (`ghjovi` for `ghjovedì`), how it is compared, and what it earns. A listed
/// answer with no credit is an anticipated mistake: it earns nothing but shows its feedback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextAnswer {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    #[serde(default)]
    pub matching: TextMatching,
    #[serde(default)]
    pub credit: Percent,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

impl TextAnswer {
    /// A right answer compared the default way.
    pub fn new(text: impl Into<String>) -> Self {
        TextAnswer {
            text: text.into(),
            variants: Vec::new(),
            matching: TextMatching::default(),
            credit: Percent::FULL,
            feedback: None,
        }
    }

    /// The answer's text and its variants.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

/// Which listed answer a typed text matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextMatch {
    /// Its position in the list of answers.
    pub answer: usize,
    pub closeness: Closeness,
}

/// The one form both sides are compared in (see the module's documentation).
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfc() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => '\'',
            c => c,
        });
    }
    out
}

impl TextMatching {
    /// `text` (already [`normalise`]d) with what this matching ignores taken out.
    pub(crate) fn fold(&self, normalised: &str) -> String {
        let unaccented: String = if self.accent_sensitive {
            normalised.to_owned()
        } else {
            normalised
                .nfd()
                .filter(|&c| !is_combining_mark(c))
                .collect()
        };
        let cased = if self.case_sensitive {
            unaccented
        } else {
            unaccented.to_lowercase()
        };
        // Lower-casing can decompose (`İ` becomes `i` + a combining dot): back to NFC.
        cased.nfc().collect()
    }

    /// How `given` matches `expected`, both already folded by this matching.
    pub(crate) fn compare_folded(&self, expected: &str, given: &str) -> Option<Closeness> {
        if expected == given {
            return Some(Closeness::Exact);
        }
        if !self.typos || expected.chars().count() < MIN_TYPO_CHARS {
            return None;
        }
        let (a, b) = (expected.chars().count(), given.chars().count());
        // A length difference over one is already over one edit: skip the distance.
        if a.abs_diff(b) > 1 {
            return None;
        }
        (strsim::osa_distance(expected, given) <= 1).then_some(Closeness::Typo)
    }

    /// How a typed text matches an expected one (both as written, normalised here).
    pub fn compare(&self, expected: &str, given: &str) -> Option<Closeness> {
        self.compare_folded(
            &self.fold(&normalise(expected)),
            &self.fold(&normalise(given)),
        )
    }
}

/// The listed answer `given` matches best: the highest credit, then an exact match before a
/// forgiven typo, then the first listed. `None` when it matches none (or is blank).
pub fn best_match(answers: &[TextAnswer], given: &str) -> Option<TextMatch> {
    let given = normalise(given);
    if given.is_empty() {
        return None;
    }
    let mut best: Option<(TextMatch, Percent)> = None;
    for (index, answer) in answers.iter().enumerate() {
        let folded_given = answer.matching.fold(&given);
        let closeness = answer
            .spellings()
            .filter_map(|spelling| {
                let expected = answer.matching.fold(&normalise(spelling));
                answer.matching.compare_folded(&expected, &folded_given)
            })
            .min();
        let Some(closeness) = closeness else {
            continue;
        };
        let better = match best {
            None => true,
            Some((current, credit)) => {
                answer.credit > credit || (answer.credit == credit && closeness < current.closeness)
            }
        };
        if better {
            best = Some((
                TextMatch {
                    answer: index,
                    closeness,
                },
                answer.credit,
            ));
        }
    }
    best.map(|(found, _)| found)
}

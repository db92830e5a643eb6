//! Dictations, scored word by word.
//!
//! The written words are aligned with the text's by the smallest number of word edits (a word
//! written otherwise, left out, or added: Levenshtein distance over words, computed here because
//! the alignment itself is needed, not only the distance), so one missing or extra word is one
//! mistake, not a shift that makes every following word wrong. The credit is
//! `(n − mistakes) / n` for a text of `n` words, never below zero: every wrong, missing or extra
//! word is one mistake.

use super::{Detail, Marked, WordMark};
use crate::exercise::item::Dictation;
use crate::exercise::points::Credit;
use crate::exercise::text::{TextMatching, normalise};
use unicode_normalization::char::is_combining_mark;

/// A word as written, and as compared.
struct Word {
    shown: String,
    folded: String,
}

/// The words of `text`: split at white space, with punctuation around each word left out (a lone
/// `«` or `,` is no word) and kept inside it (`l'acqua`, `peut-être`, `3,5`).
fn words(text: &str, matching: &TextMatching) -> Vec<Word> {
    normalise(text)
        .split(' ')
        .map(|token| token.trim_matches(|c: char| !(c.is_alphanumeric() || is_combining_mark(c))))
        .filter(|word| !word.is_empty())
        .map(|word| Word {
            shown: word.to_owned(),
            folded: matching.fold(word),
        })
        .collect()
}

/// How many words `text` has, as a dictation counts them.
pub(crate) fn word_count(text: &str) -> usize {
    words(text, &TextMatching::default()).len()
}

pub(super) fn dictation(item: &Dictation, given: &str) -> Marked {
    let expected = words(&item.text, &item.matching);
    let mut written = words(given, &item.matching);
    let n = expected.len();
    // Past 2n + 1 written words there are more than n extra words whatever the alignment, so the
    // credit is nought: the words beyond are marked extra without aligning them, which bounds
    // the work a long answer can cause.
    let beyond = if written.len() > 2 * n + 1 {
        written.split_off(2 * n + 1)
    } else {
        Vec::new()
    };
    let mut marks = align(&expected, &written, &item.matching);
    marks.extend(
        beyond
            .into_iter()
            .map(|word| WordMark::Extra { typed: word.shown }),
    );
    let mistakes = marks
        .iter()
        .filter(|mark| !matches!(mark, WordMark::Right { .. }))
        .count();
    let credit = Credit::ratio(n.saturating_sub(mistakes) as u64, n as u64);
    Marked::new(credit, Detail::Dictation { words: marks })
}

/// A step of an alignment, and what it costs: mistakes first, then the letters changed, so that
/// among alignments with as many mistakes the one pairing look-alike words wins (`fiumu` is taken
/// for `fiume`, not for the next word).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cost {
    mistakes: u32,
    letters: u32,
}

impl Cost {
    fn plus(self, mistakes: u32, letters: usize) -> Cost {
        Cost {
            mistakes: self.mistakes.saturating_add(mistakes),
            letters: self
                .letters
                .saturating_add(u32::try_from(letters).unwrap_or(u32::MAX)),
        }
    }
}

#[derive(Clone, Copy)]
enum Step {
    /// A text word and a written word, paired (right or wrong).
    Pair,
    Missing,
    Extra,
}

/// The marks of the cheapest alignment of `written` with `expected`, in text order.
fn align(expected: &[Word], written: &[Word], matching: &TextMatching) -> Vec<WordMark> {
    let (n, m) = (expected.len(), written.len());
    let letters = |word: &Word| word.folded.chars().count();
    // cost[i * width + j]: the cheapest way to write the first j words for the first i words of
    // the text, and its last step.
    let width = m + 1;
    let start = Cost {
        mistakes: 0,
        letters: 0,
    };
    let mut cost = vec![start; (n + 1) * width];
    let mut step = vec![Step::Pair; (n + 1) * width];
    for j in 1..=m {
        cost[j] = cost[j - 1].plus(1, letters(&written[j - 1]));
        step[j] = Step::Extra;
    }
    for i in 1..=n {
        cost[i * width] = cost[(i - 1) * width].plus(1, letters(&expected[i - 1]));
        step[i * width] = Step::Missing;
        for j in 1..=m {
            let (text, typed) = (&expected[i - 1].folded, &written[j - 1].folded);
            let pair = match matching.compare_folded(text, typed) {
                Some(_) => cost[(i - 1) * width + j - 1].plus(0, strsim::levenshtein(text, typed)),
                None => cost[(i - 1) * width + j - 1].plus(1, strsim::levenshtein(text, typed)),
            };
            let missing = cost[(i - 1) * width + j].plus(1, letters(&expected[i - 1]));
            let extra = cost[i * width + j - 1].plus(1, letters(&written[j - 1]));
            // Ties go to pairing, then to a missing word.
            let (best, how) = if pair <= missing && pair <= extra {
                (pair, Step::Pair)
            } else if missing <= extra {
                (missing, Step::Missing)
            } else {
                (extra, Step::Extra)
            };
            cost[i * width + j] = best;
            step[i * width + j] = how;
        }
    }
    let mut marks = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match step[i * width + j] {
            Step::Pair if i > 0 && j > 0 => {
                let (text, typed) = (&expected[i - 1], &written[j - 1]);
                let (word, shown) = (text.shown.clone(), typed.shown.clone());
                marks.push(match matching.compare_folded(&text.folded, &typed.folded) {
                    Some(closeness) => WordMark::Right {
                        word,
                        typed: shown,
                        closeness,
                    },
                    None => WordMark::Wrong { word, typed: shown },
                });
                i -= 1;
                j -= 1;
            }
            Step::Missing if i > 0 => {
                marks.push(WordMark::Missing {
                    word: expected[i - 1].shown.clone(),
                });
                i -= 1;
            }
            _ if j > 0 => {
                marks.push(WordMark::Extra {
                    typed: written[j - 1].shown.clone(),
                });
                j -= 1;
            }
            // Unreachable (the first row and column lead back to the start), but never loop.
            _ => break,
        }
    }
    marks.reverse();
    marks
}

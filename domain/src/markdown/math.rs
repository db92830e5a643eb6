//! LaTeX formulas as MathML, which browsers lay out themselves (no script, no web font).
//!
//! `math-core` writes MathML Core. Commands it does not know are shown in place as a red
//! `<merror>` box (browsers style `merror` themselves) while the rest of the formula renders,
//! which suits a live preview where a teacher is halfway through typing `\frac`. A formula it
//! cannot parse at all (an unclosed brace) is shown as its source, delimiters included, in an
//! `<merror>` box: the teacher sees what to fix, the reader sees the intent, nothing panics.
//!
//! math-core parses recursively, with no depth limit of its own: `\sqrt\sqrt…` a thousand times
//! deep overflows the stack, which in WebAssembly kills the page. A formula holding more than
//! [`MAX_COMMANDS_AND_GROUPS`] commands and braces is therefore shown as source, unparsed.
//!
//! Its output is filtered down to the allowlist (`mathml.rs`): no `style` (colours from `\color`,
//! spacing tweaks) nor `class` anywhere; formulas lose colour, not meaning.

use super::{escape, mathml};
use math_core::{LatexToMathML, MathCoreConfig, MathDisplay};

/// The most commands (`\frac`, `\left`, `\\`…) and braces a formula may hold: far beyond a
/// school formula (a 6×6 matrix of fractions stays under it), far below the nesting that
/// exhausts a 1 MiB stack (tested in `tests.rs` on a debug build, whose frames are the largest).
pub(super) const MAX_COMMANDS_AND_GROUPS: usize = 300;

/// Whether a formula sits in the line of text (`$…$`) or on its own line (`$$…$$`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Layout {
    Inline,
    Display,
}

impl Layout {
    fn delimiter(self) -> &'static str {
        match self {
            Layout::Inline => "$",
            Layout::Display => "$$",
        }
    }

    fn math_core(self) -> MathDisplay {
        match self {
            Layout::Inline => MathDisplay::Inline,
            Layout::Display => MathDisplay::Block,
        }
    }
}

/// The converter for one document: equation numbers restart with each document.
pub(super) struct Formulas {
    /// `None` only if `math-core` refused its configuration, which it does for malformed custom
    /// macros and Scola defines none; every formula is then shown as source.
    converter: Option<LatexToMathML>,
}

impl Formulas {
    pub(super) fn new() -> Self {
        let config = MathCoreConfig {
            ignore_unknown_commands: true,
            ..MathCoreConfig::default()
        };
        Self {
            converter: LatexToMathML::new(config).ok(),
        }
    }

    /// The MathML for `latex`, or its source in an error box.
    pub(super) fn to_mathml(&self, latex: &str, layout: Layout) -> String {
        self.converter
            .as_ref()
            .filter(|_| commands_and_groups(latex) <= MAX_COMMANDS_AND_GROUPS)
            .and_then(|converter| {
                converter
                    .convert_with_local_state(latex, layout.math_core())
                    .ok()
            })
            .and_then(|done| mathml::filtered(&done.mathml))
            .unwrap_or_else(|| source_in_error_box(latex, layout))
    }
}

/// An upper bound on how deep math-core's parser may have to go: every level of nesting opens
/// with a command or a brace.
fn commands_and_groups(latex: &str) -> usize {
    latex.bytes().filter(|b| matches!(b, b'\\' | b'{')).count()
}

fn source_in_error_box(latex: &str, layout: Layout) -> String {
    let mut html = String::from(match layout {
        Layout::Inline => "<math>",
        Layout::Display => r#"<math display="block">"#,
    });
    html.push_str("<merror><mtext>");
    let delimiter = layout.delimiter();
    html.push_str(delimiter);
    escape::text(&mut html, latex);
    html.push_str(delimiter);
    html.push_str("</mtext></merror></math>");
    html
}

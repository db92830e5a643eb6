//! The elements and attributes a rendering may hold: the dialect writes nothing else (math-core's
//! output is filtered down to them in `mathml.rs`), and the sanitizer, where it runs, keeps nothing
//! else (`sanitize.rs`). One list, read by both walls.
//!
//! The dialect writes the document's own tags literally and never reads the lists of them, so
//! those exist only where the sanitizer or the tests do; with the sanitizer, the fixed-point test
//! proves the dialect writes no tag or attribute outside them.

/// Elements pulldown-cmark writes for the syntax Scola enables, and the renderer's own (`audio`,
/// the task-list checkbox [`CHECKBOX`]). No `h1`: headings start at `h2`.
#[cfg(any(feature = "sanitize", test))]
pub(super) const DOCUMENT_TAGS: [&str; 26] = [
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "a",
    "img",
    "audio",
    "br",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

/// The task-list checkbox, kept apart so its forced attributes sit next to it.
pub(super) const CHECKBOX: &str = "input";

/// Attributes an element of the document may carry, besides the forced ones below and the
/// alignment of table cells ([`CELL_ALIGNMENTS`]).
#[cfg(feature = "sanitize")]
pub(super) const DOCUMENT_ATTRIBUTES: [(&str, &[&str]); 5] = [
    ("a", &["href", "title"]),
    ("img", &["src", "alt", "title"]),
    ("audio", &["src", "title"]),
    ("ol", &["start"]),
    (CHECKBOX, &["checked"]),
];

/// `align` on `th` and `td`: GFM's way of aligning a column, without `style`.
#[cfg(feature = "sanitize")]
pub(super) const CELL_ALIGNMENTS: [&str; 3] = ["left", "center", "right"];

/// Attributes set whatever the input said: a checkbox that cannot be ticked, an image that loads
/// when scrolled to, an audio file that can be played. The dialect writes them in this order, at
/// the end of the tag; the sanitizer keeps them where they stand.
pub(super) const CHECKBOX_FORCED: [(&str, &str); 2] = [("type", "checkbox"), ("disabled", "")];
pub(super) const IMAGE_FORCED: [(&str, &str); 1] = [("loading", "lazy")];
pub(super) const AUDIO_FORCED: [(&str, &str); 1] = [("controls", "")];

/// Added to every link, after its other attributes (where the sanitizer puts it): the target
/// page gets no handle on Scola's window, no referrer, and no search-ranking endorsement from a
/// school's pages.
pub(super) const LINK_REL: &str = "noopener noreferrer nofollow";

/// The MathML Core elements math-core writes.
pub(super) const MATH_TAGS: [&str; 25] = [
    "math",
    "mrow",
    "mi",
    "mo",
    "mn",
    "mtext",
    "mspace",
    "mfrac",
    "msqrt",
    "mroot",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mmultiscripts",
    "mprescripts",
    "mtable",
    "mtr",
    "mtd",
    "mpadded",
    "mphantom",
    "menclose",
    "merror",
];

/// HTML text styles math-core nests inside `<mtext>` for `\textbf`, `\textit`, `\emph`,
/// `\texttt` and the like.
pub(super) const MATH_TEXT_TAGS: [&str; 7] = ["b", "i", "em", "code", "s", "u", "span"];

/// The MathML elements whose text a browser parses as HTML ("text integration points"): the
/// only places an element of [`MATH_TEXT_TAGS`] may stand.
pub(super) const MATH_TEXT_HOLDERS: [&str; 5] = ["mi", "mo", "mn", "ms", "mtext"];

/// Layout attributes of MathML Core elements: none of them holds a URL, a script or CSS.
pub(super) const MATH_ATTRIBUTES: [&str; 22] = [
    "displaystyle",
    "scriptlevel",
    "mathvariant",
    "lspace",
    "rspace",
    "stretchy",
    "symmetric",
    "largeop",
    "movablelimits",
    "minsize",
    "maxsize",
    "form",
    "fence",
    "separator",
    "accent",
    "accentunder",
    "linethickness",
    "width",
    "height",
    "depth",
    "voffset",
    "notation",
];

/// `display` on `<math>`: on its own line or in the line of text.
pub(super) const MATH_DISPLAYS: [&str; 2] = ["block", "inline"];

//! The second wall: whatever the renderer wrote is parsed again as a browser would (html5ever)
//! and rebuilt from an allowlist by ammonia. The renderer already emits nothing else; this pass
//! is what keeps a bug in it (or in pulldown-cmark, or in math-core) from becoming a script in
//! someone's session.

use super::urls::{self, UrlUse};
use ammonia::{Builder, UrlRelative};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Elements pulldown-cmark writes for the syntax Scola enables, and the renderer's own (`audio`,
/// the task-list checkbox `input`). No `h1`: headings start at `h2`.
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
const CHECKBOX: &str = "input";

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

/// HTML text styles math-core nests inside `<mtext>` for `\textbf`, `\textit` and the like.
pub(super) const MATH_TEXT_TAGS: [&str; 5] = ["b", "i", "s", "u", "span"];

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

/// Added to every link: the target page gets no handle on Scola's window, no referrer, and no
/// search-ranking endorsement from a school's pages.
pub(super) const LINK_REL: &str = "noopener noreferrer nofollow";

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(sanitizer);

/// `html` rebuilt from the allowlist.
pub(super) fn clean(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

fn sanitizer() -> Builder<'static> {
    let mut tag_attributes: HashMap<&str, HashSet<&str>> = HashMap::from([
        ("a", HashSet::from(["href", "title"])),
        ("img", HashSet::from(["src", "alt", "title"])),
        ("audio", HashSet::from(["src", "title"])),
        ("ol", HashSet::from(["start"])),
        (CHECKBOX, HashSet::from(["checked"])),
    ]);
    for tag in MATH_TAGS {
        tag_attributes.insert(tag, HashSet::from(MATH_ATTRIBUTES));
    }
    let alignments = HashSet::from(["left", "center", "right"]);
    let tag_attribute_values = HashMap::from([
        ("th", HashMap::from([("align", alignments.clone())])),
        ("td", HashMap::from([("align", alignments)])),
        (
            "math",
            HashMap::from([("display", HashSet::from(["block", "inline"]))]),
        ),
    ]);
    // Set whatever the input said: a checkbox that cannot be ticked, an image that loads when
    // scrolled to, an audio file that can be played.
    let forced = HashMap::from([
        (
            CHECKBOX,
            HashMap::from([("type", "checkbox"), ("disabled", "")]),
        ),
        ("img", HashMap::from([("loading", "lazy")])),
        ("audio", HashMap::from([("controls", "")])),
    ]);

    let mut builder = Builder::empty();
    builder
        .tags(
            DOCUMENT_TAGS
                .into_iter()
                .chain([CHECKBOX])
                .chain(MATH_TAGS)
                .chain(MATH_TEXT_TAGS)
                .collect(),
        )
        .clean_content_tags(HashSet::from(["script", "style"]))
        .tag_attributes(tag_attributes)
        .tag_attribute_values(tag_attribute_values)
        .set_tag_attribute_values(forced)
        .generic_attributes(HashSet::new())
        .generic_attribute_prefixes(HashSet::new())
        .allowed_classes(HashMap::new())
        // ammonia's own scheme check (after it parses the URL), then ours, per element.
        .url_schemes(HashSet::from(["http", "https", "mailto", "data"]))
        .url_relative(UrlRelative::PassThrough)
        .attribute_filter(keep_allowed_urls)
        .link_rel(Some(LINK_REL))
        .strip_comments(true)
        .id_prefix(None);
    builder
}

fn keep_allowed_urls<'a>(element: &str, attribute: &str, value: &'a str) -> Option<Cow<'a, str>> {
    let usage = match (element, attribute) {
        ("a", "href") => UrlUse::Link,
        ("img", "src") => UrlUse::Image,
        ("audio", "src") => UrlUse::Audio,
        (_, "href" | "src") => return None,
        _ => return Some(Cow::Borrowed(value)),
    };
    urls::is_allowed(value, usage).then_some(Cow::Borrowed(value))
}

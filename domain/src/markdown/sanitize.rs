//! The second wall, on the server only (feature `sanitize`): whatever the dialect wrote is parsed
//! again as a browser would (html5ever) and rebuilt from the allowlist by ammonia. The dialect
//! already writes nothing else, in the very form ammonia gives back (a test proves its output is
//! a fixed point of this pass); this pass is what keeps a bug in it, or in pulldown-cmark, or in
//! math-core, from becoming a script in someone's session on the pages the server sends.

use super::allowlist::{
    AUDIO_FORCED, CELL_ALIGNMENTS, CHECKBOX, CHECKBOX_FORCED, DOCUMENT_ATTRIBUTES, DOCUMENT_TAGS,
    IMAGE_FORCED, LINK_REL, MATH_ATTRIBUTES, MATH_DISPLAYS, MATH_TAGS, MATH_TEXT_TAGS,
};
use super::urls::{self, UrlUse};
use ammonia::{Builder, UrlRelative};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(sanitizer);

/// `html` rebuilt from the allowlist.
pub(super) fn clean(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

fn sanitizer() -> Builder<'static> {
    let forced = HashMap::from([
        (CHECKBOX, HashMap::from(CHECKBOX_FORCED)),
        ("img", HashMap::from(IMAGE_FORCED)),
        ("audio", HashMap::from(AUDIO_FORCED)),
    ]);
    let mut tag_attributes: HashMap<&str, HashSet<&str>> = DOCUMENT_ATTRIBUTES
        .into_iter()
        .map(|(tag, attributes)| (tag, attributes.iter().copied().collect()))
        .collect();
    // A forced attribute is allowed too, so one already there keeps its place (ammonia sets its
    // value in place) instead of being removed and appended in the hash map's random order.
    for (tag, attributes) in &forced {
        tag_attributes
            .entry(tag)
            .or_default()
            .extend(attributes.keys());
    }
    for tag in MATH_TAGS {
        tag_attributes.insert(tag, HashSet::from(MATH_ATTRIBUTES));
    }
    let alignments = HashSet::from(CELL_ALIGNMENTS);
    let tag_attribute_values = HashMap::from([
        ("th", HashMap::from([("align", alignments.clone())])),
        ("td", HashMap::from([("align", alignments)])),
        (
            "math",
            HashMap::from([("display", HashSet::from(MATH_DISPLAYS))]),
        ),
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

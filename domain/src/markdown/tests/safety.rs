//! What "cannot run anything" means, checked on the HTML as a browser parses it: independent of
//! the renderer's own URL rules, written from the HTML and URL standards.

use super::super::allowlist::{DOCUMENT_TAGS, MATH_TAGS, MATH_TEXT_TAGS};
use scraper::{Html, Node};

/// Elements that run, load or restyle something, or change how the rest of the page parses.
const FORBIDDEN_ELEMENTS: [&str; 24] = [
    "script",
    "iframe",
    "object",
    "embed",
    "style",
    "svg",
    "form",
    "base",
    "meta",
    "link",
    "frame",
    "frameset",
    "applet",
    "template",
    "noscript",
    "textarea",
    "select",
    "button",
    "annotation-xml",
    "foreignobject",
    "maction",
    "animate",
    "set",
    "use",
];

/// Attributes whose value is a URL the browser may load or navigate to.
const URL_ATTRIBUTES: [&str; 11] = [
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcset",
    "srcdoc",
    "cite",
    "ping",
];

/// Everything wrong with `html`, one line each; empty when it is safe.
pub(super) fn problems(html: &str) -> Vec<String> {
    let document = Html::parse_fragment(html);
    let root = document.root_element();
    assert_eq!(
        root.value().name(),
        "html",
        "a fragment sits in an <html> element"
    );
    let mut problems = Vec::new();
    for node in root.descendants().skip(1) {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let name = element.name();
        if FORBIDDEN_ELEMENTS.contains(&name) {
            problems.push(format!("forbidden element <{name}>"));
        }
        let expected = name == "input"
            || DOCUMENT_TAGS.contains(&name)
            || MATH_TAGS.contains(&name)
            || MATH_TEXT_TAGS.contains(&name);
        if !expected {
            problems.push(format!("element <{name}> outside the allowlist"));
        }
        if name == "input"
            && (element.attr("type") != Some("checkbox") || element.attr("disabled").is_none())
        {
            problems.push("an <input> that is not a disabled checkbox".to_owned());
        }
        for (attribute, value) in element.attrs() {
            let attribute = attribute.to_ascii_lowercase();
            if attribute.starts_with("on") {
                problems.push(format!("event handler {attribute}={value:?} on <{name}>"));
            }
            if attribute == "style" {
                problems.push(format!("style={value:?} on <{name}>"));
            }
            if URL_ATTRIBUTES.contains(&attribute.as_str())
                && !browser_would_allow(name, &attribute, value)
            {
                problems.push(format!("<{name} {attribute}={value:?}>"));
            }
        }
    }
    problems
}

/// Panics with every problem of `html`, rendered from `markdown`.
#[track_caller]
pub(super) fn assert_safe(markdown: &str, html: &str) {
    let problems = problems(html);
    assert!(
        problems.is_empty(),
        "unsafe output for {markdown:?}:\n{html}\n{}",
        problems.join("\n")
    );
}

/// Whether a URL attribute (its value already entity-decoded by the HTML parser) leads only
/// where Scola allows, read as the URL standard reads it: leading and trailing C0 controls and
/// spaces stripped, tabs and newlines removed, the scheme ASCII-case-insensitive and made only
/// of letters, digits, `+`, `-` and `.` after a letter. A value without such a scheme is
/// relative: it stays on Scola's origin.
fn browser_would_allow(element: &str, attribute: &str, value: &str) -> bool {
    let url: String = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme = url.split_once(':').map(|(scheme, _)| scheme).filter(|s| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let Some(scheme) = scheme.map(str::to_ascii_lowercase) else {
        return true;
    };
    match (element, attribute, scheme.as_str()) {
        (_, "href" | "src", "http" | "https") => true,
        ("a", "href", "mailto") => true,
        ("img", "src", "data") => {
            let lower = url.to_ascii_lowercase();
            ["png", "jpeg", "gif", "webp"]
                .iter()
                .any(|kind| lower.starts_with(&format!("data:image/{kind};base64,")))
        }
        _ => false,
    }
}

#[test]
fn the_checker_itself_catches_what_it_must() {
    for unsafe_html in [
        "<script>alert(1)</script>",
        "<p onclick=\"x\">a</p>",
        "<p style=\"color:red\">a</p>",
        "<a href=\" JaVa&#x09;ScRiPt:alert(1)\">a</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
        "<audio src=\"data:audio/mp3;base64,AA==\"></audio>",
        "<a href=\"data:text/html,x\">a</a>",
        "<svg><a href=\"#\">a</a></svg>",
        "<math><maction actiontype=\"statusline\">x</maction></math>",
        "<input type=\"text\">",
        "<div>a</div>",
    ] {
        assert!(!problems(unsafe_html).is_empty(), "{unsafe_html}");
    }
    for safe_html in [
        "<p><a href=\"https://exemple.fr\">a</a> <a href=\"cours/1\">b</a></p>",
        "<a href=\"MAILTO:prof@exemple.fr\">c</a>",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
        "<math display=\"block\"><mfrac><mi>a</mi><mi>b</mi></mfrac></math>",
        "<ul><li><input type=\"checkbox\" disabled=\"\"></li></ul>",
    ] {
        assert_eq!(problems(safe_html), Vec::<String>::new(), "{safe_html}");
    }
}

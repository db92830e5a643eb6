//! CommonMark 0.31.2 conformance, on the spec's own examples.
//!
//! Examples with raw HTML are left out (Scola shows it as text, on purpose). Both sides are
//! parsed as HTML and compared as trees, after a normalisation that undoes only what Scola
//! changes by design:
//! - expected headings one level lower (`h1` → `h2` … `h6` stays `h6`);
//! - expected `class="language-…"` on code blocks dropped (no highlighting, no classes);
//! - expected links whose destination Scola refuses (`irc:`, `made-up-scheme:` …) replaced by
//!   their content, expected images whose source it refuses by their alt text;
//! - `rel` on links and `loading` on images dropped from Scola's side;
//! - attributes compared as sets, text nodes of only whitespace (between tags) dropped.

use super::fixtures;
use crate::markdown::render;
use crate::markdown::urls::{self, UrlUse};
use pulldown_cmark::{Event, Options, Parser};
use scraper::{ElementRef, Html, Node};
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct Example {
    pub(super) markdown: String,
    html: String,
    example: u32,
    section: String,
}

/// The spec's 652 examples.
pub(super) fn examples() -> Vec<Example> {
    let path = fixtures().join("markdown-xss/commonmark-spec-0.31.2/spec.derived.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let examples: Vec<Example> = serde_json::from_str(&text).expect("the spec parses");
    assert_eq!(examples.len(), 652);
    examples
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Expected,
    Scola,
}

#[test]
fn commonmark_examples_render_as_the_spec_says() {
    let examples = examples();
    let compared: Vec<&Example> = examples
        .iter()
        .filter(|example| !has_raw_html(&example.markdown))
        .collect();
    let failing: Vec<&Example> = compared
        .iter()
        .copied()
        .filter(|example| {
            canonical(&example.html, Side::Expected)
                != canonical(render(&example.markdown).as_str(), Side::Scola)
        })
        .collect();
    for example in &failing {
        println!(
            "example {} ({}): {:?}\n  expected {}\n  scola    {}",
            example.example,
            example.section,
            example.markdown,
            canonical(&example.html, Side::Expected),
            canonical(render(&example.markdown).as_str(), Side::Scola),
        );
    }
    println!(
        "CommonMark: {} of {} examples without raw HTML match ({} have raw HTML); failing: {:?}",
        compared.len() - failing.len(),
        compared.len(),
        examples.len() - compared.len(),
        failing.iter().map(|e| e.example).collect::<Vec<_>>()
    );
    assert_eq!(
        compared.len(),
        580,
        "the raw-HTML filter left out more or fewer examples"
    );
    assert!(failing.is_empty(), "{} examples differ", failing.len());
}

#[test]
fn the_normalisation_undoes_only_what_scola_changes() {
    let same = |expected: &str, scola: &str| {
        canonical(expected, Side::Expected) == canonical(scola, Side::Scola)
    };
    assert!(same("<h1>T</h1>\n<h6>U</h6>", "<h2>T</h2><h6>U</h6>"));
    assert!(same(
        "<p><a href=\"/x\">a</a></p>",
        "<p><a rel=\"noopener\" href=\"/x\">a</a></p>"
    ));
    assert!(same(
        "<pre><code class=\"language-rust\">x\n</code></pre>",
        "<pre><code>x\n</code></pre>"
    ));
    assert!(same(
        "<p><a href=\"irc://x\">irc://x</a></p>",
        "<p>irc://x</p>"
    ));
    assert!(!same("<h1>T</h1>", "<h1>T</h1>"));
    assert!(!same("<p>a</p>", "<p>b</p>"));
    assert!(!same("<p>a</p>", "<p><em>a</em></p>"));
    assert!(!same(
        "<ol start=\"2\"><li>a</li></ol>",
        "<ol><li>a</li></ol>"
    ));
    assert!(!same("<p><a href=\"/x\">a</a></p>", "<p>a</p>"));
}

/// Whether plain CommonMark reads raw HTML in `markdown`.
fn has_raw_html(markdown: &str) -> bool {
    Parser::new_ext(markdown, Options::empty())
        .any(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
}

/// The HTML as a normalised tree, written out.
fn canonical(html: &str, side: Side) -> String {
    let document = Html::parse_fragment(html);
    let mut out = String::new();
    children(document.root_element(), side, &mut out);
    out
}

fn children(element: ElementRef<'_>, side: Side, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) if !text.trim().is_empty() => out.push_str(text),
            Node::Element(_) => {
                if let Some(element) = ElementRef::wrap(child) {
                    self::element(element, side, out);
                }
            }
            _ => {}
        }
    }
}

fn element(element: ElementRef<'_>, side: Side, out: &mut String) {
    let value = element.value();
    let mut name = value.name().to_owned();
    if side == Side::Expected {
        match name.as_str() {
            "a" if !value
                .attr("href")
                .is_some_and(|href| urls::is_allowed(href, UrlUse::Link)) =>
            {
                return children(element, side, out);
            }
            "img"
                if !value.attr("src").is_some_and(|src| {
                    urls::is_allowed(src, UrlUse::Image) || urls::is_allowed(src, UrlUse::Audio)
                }) =>
            {
                out.push_str(value.attr("alt").unwrap_or_default());
                return;
            }
            _ => {}
        }
        if let Some(level) = name.strip_prefix('h').and_then(|l| l.parse::<u8>().ok()) {
            name = format!("h{}", (level + 1).min(6));
        }
    }
    let mut attributes: Vec<(&str, &str)> = value
        .attrs()
        .filter(|&(attribute, _)| match side {
            Side::Expected => !(name == "code" && attribute == "class"),
            Side::Scola => !matches!(
                (name.as_str(), attribute),
                ("a", "rel") | ("img", "loading")
            ),
        })
        .collect();
    attributes.sort_unstable();
    out.push('<');
    out.push_str(&name);
    for (attribute, value) in attributes {
        out.push_str(&format!(" {attribute}={value:?}"));
    }
    out.push('>');
    children(element, side, out);
    out.push_str(&format!("</{name}>"));
}

//! The OWASP XSS filter-evasion corpus, each payload put everywhere Markdown can put it.

use super::fixtures;
use super::safety::problems;
use crate::markdown::render;
use scraper::{Html, Selector};
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct Payload {
    section: String,
    source_line: u32,
    pub(super) payload: String,
}

pub(super) fn corpus() -> Vec<Payload> {
    let path = fixtures().join("markdown-xss/owasp/payloads.derived.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let corpus: Vec<Payload> = serde_json::from_str(&text).expect("the corpus parses");
    assert_eq!(corpus.len(), 110, "the corpus has its 110 payloads");
    corpus
}

pub(super) use crate::markdown::placements::placements;

#[test]
fn no_payload_survives_anywhere() {
    let mut renderings = 0;
    let mut failures = Vec::new();
    for Payload {
        section,
        source_line,
        payload,
    } in corpus()
    {
        for (place, markdown) in placements(&payload) {
            let html = render(&markdown);
            renderings += 1;
            let problems = problems(html.as_str());
            if !problems.is_empty() {
                failures.push(format!(
                    "{section} (line {source_line}) as {place}: {}\n{}",
                    problems.join("; "),
                    html.as_str()
                ));
            }
        }
    }
    assert_eq!(renderings, 110 * 19);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Safe is not enough: a teacher who types HTML in a code block must see it, character for
/// character.
#[test]
fn payloads_in_fenced_code_are_shown_verbatim() {
    let code = Selector::parse("pre > code").expect("a valid selector");
    let mut compared = 0;
    for Payload { payload, .. } in corpus() {
        // A payload with its own fence, or line endings CommonMark rewrites, is not one block.
        if payload.contains("```") || payload.contains('\r') || payload.contains('\0') {
            continue;
        }
        let html = render(&format!("```\n{payload}\n```"));
        let document = Html::parse_fragment(html.as_str());
        let shown: String = document
            .select(&code)
            .flat_map(|element| element.text())
            .collect();
        assert_eq!(shown, format!("{payload}\n"), "{}", html.as_str());
        compared += 1;
    }
    assert!(compared >= 100, "only {compared} payloads compared");
}

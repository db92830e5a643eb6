//! The Markdown renderer's safety, checked where it matters: in a real browser's DOM. Every
//! payload of the OWASP XSS corpus, in every place Markdown can hold it, is rendered by
//! `domain::markdown::render` and put into the app's page; nothing may carry an event handler, a
//! script, a frame or a scriptable URL, and nothing may run.

use crate::support::Browser;
use crate::support::ui::USERNAME;
use serde_json::{Value, json};

const INSPECT: &str = r#"
const [items, done] = [arguments[0], arguments[arguments.length - 1]];
const fired = [];
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  window[name] = () => { fired.push(name); };
}
const host = document.createElement('div');
document.body.appendChild(host);
const problems = [];
const forbidden = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base',
  'form', 'meta', 'link', 'style', 'foreignobject', 'animate', 'set', 'handler', 'template'];
const urlAttributes = ['href', 'src', 'xlink:href', 'action', 'formaction', 'background',
  'poster', 'srcset', 'data', 'dynsrc', 'lowsrc', 'cite', 'longdesc', 'usemap'];
for (const { at, html } of items) {
  const box = document.createElement('div');
  box.innerHTML = html;
  host.appendChild(box);
  for (const el of box.querySelectorAll('*')) {
    const tag = el.localName.toLowerCase();
    if (forbidden.includes(tag)) problems.push(`${at}: <${tag}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
      if (name.startsWith('on')) problems.push(`${at}: ${name} on <${tag}>`);
      if (name === 'style' && /expression\(|javascript:|url\(/.test(value)) {
        problems.push(`${at}: style ${attr.value}`);
      }
      if (urlAttributes.includes(name)) {
        if (/^(javascript|vbscript|livescript|mocha):/.test(value)) {
          problems.push(`${at}: ${name}=${attr.value}`);
        }
        const image = tag === 'img' && name === 'src' && /^data:image\/(png|jpeg|gif|webp);/.test(value);
        if (value.startsWith('data:') && !image) problems.push(`${at}: ${name}=${attr.value}`);
      }
    }
  }
}
// Handlers of failed images and the like run after this script: let them.
setTimeout(() => done({ problems, fired, elements: host.querySelectorAll('*').length }), 1000);
"#;

#[tokio::test]
async fn no_xss_payload_rendered_from_markdown_can_act_in_a_real_dom() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures/markdown-xss/owasp/payloads.derived.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let corpus: Vec<Value> = serde_json::from_str(&text).expect("the corpus parses");
    assert_eq!(corpus.len(), 110, "the OWASP corpus has its 110 payloads");
    let mut rendered = Vec::new();
    for entry in &corpus {
        let payload = entry["payload"].as_str().expect("payload");
        let line = &entry["source_line"];
        for (place, markdown) in domain::markdown::placements::placements(payload) {
            rendered.push(json!({
                "at": format!("line {line} as {place}"),
                "html": domain::markdown::render(&markdown).into_string(),
            }));
        }
    }
    assert_eq!(rendered.len(), 110 * 19);

    let b = Browser::start().await;
    b.open("/").await;
    b.find(USERNAME).await;
    let report = b
        .client
        .execute_async(INSPECT, vec![json!(rendered)])
        .await
        .expect("the page inspects its DOM");
    let problems: Vec<&str> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(report["fired"], json!([]), "nothing ran");
    // The renderings did reach the DOM: the check looked at real elements.
    assert!(report["elements"].as_u64().unwrap_or(0) > 2090, "{report}");

    // The inspection itself catches what it looks for, given unrendered markup.
    let control = b
        .client
        .execute_async(
            INSPECT,
            vec![json!([{
                "at": "control",
                "html": "<img src=x onerror=alert(1)><a href=\" java\tscript:x\">x</a><iframe></iframe>",
            }])],
        )
        .await
        .expect("the control is inspected");
    assert_eq!(
        control["problems"].as_array().map(Vec::len),
        Some(3),
        "{control}"
    );
    b.close().await;
}

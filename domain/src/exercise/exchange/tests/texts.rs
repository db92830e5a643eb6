//! HTML and plain text made Markdown: the text kept, nothing of the markup able to act.

use super::markup::{self, Source};

fn md(html: &str) -> String {
    markup::markdown(html, Source::Html).text
}

#[test]
fn html_keeps_its_text_paragraphs_and_breaks() {
    assert_eq!(md("<p>Un</p><p>deux<br>trois</p>"), "Un\n\ndeux\\\ntrois");
    assert_eq!(md("  a \n\t b  "), "a b");
    assert_eq!(md("<ul><li>un</li><li>deux</li></ul>"), "un\n\ndeux");
    assert_eq!(md("<table><tr><td>a</td><td>b</td></tr></table>"), "a b");
    assert_eq!(
        md("l&rsquo;acqua &amp; u vinu"),
        "l\u{2019}acqua \\& u vinu"
    );
}

#[test]
fn scripts_styles_and_media_go_with_their_content() {
    let converted = markup::markdown(
        "<p>Avant<script>alert('x')</script><style>p{}</style><img src=x onerror=alert(1)><iframe src=javascript:alert(1)>z</iframe>après</p>",
        Source::Html,
    );
    assert_eq!(converted.text, "Avantaprès");
    assert!(converted.markup_removed);
    assert_eq!(converted.media, 2);
}

#[test]
fn escaped_markup_stays_text() {
    // The text of `&lt;script&gt;` is `<script>`: escaped so that Markdown shows it.
    assert_eq!(
        md("&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))"),
        "\\<script\\>alert(1)\\</script\\> \\[x\\](javascript:alert(1))"
    );
    assert_eq!(md("# titre"), "\\# titre");
    assert_eq!(md("1. un"), "1\\. un");
    assert_eq!(md("- un"), "\\- un");
    assert_eq!(
        md("a_b *c* `d` $e$ |f| ~g~"),
        "a\\_b \\*c\\* \\`d\\` \\$e\\$ \\|f\\| \\~g\\~"
    );
}

#[test]
fn plain_text_keeps_its_lines() {
    assert_eq!(
        markup::markdown("un\ndeux\n\ntrois *", Source::Plain).text,
        "un\\\ndeux\n\ntrois \\*"
    );
    assert_eq!(
        markup::plain("<b>Corsica</b> &amp; Sardegna", Source::Html).text,
        "Corsica & Sardegna"
    );
    assert_eq!(
        markup::markdown("  **gras**  ", Source::Markdown).text,
        "**gras**"
    );
}

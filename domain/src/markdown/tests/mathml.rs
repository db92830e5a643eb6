//! The filter of math-core's MathML, on hand-made input.

use super::{count, rendered, select};
use crate::markdown::mathml::filtered;

#[test]
fn styles_classes_and_unknown_attributes_are_dropped() {
    assert_eq!(
        filtered(concat!(
            r#"<math display="block" xmlns="http://www.w3.org/1998/Math/MathML">"#,
            r#"<mrow style="color:red" class="x" mathcolor="red" onclick="alert(1)">"#,
            r#"<mi mathvariant="normal">a</mi><mspace width="1em"/><mprescripts/>"#,
            r#"<mtext><span style="font-variant-caps: small-caps">&lt;b&gt; &amp; &quot;&#39;</span></mtext>"#,
            "<mtext>\u{a0}\0</mtext></mrow></math>"
        ))
        .as_deref(),
        Some(concat!(
            r#"<math display="block"><mrow><mi mathvariant="normal">a</mi>"#,
            r#"<mspace width="1em"></mspace><mprescripts></mprescripts>"#,
            r#"<mtext><span>&lt;b&gt; &amp; "'</span></mtext><mtext>&nbsp;</mtext></mrow></math>"#
        ))
    );
    assert_eq!(
        filtered(r#"<math display="inline"><mo lspace="a&quot;b">x</mo></math>"#).as_deref(),
        Some(r#"<math display="inline"><mo lspace="a&quot;b">x</mo></math>"#)
    );
    assert_eq!(
        filtered(r#"<math display="none"><mi>x</mi></math>"#).as_deref(),
        Some("<math><mi>x</mi></math>")
    );
}

/// Anything math-core does not write: the caller then shows the formula's source.
#[test]
fn what_math_core_does_not_write_is_refused() {
    for mathml in [
        "<math><script>alert(1)</script></math>",
        "<math><semantics><mi>x</mi></semantics></math>",
        "<math><mrow><b>x</b></mrow></math>",
        "<math><mtext><b><mi>x</mi></b></mtext></math>",
        "<math><mrow>x</mrow></math>",
        "<math>x</math>",
        "<math><mtext><b/></mtext></math>",
        "<math><mtext>\\<</mtext></math>",
        "<math><mtext>&nbsp;</mtext></math>",
        "<math><mi>x</mi>",
        "<math><mi>x</mo></math>",
        "<math><mi x=y>x</mi></math>",
        "<math><math></math></math>",
        "<mi>x</mi>",
        "<p>x</p>",
        "<math></math><math></math>",
        "<math></math>x",
        "",
    ] {
        assert_eq!(filtered(mathml), None, "{mathml}");
    }
}

#[test]
fn a_formula_whose_mathml_is_refused_shows_its_source() {
    // math-core writes the unknown command `\<` unescaped inside its error box.
    let document = rendered("$a \\< b$");
    let errors = select(&document, "math > merror");
    assert_eq!(errors.len(), 1, "{}", document.html());
    assert_eq!(errors[0].text().collect::<String>(), "$a \\< b$");
    assert_eq!(count(&document, "mi"), 0);
}

//! The first wall is a fixed point of the second: for every text of every corpus, ammonia gives
//! back, byte for byte, what the dialect wrote. So nothing the dialect writes is something the
//! sanitizer would remove or change, and the browser, which runs the dialect alone, shows exactly
//! what the server, which runs both, sends.
//!
//! Every hand-written case of `tests.rs` is checked too, as it is rendered (`rendered`).

use super::commonmark::examples;
use super::corsican_paragraphs;
use super::safety::assert_safe;
use super::xss::{corpus, placements};
use crate::markdown::{dialect_html, render, sanitize};

/// What the second wall changed in the first wall's HTML for `markdown`, if anything: the
/// first difference, with some context on both sides.
fn change(markdown: &str) -> Option<String> {
    let first = dialect_html(markdown);
    let second = sanitize::clean(&first);
    if first == second {
        return None;
    }
    let at: usize = first
        .chars()
        .zip(second.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    Some(format!(
        "{markdown:?}\n  dialect  {:?}\n  ammonia  {:?}",
        around(&first, at),
        around(&second, at)
    ))
}

/// Up to 60 characters before byte `at` of `html` and 60 from it.
fn around(html: &str, at: usize) -> &str {
    let start = html[..at]
        .char_indices()
        .rev()
        .nth(59)
        .map_or(0, |(i, _)| i);
    let end = html[at..]
        .char_indices()
        .nth(60)
        .map_or(html.len(), |(i, _)| at + i);
    &html[start..end]
}

#[track_caller]
pub(super) fn assert_fixed_point(markdown: &str) {
    if let Some(change) = change(markdown) {
        panic!("the sanitizer changed the dialect's HTML for {change}");
    }
}

#[track_caller]
fn assert_all_fixed_points<'a>(corpus: &str, markdowns: impl IntoIterator<Item = &'a str>) {
    let mut checked = 0;
    let changes: Vec<String> = markdowns
        .into_iter()
        .inspect(|_| checked += 1)
        .filter_map(change)
        .collect();
    assert!(
        changes.is_empty(),
        "{corpus}: the sanitizer changed {} of {checked} renderings:\n{}",
        changes.len(),
        changes.join("\n")
    );
}

#[test]
fn every_xss_rendering_is_a_fixed_point() {
    let markdowns: Vec<String> = corpus()
        .iter()
        .flat_map(|payload| placements(&payload.payload))
        .map(|(_, markdown)| markdown)
        .collect();
    assert_eq!(markdowns.len(), 110 * 19);
    assert_all_fixed_points("OWASP", markdowns.iter().map(String::as_str));
}

/// All 652, those with raw HTML included.
#[test]
fn every_commonmark_example_is_a_fixed_point() {
    let examples = examples();
    assert_all_fixed_points("CommonMark", examples.iter().map(|e| e.markdown.as_str()));
}

#[test]
fn the_corsican_declaration_is_a_fixed_point() {
    let paragraphs = corsican_paragraphs();
    let whole = paragraphs.join("\n\n");
    assert_all_fixed_points(
        "Corsican",
        paragraphs
            .iter()
            .map(String::as_str)
            .chain([whole.as_str()]),
    );
}

/// Where the two walls could part: characters a browser rewrites or escapes, quotes and
/// no-break spaces in attributes, URLs the sanitizer's URL parser refuses, void elements,
/// tables cut by the nesting limit.
const NASTY: [&str; 59] = [
    "a\u{a0}b «\u{a0}c\u{a0}» d\u{202f}e",
    "[lien](https://exemple.fr/l'été \"titre «\u{a0}x\u{a0}» 'y' & <z> \\\"q\\\"\")",
    "![alt ' \" & < >\u{a0}](images/a'b.png \"t'\u{a0}\")",
    "![son '\u{a0}&](sons/l'été.mp3 \"t & t\")",
    "ligne\r\nsuivante\r\n\r\n```\r\ncode\r\n```\r\n\rfin\r",
    "<b>\r\n</b>\r\n\r\n<div>\r\nx\r\n</div>",
    "a\0b `a\0b` [a\0](b) ![a\0](b.png) [a](b \"c\0\") <a\0b>",
    "```\na\0b\n```",
    "&nbsp; &amp; &lt; &#39; &#x27; &quot; &copy; &#0; &#xD; &#13;&#10; &#x0;",
    "[a](<b&#13;c> \"&#13;\") ![&#13;](x&#13;.png)",
    "e\u{301} 😀 \u{202e}rtl \u{feff}bom \u{fffe} \u{1} \u{7f} \u{85}",
    "[a](http://) [b](https://) [c](http:) [d](http:/)",
    "[a](<http://exa mple.fr>) [b](<http://[::1]/>) [c](http://[::1]/)",
    "[a](http://1.2.3.999/) [b](http://a.1/) [c](http://0x7f.1/) [d](http://1.2.3.4/)",
    "[a](http://127.0.0.1:8080/x) [b](http://256.0.0.1/) [c](http://01.2.3.4/)",
    "[a](https://café.fr/) [b](https://xn--caf-dma.fr/) [c](https://xn--zz/)",
    "[a](http:\\\\evil.com) [b](http:evil.com) [c](http:/\\evil.com) [d](https:///x)",
    "[a](http://a:99999/) [b](http://a:/) [c](http://a:80x/) [d](http://a:65535/)",
    "[a](http://user:pw@host/) [b](http://@host/) [c](http://a@b@c/)",
    "[a](//exemple.fr) [b](HTTPS://EXEMPLE.FR) <http://a_b.fr> [c](http://a%20b/)",
    "[a](http://%41.fr/) [b](http://a%2eb/) [c](http://a..b/) [d](http://.a/) [e](http://a./)",
    "[a](http://a|b/) [b](http://a^b/) [c](http://a{b}/) [d](http://a`b/) [e](http://a<b>/)",
    "[a](mailto:) [b](mailto:a@b?subject=«é»&body=x) <a@b.c> [c](MAILTO:x)",
    "[a](?q=1&r='2') [b](#x\"y) [c](a%zz) [d](%) [e](a b) [f](<a b>)",
    "<https://a.fr/?a=1&b=2&amp;c> <http://a.fr/'\">",
    "![x](data:image/png;base64,iVBORw0KGgo=) ![y](DATA:image/png;base64,AA==)",
    "![x](https://exemple.fr/a.png \"titre\") ![](vide.png) ![x]()",
    "[![x](a.png)](https://exemple.fr) ![[a](b)](c.png) ![*a* `b` $c$](d.png)",
    "[a](https://exemple.fr \"t\") [b](https://exemple.fr 't') [c](https://exemple.fr (t))",
    "- [x] fait\n- [ ] pas fait\n  - [X] sous\n\n1. [ ] numéroté",
    "***\n\n---\n\nligne  \ncassée\\\nici\n\n___",
    "`code ' \" & < >\u{a0}` ``a ` b``",
    "3. a\n4. b\n\n0. z\n\n123456789. grand",
    "<div>\n*x*\n</div>\n\n<pre>\ny\n</pre>\n\n<script>\nalert(1)\n</script>",
    "a <!-- commentaire --> b <![CDATA[ x ]]> <?php x ?> <!DOCTYPE html> </p>",
    "# titre {#id .classe}\n\nTexte[^1]\n\n[^1]: note",
    "| a | `b \\| c` | d |\n|:-|-:|:-:|\n| 1 | 2 | 3 |\n| 4 |",
    "| a |\n|---|",
    "| a | b |\n|---|---|\n| <td> | </table> |\n| ![i](i.png) | $x$ |",
    "> - | a |\n>   |---|\n>   | b |",
    "***a** b* ~~barré~~ ~simple~ **gras _it_**",
    "- <b>x</b>\n\n  <i>y</i>\n- ```\n  code\n  ```",
    "> > > citation\n> > suite\n>\n> - a\n>   > b",
    "<p>para</p>\n\n<br/> <hr/> <img src=x/> <input type=checkbox>",
    "Prix : 12 $, 15\u{a0}$ et $x$ ; \\$y\\$ ; $$ $$ ; $ $",
    "$$\na\n$$\n\n$$\n\n$$",
    "[lien $x^2$](https://exemple.fr) **$\\frac12$** # $y$",
    "Tab\tulé\t\tici\n\n\tcode\ttab",
    "a\u{2028}b\u{2029}c\u{0b}d\u{0c}e",
    "[a]: https://exemple.fr \"titre\"\n\n[a] [A] [a][] [b][a]",
    "<mailto:a@b.c> <MAILTO:a@b.c> <javascript:alert(1)> <a@b>",
    "[x](javascript:alert(1)) [y](data:text/html,x) [z](vbscript:x)",
    "* a\n\n  b\n* c\n\n- d\n+ e",
    "Setext\n===\n\nAutre\n---",
    "\\<b\\> \\& \\* \\_ \\` \\[ \\] \\! \\# \\$",
    "&#x1F600; &#128512; &#xFFFF; &#x10FFFF; &#x110000; &#xD800;",
    "&NotAnEntity; &amp &#; &#x; &ThickSpace; &nbsp",
    "<audio src=x onerror=alert(1)> <img src=x onerror=alert(1)//",
    "![a](x.mp3) ![b](x.MP3?v=1#t) ![c](data:audio/mpeg;base64,AAAA.mp3) ![d](x.ogg \"t\")",
];

#[test]
fn every_nasty_case_is_a_fixed_point() {
    for markdown in NASTY {
        assert_safe(markdown, render(markdown).as_str());
    }
    assert_all_fixed_points("nasty", NASTY);
}

/// The cut by the nesting limit falls at every level of a table.
#[test]
fn tables_cut_by_the_nesting_limit_are_fixed_points() {
    let markdowns: Vec<String> = (25..40)
        .map(|depth| {
            let quote = "> ".repeat(depth);
            format!("{quote}| a | b |\n{quote}|---|:-:|\n{quote}| c | d |\n\n{quote}- [x] e")
        })
        .collect();
    for markdown in &markdowns {
        assert_safe(markdown, render(markdown).as_str());
    }
    assert_all_fixed_points("deep tables", markdowns.iter().map(String::as_str));
}

/// What math-core can write: styles, colours, classes, spaces, matrices, tags, text in formulas.
const FORMULAS: [&str; 62] = [
    "x",
    "\\color{red}{x} \\color{red} y",
    "\\textcolor{blue}{x} \\colorbox{red}{x} \\fcolorbox{red}{blue}{z}",
    "\\textbf{gras} \\textit{it} \\texttt{tt} \\textsf{sf} \\textrm{rm} \\text{a b}",
    "\\textbf{\\textit{x}} \\emph{y} \\textsc{Petites Capitales} \\textup{z} \\textnormal{w}",
    "\\mathbb{R} \\mathcal{C} \\mathfrak{g} \\mathbf{v} \\boldsymbol{\\alpha} \\mathscr{L}",
    "\\mathtt{x} \\mathsf{y} \\mathit{z} \\mathrm{d}x \\,\\mathrm{d}y",
    "\\operatorname{pgcd}(a,b) \\sin x \\lim_{n\\to\\infty} u_n \\max\\limits_{i}",
    "\\cancel{x} \\bcancel{y} \\xcancel{z} \\sout{w} \\boxed{x} \\fbox{y}",
    "\\overbrace{a+b}^{n} \\underbrace{c}_{m} \\overset{a}{b} \\underset{c}{d}",
    "\\xrightarrow{f} \\xleftarrow[g]{h} \\stackrel{?}{=} \\longrightarrow",
    "\\sum_{i=1}^{n} \\int_0^1 \\iint \\oint \\prod \\bigcup \\bigoplus",
    "a \\, b \\; c \\: d \\quad e \\qquad f \\! g \\ h ~ i",
    "\\hspace{1em} a \\kern2pt b \\mspace{3mu} c \\mkern1mu d \\hskip 2em e",
    "\\phantom{x} \\hphantom{y} \\vphantom{z} \\smash{w}",
    "\\sqrt[3]{x} \\frac{1}{2} \\dfrac12 \\tfrac12 \\binom{n}{k} \\dbinom{a}{b}",
    "\\cfrac{1}{1+\\cfrac{1}{2}} \\genfrac{(}{)}{0pt}{}{a}{b} \\frac{a}{b}_{c}",
    "\\left\\langle x \\middle| y \\right\\rangle \\left. z \\right\\}",
    "\\big( \\Big[ \\bigg\\{ \\Bigg| \\bigl( \\bigr)",
    "\\not= \\neq \\leq \\geq \\approx \\equiv \\not\\in \\nsubseteq",
    "\\vec{v} \\hat{x} \\tilde{y} \\bar{z} \\dot{a} \\ddot{b} \\widehat{abc} \\widetilde{de}",
    "\\overline{AB} \\underline{x} \\overleftarrow{AB} \\overrightarrow{AB}",
    "\\mathring{A} \\check{c} \\breve{u} \\acute{e} \\grave{a}",
    "^{14}_{6}\\mathrm{C} \\prescript{a}{b}{c} \\sideset{_1^2}{_3^4}\\sum",
    "\\displaystyle\\sum x \\textstyle\\sum y \\scriptstyle z \\scriptscriptstyle w",
    "\\tiny a \\small b \\large c \\Huge d",
    "\\text{« Ciò ’ »}\\ \\text{a < b & c \" d ' e}",
    "a < b > c \\& d ' e \" f",
    "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix} \\begin{bmatrix}a\\end{bmatrix}",
    "\\begin{vmatrix}a\\end{vmatrix} \\begin{Vmatrix}b\\end{Vmatrix} \\begin{Bmatrix}c\\end{Bmatrix}",
    "\\begin{smallmatrix}a&b\\\\c&d\\end{smallmatrix} \\begin{matrix*}[r]a\\end{matrix*}",
    "\\begin{cases} 1 & x>0 \\\\ 0 & \\text{sinon} \\end{cases}",
    "\\begin{array}{|c|l|r|}\\hline a & b & c \\\\ \\hline d & e & f \\\\ \\hline\\end{array}",
    "\\begin{array}{c:c}a&b\\\\\\hdashline c&d\\end{array}",
    "\\begin{aligned} a &= b \\\\ &= c \\end{aligned}",
    "\\substack{a\\\\b} \\sum_{\\substack{i<n\\\\j<m}} x",
    "\\mathop{x} \\mathbin{y} \\mathrel{z} \\mathord{w} \\mathpunct{,}",
    "\\unknowncommand{x} + \\alsounknown",
    "\\href{https://exemple.fr}{y} \\url{https://exemple.fr}",
    "\\char\"41 \\unicode{x41} \\mathchoice{a}{b}{c}{d}",
    "\\ce{H2O} \\pu{1 m}",
    "\\degree \\% \\$ \\& \\# \\_ \\{ \\} \\backslash",
    "'' f' f'' f^{\\prime} f^\\prime",
    "a\u{a0}b \\text{c\u{a0}d} \\mbox{e f}",
    "\\rule{1em}{2em} \\raisebox{1em}{x}",
    "\\dots \\cdots \\ldots \\vdots \\ddots",
    "\\bmod \\pmod{n} \\mod 3 \\pod{m}",
    "\\lvert x \\rvert \\lVert y \\rVert \\lfloor z \\rfloor \\lceil w \\rceil",
    "\\newcommand{\\x}{y}\\x \\def\\z{w}\\z",
    "\\limits \\nolimits \\hline \\\\ & \\tag{1}",
    "\\alpha\\beta\\Gamma\\varepsilon\\varphi\\aleph\\hbar\\ell\\infty\\partial\\nabla",
    "\\mathbf{1}_{A} \\mathbb{1} \\mathds{1} \\boldsymbol{1}",
    "x_{a_{b_{c}}}^{d^{e^{f}}}",
    "\\overbrace{\\underbrace{a}_{b}}^{c}",
    "\\colon \\vcentcolon \\coloneqq \\mid \\nmid \\parallel \\perp",
    "\\text{\\textbf{a} \\textit{b}} \\textit{\\textbf{c}}",
    "\\mathbf{\\mathit{x}} \\mathrm{\\mathbf{y}}",
    "\\text{$x$ dans un texte} \\text{\\$ et \\{}",
    "\\operatorname*{argmax}_{x} f \\DeclareMathOperator{\\tr}{tr}",
    "\\left( \\frac{a}{b} \\right)^{2} \\Bigl( x \\Bigr)",
    "\\begin{matrix}\\end{matrix} \\begin{pmatrix}\\end{pmatrix} {}",
    "\\not\\exists \\forall \\neg \\land \\lor \\implies \\iff \\Rightarrow",
];

/// The same formulas, in the line and on their own, and the environments that number
/// equations (display only).
#[test]
fn every_formula_is_a_fixed_point() {
    let mut markdowns: Vec<String> = FORMULAS
        .iter()
        .flat_map(|latex| [format!("Soit ${latex}$."), format!("$$\n{latex}\n$$")])
        .collect();
    for environment in [
        "equation",
        "align",
        "gather",
        "multline",
        "align*",
        "equation*",
    ] {
        markdowns.push(format!(
            "$$\n\\begin{{{environment}}} a &= b \\label{{e}} \\\\ c &= d \\notag \\\\ e \\tag{{x}} \\end{{{environment}}}\n$$"
        ));
    }
    for markdown in &markdowns {
        assert_safe(markdown, render(markdown).as_str());
    }
    assert_all_fixed_points("formulas", markdowns.iter().map(String::as_str));
}

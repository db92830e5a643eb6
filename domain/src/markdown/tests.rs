use super::*;
use scraper::{Html, Selector};
use std::path::PathBuf;

mod commonmark;
#[cfg(feature = "sanitize")]
mod fixed_point;
mod mathml;
mod safety;
mod url_policy;
mod xss;

use safety::assert_safe;

/// The shared fixtures, read in place (`/work/shared/fixtures` beside the project).
fn fixtures() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures"
    ))
}

/// Renders `markdown`, checks the result is safe (and, with the sanitizer, that the first wall
/// alone gives the same bytes), and parses it as a browser would.
#[track_caller]
fn rendered(markdown: &str) -> Html {
    let html = render(markdown);
    assert_safe(markdown, html.as_str());
    #[cfg(feature = "sanitize")]
    fixed_point::assert_fixed_point(markdown);
    Html::parse_fragment(html.as_str())
}

/// The paragraphs of the Universal Declaration of Human Rights in Corsican, as plain text.
fn corsican_paragraphs() -> Vec<String> {
    let path = fixtures().join("corsican/udhr/cos.html");
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    select(&Html::parse_document(&source), "p")
        .iter()
        .map(|p| p.text().collect())
        .collect()
}

fn select<'a>(document: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("a valid selector");
    document.select(&selector).collect()
}

fn count(document: &Html, selector: &str) -> usize {
    select(document, selector).len()
}

/// The text a reader sees, less the line break the writer puts after the last block.
fn text(document: &Html) -> String {
    let text: String = document.root_element().text().collect();
    text.trim_end_matches('\n').to_owned()
}

#[test]
fn headings_start_below_the_page_title() {
    let document = rendered("# Un\n## Deux\n### Trois\n#### Quatre\n##### Cinq\n###### Six");
    let headings: Vec<(String, String)> = select(&document, "h1, h2, h3, h4, h5, h6")
        .iter()
        .map(|h| (h.value().name().to_owned(), h.text().collect()))
        .collect();
    let expected = [
        ("h2", "Un"),
        ("h3", "Deux"),
        ("h4", "Trois"),
        ("h5", "Quatre"),
        ("h6", "Cinq"),
        ("h6", "Six"),
    ];
    assert_eq!(
        headings,
        expected.map(|(h, t)| (h.to_owned(), t.to_owned())),
        "{}",
        document.html()
    );
    assert_eq!(count(&rendered("Titre\n====="), "h2"), 1);
}

#[test]
fn raw_html_is_shown_as_typed() {
    let typed = "Voir <img src=x onerror=alert(1)> ici";
    let document = rendered(typed);
    assert_eq!(count(&document, "img"), 0);
    assert_eq!(text(&document), typed);

    let block = "<div onclick=\"alert(1)\">\n*bonjour*\n</div>";
    let document = rendered(block);
    assert_eq!(count(&document, "div"), 0);
    assert!(
        text(&document).contains("<div onclick=\"alert(1)\">"),
        "{}",
        document.html()
    );

    let script = "<SCRIPT SRC=https://exemple.fr/xss.js></SCRIPT>";
    assert_eq!(text(&rendered(script)), script);
}

#[test]
fn safe_links_are_kept_with_rel_and_others_lose_only_their_link() {
    for (markdown, href) in [
        (
            "[site](https://exemple.fr/a?b=1&c=2)",
            "https://exemple.fr/a?b=1&c=2",
        ),
        ("[cours](../cours/2)", "../cours/2"),
        (
            "[écrire](mailto:prof@college.corsica)",
            "mailto:prof@college.corsica",
        ),
        ("<https://exemple.fr>", "https://exemple.fr"),
        ("<prof@college.corsica>", "mailto:prof@college.corsica"),
        (
            "[r][ref]\n\n[ref]: https://exemple.fr",
            "https://exemple.fr",
        ),
    ] {
        let document = rendered(markdown);
        let links = select(&document, "a");
        assert_eq!(links.len(), 1, "{markdown}");
        assert_eq!(links[0].value().attr("href"), Some(href), "{markdown}");
        assert_eq!(
            links[0].value().attr("rel"),
            Some(allowlist::LINK_REL),
            "{markdown}"
        );
    }
    for (markdown, shown) in [
        ("[a](javascript:alert(1))", "a"),
        // A NUL is no part of a link destination: not a link at all; the HTML parser drops it.
        ("[a](java\0script:alert(1))", "[a](javascript:alert(1))"),
        ("[a](&#106;avascript:alert(1))", "a"),
        ("[a](java&#x09;script:alert(1))", "a"),
        ("[a](javascript&colon;alert(1))", "a"),
        ("[a](JAVASCRIPT:alert(1))", "a"),
        ("[a](<java script:alert(1)>)", "a"),
        // Nor is a control character: the text stays as typed.
        (
            "[a]( \u{1}javascript:alert(1))",
            "[a]( \u{1}javascript:alert(1))",
        ),
        ("[a](<\u{1}javascript:alert(1)>)", "a"),
        ("[a](vbscript:msgbox(1))", "a"),
        (
            "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "a",
        ),
        ("[a][r]\n\n[r]: javascript:alert(1)", "a"),
        ("<javascript:alert(1)>", "javascript:alert(1)"),
        ("**[gras](javascript:x)** suite", "gras suite"),
    ] {
        let document = rendered(markdown);
        assert_eq!(count(&document, "a"), 0, "{markdown}: {}", document.html());
        assert_eq!(text(&document), shown, "{markdown}");
    }
}

#[test]
fn images_load_lazily_and_audio_files_play() {
    let document = rendered("![Carte de la Corse](images/corse.png \"La Corse\")");
    let images = select(&document, "img");
    assert_eq!(images.len(), 1);
    let image = images[0].value();
    assert_eq!(image.attr("src"), Some("images/corse.png"));
    assert_eq!(image.attr("alt"), Some("Carte de la Corse"));
    assert_eq!(image.attr("title"), Some("La Corse"));
    assert_eq!(image.attr("loading"), Some("lazy"));

    let document = rendered("![*Dictée* n°3](sons/dictee-3.MP3?v=2)");
    assert_eq!(count(&document, "img"), 0);
    let players = select(&document, "audio");
    assert_eq!(players.len(), 1, "{}", document.html());
    assert_eq!(
        players[0].value().attr("src"),
        Some("sons/dictee-3.MP3?v=2")
    );
    assert!(players[0].value().attr("controls").is_some());
    assert_eq!(players[0].text().collect::<String>(), "Dictée n°3");

    let inline = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let document = rendered(&format!("![point]({inline})"));
    assert_eq!(
        select(&document, "img")[0].value().attr("src"),
        Some(inline)
    );

    for refused in [
        "![vecteur](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![page](data:text/html;base64,PHNjcmlwdD4=)",
        "![x](javascript:alert(1))",
        "![son](data:audio/mpeg;base64,AAAA.mp3)",
    ] {
        let document = rendered(refused);
        assert_eq!(count(&document, "img, audio"), 0, "{refused}");
        assert!(!text(&document).is_empty(), "the alt text stays: {refused}");
    }
}

#[test]
fn tables_align_without_style() {
    let document = rendered("| Élève | Note | Rang |\n|:--|:-:|--:|\n| Anna | 15,5 | 2 |");
    let aligns: Vec<Option<&str>> = select(&document, "th, td")
        .iter()
        .map(|cell| cell.value().attr("align"))
        .collect();
    let sides = [Some("left"), Some("center"), Some("right")];
    assert_eq!(aligns, [sides, sides].concat());
    assert_eq!(count(&document, "thead th"), 3);
    assert_eq!(count(&document, "tbody td"), 3);
}

#[test]
fn task_lists_show_checkboxes_that_cannot_be_ticked() {
    let document = rendered("- [x] Lire le chapitre\n- [ ] Faire l’exercice 4");
    let boxes = select(&document, "li input");
    assert_eq!(boxes.len(), 2);
    assert!(boxes.iter().all(|b| b.value().attr("disabled").is_some()));
    assert!(boxes[0].value().attr("checked").is_some());
    assert!(boxes[1].value().attr("checked").is_none());
}

#[test]
fn code_keeps_its_text_and_loses_its_language_class() {
    let document = rendered("```html\n<b>gras</b>\n```\n\nEt `<i>` en ligne.");
    let code = select(&document, "pre > code");
    assert_eq!(code.len(), 1);
    assert_eq!(code[0].value().attr("class"), None);
    assert_eq!(code[0].text().collect::<String>(), "<b>gras</b>\n");
    assert_eq!(
        select(&document, "p > code")[0].text().collect::<String>(),
        "<i>"
    );
}

#[test]
fn formulas_become_mathml() {
    for (markdown, inside, display) in [
        ("Soit $x^2$.", "msup", None),
        ("$$\\frac{a}{b}$$", "mfrac", Some("block")),
        ("La racine $\\sqrt{2}$ est irrationnelle.", "msqrt", None),
        (
            "$$\n\\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix}\n$$",
            "mtable",
            Some("block"),
        ),
    ] {
        let document = rendered(markdown);
        let math = select(&document, "math");
        assert_eq!(math.len(), 1, "{markdown}: {}", document.html());
        assert_eq!(math[0].value().attr("display"), display, "{markdown}");
        assert_eq!(
            count(&document, &format!("math {inside}")),
            1,
            "{markdown}: {}",
            document.html()
        );
        assert_eq!(count(&document, "merror"), 0, "{markdown}");
    }
}

#[test]
fn a_formula_that_does_not_parse_shows_its_source() {
    for latex in [
        "$\\frac{a}$",
        "$a^$",
        "$x^^2$",
        "$\\left( x$",
        "$\\begin{matrix} a$",
        "$$\\sqrt[$$",
    ] {
        let document = rendered(latex);
        let errors = select(&document, "math > merror");
        assert_eq!(errors.len(), 1, "{latex}: {}", document.html());
        assert_eq!(errors[0].text().collect::<String>(), latex);
    }
    // An unknown command is boxed in place; the rest of the formula still renders.
    let document = rendered("$\\fracc{a}{b} + \\sqrt{2}$");
    assert_eq!(count(&document, "merror"), 1);
    assert_eq!(count(&document, "msqrt"), 1);
}

#[test]
fn formulas_cannot_link_style_or_inject() {
    for latex in [
        "$\\href{javascript:alert(1)}{x}$",
        "$\\url{javascript:alert(1)}$",
        "$\\html{<img src=x onerror=alert(1)>}$",
        "$\\htmlId{x}{y}$ $\\class{c}{y}$ $\\style{position:fixed}{y}$",
        "$\\unicode{x}$",
        "$\\text{<script>alert(1)</script>}$",
        "$\\color{red}{x} \\colorbox{red}{y} \\fcolorbox{red}{blue}{z}$",
        "$$\\begin{equation}\\label{e} a \\end{equation}$$",
    ] {
        let document = rendered(latex);
        assert_eq!(count(&document, "a[href^='javascript'], img"), 0, "{latex}");
    }
    let document = rendered("$\\text{<script>alert(1)</script>}$");
    assert_eq!(text(&document), "<script>alert(1)</script>");
}

#[test]
fn dollars_in_french_amounts_stay_text() {
    for amount in [
        "Le livre coûte 12 $ et le cahier 15 $.",
        "Le livre coûte 12\u{a0}$ et le cahier 15\u{a0}$.",
        "Le livre coûte 12\u{202f}$, le cahier 15\u{202f}$.",
        "Entre 5 $, 6 $ et 7 $ : trois prix.",
        "Un dollar ($) et un autre $",
        "Échappé : \\$x\\$ reste du texte.",
    ] {
        let document = rendered(amount);
        assert_eq!(count(&document, "math"), 0, "{amount}: {}", document.html());
        assert_eq!(text(&document), amount.replace('\\', ""), "{amount}");
    }
}

#[test]
fn corsican_declaration_passes_through_unchanged() {
    let paragraphs = corsican_paragraphs();
    assert!(paragraphs.len() >= 50, "{} paragraphs", paragraphs.len());
    let all = paragraphs.concat();
    assert!(all.contains('’') && all.contains('ù') && all.contains("ghj"));
    assert!(
        !all.contains(['*', '_', '`', '[', '<', '&', '$', '\\', '#']),
        "the text has no Markdown syntax, so it must come out as it went in"
    );

    let document = rendered(&paragraphs.join("\n\n"));
    let shown: Vec<String> = select(&document, "p")
        .iter()
        .map(|p| p.text().collect())
        .collect();
    assert_eq!(shown, paragraphs);
}

#[test]
fn french_typography_is_left_as_written() {
    for written in [
        "« Ciò chì ùn si dice » : l’omu ghjustu ; d’accordu !",
        "Date\u{a0}: 12\u{202f}%\u{a0}; «\u{a0}guillemets\u{a0}»",
        // The same é, composed and decomposed: neither is normalised into the other.
        "Composé : \u{e9}t\u{e9}. Décomposé : e\u{301}te\u{301}.",
        "Apostrophes ’ et ' et guillemets \" restent.",
    ] {
        assert_eq!(text(&rendered(written)), written);
    }
}

#[test]
fn deep_nesting_is_flattened_not_fatal() {
    for markdown in [
        format!("{}fond", "> ".repeat(100_000)),
        format!("{}fond", "- ".repeat(100_000)),
        format!("{}fond{}", "[".repeat(50_000), "](a)".repeat(50_000)),
        format!("{}fond{}", "*".repeat(50_000), "*".repeat(50_000)),
    ] {
        let document = rendered(&markdown);
        assert!(text(&document).contains("fond"));
        let deepest = document
            .tree
            .nodes()
            .map(|node| node.ancestors().count())
            .max()
            .unwrap_or_default();
        // The fragment's own root and `<html>` sit above the text's elements.
        assert!(
            deepest <= dialect::MAX_NESTING + 4,
            "nesting {deepest} for {}…",
            &markdown[..10]
        );
    }
    let nested_lists = "- a\n  - b\n    - c\n      > d\n      > - **e**";
    assert_eq!(
        count(&rendered(nested_lists), "li li li blockquote li strong"),
        1
    );
}

/// A browser moves text it finds directly inside a `<table>` out before it: a table is written
/// whole or not at all, so its text reads in order whatever the depth.
#[test]
fn tables_cut_by_the_nesting_limit_are_left_out_whole() {
    let mut tables = 0;
    for depth in 25..40 {
        let quote = "> ".repeat(depth);
        let document = rendered(&format!(
            "{quote}| a | b |\n{quote}|---|---|\n{quote}| c | d |"
        ));
        let words: Vec<&str> = document
            .root_element()
            .text()
            .flat_map(str::split_whitespace)
            .collect();
        assert_eq!(words, ["a", "b", "c", "d"], "depth {depth}");
        match count(&document, "table") {
            0 => assert_eq!(count(&document, "tr, th, td"), 0, "depth {depth}"),
            _ => {
                assert_eq!(count(&document, "table th, table td"), 4, "depth {depth}");
                tables += 1;
            }
        }
    }
    assert_eq!(
        tables,
        dialect::MAX_NESTING - 2 - 25,
        "tables written up to the limit"
    );
}

#[test]
fn formulas_within_budget_fit_a_small_stack_and_longer_ones_are_not_parsed() {
    let budget = math::MAX_COMMANDS_AND_GROUPS;
    let deepest = [
        format!("${}x{}$", "{".repeat(budget), "}".repeat(budget)),
        format!("${}x$", "\\sqrt ".repeat(budget)),
        format!("${}x$", "\\hat ".repeat(budget)),
        format!("${}x$", "\\frac 1".repeat(budget)),
        format!(
            "${}x{}$",
            "\\left(".repeat(budget / 2),
            "\\right)".repeat(budget / 2)
        ),
        format!("$x{}$", "^{x".repeat(budget) + &"}".repeat(budget)),
    ];
    // 1 MiB is WebAssembly's default stack; a debug build's frames are larger than a release's.
    let rendered = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn({
            let deepest = deepest.clone();
            move || deepest.map(|markdown| render(&markdown))
        })
        .expect("a thread")
        .join()
        .expect("no stack overflow");
    for (markdown, html) in deepest.iter().zip(&rendered) {
        assert_safe(markdown, html.as_str());
        assert!(!html.as_str().contains("<merror>"), "{}", html.as_str());
        #[cfg(feature = "sanitize")]
        fixed_point::assert_fixed_point(markdown);
    }

    let too_long = format!("${}x$", "\\sqrt ".repeat(budget + 1));
    let document = self::rendered(&too_long);
    assert_eq!(count(&document, "math > merror"), 1);
    assert_eq!(count(&document, "msqrt"), 0);
}

#[test]
fn rendering_is_the_same_every_time() {
    let text = "# Exercice\n\nCalculer $\\frac{1}{3} + \\frac{1}{6}$.\n\n- [ ] brouillon";
    assert_eq!(render(text), render(text));
    assert_eq!(render(text).into_string(), render(text).as_str());
    assert_eq!(render("").as_str(), "");
}

//! Every place a text can stand in a Markdown document, by name: the XSS corpus is rendered in
//! each (by the tests here, and by the browser test that checks a real DOM).

pub fn placements(payload: &str) -> Vec<(&'static str, String)> {
    let indented: String = payload
        .lines()
        .map(|line| format!("    {line}\n"))
        .collect();
    vec![
        ("body", payload.to_owned()),
        ("heading", format!("# {payload}")),
        ("quote", format!("> {payload}")),
        ("list item", format!("- {payload}")),
        ("table cell", format!("| a |\n|---|\n| {payload} |")),
        ("link", format!("[x]({payload})")),
        ("link in brackets", format!("[x](<{payload}>)")),
        ("link by reference", format!("[x][r]\n\n[r]: {payload}")),
        (
            "link title",
            format!("[x](https://exemple.fr \"{payload}\")"),
        ),
        ("autolink", format!("<{payload}>")),
        ("image", format!("![x]({payload})")),
        ("image in brackets", format!("![x](<{payload}>)")),
        ("image by reference", format!("![x][r]\n\n[r]: {payload}")),
        ("image alt", format!("![{payload}](photo.png)")),
        ("inline code", format!("`{payload}`")),
        ("fenced code", format!("```\n{payload}\n```")),
        ("indented code", indented),
        ("inline math", format!("${payload}$")),
        ("display math", format!("$${payload}$$")),
    ]
}

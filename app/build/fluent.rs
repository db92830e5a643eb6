//! The checks and the Rust emitted for the Fluent subset Scola uses: text, variables, `NUMBER()`,
//! `DATETIME()`, string and number literals, and selectors on a number's plural category or
//! exact value. Anything else is refused with the file and key, not silently dropped.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// What an argument holds, from how the messages use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// Shown as given: a name, a login.
    Text,
    /// Selected on (plural) or passed to `NUMBER()`: an integer, shown with digit grouping.
    Number,
    /// Passed to `DATETIME()`: an instant, shown as a Paris date.
    Date,
}

impl Kind {
    fn rust_type(self) -> &'static str {
        match self {
            Kind::Text => "String",
            Kind::Number => "i64",
            Kind::Date => "domain::time::Timestamp",
        }
    }
}

/// One message in one language.
struct Source {
    file: PathBuf,
    pattern: ast::Pattern<String>,
}

/// One message across languages: its key, variant name and arguments.
pub struct Entry {
    key: String,
    variant: String,
    args: BTreeMap<String, Kind>,
    /// In the order of `LANGS`.
    texts: Vec<Source>,
}

pub struct Area {
    name: String,
    entries: Vec<Entry>,
}

pub struct Catalogue;

type Files = BTreeMap<String, (PathBuf, String)>;

impl Catalogue {
    /// Parses every language and checks they hold the same areas, keys and arguments.
    pub fn check(
        langs: &[(&'static str, &'static str)],
        files: Vec<Files>,
    ) -> Result<(Vec<&'static str>, Vec<Area>), Vec<String>> {
        let mut problems = Vec::new();
        let variants: Vec<&'static str> = langs.iter().map(|(_, v)| *v).collect();
        let mut parsed: Vec<BTreeMap<String, BTreeMap<String, Source>>> = Vec::new();
        let mut seen_keys: Vec<BTreeMap<String, String>> = Vec::new();
        for lang_files in &files {
            let mut areas = BTreeMap::new();
            let mut keys = BTreeMap::new();
            for (area, (path, text)) in lang_files {
                let messages = parse_file(path, text, &mut problems);
                for key in messages.keys() {
                    if let Some(other) = keys.insert(key.clone(), area.clone()) {
                        problems.push(format!(
                            "{}: `{key}` is also in {other}.ftl",
                            path.display()
                        ));
                    }
                }
                areas.insert(area.clone(), messages);
            }
            parsed.push(areas);
            seen_keys.push(keys);
        }
        let reference = &files[0];
        for (i, lang_files) in files.iter().enumerate().skip(1) {
            for area in reference.keys() {
                if !lang_files.contains_key(area) {
                    problems.push(format!("{}/{area}.ftl is missing", langs[i].0));
                }
            }
            for (area, (path, _)) in lang_files {
                if !reference.contains_key(area) {
                    problems.push(format!(
                        "{}: no such area in {}",
                        path.display(),
                        langs[0].0
                    ));
                }
            }
        }

        let mut out = Vec::new();
        let mut reference_areas = parsed.remove(0);
        for (area_name, reference_messages) in std::mem::take(&mut reference_areas) {
            let mut entries = Vec::new();
            let mut variants = BTreeSet::new();
            for (key, source) in reference_messages {
                let mut texts = vec![source];
                for (i, other) in parsed.iter_mut().enumerate() {
                    match other.get_mut(&area_name).and_then(|m| m.remove(&key)) {
                        Some(s) => texts.push(s),
                        None => problems.push(format!(
                            "`{key}` ({area_name}.ftl) has no {} text",
                            langs[i + 1].0
                        )),
                    }
                }
                if texts.len() != langs.len() {
                    continue;
                }
                let mut args_per_lang = Vec::new();
                for (i, text) in texts.iter().enumerate() {
                    let mut args = BTreeMap::new();
                    if let Err(e) = collect_args(&text.pattern, &mut args) {
                        problems.push(format!("{}: `{key}`: {e}", text.file.display()));
                    }
                    args_per_lang.push((i, args));
                }
                let (_, args) = args_per_lang[0].clone();
                for (i, other) in &args_per_lang[1..] {
                    let names: BTreeSet<_> = args.keys().collect();
                    let other_names: BTreeSet<_> = other.keys().collect();
                    if names != other_names {
                        problems.push(format!(
                            "`{key}`: {} uses {:?}, {} uses {:?}",
                            langs[0].0, names, langs[*i].0, other_names
                        ));
                    }
                }
                // An argument takes the richest kind any language gives it.
                let mut merged = args;
                for (_, other) in &args_per_lang[1..] {
                    for (name, kind) in other {
                        let entry = merged.entry(name.clone()).or_insert(*kind);
                        if (*entry == Kind::Date) != (*kind == Kind::Date)
                            && *entry != Kind::Text
                            && *kind != Kind::Text
                        {
                            problems.push(format!(
                                "`{key}`: ${name} is a date in one language, a number in another"
                            ));
                        }
                        *entry = (*entry).max(*kind);
                    }
                }
                let variant = variant_name(&area_name, &key);
                if !variants.insert(variant.clone()) {
                    problems.push(format!(
                        "`{key}`: another key of {area_name}.ftl also becomes `{variant}`"
                    ));
                }
                entries.push(Entry {
                    key,
                    variant,
                    args: merged,
                    texts,
                });
            }
            out.push(Area {
                name: area_name,
                entries,
            });
        }
        for (i, areas) in parsed.iter().enumerate() {
            for (area, left) in areas {
                for key in left.keys() {
                    problems.push(format!(
                        "`{key}` ({}/{area}.ftl) is not in {}",
                        langs[i + 1].0,
                        langs[0].0
                    ));
                }
            }
        }
        if problems.is_empty() {
            Ok((variants, out))
        } else {
            Err(problems)
        }
    }
}

fn parse_file(path: &Path, text: &str, problems: &mut Vec<String>) -> BTreeMap<String, Source> {
    let resource = match fluent_syntax::parser::parse(text.to_owned()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                problems.push(format!("{}: {e:?}", path.display()));
            }
            r
        }
    };
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let key = m.id.name.clone();
                if !m.attributes.is_empty() {
                    problems.push(format!(
                        "{}: `{key}`: attributes are not supported",
                        path.display()
                    ));
                }
                let Some(pattern) = m.value else {
                    problems.push(format!("{}: `{key}` has no text", path.display()));
                    continue;
                };
                if messages
                    .insert(
                        key.clone(),
                        Source {
                            file: path.to_path_buf(),
                            pattern,
                        },
                    )
                    .is_some()
                {
                    problems.push(format!("{}: `{key}` is defined twice", path.display()));
                }
            }
            ast::Entry::Term(t) => problems.push(format!(
                "{}: term -{} is not supported",
                path.display(),
                t.id.name
            )),
            ast::Entry::Junk { content } => {
                problems.push(format!("{}: cannot read {content:?}", path.display()))
            }
            ast::Entry::Comment(_)
            | ast::Entry::GroupComment(_)
            | ast::Entry::ResourceComment(_) => {}
        }
    }
    messages
}

/// `admin-manage-account` in `admin.ftl` → `ManageAccount`.
fn variant_name(area: &str, key: &str) -> String {
    let prefix = format!("{area}-");
    let rest = key.strip_prefix(&prefix).unwrap_or(key);
    rest.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn type_name(area: &str) -> String {
    variant_name("", area)
}

fn collect_args(
    pattern: &ast::Pattern<String>,
    args: &mut BTreeMap<String, Kind>,
) -> Result<(), String> {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, args)?;
        }
    }
    Ok(())
}

fn note(args: &mut BTreeMap<String, Kind>, name: &str, kind: Kind) {
    let entry = args.entry(name.to_owned()).or_insert(kind);
    *entry = (*entry).max(kind);
}

fn collect_expression(
    expression: &ast::Expression<String>,
    args: &mut BTreeMap<String, Kind>,
) -> Result<(), String> {
    match expression {
        ast::Expression::Select { selector, variants } => {
            let name = selector_variable(selector)?;
            note(args, &name, Kind::Number);
            for variant in variants {
                collect_args(&variant.value, args)?;
            }
            Ok(())
        }
        ast::Expression::Inline(inline) => collect_inline(inline, args),
    }
}

fn collect_inline(
    inline: &ast::InlineExpression<String>,
    args: &mut BTreeMap<String, Kind>,
) -> Result<(), String> {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            note(args, &id.name, Kind::Text);
            Ok(())
        }
        ast::InlineExpression::FunctionReference { .. } => {
            let (name, kind, _) = function(inline)?;
            note(args, &name, kind);
            Ok(())
        }
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => Ok(()),
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, args),
        ast::InlineExpression::MessageReference { id, .. } => Err(format!(
            "message references ({{ {} }}) are not supported: pass the text as an argument",
            id.name
        )),
        ast::InlineExpression::TermReference { id, .. } => {
            Err(format!("term -{} is not supported", id.name))
        }
    }
}

/// How a `DATETIME()` call shows its instant.
#[derive(Clone, Copy)]
enum DateStyle {
    Long,
    Short,
    ShortWithTime,
    Time,
}

/// `NUMBER($x)` or `DATETIME($x, dateStyle: "short")`: the variable, its kind and the date style.
fn function(inline: &ast::InlineExpression<String>) -> Result<(String, Kind, DateStyle), String> {
    let ast::InlineExpression::FunctionReference { id, arguments } = inline else {
        return Err("not a function".into());
    };
    let [ast::InlineExpression::VariableReference { id: var }] = arguments.positional.as_slice()
    else {
        return Err(format!("{}() takes one variable", id.name));
    };
    let option = |name: &str| {
        arguments
            .named
            .iter()
            .find(|a| a.name.name == name)
            .map(|a| match &a.value {
                ast::InlineExpression::StringLiteral { value } => Ok(value.clone()),
                _ => Err(format!("{}(): {name} must be a string", id.name)),
            })
    };
    match id.name.as_str() {
        "NUMBER" if arguments.named.is_empty() => {
            Ok((var.name.clone(), Kind::Number, DateStyle::Long))
        }
        "DATETIME" => {
            for a in &arguments.named {
                if a.name.name != "dateStyle" && a.name.name != "timeStyle" {
                    return Err(format!("DATETIME(): unsupported option {}", a.name.name));
                }
            }
            let date = option("dateStyle").transpose()?;
            let time = option("timeStyle").transpose()?;
            let style = match (date.as_deref(), time.as_deref()) {
                (None | Some("long" | "full"), None) => DateStyle::Long,
                (Some("short"), None) => DateStyle::Short,
                (Some("short"), Some("short")) => DateStyle::ShortWithTime,
                (None, Some("short")) => DateStyle::Time,
                (d, t) => return Err(format!("DATETIME(): unsupported styles {d:?} / {t:?}")),
            };
            Ok((var.name.clone(), Kind::Date, style))
        }
        other => Err(format!(
            "unsupported function {other}() (NUMBER and DATETIME are known)"
        )),
    }
}

fn selector_variable(selector: &ast::InlineExpression<String>) -> Result<String, String> {
    match selector {
        ast::InlineExpression::VariableReference { id } => Ok(id.name.clone()),
        ast::InlineExpression::FunctionReference { id, .. } if id.name == "NUMBER" => {
            Ok(function(selector)?.0)
        }
        _ => {
            Err("a selector must be a number variable ({ $n -> … } or { NUMBER($n) -> … })".into())
        }
    }
}

/// The Rust source of every area.
pub fn emit((langs, areas): &(Vec<&'static str>, Vec<Area>)) -> Result<String, Vec<String>> {
    let mut problems = Vec::new();
    let mut out = String::from(
        "// Generated by app/build from app/locales/*/*.ftl: edit those files, not this one.\n\n",
    );
    for area in areas {
        let ty = type_name(&area.name);
        let _ = writeln!(out, "/// The messages of `{}.ftl`.", area.name);
        let _ = writeln!(
            out,
            "#[derive(Clone, Debug, PartialEq, Eq)]\npub enum {ty} {{"
        );
        for entry in &area.entries {
            let _ = writeln!(out, "    /// `{}`", entry.key);
            if entry.args.is_empty() {
                let _ = writeln!(out, "    {},", entry.variant);
            } else {
                let fields: Vec<String> = entry
                    .args
                    .iter()
                    .map(|(name, kind)| format!("{}: {}", field(name), kind.rust_type()))
                    .collect();
                let _ = writeln!(out, "    {} {{ {} }},", entry.variant, fields.join(", "));
            }
        }
        out.push_str("}\n\n");

        let _ = writeln!(out, "impl super::Message for {ty} {{");
        out.push_str(
            "    fn text(&self, lang: domain::lang::Lang) -> String {\n        match lang {\n",
        );
        for lang in langs {
            let _ = writeln!(
                out,
                "            domain::lang::Lang::{lang} => self.text_{}(),",
                lang.to_lowercase()
            );
        }
        out.push_str("        }\n    }\n}\n\n");

        let _ = writeln!(out, "impl {ty} {{");
        for (i, lang) in langs.iter().enumerate() {
            let _ = writeln!(
                out,
                "    fn text_{}(&self) -> String {{",
                lang.to_lowercase()
            );
            out.push_str("        match self {\n");
            for entry in &area.entries {
                let source = &entry.texts[i];
                let mut used = BTreeMap::new();
                let _ = collect_args(&source.pattern, &mut used);
                let pattern = if entry.args.is_empty() {
                    String::new()
                } else {
                    let mut bound: Vec<String> = used.keys().map(|n| field(n)).collect();
                    if used.len() < entry.args.len() {
                        bound.push("..".into());
                    }
                    format!(" {{ {} }}", bound.join(", "))
                };
                let body = match literal(&source.pattern) {
                    Some(text) => format!("{text:?}.to_owned()"),
                    None => {
                        let mut code = String::from("{ let mut s = String::new(); ");
                        if let Err(e) = emit_pattern(&source.pattern, lang, &entry.args, &mut code)
                        {
                            problems.push(format!(
                                "{}: `{}`: {e}",
                                source.file.display(),
                                entry.key
                            ));
                        }
                        code.push_str("s }");
                        code
                    }
                };
                let _ = writeln!(
                    out,
                    "            Self::{}{pattern} => {body},",
                    entry.variant
                );
            }
            out.push_str("        }\n    }\n\n");
        }
        out.push_str("}\n\n");
    }

    // For tests: the texts without arguments, to compare languages.
    out.push_str("#[cfg(test)]\npub(crate) const PLAIN: &[(&str, &[&str])] = &[\n");
    for area in areas {
        for entry in area.entries.iter().filter(|e| e.args.is_empty()) {
            let texts: Vec<String> = entry
                .texts
                .iter()
                .map(|t| format!("{:?}", literal(&t.pattern).unwrap_or_default()))
                .collect();
            let _ = writeln!(out, "    ({:?}, &[{}]),", entry.key, texts.join(", "));
        }
    }
    out.push_str("];\n");
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A Rust field name for a Fluent variable (`first-name` → `first_name`).
fn field(name: &str) -> String {
    name.replace('-', "_")
}

/// The whole text, when the pattern is plain text and literals.
fn literal(pattern: &ast::Pattern<String>) -> Option<String> {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(inline),
            } => match inline {
                ast::InlineExpression::StringLiteral { value } => text.push_str(&unescape(value)),
                ast::InlineExpression::NumberLiteral { value } => text.push_str(value),
                _ => return None,
            },
            ast::PatternElement::Placeable { .. } => return None,
        }
    }
    Some(text)
}

fn emit_pattern(
    pattern: &ast::Pattern<String>,
    lang: &str,
    args: &BTreeMap<String, Kind>,
    code: &mut String,
) -> Result<(), String> {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                let _ = write!(code, "s.push_str({value:?}); ");
            }
            ast::PatternElement::Placeable { expression } => {
                emit_expression(expression, lang, args, code)?
            }
        }
    }
    Ok(())
}

fn emit_expression(
    expression: &ast::Expression<String>,
    lang: &str,
    args: &BTreeMap<String, Kind>,
    code: &mut String,
) -> Result<(), String> {
    let l = format!("domain::lang::Lang::{lang}");
    match expression {
        ast::Expression::Select { selector, variants } => {
            let var = field(&selector_variable(selector)?);
            let _ = write!(
                code,
                "match (*{var}, domain::locale::plural({l}, *{var})) {{ "
            );
            let mut default = None;
            for variant in variants {
                if variant.default {
                    default = Some(&variant.value);
                    continue;
                }
                let arm = match &variant.key {
                    ast::VariantKey::NumberLiteral { value } => {
                        let n: i64 = value
                            .parse()
                            .map_err(|_| format!("[{value}] must be an integer"))?;
                        format!("({n}, _)")
                    }
                    ast::VariantKey::Identifier { name } => match name.as_str() {
                        "one" => "(_, domain::locale::Plural::One)".to_owned(),
                        "other" => "(_, domain::locale::Plural::Other)".to_owned(),
                        other => {
                            return Err(format!(
                                "[{other}]: French and Corsican counts are `one` or `other`"
                            ));
                        }
                    },
                };
                let _ = write!(code, "{arm} => {{ ");
                emit_pattern(&variant.value, lang, args, code)?;
                code.push_str("} ");
            }
            let default = default.ok_or("a selector needs a default variant (*[other])")?;
            code.push_str("_ => { ");
            emit_pattern(default, lang, args, code)?;
            code.push_str("} } ");
            Ok(())
        }
        ast::Expression::Inline(inline) => emit_inline(inline, lang, args, code),
    }
}

fn emit_inline(
    inline: &ast::InlineExpression<String>,
    lang: &str,
    args: &BTreeMap<String, Kind>,
    code: &mut String,
) -> Result<(), String> {
    let l = format!("domain::lang::Lang::{lang}");
    match inline {
        ast::InlineExpression::StringLiteral { value } => {
            let _ = write!(code, "s.push_str({:?}); ", unescape(value));
        }
        ast::InlineExpression::NumberLiteral { value } => {
            let _ = write!(code, "s.push_str({value:?}); ");
        }
        ast::InlineExpression::VariableReference { id } => {
            let var = field(&id.name);
            match args.get(&id.name).copied().unwrap_or(Kind::Text) {
                Kind::Text => {
                    let _ = write!(code, "s.push_str({var}); ");
                }
                Kind::Number => {
                    let _ = write!(code, "s.push_str(&domain::locale::number({l}, *{var})); ");
                }
                Kind::Date => {
                    let _ = write!(
                        code,
                        "s.push_str(&domain::locale::long_date_at({l}, *{var})); "
                    );
                }
            }
        }
        ast::InlineExpression::FunctionReference { .. } => {
            let (name, kind, style) = function(inline)?;
            let var = field(&name);
            let call = match (kind, style) {
                (Kind::Number, _) => format!("domain::locale::number({l}, *{var})"),
                (_, DateStyle::Long) => format!("domain::locale::long_date_at({l}, *{var})"),
                (_, DateStyle::Short) => format!("domain::locale::short_date(*{var})"),
                (_, DateStyle::ShortWithTime) => format!("domain::locale::date_time(*{var})"),
                (_, DateStyle::Time) => format!("domain::locale::time_of_day(*{var})"),
            };
            let _ = write!(code, "s.push_str(&{call}); ");
        }
        ast::InlineExpression::Placeable { expression } => {
            emit_expression(expression, lang, args, code)?
        }
        ast::InlineExpression::MessageReference { .. }
        | ast::InlineExpression::TermReference { .. } => {
            return Err("references are not supported".into());
        }
    }
    Ok(())
}

/// Fluent string literal escapes: `\"`, `\\`, `\uXXXX`, `\UXXXXXX`.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(len @ ('u' | 'U')) => {
                let n = if len == 'u' { 4 } else { 6 };
                let hex: String = chars.by_ref().take(n).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push('\u{FFFD}'),
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

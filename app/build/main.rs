//! Turns the Fluent files in `locales/{fr,co}/<area>.ftl` into typed Rust: one enum per area,
//! one variant per message, one field per argument. A key missing from either language, an
//! argument a translation forgets, or a misspelt message in the code fails the build instead of
//! showing a raw key to a pupil; and the browser carries no Fluent parser or resolver.

mod fluent;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The languages, as the `domain::lang::Lang` variants they become; French is the reference
/// every other language must match key for key.
const LANGS: [(&str, &str); 2] = [("fr", "Fr"), ("co", "Co")];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let locales = root.join("locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    println!("cargo:rerun-if-changed=build");

    let mut catalogues = Vec::new();
    for (tag, _) in LANGS {
        catalogues.push(read_language(&locales.join(tag)));
    }
    let result =
        fluent::Catalogue::check(&LANGS, catalogues).and_then(|areas| fluent::emit(&areas));
    match result {
        Ok(code) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
            std::fs::write(out.join("messages.rs"), code).expect("OUT_DIR is writable");
        }
        Err(problems) => {
            for problem in &problems {
                println!("cargo:warning={problem}");
            }
            panic!(
                "the messages in app/locales have {} problem(s):\n{}",
                problems.len(),
                problems.join("\n")
            );
        }
    }
}

/// Every `<area>.ftl` of one language, by area name.
fn read_language(dir: &Path) -> BTreeMap<String, (PathBuf, String)> {
    let mut files = BTreeMap::new();
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable directory").path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let area = path
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            files.insert(area, (path, text));
        }
    }
    files
}

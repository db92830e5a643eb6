//! Compressed copies of the app's built assets, made once with the strongest settings (brotli
//! 11, gzip 9) and served as they are. On-the-fly compression has to be quick, so it is weaker
//! (the wasm: ≈419 KB on the fly against ≈339 KB at brotli 11) and costs CPU on every first
//! visit — at 8 o'clock on a Monday, thousands of them.

use std::io::Write;
use std::path::{Path, PathBuf};

/// What is worth compressing: the app's script, WebAssembly and style (the small `index.html`
/// is left to on-the-fly compression).
const EXTENSIONS: &[&str] = &["wasm", "js", "css"];

/// Writes `X.br` and `X.gz` beside each asset `X` of `dist` and its subdirectories (the app's
/// modules live in `app-<hash>/`: the main one and one per area) that lacks them or has changed
/// since; returns how many were written. A read-only `dist` is not an error: assets are then
/// compressed on the fly.
pub fn precompress_dist(dist: &Path) -> std::io::Result<usize> {
    let mut written = 0;
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        if path.is_dir() {
            written += precompress_dist(&path)?;
            continue;
        }
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e));
        if !wanted || !path.is_file() {
            continue;
        }
        let raw = std::fs::read(&path)?;
        for (suffix, compress) in [
            ("br", brotli_11 as fn(&[u8]) -> std::io::Result<Vec<u8>>),
            ("gz", gzip_9),
        ] {
            let target = sibling(&path, suffix);
            if is_fresh(&target, &path) {
                continue;
            }
            // Written aside then renamed: a server never serves half a file, and two servers
            // sharing one dist may do this at once.
            let partial = sibling(&path, &format!("{suffix}.{}.part", std::process::id()));
            std::fs::write(&partial, compress(&raw)?)?;
            std::fs::rename(&partial, &target)?;
            written += 1;
        }
    }
    Ok(written)
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn is_fresh(copy: &Path, original: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(copy), modified(original)), (Some(c), Some(o)) if c >= o)
}

fn brotli_11(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: raw.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(raw.len() / 3);
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params)?;
    Ok(out)
}

fn gzip_9(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn assets_get_smaller_copies_that_decompress_to_them() {
        let dir = std::env::temp_dir().join(format!("scola-precompress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let script = "function scola() { return 'bonghjornu'; }\n".repeat(200);
        std::fs::write(dir.join("app-1.js"), &script).expect("write");
        std::fs::write(dir.join("index.html"), "<html></html>").expect("write");
        let area = dir.join("app-0123456789abcdef");
        std::fs::create_dir_all(&area).expect("dir");
        std::fs::write(area.join("split_admin.wasm"), script.as_bytes()).expect("write");

        assert_eq!(precompress_dist(&dir).expect("compressed"), 4);
        assert!(
            area.join("split_admin.wasm.br").exists() && area.join("split_admin.wasm.gz").exists(),
            "the area modules too"
        );
        let br = std::fs::read(dir.join("app-1.js.br")).expect("br");
        assert!(br.len() < script.len() / 10);
        let mut back = String::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut back)
            .expect("brotli");
        assert_eq!(back, script);
        let gz = std::fs::read(dir.join("app-1.js.gz")).expect("gz");
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .expect("gzip");
        assert_eq!(back, script);
        assert!(!dir.join("index.html.br").exists(), "html is left alone");

        assert_eq!(
            precompress_dist(&dir).expect("again"),
            0,
            "fresh copies are kept"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

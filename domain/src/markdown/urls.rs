//! Which URLs a rendered text may point to.
//!
//! The rule is an allowlist of schemes, judged the way a browser reads the attribute: leading and
//! trailing controls and spaces dropped, tabs and line breaks removed anywhere, the scheme
//! compared without regard to case. A URL without a scheme is relative and stays on Scola's own
//! origin. Anything that *might* be read as a scheme but is not a well-formed allowed one
//! (`java\tscript:`, `java\u{FFFD}script:`, `java%09script:`) is refused rather than guessed
//! about: a colon before the first `/`, `?` or `#` must belong to an allowed scheme.
//!
//! The same function judges the destination Markdown gave (entities already decoded by the
//! parser) and, in the sanitizer, the attribute value the browser will see; both must agree.

/// Where a URL is used: each place allows its own schemes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UrlUse {
    /// `<a href>`: web pages and e-mail addresses.
    Link,
    /// `<img src>`: web images and inline raster images (`data:image/png;base64,…`); never
    /// `data:image/svg+xml`, an SVG document can carry scripts.
    Image,
    /// `<audio src>`: web files only.
    Audio,
}

/// Raster formats a `data:` image may have; browsers never run scripts from them.
const DATA_IMAGE_TYPES: [&str; 4] = ["image/png", "image/jpeg", "image/gif", "image/webp"];

/// Whether `url` may appear at `usage`.
pub(super) fn is_allowed(url: &str, usage: UrlUse) -> bool {
    let url = browser_view(url);
    if url.chars().any(|c| c.is_control()) {
        // A control character has no business in a URL; refusing is simpler than proving each
        // one harmless.
        return false;
    }
    match scheme(&url) {
        Scheme::Relative => true,
        Scheme::Malformed => false,
        Scheme::Named(name, rest) => match (name.to_ascii_lowercase().as_str(), usage) {
            ("http" | "https", _) => true,
            ("mailto", UrlUse::Link) => true,
            ("data", UrlUse::Image) => is_raster_data(rest),
            _ => false,
        },
    }
}

/// The URL as a browser's URL parser sees it before reading the scheme.
fn browser_view(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

enum Scheme<'a> {
    /// No colon before the path: relative to the page.
    Relative,
    /// A colon before the path, but what precedes it is no well-formed scheme.
    Malformed,
    /// A well-formed scheme (as written) and what follows its colon.
    Named(&'a str, &'a str),
}

fn scheme(url: &str) -> Scheme<'_> {
    let first_segment_end = url.find(['/', '?', '#']).unwrap_or(url.len());
    let Some(colon) = url[..first_segment_end].find(':') else {
        return Scheme::Relative;
    };
    let name = &url[..colon];
    let mut chars = name.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if well_formed {
        Scheme::Named(name, &url[colon + 1..])
    } else {
        Scheme::Malformed
    }
}

/// `image/<raster type>;base64,<base64 only>`: no parameters, no other encoding.
fn is_raster_data(rest: &str) -> bool {
    let Some((header, payload)) = rest.split_once(',') else {
        return false;
    };
    let header = header.to_ascii_lowercase();
    header
        .strip_suffix(";base64")
        .is_some_and(|media_type| DATA_IMAGE_TYPES.contains(&media_type))
        && payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// Audio formats browsers play in `<audio>`, by file extension.
const AUDIO_EXTENSIONS: [&str; 7] = ["mp3", "ogg", "oga", "opus", "m4a", "wav", "weba"];

/// Whether the file a URL names is audio, judged by the extension of its path (query and
/// fragment ignored, any case).
pub(super) fn is_audio(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    path.rsplit_once('.').is_some_and(|(_, extension)| {
        AUDIO_EXTENSIONS
            .iter()
            .any(|audio| extension.eq_ignore_ascii_case(audio))
    })
}

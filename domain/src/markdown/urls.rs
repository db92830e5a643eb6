//! Which URLs a rendered text may point to.
//!
//! The rule is an allowlist of schemes, judged the way a browser reads the attribute: leading and
//! trailing controls and spaces dropped, tabs and line breaks removed anywhere, the scheme
//! compared without regard to case. A URL without a scheme is relative and stays on Scola's own
//! origin. Anything that *might* be read as a scheme but is not a well-formed allowed one
//! (`java\tscript:`, `java\u{FFFD}script:`, `java%09script:`) is refused rather than guessed
//! about: a colon before the first `/`, `?` or `#` must belong to an allowed scheme.
//!
//! A web address (`http`, `https`) must moreover name its host plainly (see [`is_web_address`]):
//! the sanitizer's URL parser drops an address it cannot parse, and the dialect, which has no URL
//! parser in the browser, must refuse at least as much as it does.
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
            ("http" | "https", _) => is_web_address(rest),
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

/// Whether what follows `http:` or `https:` is `//host`, maybe `:port`, then the rest of the
/// address: a host in dot-separated labels of ASCII letters, digits, `-` and `_` (none starting
/// with `xn--`, whose Punycode a URL parser would check), or an IPv4 address in four decimal
/// parts; a port up to 65535.
///
/// Stricter than a browser on purpose: a URL parser turns a host into a domain through Unicode's
/// IDNA tables (those the browser's WebAssembly is spared), and what it refuses cannot be told
/// without them. So internationalised domain names (`école.fr`), user names before `@`,
/// IPv6 hosts and the shorthand forms of IPv4 (`http://127.1`) are not linked; their text stays.
fn is_web_address(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix("//") else {
        return false;
    };
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let port_ok = port.is_none_or(|port| {
        // `u16` parsing alone would take a sign (`+80`).
        port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok()
    });
    port_ok && is_plain_host(host)
}

fn is_plain_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let plain_labels = labels.iter().all(|label| {
        !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
            && !label
                .get(..4)
                .is_some_and(|start| start.eq_ignore_ascii_case("xn--"))
    });
    // A host whose last label reads as a number is parsed as an IPv4 address, which then has to
    // be one: `a.1` or `1.2.3.999` is no host at all.
    let ends_in_number = labels.last().is_some_and(|last| {
        last.bytes().all(|b| b.is_ascii_digit())
            || last
                .get(..2)
                .is_some_and(|start| start.eq_ignore_ascii_case("0x"))
    });
    plain_labels && (!ends_in_number || is_dotted_ipv4(&labels))
}

/// Four decimal numbers up to 255, without leading zeros (which would read as octal).
fn is_dotted_ipv4(labels: &[&str]) -> bool {
    labels.len() == 4
        && labels.iter().all(|label| {
            label.bytes().all(|b| b.is_ascii_digit())
                && (label.len() == 1 || !label.starts_with('0'))
                && label.parse::<u8>().is_ok()
        })
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

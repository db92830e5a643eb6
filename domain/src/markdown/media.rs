//! Images, and audio players for audio files, from an author's files or the web.

use super::allowlist::{AUDIO_FORCED, IMAGE_FORCED};
use super::escape;
use super::urls::{self, UrlUse};

/// The markup for `![alt](source "title")`, or `None` when the source is refused.
pub(super) fn markup(source: &str, title: &str, alt: &str) -> Option<String> {
    let audio = urls::is_audio(source);
    let usage = if audio { UrlUse::Audio } else { UrlUse::Image };
    if !urls::is_allowed(source, usage) {
        return None;
    }
    let mut html = String::from(if audio {
        "<audio src=\""
    } else {
        "<img src=\""
    });
    escape::url(&mut html, source);
    html.push('"');
    if !audio {
        html.push_str(" alt=\"");
        escape::attribute(&mut html, alt);
        html.push('"');
    }
    if !title.is_empty() {
        html.push_str(" title=\"");
        escape::attribute(&mut html, title);
        html.push('"');
    }
    escape::attributes(&mut html, if audio { &AUDIO_FORCED } else { &IMAGE_FORCED });
    html.push('>');
    if audio {
        // Shown only by a browser that cannot play the file.
        escape::text(&mut html, alt);
        html.push_str("</audio>");
    }
    Some(html)
}

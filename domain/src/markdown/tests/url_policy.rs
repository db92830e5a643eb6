use crate::markdown::urls::{UrlUse, is_allowed, is_audio};

#[test]
fn links_go_to_the_web_to_mail_or_within_scola() {
    for url in [
        "https://eduscol.education.fr/",
        "HTTP://exemple.fr",
        "mailto:prof@college.corsica",
        "MailTo:prof@college.corsica",
        "/devoirs/3",
        "../cours/chapitre-2",
        "#exercice-2",
        "?semaine=3",
        "//exemple.fr/page",
        "cours/a:b",
        "",
        "  https://exemple.fr  ",
    ] {
        assert!(is_allowed(url, UrlUse::Link), "{url:?}");
    }
}

#[test]
fn scripts_and_documents_are_refused_however_written() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\u{1}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\0script:alert(1)",
        "java\u{FFFD}script:alert(1)",
        "java%09script:alert(1)",
        "java script:alert(1)",
        "java\u{200B}script:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:image/png;base64,iVBORw0KGgo=",
        "file:///etc/passwd",
        "ftp://exemple.fr/",
        "tel:+33612345678",
        "blob:https://exemple.fr/uuid",
        "https://exemple.fr/a\u{7}b",
    ] {
        assert!(!is_allowed(url, UrlUse::Link), "{url:?}");
    }
}

/// Only hosts any URL parser reads the same way: the sanitizer's parser drops the others, so
/// the dialect must not link them either.
#[test]
fn web_addresses_name_their_host_plainly() {
    for url in [
        "https://exemple.fr:8443/a?b#c",
        "http://127.0.0.1/",
        "http://192.168.0.10:80",
        "http://a_b.exemple.fr",
        "HTTPS://EXEMPLE.FR",
        "https://exemple.fr?q",
        "http://localhost#x",
    ] {
        assert!(is_allowed(url, UrlUse::Link), "{url:?}");
        assert!(is_allowed(url, UrlUse::Image), "{url:?}");
    }
    for url in [
        "http://",
        "https:///x",
        "http:exemple.fr",
        "http:/exemple.fr",
        "http:\\\\exemple.fr",
        "http://exa mple.fr",
        "http://a%20b.fr/",
        "http://[::1]/",
        "http://1.2.3.999/",
        "http://01.2.3.4/",
        "http://127.1/",
        "http://a.1/",
        "http://0x7f.1/",
        "https://café.fr/",
        "https://xn--caf-dma.fr/",
        "http://a..b/",
        "http://exemple.fr./",
        "http://a:99999/",
        "http://a:80x/",
        "http://a:+80/",
        "http://1.2.3.+4/",
        "http://a:/",
        "http://prof@exemple.fr/",
        "http://a|b/",
        "http://a^b/",
    ] {
        assert!(!is_allowed(url, UrlUse::Link), "{url:?}");
        assert!(!is_allowed(url, UrlUse::Audio), "{url:?}");
    }
}

#[test]
fn images_may_be_inline_rasters_and_nothing_else_inline() {
    for url in [
        "data:image/png;base64,iVBORw0KGgo=",
        "data:image/jpeg;base64,/9j/4AAQSkZJRg==",
        "DATA:IMAGE/GIF;BASE64,R0lGODlh",
        "data:image/webp;base64,UklGRg==",
        "https://exemple.fr/carte.png",
        "images/carte.png",
    ] {
        assert!(is_allowed(url, UrlUse::Image), "{url:?}");
    }
    for url in [
        "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png,iVBORw0KGgo=",
        "data:image/png;charset=utf-8;base64,iVBORw0KGgo=",
        "data:image/png;base64,iVBO\"><script>",
        "mailto:prof@college.corsica",
        "javascript:alert(1)",
    ] {
        assert!(!is_allowed(url, UrlUse::Image), "{url:?}");
    }
    assert!(!is_allowed("data:audio/mpeg;base64,AAAA", UrlUse::Audio));
    assert!(!is_allowed("data:image/png;base64,AAAA", UrlUse::Audio));
    assert!(is_allowed("sons/dictee.mp3", UrlUse::Audio));
}

#[test]
fn audio_is_known_by_its_extension() {
    for url in [
        "dictee.mp3",
        "https://exemple.fr/chant.OGG",
        "a/b.oga?v=2",
        "voix.opus#t=10",
        "lecture.m4a",
        "son.wav",
        "enregistrement.weba",
    ] {
        assert!(is_audio(url), "{url:?}");
    }
    for url in [
        "photo.png",
        "mp3",
        "dossier.mp3/photo.png",
        "page?f=x.mp3",
        "",
    ] {
        assert!(!is_audio(url), "{url:?}");
    }
}

use super::*;

const ID: &str = "0123456789abcdef0123456789abcdef";

/// The first bytes of each kind, as real files start.
fn sample(kind: FileKind) -> Vec<u8> {
    let mut bytes = match kind {
        FileKind::Png => b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
        FileKind::Jpeg => b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec(),
        FileKind::Gif => b"GIF89a\x01\0\x01\0".to_vec(),
        FileKind::Webp => b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(),
        FileKind::Ogg => b"OggS\0\x02\0\0\0\0\0\0\0\0".to_vec(),
        FileKind::Webm => {
            let mut webm = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01".to_vec();
            webm.extend_from_slice(b"\x42\x82\x84webm\x42\x87\x81\x04");
            webm
        }
        FileKind::Mp3 => b"ID3\x04\0\0\0\0\0\0".to_vec(),
        FileKind::M4a => b"\0\0\0\x20ftypM4A \0\0\0\0".to_vec(),
        FileKind::Wav => b"RIFF\x24\0\0\0WAVEfmt ".to_vec(),
        FileKind::Pdf => b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(),
        FileKind::Zip => b"PK\x03\x04\x14\0\0\0\x08\0".to_vec(),
    };
    bytes.resize(600, 0);
    bytes
}

#[test]
fn ids_are_32_lowercase_hex_digits() {
    assert_eq!(ID.parse::<FileId>().map(String::from), Ok(ID.to_owned()));
    for bad in [
        "",
        "0123456789ABCDEF0123456789abcdef",
        "0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef0",
        "../3456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdeg",
    ] {
        assert_eq!(bad.parse::<FileId>(), Err(InvalidFileId), "{bad:?}");
    }
    let id = FileId::from_random([0xab; 16]);
    assert_eq!(id.as_str(), "ab".repeat(16));
    assert_eq!(
        serde_json::from_str::<FileId>("\"x\"").ok(),
        None,
        "decoding checks too"
    );
}

#[test]
fn addresses_carry_the_extension_the_renderer_reads() {
    let id: FileId = ID.parse().expect("id");
    assert_eq!(id.url(FileKind::Ogg), format!("/files/{ID}.ogg"));
    assert_eq!(FileId::from_segment(&format!("{ID}.png")), Ok(id.clone()));
    assert_eq!(FileId::from_segment(ID), Ok(id.clone()));
    assert!(FileId::from_segment("x.png").is_err());
    let html = crate::markdown::render(&format!(
        "![carte]({}) ![lettura]({})",
        id.url(FileKind::Png),
        id.url(FileKind::Webm)
    ));
    assert!(
        html.as_str()
            .contains(&format!("<img src=\"/files/{ID}.png\""))
    );
    assert!(
        html.as_str()
            .contains(&format!("<audio src=\"/files/{ID}.weba\""))
    );
}

#[test]
fn ids_are_found_in_texts() {
    let other = "fedcba9876543210fedcba9876543210";
    let text = format!(
        "![a](/files/{ID}.png) [b](/files/{other}) /files/{ID}x /files/short.png /files/{ID}"
    );
    let found: Vec<String> = FileId::in_text(&text).map(String::from).collect();
    assert_eq!(found, [ID, other, ID]);
}

#[test]
fn kinds_are_told_by_content() {
    for kind in FileKind::ALL {
        assert_eq!(FileKind::sniff(&sample(kind)), Some(kind), "{kind:?}");
    }
    let svg = b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
    assert_eq!(FileKind::sniff(svg), None);
    assert_eq!(FileKind::sniff(b"<html><script>alert(1)</script>"), None);
    assert_eq!(FileKind::sniff(b"<!DOCTYPE html><p>%PDF-1.7"), None);
    assert_eq!(FileKind::sniff(b""), None);
}

#[test]
fn each_use_accepts_its_kinds() {
    for kind in FileKind::ALL {
        assert_eq!(FileUse::Audio.accepts(kind), kind.is_audio(), "{kind:?}");
        assert_eq!(FileUse::Image.accepts(kind), kind.is_image(), "{kind:?}");
        assert_eq!(
            FileUse::Resource.accepts(kind),
            kind.is_audio() || kind.is_image() || kind == FileKind::Pdf,
            "{kind:?}"
        );
        assert_eq!(FileUse::Archive.accepts(kind), kind == FileKind::Zip);
    }
    // An archive is neither a picture nor a recording, and nothing else is an archive.
    assert!(!FileUse::Image.accepts(FileKind::Zip));
    assert!(!FileUse::Audio.accepts(FileKind::Zip));
    assert!(!FileUse::Archive.accepts(FileKind::Png));
}

fn intake(usage: FileUse, max: u64, chunks: &[&[u8]]) -> Result<(FileKind, u64), FileProblem> {
    let mut intake = Intake::new(
        usage,
        SizeLimits {
            audio: max,
            image: max,
            resource: max,
            archive: max,
        },
    );
    for chunk in chunks {
        intake.take(chunk)?;
    }
    intake.finish()
}

#[test]
fn intake_checks_size_and_content_whatever_the_chunks() {
    let wav = sample(FileKind::Wav);
    assert_eq!(
        intake(FileUse::Audio, 1000, &[&wav[..3], &wav[3..]]),
        Ok((FileKind::Wav, 600))
    );
    assert_eq!(
        intake(FileUse::Audio, 599, &[&wav]),
        Err(FileProblem::TooBig { max: 599 })
    );
    assert_eq!(
        intake(FileUse::Image, 1000, &[&wav]),
        Err(FileProblem::NotAccepted {
            usage: FileUse::Image
        })
    );
    // A short file is judged on what there is.
    assert_eq!(
        intake(FileUse::Image, 1000, &[&sample(FileKind::Png)[..16]]),
        Ok((FileKind::Png, 16))
    );
    assert_eq!(intake(FileUse::Image, 1000, &[]), Err(FileProblem::Empty));
    // Refused at once, before the rest arrives.
    let mut refused = Intake::new(FileUse::Audio, SizeLimits::default());
    assert!(refused.take(&[b'<'; 600]).is_err());
}

#[test]
fn names_lose_their_path_and_controls() {
    assert_eq!(
        clean_name("C:\\Users\\x\\dictée 1.ogg").as_deref(),
        Some("dictée 1.ogg")
    );
    assert_eq!(clean_name("../../etc/passwd").as_deref(), Some("passwd"));
    assert_eq!(clean_name("a\u{0}b\r\n.png").as_deref(), Some("ab.png"));
    assert_eq!(clean_name(" .. "), None);
    assert_eq!(clean_name(""), None);
    assert_eq!(
        clean_name(&"é".repeat(300)).map(|n| n.chars().count()),
        Some(200)
    );
}

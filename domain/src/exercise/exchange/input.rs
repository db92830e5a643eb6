//! From a file's bytes to text: the size limit, byte-order marks, UTF-8 and UTF-16.

use super::{ImportError, MAX_INPUT_BYTES};
use std::borrow::Cow;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";
/// Every ZIP archive (an IMS content package) starts so.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The text of a file: UTF-8 (a byte-order mark is dropped) or UTF-16 with its byte-order mark.
/// The size is checked first, so an oversized file is never decoded.
pub(super) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return Err(ImportError::Archive);
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return utf8(rest, UTF8_BOM.len()).map(Cow::Borrowed);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
        return utf16(rest, u16::from_le_bytes).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16_BE_BOM) {
        return utf16(rest, u16::from_be_bytes).map(Cow::Owned);
    }
    utf8(bytes, 0).map(Cow::Borrowed)
}

fn utf8(bytes: &[u8], skipped: usize) -> Result<&str, ImportError> {
    std::str::from_utf8(bytes).map_err(|error| ImportError::InvalidEncoding {
        offset: skipped + error.valid_up_to(),
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    let chunks = bytes.chunks_exact(2);
    if !chunks.remainder().is_empty() {
        // An odd number of bytes: the last one starts no code unit.
        return Err(ImportError::InvalidEncoding {
            offset: UTF16_LE_BOM.len() + bytes.len() - 1,
        });
    }
    let units = chunks.map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len());
    // Code units read so far, for the offset of a lone surrogate.
    let mut read = 0;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                read += c.len_utf16();
            }
            Err(_) => {
                return Err(ImportError::InvalidEncoding {
                    offset: UTF16_LE_BOM.len() + 2 * read,
                });
            }
        }
    }
    Ok(text)
}

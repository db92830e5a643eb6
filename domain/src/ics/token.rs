//! The secret in a calendar feed's address. Calendar apps fetch a feed without signing in, so
//! the address itself is the key: 256 random bits (drawn by the server: `domain` has no random
//! source), written as 43 URL-safe base64 characters. The server stores only a hash of
//! [`FeedToken::as_bytes`] (SHA-256, like session tokens), shows the address once, and forgets
//! it; turning the feed off or on again revokes it. A token opens that one feed, read only, and
//! nothing else: the server never takes it as a session.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const BYTES: usize = 32;
/// `ceil(32 × 8 / 6)`: the last character carries 4 bits and two zero bits.
pub const TOKEN_CHARS: usize = 43;

/// A feed's secret. Its `Debug` hides it, so it never reaches a log by accident.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FeedToken([u8; BYTES]);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("not a calendar feed token")]
pub struct InvalidFeedToken;

impl FeedToken {
    /// The token of these random bytes (from the server's cryptographic generator).
    pub fn from_random(bytes: [u8; BYTES]) -> FeedToken {
        FeedToken(bytes)
    }

    /// The secret, for the server to hash before storing or looking it up.
    pub fn as_bytes(&self) -> &[u8; BYTES] {
        &self.0
    }

    /// The token in the last segment of a feed's address (`<token>` or `<token>.ics`).
    pub fn from_segment(segment: &str) -> Result<FeedToken, InvalidFeedToken> {
        segment.strip_suffix(".ics").unwrap_or(segment).parse()
    }

    fn encode(&self) -> String {
        let mut out = String::with_capacity(TOKEN_CHARS);
        for group in self.0.chunks(3) {
            let b = [
                group[0],
                *group.get(1).unwrap_or(&0),
                *group.get(2).unwrap_or(&0),
            ];
            let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            for i in 0..=group.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            }
        }
        out
    }
}

impl FromStr for FeedToken {
    type Err = InvalidFeedToken;
    /// Exactly [`TOKEN_CHARS`] characters of the URL-safe alphabet, in the one form
    /// [`fmt::Display`] writes (no padding, the unused last two bits zero), so that one secret
    /// has one text.
    fn from_str(text: &str) -> Result<FeedToken, InvalidFeedToken> {
        if text.len() != TOKEN_CHARS {
            return Err(InvalidFeedToken);
        }
        let mut bits: u32 = 0;
        let mut held = 0;
        let mut bytes = Vec::with_capacity(BYTES + 1);
        for c in text.bytes() {
            let value = ALPHABET
                .iter()
                .position(|&a| a == c)
                .ok_or(InvalidFeedToken)?;
            bits = bits << 6 | value as u32;
            held += 6;
            if held >= 8 {
                held -= 8;
                bytes.push((bits >> held) as u8);
                bits &= (1 << held) - 1;
            }
        }
        if bits != 0 {
            return Err(InvalidFeedToken);
        }
        bytes
            .try_into()
            .map(FeedToken)
            .map_err(|_| InvalidFeedToken)
    }
}

impl TryFrom<String> for FeedToken {
    type Error = InvalidFeedToken;
    fn try_from(text: String) -> Result<FeedToken, InvalidFeedToken> {
        text.parse()
    }
}

impl From<FeedToken> for String {
    fn from(token: FeedToken) -> String {
        token.encode()
    }
}

/// The token as it goes in the address.
impl fmt::Display for FeedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

impl fmt::Debug for FeedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FeedToken(…)")
    }
}

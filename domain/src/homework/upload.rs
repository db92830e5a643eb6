//! A large file sent in chunks, which a dropped connection does not send again from the start.
//!
//! The protocol is the simplest that resumes: chunks go in order, each at the offset the server
//! says it has reached ([`Upload::next_offset`]); after a drop the browser asks for that offset
//! and goes on from there. A chunk sent again whose answer was lost is recognised and taken as
//! received ([`Chunk::AlreadyReceived`]), so a retry never fails an upload. The server keeps
//! this value and the bytes (in a temporary object, made visible as a file only once
//! [`Upload::is_complete`] and checked whole, so an abandoned upload leaves nothing anyone can
//! name); the kind is judged by `file::Intake` on the first chunk, which holds at least
//! [`crate::file::SNIFF_BYTES`], and refused at once.

use serde::{Deserialize, Serialize};

/// The smallest chunk (but the last): enough for `file::FileKind::sniff` to judge the first.
pub const MIN_CHUNK_BYTES: u64 = 64 * 1024;
/// The largest chunk: a few seconds on a slow school connection, so a drop loses little.
pub const MAX_CHUNK_BYTES: u64 = 4 * 1024 * 1024;

const _: () = assert!(MIN_CHUNK_BYTES >= crate::file::SNIFF_BYTES as u64);

/// Where an upload stands: the size declared at the start, the chunk size agreed, the bytes
/// received so far (always the first `received` bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upload {
    total: u64,
    chunk: u64,
    received: u64,
}

/// What became of a chunk that was accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Chunk {
    /// New bytes: the server appends them.
    Stored,
    /// Bytes it already has (a retry): the server drops them and answers as if stored.
    AlreadyReceived,
}

/// Why an upload cannot start, or a chunk is refused (nothing of that chunk is kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum UploadError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than {max} bytes")]
    TooLarge { max: u64 },
    #[error("a chunk is between {min} and {max} bytes")]
    ChunkSize { min: u64, max: u64 },
    #[error("an empty chunk")]
    EmptyChunk,
    #[error("a chunk larger than the {max} bytes agreed")]
    ChunkTooLarge { max: u64 },
    /// Every chunk but the last has the size agreed, so a chunk's number is its offset divided
    /// by that size (the store keeps chunks by number until the file is whole).
    #[error("a chunk but the last has the {size} bytes agreed")]
    ShortChunk { size: u64 },
    #[error("bytes beyond the {total} declared")]
    BeyondEnd { total: u64 },
    /// Bytes missing before this chunk: send from `expected`.
    #[error("bytes missing: send from {expected}")]
    Gap { expected: u64 },
    /// Part of this chunk was received and part is new: send from `expected`.
    #[error("chunk overlaps: send from {expected}")]
    Overlap { expected: u64 },
}

impl Upload {
    /// An upload of `total` bytes in chunks of `chunk`, for a use whose files are at most `max`
    /// bytes (`file::SizeLimits::of`): refused before a byte is sent when it is too large.
    pub fn new(total: u64, chunk: u64, max: u64) -> Result<Upload, UploadError> {
        if total == 0 {
            return Err(UploadError::Empty);
        }
        if total > max {
            return Err(UploadError::TooLarge { max });
        }
        if !(MIN_CHUNK_BYTES..=MAX_CHUNK_BYTES).contains(&chunk) {
            return Err(UploadError::ChunkSize {
                min: MIN_CHUNK_BYTES,
                max: MAX_CHUNK_BYTES,
            });
        }
        Ok(Upload {
            total,
            chunk,
            received: 0,
        })
    }

    /// An upload as stored, `received` bytes in; `None` when the numbers cannot be one.
    pub fn resume(total: u64, chunk: u64, received: u64) -> Option<Upload> {
        let valid =
            total > 0 && (MIN_CHUNK_BYTES..=MAX_CHUNK_BYTES).contains(&chunk) && received <= total;
        valid.then_some(Upload {
            total,
            chunk,
            received,
        })
    }

    /// Takes the chunk of `len` bytes sent at `offset`.
    pub fn accept(&mut self, offset: u64, len: u64) -> Result<Chunk, UploadError> {
        if len == 0 {
            return Err(UploadError::EmptyChunk);
        }
        if len > self.chunk {
            return Err(UploadError::ChunkTooLarge { max: self.chunk });
        }
        let end = offset
            .checked_add(len)
            .filter(|&end| end <= self.total)
            .ok_or(UploadError::BeyondEnd { total: self.total })?;
        let expected = self.received;
        if end <= expected {
            Ok(Chunk::AlreadyReceived)
        } else if offset < expected {
            Err(UploadError::Overlap { expected })
        } else if offset > expected {
            Err(UploadError::Gap { expected })
        } else if len != self.chunk && end != self.total {
            Err(UploadError::ShortChunk { size: self.chunk })
        } else {
            self.received = end;
            Ok(Chunk::Stored)
        }
    }

    /// Where the next chunk starts: what to ask after a drop.
    pub fn next_offset(&self) -> u64 {
        self.received
    }

    pub fn is_complete(&self) -> bool {
        self.received == self.total
    }

    pub fn total(&self) -> u64 {
        self.total
    }

    pub fn chunk(&self) -> u64 {
        self.chunk
    }

    /// The number of the chunk that starts at `offset` (0 for the first).
    pub fn index(&self, offset: u64) -> u64 {
        offset / self.chunk
    }

    /// How many chunks the file is sent in.
    pub fn chunks(&self) -> u64 {
        self.total.div_ceil(self.chunk)
    }
}

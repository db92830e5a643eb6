use super::*;

const MIB: u64 = 1024 * 1024;

#[test]
fn an_upload_starts_only_within_the_limits() {
    let cases: [(u64, u64, Result<(), UploadError>); 6] = [
        (10 * MIB, MIB, Ok(())),
        (1, MIN_CHUNK_BYTES, Ok(())),
        (0, MIB, Err(UploadError::Empty)),
        (
            20 * MIB + 1,
            MIB,
            Err(UploadError::TooLarge { max: 20 * MIB }),
        ),
        (
            10 * MIB,
            MIN_CHUNK_BYTES - 1,
            Err(UploadError::ChunkSize {
                min: MIN_CHUNK_BYTES,
                max: MAX_CHUNK_BYTES,
            }),
        ),
        (
            10 * MIB,
            MAX_CHUNK_BYTES + 1,
            Err(UploadError::ChunkSize {
                min: MIN_CHUNK_BYTES,
                max: MAX_CHUNK_BYTES,
            }),
        ),
    ];
    for (total, chunk, expected) in cases {
        assert_eq!(
            Upload::new(total, chunk, 20 * MIB).map(|_| ()),
            expected,
            "{total} {chunk}"
        );
    }
}

#[test]
fn chunks_go_in_order_and_a_retry_is_harmless() {
    let mut upload = Upload::new(2 * MIB + 100, MIB, 20 * MIB).expect("a valid upload");
    type Step = (u64, u64, Result<Chunk, UploadError>, u64);
    let steps: [Step; 12] = [
        (0, 0, Err(UploadError::EmptyChunk), 0),
        (MIB, MIB, Err(UploadError::Gap { expected: 0 }), 0),
        (0, MIB + 1, Err(UploadError::ChunkTooLarge { max: MIB }), 0),
        (0, MIB, Ok(Chunk::Stored), MIB),
        // The answer was lost: the same chunk again, or a part of it.
        (0, MIB, Ok(Chunk::AlreadyReceived), MIB),
        (10, 100, Ok(Chunk::AlreadyReceived), MIB),
        (
            MIB - 10,
            100,
            Err(UploadError::Overlap { expected: MIB }),
            MIB,
        ),
        (MIB + 1, MIB, Err(UploadError::Gap { expected: MIB }), MIB),
        // Short, and not the last: its number would not say where it goes.
        (MIB, 100, Err(UploadError::ShortChunk { size: MIB }), MIB),
        (MIB, MIB, Ok(Chunk::Stored), 2 * MIB),
        (
            2 * MIB,
            101,
            Err(UploadError::BeyondEnd {
                total: 2 * MIB + 100,
            }),
            2 * MIB,
        ),
        // The last chunk may be short.
        (2 * MIB, 100, Ok(Chunk::Stored), 2 * MIB + 100),
    ];
    for (offset, len, expected, next) in steps {
        assert!(!upload.is_complete());
        assert_eq!(upload.accept(offset, len), expected, "{offset}+{len}");
        assert_eq!(upload.next_offset(), next, "{offset}+{len}");
    }
    assert!(upload.is_complete());
    assert_eq!((upload.chunks(), upload.index(2 * MIB)), (3, 2));
    assert_eq!(upload.accept(0, MIB), Ok(Chunk::AlreadyReceived));
    assert_eq!(
        upload.accept(u64::MAX, 1),
        Err(UploadError::BeyondEnd {
            total: 2 * MIB + 100
        })
    );
}

#[test]
fn an_upload_resumes_where_it_was_stored() {
    let resumed = Upload::resume(3 * MIB, MIB, MIB).expect("a stored upload");
    assert_eq!(
        (resumed.next_offset(), resumed.total(), resumed.chunk()),
        (MIB, 3 * MIB, MIB)
    );
    let mut resumed = resumed;
    assert_eq!(resumed.accept(MIB, MIB), Ok(Chunk::Stored));
    for (total, chunk, received) in [(0, MIB, 0), (MIB, MIB, MIB + 1), (MIB, 10, 0)] {
        assert_eq!(
            Upload::resume(total, chunk, received),
            None,
            "{total} {chunk} {received}"
        );
    }
    assert!(Upload::resume(MIB, MIB, MIB).is_some_and(|u| u.is_complete()));
}

-- Stored files: their bytes are in the file store (server/src/storage.rs), their records here.
-- Keep in step with ../sqlite/ (same tables, same columns, dialect aside).

CREATE TABLE files (
    -- domain::file::FileId: 32 hexadecimal digits, random.
    id TEXT PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    -- NULL once the uploader's account is gone: exercises that use the file keep it.
    owner_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    -- domain::file::FileUse: what it was uploaded for.
    purpose TEXT NOT NULL,
    -- domain::file::FileKind: the media type its content showed.
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    -- As the uploader's device named it, cleaned.
    name TEXT,
    sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- The exercises that use a file, which may show it to their pupils. Only ever added to: an
-- attempt on an earlier version may still show a file a later version no longer names.
CREATE TABLE exercise_files (
    exercise_id BIGINT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
    file_id TEXT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    PRIMARY KEY (exercise_id, file_id)
);
CREATE INDEX exercise_files_by_file ON exercise_files (file_id);

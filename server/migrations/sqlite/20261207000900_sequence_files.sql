-- The sequences that use a stored file (a step's document, a picture in a lesson), which may
-- show it to the pupils they are given to and, from the library, to teachers of every school.
-- Only ever added to, as for exercises: a sequence given earlier may still show a file a later
-- edit no longer names.
-- Keep in step with the other dialect's file (same table, same columns).

CREATE TABLE sequence_files (
    sequence_id BIGINT NOT NULL REFERENCES sequences (id) ON DELETE CASCADE,
    file_id TEXT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    PRIMARY KEY (sequence_id, file_id)
);
CREATE INDEX sequence_files_by_file ON sequence_files (file_id);

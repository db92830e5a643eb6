-- A pupil's spoken answer is a file uploaded during an attempt of theirs: whoever may read the
-- pupil's work on that attempt hears it (domain::authz::files).
-- Keep in step with ../postgres/ (same tables, same columns, dialect aside).

-- NULL for every other file; NULL too once the attempt is gone (its assignment withdrawn), when
-- only its pupil still reads it.
ALTER TABLE files ADD COLUMN attempt_id BIGINT REFERENCES attempts (id) ON DELETE SET NULL;
CREATE INDEX files_by_attempt ON files (attempt_id);

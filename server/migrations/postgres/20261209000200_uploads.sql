-- Files sent in parts (a pupil's hand-in over a weak connection): the parts wait in the file
-- store (`parts/<id>/<n>`) until the file is whole, checked and recorded in `files`; an upload
-- never finished is swept with its parts after a day. domain::homework::Upload says which
-- part may come next.
-- Keep in step with ../sqlite/ (same tables, same columns, dialect aside).

CREATE TABLE uploads (
    -- domain::file::UploadId: 32 hexadecimal digits, random.
    id TEXT PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    owner_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    name TEXT,
    total BIGINT NOT NULL,
    part_size BIGINT NOT NULL,
    received BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    -- The file it became, once whole and checked (its parts are gone then); kept until swept,
    -- so that an answer lost on the way is asked again.
    file_id TEXT REFERENCES files (id) ON DELETE CASCADE
);
CREATE INDEX uploads_by_age ON uploads (created_at);

-- Pedagogical sequences: as written, given to classes and groups (with the steps as given and
-- the exercise assignments made for their exercise steps), the steps pupils marked done, and
-- the library (published sequences).
-- Keep in step with ../postgres/ (same tables, same columns, dialect aside).

CREATE TABLE sequences (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    -- NULL once the author's account is gone: the sequence and the work done on it stay.
    owner_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    discipline TEXT NOT NULL,
    level TEXT NOT NULL,
    licence TEXT NOT NULL,
    steps BIGINT NOT NULL,
    -- domain::sequence::Sequence as JSON.
    content TEXT NOT NULL,
    -- What the library's search looks in (domain::sequence::search_key).
    search_text TEXT NOT NULL,
    -- The sequence this one was copied from, while it exists.
    copied_from BIGINT REFERENCES sequences (id) ON DELETE SET NULL,
    -- In the library since then; NULL: not shared.
    published_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Deleted sequences stay until purged, so a deletion can be undone.
    deleted_at BIGINT
);
CREATE INDEX sequences_by_owner ON sequences (owner_id, school_id, updated_at);
CREATE INDEX sequences_in_library ON sequences (published_at);

CREATE TABLE sequence_assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sequence_id BIGINT NOT NULL REFERENCES sequences (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES school_groups (id) ON DELETE CASCADE,
    assigned_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    opens_at BIGINT NOT NULL,
    due_at BIGINT,
    feedback TEXT NOT NULL,
    attempts BIGINT,
    -- The sequence as it was given: later edits do not move pupils' steps under them.
    content TEXT NOT NULL,
    steps BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (sequence_id, group_id, opens_at)
);
CREATE INDEX sequence_assignments_by_group ON sequence_assignments (group_id, opens_at);

-- The exercise assignment made for each exercise step of a given sequence.
CREATE TABLE sequence_exercises (
    sequence_assignment_id BIGINT NOT NULL REFERENCES sequence_assignments (id) ON DELETE CASCADE,
    step_id BIGINT NOT NULL,
    assignment_id BIGINT NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    PRIMARY KEY (sequence_assignment_id, step_id)
);

-- Lessons and links a pupil marked done; exercise steps are done when handed in.
CREATE TABLE sequence_progress (
    sequence_assignment_id BIGINT NOT NULL REFERENCES sequence_assignments (id) ON DELETE CASCADE,
    pupil_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    step_id BIGINT NOT NULL,
    done_at BIGINT NOT NULL,
    PRIMARY KEY (sequence_assignment_id, pupil_id, step_id)
);

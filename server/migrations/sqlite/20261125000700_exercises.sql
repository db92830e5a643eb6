-- Interactive exercises: exercises as written (every version a pupil's attempt was scored
-- against is kept), assignments to classes and groups, and the pupils' attempts.
-- Keep in step with ../postgres/ (same tables, same columns, dialect aside).

CREATE TABLE exercises (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    -- NULL once the author's account is gone: the exercise and the work done on it stay.
    owner_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    items BIGINT NOT NULL,
    points BIGINT NOT NULL,
    -- The version new attempts are given.
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Deleted exercises stay until purged, so a deletion can be undone.
    deleted_at BIGINT
);
CREATE INDEX exercises_by_owner ON exercises (owner_id, school_id, updated_at);

-- The exercise as written (domain::exercise::Exercise as JSON). A version is rewritten in place
-- only while no attempt uses it.
CREATE TABLE exercise_versions (
    exercise_id BIGINT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    content TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (exercise_id, version)
);

CREATE TABLE assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exercise_id BIGINT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES school_groups (id) ON DELETE CASCADE,
    assigned_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    opens_at BIGINT NOT NULL,
    due_at BIGINT,
    feedback TEXT NOT NULL,
    -- NULL: as many attempts as the pupil likes.
    attempts BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (exercise_id, group_id, opens_at)
);
CREATE INDEX assignments_by_group ON assignments (group_id, opens_at);

CREATE TABLE attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    assignment_id BIGINT NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    pupil_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    exercise_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    -- Orders the cards and choices of this attempt's paper (domain::exercise::Exercise::paper).
    seed BIGINT NOT NULL,
    -- The answers as last saved (domain::exercise::Response as JSON).
    response TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    saved_at BIGINT NOT NULL,
    submitted_at BIGINT,
    -- Set when handed in, by the server's scoring: hundredths of a point.
    earned BIGINT,
    max_points BIGINT,
    awaiting_teacher BIGINT,
    outcome TEXT,
    UNIQUE (assignment_id, pupil_id, number),
    FOREIGN KEY (exercise_id, version) REFERENCES exercise_versions (exercise_id, version)
);
CREATE INDEX attempts_by_pupil ON attempts (pupil_id, assignment_id);

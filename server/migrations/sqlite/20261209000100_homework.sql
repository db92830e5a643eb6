-- The cahier de textes and homework: what was done in each lesson as it took place (a weekly
-- lesson on a day, or an extra lesson), the homework set from it, pupils' hand-ins and the
-- teacher's return, the homework a pupil ticked done. Current values are domain::homework types
-- as JSON (`body`); `history` keeps every save (domain::homework::History), never rewritten;
-- `version` counts saves, for writes that must not overwrite one they did not read.
-- Days are ISO text (`2026-11-25`), clock times minutes after midnight in Paris.
-- Keep in step with ../postgres/ (same tables, same columns, dialect aside).

CREATE TABLE log_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES school_groups (id) ON DELETE CASCADE,
    subject_id BIGINT NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
    -- The occurrence (domain::timetable::Source): a weekly lesson on source_day, or an extra
    -- lesson (its change). No foreign key: a lesson or a change removed later leaves the entry,
    -- named as it was (ids are never reused), shown on its day.
    lesson_id BIGINT,
    change_id BIGINT,
    source_day TEXT NOT NULL,
    -- When it took place (a moved lesson: where it went).
    on_day TEXT NOT NULL,
    starts BIGINT NOT NULL,
    author_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    history TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- One entry per occurrence: forty saves at once store one.
    UNIQUE (lesson_id, source_day),
    UNIQUE (change_id)
);
CREATE INDEX log_entries_by_group ON log_entries (group_id, on_day);

CREATE TABLE homework (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES school_groups (id) ON DELETE CASCADE,
    subject_id BIGINT NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
    -- The occurrence it was set in (as log_entries), and when that took place.
    lesson_id BIGINT,
    change_id BIGINT,
    source_day TEXT NOT NULL,
    set_on TEXT NOT NULL,
    starts BIGINT NOT NULL,
    due_day TEXT NOT NULL,
    -- none, once or resubmit (domain::homework::HandInPolicy).
    hand_in TEXT NOT NULL,
    author_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    history TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Set when its teacher removes it (undone by clearing it): hand-ins are never lost.
    removed_at BIGINT
);
CREATE INDEX homework_by_group ON homework (group_id, due_day);
CREATE INDEX homework_by_author ON homework (author_id, due_day);
CREATE INDEX homework_by_lesson ON homework (lesson_id, source_day);
CREATE INDEX homework_by_change ON homework (change_id);

-- A pupil's hand-in: body is domain::homework::HandIn (draft, handed in, returned); next_draft
-- the draft of a new version after a first hand-in (domain::homework::Work).
CREATE TABLE hand_ins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    homework_id BIGINT NOT NULL REFERENCES homework (id) ON DELETE CASCADE,
    pupil_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- draft, handed_in or returned.
    state TEXT NOT NULL,
    handed_at BIGINT,
    body TEXT NOT NULL,
    next_draft TEXT,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (homework_id, pupil_id)
);
CREATE INDEX hand_ins_by_pupil ON hand_ins (pupil_id);

-- The files of a hand-in, for reading them: shared = 1 once the teacher may see them (handed
-- in, or given back by the teacher), 0 while only in a draft.
CREATE TABLE hand_in_files (
    hand_in_id BIGINT NOT NULL REFERENCES hand_ins (id) ON DELETE CASCADE,
    file_id TEXT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    shared BIGINT NOT NULL,
    PRIMARY KEY (hand_in_id, file_id)
);
CREATE INDEX hand_in_files_by_file ON hand_in_files (file_id);

-- The groups whose cahier de textes shows a file (attached to an entry or a homework). Only
-- ever added to: an earlier version of the entry may still be read.
CREATE TABLE cahier_files (
    file_id TEXT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES school_groups (id) ON DELETE CASCADE,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    PRIMARY KEY (file_id, group_id)
);

-- A pupil's own tick: done (it hands nothing in).
CREATE TABLE homework_done (
    homework_id BIGINT NOT NULL REFERENCES homework (id) ON DELETE CASCADE,
    pupil_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    done_at BIGINT NOT NULL,
    PRIMARY KEY (pupil_id, homework_id)
);

-- Timetables: a school's rooms, its calendar of a school year (holidays, weeks A and B), the
-- weekly lessons with their teachers, and the changes of one date (cancelled, moved, another
-- room, a substitute, an extra lesson). Days are ISO text (`2026-11-25`), clock times minutes
-- after midnight in Paris (domain::timetable).
-- Keep in step with ../postgres/ (same tables, same columns, dialect aside).

CREATE TABLE rooms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- The name folded (domain::sequence::search_key): no two rooms differ by case or accents.
    name_key TEXT NOT NULL,
    UNIQUE (school_id, name_key)
);

-- A school's calendar of a year: weeks A and B (none while first_week is NULL), the weeks
-- whose kind is forced (domain::timetable::WeekOverride as JSON), the zone its holidays were
-- imported from.
CREATE TABLE timetable_calendars (
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    year_id BIGINT NOT NULL REFERENCES school_years (id),
    first_week TEXT,
    first_kind TEXT,
    overrides TEXT NOT NULL,
    zone TEXT,
    updated_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (school_id, year_id)
);

CREATE TABLE holidays (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    year_id BIGINT NOT NULL REFERENCES school_years (id),
    name TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL
);
CREATE INDEX holidays_by_school ON holidays (school_id, year_id);

CREATE TABLE lessons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    year_id BIGINT NOT NULL REFERENCES school_years (id),
    subject_id BIGINT NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES school_groups (id) ON DELETE CASCADE,
    room_id BIGINT REFERENCES rooms (id) ON DELETE SET NULL,
    weekday TEXT NOT NULL,
    starts BIGINT NOT NULL,
    ends BIGINT NOT NULL,
    alternation TEXT NOT NULL,
    from_day TEXT NOT NULL,
    until_day TEXT NOT NULL,
    updated_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    -- The same lesson twice is a mistake (a double click, an import run twice), never a plan.
    UNIQUE (group_id, subject_id, weekday, starts, alternation, from_day)
);
CREATE INDEX lessons_by_group ON lessons (group_id, year_id);
CREATE INDEX lessons_by_school ON lessons (school_id, year_id);
CREATE INDEX lessons_by_room ON lessons (room_id);

CREATE TABLE lesson_teachers (
    lesson_id BIGINT NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
    teacher_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- Their order as given.
    position BIGINT NOT NULL,
    PRIMARY KEY (lesson_id, teacher_id)
);
CREATE INDEX lesson_teachers_by_teacher ON lesson_teachers (teacher_id);

-- One change per occurrence (lesson_id, on_day), replaced, never added; an extra lesson has no
-- lesson_id and its own subject, group and times.
CREATE TABLE lesson_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    lesson_id BIGINT REFERENCES lessons (id) ON DELETE CASCADE,
    -- The date the occurrence would have taken place on, or the extra lesson's.
    on_day TEXT NOT NULL,
    -- cancelled, changed or extra.
    kind TEXT NOT NULL,
    -- Where a moved occurrence goes (its day and times), or an extra lesson's times.
    moved_day TEXT,
    starts BIGINT,
    ends BIGINT,
    room_id BIGINT REFERENCES rooms (id) ON DELETE SET NULL,
    subject_id BIGINT REFERENCES subjects (id) ON DELETE CASCADE,
    group_id BIGINT REFERENCES school_groups (id) ON DELETE CASCADE,
    made_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    made_at BIGINT NOT NULL,
    UNIQUE (lesson_id, on_day),
    -- The same extra lesson twice is a double click, never a plan.
    UNIQUE (group_id, subject_id, on_day, starts)
);
CREATE INDEX lesson_changes_by_day ON lesson_changes (school_id, on_day);
CREATE INDEX lesson_changes_by_moved_day ON lesson_changes (school_id, moved_day);
CREATE INDEX lesson_changes_by_room ON lesson_changes (room_id);

-- A change's teachers: the substitutes of a changed occurrence, an extra lesson's teachers.
CREATE TABLE lesson_change_teachers (
    change_id BIGINT NOT NULL REFERENCES lesson_changes (id) ON DELETE CASCADE,
    teacher_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    PRIMARY KEY (change_id, teacher_id)
);
CREATE INDEX lesson_change_teachers_by_teacher ON lesson_change_teachers (teacher_id);

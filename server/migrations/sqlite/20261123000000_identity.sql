-- Identity: schools, accounts, roles, classes and groups, sessions, charter, audit.
-- Flags are integers 0/1: sqlx's Any driver cannot decode SQLite booleans.
-- Keep in step with ../postgres/ (same tables, same columns, dialect aside).

CREATE TABLE schools (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uai TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
);

CREATE TABLE school_years (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT NOT NULL UNIQUE,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 1,
    lang TEXT NOT NULL DEFAULT 'fr',
    platform_admin INTEGER NOT NULL DEFAULT 0,
    charter_accepted BIGINT,
    created_at BIGINT NOT NULL
);

CREATE TABLE roles (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    profile TEXT NOT NULL,
    PRIMARY KEY (account_id, school_id, profile)
);
CREATE INDEX roles_by_school ON roles (school_id, profile);

CREATE TABLE subjects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (school_id, code)
);

CREATE TABLE school_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    year_id BIGINT NOT NULL REFERENCES school_years (id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (school_id, year_id, name)
);

CREATE TABLE memberships (
    group_id BIGINT NOT NULL REFERENCES school_groups (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, account_id)
);
CREATE INDEX memberships_by_account ON memberships (account_id);

CREATE TABLE teachings (
    group_id BIGINT NOT NULL REFERENCES school_groups (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    subject_id BIGINT REFERENCES subjects (id) ON DELETE SET NULL,
    PRIMARY KEY (group_id, account_id)
);
CREATE INDEX teachings_by_account ON teachings (account_id);

CREATE TABLE parent_links (
    parent_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    child_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (parent_id, child_id)
);
CREATE INDEX parent_links_by_child ON parent_links (child_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ip TEXT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE login_failures (
    username TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure BIGINT NOT NULL
);

CREATE TABLE charters (
    version INTEGER PRIMARY KEY,
    body_fr TEXT NOT NULL,
    body_co TEXT NOT NULL,
    published_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    published_at BIGINT NOT NULL
);

-- No foreign keys: the trail outlives the accounts it mentions.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    account_id BIGINT,
    username TEXT,
    school_id BIGINT,
    ip TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_by_school ON audit_log (school_id, id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Sessions: last use (idle timeout), a public id the browser may see (never the token or its
-- hash), the device's User-Agent. Two-factor sign-in: TOTP secrets, recovery codes, and the
-- step between a correct password and the code.
-- Keep in step with ../postgres/ (same tables, same columns, dialect aside).

ALTER TABLE sessions ADD COLUMN last_seen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN public_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
-- Sessions open before this migration count as used when they were opened.
UPDATE sessions SET last_seen = created_at, public_id = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX sessions_by_public_id ON sessions (public_id);

CREATE TABLE second_factors (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    -- base32; the server needs it to compute codes, so it cannot be hashed.
    secret TEXT NOT NULL,
    -- 0 while enrolment waits for a first correct code.
    confirmed INTEGER NOT NULL DEFAULT 0,
    -- The last accepted time step: a code is never accepted twice (RFC 6238 §5.2).
    last_step BIGINT NOT NULL DEFAULT -1,
    -- Wrong codes since the last right one, the time of the last and of the one before.
    failures BIGINT NOT NULL DEFAULT 0,
    last_failure BIGINT NOT NULL DEFAULT 0,
    previous_failure BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE TABLE recovery_codes (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    PRIMARY KEY (account_id, code_hash)
);

-- A password was right, the code is awaited: not a session, opens nothing.
CREATE TABLE pending_sign_ins (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    lang TEXT
);
CREATE INDEX pending_sign_ins_by_account ON pending_sign_ins (account_id);

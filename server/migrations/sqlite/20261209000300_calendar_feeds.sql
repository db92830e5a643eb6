-- Private calendar feeds (domain::ics): a person's week at a secret address that calendar apps
-- fetch without signing in. Only the SHA-256 of the address's token is kept (hex), like a
-- session's. A feed turned off, or replaced by a new address, stays as revoked: its token
-- answers 404 for good.
-- Keep in step with ../postgres/ (same tables, same columns, dialect aside).

CREATE TABLE calendar_feeds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Who turned it on, and whose week it is: themselves, or (a parent) a child.
    owner_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    whose_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- Whose week: 'pupil' or 'teacher' (app::api::timetable::Whose).
    kind TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    -- 1 while the feed is on, NULL once revoked: NULLs never clash in a UNIQUE key, so the key
    -- below allows one live feed per owner and week and any number of revoked ones, in both
    -- dialects (a partial index would say the same less portably).
    live INTEGER CHECK (live = 1),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    UNIQUE (owner_id, whose_id, kind, live)
);
CREATE INDEX calendar_feeds_by_whose ON calendar_feeds (whose_id);

-- Audit trail: repeated refusals and reads are one entry per minute with a count; entries are
-- purged by age, so the trail is read and deleted by time.
ALTER TABLE audit_log ADD COLUMN count BIGINT NOT NULL DEFAULT 1;
-- What repetitions of an entry are counted under (`domain::audit::count_key`); NULL for entries
-- that are never counted, which never conflict.
ALTER TABLE audit_log ADD COLUMN count_key TEXT;
CREATE UNIQUE INDEX audit_by_count_key ON audit_log (count_key);
CREATE INDEX audit_by_time ON audit_log (at);

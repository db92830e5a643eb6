-- School years are a rule of `domain::school_calendar` (from the 1st of August, midnight in
-- Paris, to the next): a row only names the year its classes belong to, by its first instant in
-- Unix seconds like every other time. Which year is current is computed from the clock, not
-- stored: `is_current`, and the dates as text, go.
-- Keep in step with ../sqlite/ (same tables, same columns, dialect aside).

ALTER TABLE school_years ADD COLUMN starts_at BIGINT NOT NULL DEFAULT 0;
UPDATE school_years SET starts_at = CAST(EXTRACT(EPOCH FROM make_timestamptz(
    CAST(substr(label, 1, 4) AS INTEGER), 8, 1, 0, 0, 0, 'Europe/Paris')) AS BIGINT);
CREATE UNIQUE INDEX school_years_by_start ON school_years (starts_at);
ALTER TABLE school_years DROP COLUMN is_current;
ALTER TABLE school_years DROP COLUMN starts_on;
ALTER TABLE school_years DROP COLUMN ends_on;

-- Screening instruments as versioned data, and the result each screening
-- got from the version it used. SQLite dialect; postgres/0002 is the same.

-- A published version is never changed: a correction is a new version, so
-- every stored screening can still be explained by the rules it used.
CREATE TABLE instrument_versions (
    instrument_id TEXT NOT NULL,
    version TEXT NOT NULL,
    -- The catalogue definition (dimensions, indicators, rules) as JSON.
    definition TEXT NOT NULL,
    published_at TEXT NOT NULL,
    -- NULL for the versions shipped in the repository's catalogue.
    published_by BLOB REFERENCES users (id),
    PRIMARY KEY (instrument_id, version)
);
CREATE INDEX instrument_versions_newest ON instrument_versions (instrument_id, published_at);

CREATE TRIGGER instrument_versions_no_update BEFORE UPDATE ON instrument_versions
BEGIN
    SELECT RAISE(ABORT, 'published instrument versions are never changed');
END;

-- The evaluation of the screening's answers (JSON), as computed when it
-- was saved; NULL when no indicator sheet was filled in.
ALTER TABLE screenings ADD COLUMN result TEXT;

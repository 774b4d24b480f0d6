-- Screening instruments as versioned data, and the result each screening
-- got from the version it used. PostgreSQL dialect; sqlite/0002 is the same.

-- A published version is never changed: a correction is a new version, so
-- every stored screening can still be explained by the rules it used.
CREATE TABLE instrument_versions (
    instrument_id TEXT NOT NULL,
    version TEXT NOT NULL,
    -- The catalogue definition (dimensions, indicators, rules).
    definition JSONB NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    -- NULL for the versions shipped in the repository's catalogue.
    published_by UUID REFERENCES users (id),
    PRIMARY KEY (instrument_id, version)
);
CREATE INDEX instrument_versions_newest ON instrument_versions (instrument_id, published_at);

CREATE FUNCTION instrument_versions_frozen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'published instrument versions are never changed';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER instrument_versions_no_update BEFORE UPDATE ON instrument_versions
FOR EACH ROW EXECUTE FUNCTION instrument_versions_frozen();

-- The evaluation of the screening's answers, as computed when it was saved;
-- NULL when no indicator sheet was filled in.
ALTER TABLE screenings ADD COLUMN result JSONB;

-- The directory's revision (PostgreSQL dialect; sqlite/0007 is the same):
-- incremented in the transaction of every write of a service, so that each
-- server's in-memory search index (see crates/store/src/directory/index.rs)
-- knows, with one primary-key lookup, whether it must be rebuilt; several
-- servers may share one database.
CREATE TABLE directory_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);
INSERT INTO directory_revision (id, revision) VALUES (1, 0);

-- Searches no longer read service_hits through these indexes: the index
-- is built from a plain scan. service_hits_service stays for the deletes.
DROP INDEX service_hits_name;
DROP INDEX service_hits_organisation;
DROP INDEX service_hits_comune;
DROP INDEX service_hits_province;
DROP INDEX service_hits_region;
DROP INDEX service_hits_position;

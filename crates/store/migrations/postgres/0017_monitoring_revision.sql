-- Monitoring in memory: each server keeps a compact copy of case_milestones
-- (crates/store/src/monitoring/cohort.rs) and brings it up to date from the
-- rows changed since its copy. Every change to a row takes the next value
-- of monitoring_revision, in the writer's transaction, and stamps the row
-- with it. The counter's row lock is held until commit, so revisions commit
-- in order: a copy at revision R has seen every row stamped up to R.
-- PostgreSQL dialect; sqlite/0017 is the same schema.
CREATE TABLE monitoring_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);
INSERT INTO monitoring_revision (id, revision) VALUES (1, 0);

ALTER TABLE case_milestones ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
CREATE INDEX case_milestones_revision ON case_milestones (revision, case_id);

-- The first contact, counted by channel among the outreach figures: the
-- screening that opened the case, in danger or with urgent health needs.
ALTER TABLE case_milestones ADD COLUMN contact_channel TEXT;
ALTER TABLE case_milestones ADD COLUMN urgent BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE case_milestones SET
    contact_channel = (SELECT s.contact_channel FROM cases c JOIN screenings s ON s.id = c.screening_id
                       WHERE c.id = case_milestones.case_id),
    urgent = COALESCE((SELECT s.urgent_danger OR s.urgent_health FROM cases c
                       JOIN screenings s ON s.id = c.screening_id
                       WHERE c.id = case_milestones.case_id), urgent);

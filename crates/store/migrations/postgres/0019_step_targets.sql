-- The days a region wants each step of the referral chain to take at most
-- (from the step before it), set by its coordinators; a step without a row
-- keeps SOLEIL's default (crates/domain/src/monitoring.rs).
-- PostgreSQL dialect; sqlite/0019 is the same schema.
CREATE TABLE step_targets (
    region TEXT NOT NULL REFERENCES regions (code),
    step TEXT NOT NULL,
    days INTEGER NOT NULL,
    updated_by UUID NOT NULL REFERENCES users (id),
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (region, step)
);

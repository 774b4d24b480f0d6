-- Monitoring: the day each case reached each step of the referral chain,
-- kept by the store as the case's timeline grows (store/src/monitoring.rs),
-- with what the dashboards filter by as recorded at the first contact. Days
-- are counted from 1970-01-01, so a step's length is a subtraction on both
-- databases. PostgreSQL dialect; sqlite/0016 is the same schema. Cases opened
-- before this migration are filled in from their timeline at start-up.

CREATE TABLE case_milestones (
    case_id UUID PRIMARY KEY REFERENCES cases (id),
    region TEXT NOT NULL REFERENCES regions (code),
    -- The organisation that reported the case.
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    sector TEXT NOT NULL,
    nationality TEXT,
    sex TEXT,
    age_band TEXT,
    screened_on INTEGER NOT NULL,
    assessed_on INTEGER,
    taken_in_charge_on INTEGER,
    plan_agreed_on INTEGER,
    in_inclusion_on INTEGER,
    outcome_on INTEGER,
    closed_on INTEGER,
    closing_reason TEXT
);
CREATE INDEX case_milestones_region ON case_milestones (region, screened_on);

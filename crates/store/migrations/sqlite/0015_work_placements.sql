-- Work placements of persons in inclusion (internship, apprenticeship,
-- employment) and their follow-ups at 3, 6 and 12 months. SQLite dialect;
-- postgres/0015 is the same schema.

CREATE TABLE work_placements (
    id BLOB PRIMARY KEY,
    region TEXT NOT NULL REFERENCES regions (code),
    person_id BLOB NOT NULL REFERENCES persons (id),
    case_id BLOB NOT NULL REFERENCES cases (id),
    employer_id BLOB NOT NULL REFERENCES employers (id),
    offer_id BLOB REFERENCES job_offers (id),
    proposal_id BLOB REFERENCES candidate_proposals (id),
    kind TEXT NOT NULL CHECK (kind IN ('internship', 'apprenticeship', 'employment')),
    -- For employment only.
    contract_type TEXT CHECK (contract_type IN ('fixed_term', 'permanent', 'seasonal')),
    hours_per_week INTEGER NOT NULL CHECK (hours_per_week > 0),
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    -- The tutor at the employer (internships and apprenticeships).
    mentor TEXT,
    -- Monthly gross pay or internship allowance, in euro cents.
    monthly_pay_cents INTEGER CHECK (monthly_pay_cents >= 0),
    notes TEXT,
    -- An early end (or the end at the agreed date) and why.
    ended_on TEXT,
    end_reason TEXT,
    end_note TEXT,
    recorded_by BLOB NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX work_placements_case ON work_placements (case_id);
CREATE INDEX work_placements_region_start ON work_placements (region, starts_on);
CREATE INDEX work_placements_employer ON work_placements (employer_id);

CREATE TABLE work_placement_follow_ups (
    id BLOB PRIMARY KEY,
    placement_id BLOB NOT NULL REFERENCES work_placements (id),
    month INTEGER NOT NULL CHECK (month IN (3, 6, 12)),
    due_on TEXT NOT NULL,
    recorded_at TEXT,
    recorded_by BLOB REFERENCES users (id),
    still_employed BOOLEAN,
    same_employer BOOLEAN,
    current_contract TEXT,
    notes TEXT,
    UNIQUE (placement_id, month)
);
-- The list of follow-ups due reads the open ones by date.
CREATE INDEX work_placement_follow_ups_open ON work_placement_follow_ups (due_on) WHERE recorded_at IS NULL;

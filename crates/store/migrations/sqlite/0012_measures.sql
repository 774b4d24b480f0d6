-- Support measures: the budget lines of each region and funding source, and
-- the disbursements paid from them to persons in inclusion. Amounts are
-- integer euro cents. SQLite dialect; postgres/0012 is the same schema.

CREATE TABLE budget_lines (
    id BLOB PRIMARY KEY,
    region TEXT NOT NULL REFERENCES regions (code),
    funding_source TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    -- The measures the line pays, comma-separated.
    measures TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    per_person_cap_cents INTEGER CHECK (per_person_cap_cents > 0),
    valid_from TEXT NOT NULL,
    valid_to TEXT NOT NULL,
    created_by BLOB NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (region, code)
);

CREATE TABLE disbursements (
    id BLOB PRIMARY KEY,
    budget_line_id BLOB NOT NULL REFERENCES budget_lines (id),
    region TEXT NOT NULL REFERENCES regions (code),
    person_id BLOB NOT NULL REFERENCES persons (id),
    case_id BLOB NOT NULL REFERENCES cases (id),
    measure TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'refused', 'paid', 'cancelled')),
    -- Attendance allowance: the enrolment paid and how the amount was computed.
    enrolment_id BLOB REFERENCES course_enrolments (id),
    attended_minutes INTEGER,
    scheduled_minutes INTEGER,
    hourly_rate_cents INTEGER,
    threshold_percent INTEGER,
    rounded INTEGER,
    note TEXT,
    proposed_by BLOB NOT NULL REFERENCES users (id),
    proposed_at TEXT NOT NULL,
    decided_by BLOB REFERENCES users (id),
    decided_at TEXT,
    refusal_reason TEXT,
    paid_on TEXT,
    payment_reference TEXT
);
CREATE INDEX disbursements_line ON disbursements (budget_line_id, status);
CREATE INDEX disbursements_case ON disbursements (case_id);
CREATE INDEX disbursements_person ON disbursements (person_id);
CREATE INDEX disbursements_enrolment ON disbursements (enrolment_id) WHERE enrolment_id IS NOT NULL;
CREATE INDEX disbursements_queue ON disbursements (region, status, proposed_at);

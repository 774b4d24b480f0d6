-- Support measures: the budget lines of each region and funding source, and
-- the disbursements paid from them to persons in inclusion. Amounts are
-- integer euro cents. PostgreSQL dialect; sqlite/0012 is the same schema.

CREATE TABLE budget_lines (
    id UUID PRIMARY KEY,
    region TEXT NOT NULL REFERENCES regions (code),
    funding_source TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    -- The measures the line pays, comma-separated.
    measures TEXT NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
    per_person_cap_cents BIGINT CHECK (per_person_cap_cents > 0),
    valid_from DATE NOT NULL,
    valid_to DATE NOT NULL,
    created_by UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (region, code)
);

CREATE TABLE disbursements (
    id UUID PRIMARY KEY,
    budget_line_id UUID NOT NULL REFERENCES budget_lines (id),
    region TEXT NOT NULL REFERENCES regions (code),
    person_id UUID NOT NULL REFERENCES persons (id),
    case_id UUID NOT NULL REFERENCES cases (id),
    measure TEXT NOT NULL,
    period_from DATE NOT NULL,
    period_to DATE NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'refused', 'paid', 'cancelled')),
    -- Attendance allowance: the enrolment paid and how the amount was computed.
    enrolment_id UUID REFERENCES course_enrolments (id),
    attended_minutes BIGINT,
    scheduled_minutes BIGINT,
    hourly_rate_cents BIGINT,
    threshold_percent BIGINT,
    rounded BOOLEAN,
    note TEXT,
    proposed_by UUID NOT NULL REFERENCES users (id),
    proposed_at TIMESTAMPTZ NOT NULL,
    decided_by UUID REFERENCES users (id),
    decided_at TIMESTAMPTZ,
    refusal_reason TEXT,
    paid_on DATE,
    payment_reference TEXT
);
CREATE INDEX disbursements_line ON disbursements (budget_line_id, status);
CREATE INDEX disbursements_case ON disbursements (case_id);
CREATE INDEX disbursements_person ON disbursements (person_id);
CREATE INDEX disbursements_enrolment ON disbursements (enrolment_id) WHERE enrolment_id IS NOT NULL;
CREATE INDEX disbursements_queue ON disbursements (region, status, proposed_at);

-- Emergency places: the beds that facilities of the anti-trafficking system,
-- the social emergency service and the third sector declare, and their
-- allocations to cases. PostgreSQL dialect; sqlite/0004 is the same schema.

CREATE TABLE places (
    id UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    region TEXT NOT NULL REFERENCES regions (code),
    kind TEXT NOT NULL,
    accessible BOOLEAN NOT NULL,
    label TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (organisation_id, label)
);
CREATE INDEX places_region ON places (region, kind);

CREATE TABLE place_allocations (
    id UUID PRIMARY KEY,
    place_id UUID NOT NULL REFERENCES places (id),
    case_id UUID NOT NULL REFERENCES cases (id),
    from_date DATE NOT NULL,
    until_date DATE,
    allocated_by UUID NOT NULL REFERENCES users (id),
    allocated_at TIMESTAMPTZ NOT NULL,
    released_at TIMESTAMPTZ,
    released_by UUID REFERENCES users (id),
    release_reason TEXT
);
-- At most one allocation in force per place: of two racing for the last
-- free bed, the database lets exactly one in.
CREATE UNIQUE INDEX place_allocations_active ON place_allocations (place_id) WHERE released_at IS NULL;
CREATE INDEX place_allocations_case ON place_allocations (case_id);

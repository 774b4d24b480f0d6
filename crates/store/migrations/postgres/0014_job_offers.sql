-- Job offers of employers, work profiles of persons, candidates proposed to
-- offers, and recruiting days. PostgreSQL dialect; sqlite/0014 is the same schema.
-- Lists of codes and tags (skills, occupations, languages, licences) are
-- kept as JSON arrays of strings.

CREATE TABLE job_offers (
    id UUID PRIMARY KEY,
    employer_id UUID NOT NULL REFERENCES employers (id),
    region TEXT NOT NULL REFERENCES regions (code),
    title TEXT NOT NULL,
    -- ISCO-08 unit group, four digits.
    occupation TEXT NOT NULL,
    skills TEXT NOT NULL DEFAULT '[]',
    -- ISTAT code of the comune where the work is.
    comune TEXT NOT NULL,
    hours_per_week INTEGER NOT NULL CHECK (hours_per_week BETWEEN 1 AND 48),
    contract_type TEXT NOT NULL
        CHECK (contract_type IN ('internship', 'apprenticeship', 'fixed_term', 'permanent', 'seasonal')),
    positions INTEGER NOT NULL DEFAULT 1 CHECK (positions >= 1),
    italian_level TEXT,
    driving_licence TEXT,
    -- A lab sector (courses.sector) the employer asks to have completed.
    lab_sector TEXT,
    starts_on DATE NOT NULL,
    description TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
    created_by UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX job_offers_region_status ON job_offers (region, status);
CREATE INDEX job_offers_employer ON job_offers (employer_id);

CREATE TABLE work_profiles (
    person_id UUID PRIMARY KEY REFERENCES persons (id),
    occupations TEXT NOT NULL DEFAULT '[]',
    skills TEXT NOT NULL DEFAULT '[]',
    italian_level TEXT,
    other_languages TEXT NOT NULL DEFAULT '[]',
    driving_licences TEXT NOT NULL DEFAULT '[]',
    domicile_comune TEXT,
    commute TEXT CHECK (commute IN ('same_comune', 'province', 'region')),
    available_from DATE,
    hours_per_week INTEGER,
    updated_by UUID NOT NULL REFERENCES users (id),
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE candidate_proposals (
    id UUID PRIMARY KEY,
    offer_id UUID NOT NULL REFERENCES job_offers (id),
    person_id UUID NOT NULL REFERENCES persons (id),
    case_id UUID NOT NULL REFERENCES cases (id),
    -- The person agreed to share their name and profile with the employer:
    -- no proposal exists without it.
    consent BOOLEAN NOT NULL CHECK (consent),
    status TEXT NOT NULL CHECK (status IN ('proposed', 'interview', 'accepted', 'rejected', 'withdrawn')),
    note TEXT,
    proposed_by UUID NOT NULL REFERENCES users (id),
    proposed_at TIMESTAMPTZ NOT NULL,
    answered_by UUID REFERENCES users (id),
    answered_at TIMESTAMPTZ
);
CREATE INDEX candidate_proposals_offer ON candidate_proposals (offer_id);
CREATE INDEX candidate_proposals_person ON candidate_proposals (person_id);
-- One open proposal of a person per offer.
CREATE UNIQUE INDEX candidate_proposals_open ON candidate_proposals (offer_id, person_id)
    WHERE status IN ('proposed', 'interview');

CREATE TABLE recruiting_days (
    id UUID PRIMARY KEY,
    region TEXT NOT NULL REFERENCES regions (code),
    title TEXT NOT NULL,
    held_on DATE NOT NULL,
    place TEXT NOT NULL,
    created_by UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX recruiting_days_region ON recruiting_days (region, held_on);

CREATE TABLE recruiting_day_employers (
    day_id UUID NOT NULL REFERENCES recruiting_days (id),
    employer_id UUID NOT NULL REFERENCES employers (id),
    PRIMARY KEY (day_id, employer_id)
);

CREATE TABLE recruiting_day_candidates (
    day_id UUID NOT NULL REFERENCES recruiting_days (id),
    person_id UUID NOT NULL REFERENCES persons (id),
    case_id UUID NOT NULL REFERENCES cases (id),
    outcome TEXT NOT NULL DEFAULT 'invited'
        CHECK (outcome IN ('invited', 'attended', 'no_show', 'interview_fixed', 'proposed', 'hired')),
    note TEXT,
    updated_by UUID NOT NULL REFERENCES users (id),
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (day_id, person_id)
);

-- Employers of a region, their further sites, the logins they are given,
-- and the surveys of their needs. SQLite dialect; postgres/0013 is the same schema.

CREATE TABLE employers (
    id BLOB PRIMARY KEY,
    region TEXT NOT NULL REFERENCES regions (code),
    legal_name TEXT NOT NULL,
    -- The partita IVA as eleven digits, without prefix or spaces.
    vat_number TEXT NOT NULL,
    -- The company's codice fiscale, when it differs from the VAT number.
    tax_code TEXT,
    ateco_code TEXT NOT NULL,
    -- ISTAT code of the comune of the registered site, and its province.
    comune TEXT NOT NULL,
    province_code TEXT NOT NULL,
    address TEXT,
    contact_name TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    size_band TEXT,
    notes TEXT,
    created_by BLOB NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (region, vat_number)
);
CREATE INDEX employers_region_name ON employers (region, legal_name);

CREATE TABLE employer_sites (
    id BLOB PRIMARY KEY,
    employer_id BLOB NOT NULL REFERENCES employers (id),
    comune TEXT NOT NULL,
    province_code TEXT NOT NULL,
    address TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX employer_sites_employer ON employer_sites (employer_id);

-- An employer-role login belongs to exactly one employer.
CREATE TABLE employer_users (
    user_id BLOB PRIMARY KEY REFERENCES users (id),
    employer_id BLOB NOT NULL REFERENCES employers (id)
);
CREATE INDEX employer_users_employer ON employer_users (employer_id);

-- "Analisi fabbisogno imprese": several surveys over time per employer.
CREATE TABLE employer_surveys (
    id BLOB PRIMARY KEY,
    employer_id BLOB NOT NULL REFERENCES employers (id),
    region TEXT NOT NULL REFERENCES regions (code),
    surveyed_on TEXT NOT NULL,
    open_to_training BOOLEAN NOT NULL,
    internships INTEGER NOT NULL CHECK (internships >= 0),
    apprenticeships INTEGER NOT NULL CHECK (apprenticeships >= 0),
    other_insertion TEXT,
    notes TEXT,
    recorded_by BLOB NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX employer_surveys_employer ON employer_surveys (employer_id);
CREATE INDEX employer_surveys_region_date ON employer_surveys (region, surveyed_on);

-- One row of needs of a survey: an ISCO-08 unit group and how many workers.
CREATE TABLE employer_survey_needs (
    survey_id BLOB NOT NULL REFERENCES employer_surveys (id),
    position INTEGER NOT NULL,
    occupation TEXT NOT NULL,
    workers INTEGER NOT NULL CHECK (workers > 0),
    skills TEXT,
    needed_by TEXT,
    PRIMARY KEY (survey_id, position)
);

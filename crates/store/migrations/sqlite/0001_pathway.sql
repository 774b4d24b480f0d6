-- The referral pathway: network, people, screenings, cases, plans, audit.
-- SQLite dialect; postgres/0001_pathway.sql is the same schema. Never edit a
-- migration that has shipped: add a new one.

CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    istat_code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
INSERT INTO regions (code, istat_code, name) VALUES
    ('tos', '09', 'Toscana'),
    ('mar', '11', 'Marche'),
    ('laz', '12', 'Lazio'),
    ('abr', '13', 'Abruzzo'),
    ('mol', '14', 'Molise');

CREATE TABLE organisations (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    region TEXT NOT NULL REFERENCES regions (code),
    created_at TEXT NOT NULL,
    UNIQUE (region, name)
);

CREATE TABLE users (
    id BLOB PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation_id BLOB REFERENCES organisations (id),
    region TEXT REFERENCES regions (code),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TEXT NOT NULL
);
CREATE INDEX users_organisation ON users (organisation_id);

-- Browser sessions and API tokens are stored as SHA-256 hashes of the secret.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

-- Failed logins, counted per e-mail to slow down password guessing.
CREATE TABLE login_failures (
    email TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);

CREATE TABLE persons (
    id BLOB PRIMARY KEY,
    region TEXT NOT NULL REFERENCES regions (code),
    anonymous BOOLEAN NOT NULL,
    given_name TEXT,
    surname TEXT,
    alias TEXT,
    sex TEXT,
    date_of_birth TEXT,
    nationality TEXT,
    phone TEXT,
    recorded_by BLOB NOT NULL REFERENCES users (id),
    recorded_by_organisation BLOB NOT NULL REFERENCES organisations (id),
    created_at TEXT NOT NULL
);
CREATE INDEX persons_region ON persons (region, created_at);

CREATE TABLE screenings (
    id BLOB PRIMARY KEY,
    person_id BLOB NOT NULL REFERENCES persons (id),
    region TEXT NOT NULL REFERENCES regions (code),
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    recorded_by BLOB NOT NULL REFERENCES users (id),
    status TEXT NOT NULL,
    priority TEXT NOT NULL,
    contact_channel TEXT NOT NULL,
    work_place TEXT,
    sector TEXT NOT NULL,
    legal_status TEXT NOT NULL,
    urgent_danger BOOLEAN NOT NULL,
    urgent_health BOOLEAN NOT NULL,
    urgent_no_shelter BOOLEAN NOT NULL,
    urgent_minors BOOLEAN NOT NULL,
    languages TEXT NOT NULL,
    consent_to_referral BOOLEAN NOT NULL,
    notes TEXT,
    indicators TEXT NOT NULL,
    case_id BLOB,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX screenings_person ON screenings (person_id);

CREATE TABLE cases (
    id BLOB PRIMARY KEY,
    person_id BLOB NOT NULL REFERENCES persons (id),
    region TEXT NOT NULL REFERENCES regions (code),
    state TEXT NOT NULL,
    priority TEXT NOT NULL,
    priority_rank INTEGER NOT NULL,
    screening_id BLOB NOT NULL REFERENCES screenings (id),
    reported_by BLOB NOT NULL REFERENCES users (id),
    reported_by_organisation BLOB NOT NULL REFERENCES organisations (id),
    decision TEXT,
    zonal_group TEXT,
    case_manager_id BLOB REFERENCES users (id),
    referred_to BLOB REFERENCES organisations (id),
    closing_reason TEXT,
    opened_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX cases_queue ON cases (region, state, priority_rank, opened_at);
CREATE INDEX cases_person ON cases (person_id);

-- The zonal working group of a case: who may see it and review its plan.
CREATE TABLE case_team (
    case_id BLOB NOT NULL REFERENCES cases (id),
    user_id BLOB NOT NULL REFERENCES users (id),
    added_by BLOB NOT NULL REFERENCES users (id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_team_user ON case_team (user_id);

-- The timeline: monitoring is computed from these rows, never typed in.
CREATE TABLE case_events (
    id BLOB PRIMARY KEY,
    case_id BLOB NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT,
    actor_id BLOB NOT NULL REFERENCES users (id),
    -- A value of the vocabulary the kind implies: the decision of an
    -- assessment, the verdict of a review, the reason a case closed.
    code TEXT,
    plan_version INTEGER,
    -- Words a person typed: a comment, a note on closing.
    note TEXT,
    at TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, at);

CREATE TABLE assessments (
    id BLOB PRIMARY KEY,
    case_id BLOB NOT NULL REFERENCES cases (id),
    assessed_by BLOB NOT NULL REFERENCES users (id),
    decision TEXT NOT NULL,
    legal_status_checked TEXT,
    summary TEXT,
    zonal_group TEXT,
    case_manager_id BLOB REFERENCES users (id),
    referred_to BLOB REFERENCES organisations (id),
    reason TEXT,
    at TEXT NOT NULL
);
CREATE INDEX assessments_case ON assessments (case_id);

CREATE TABLE plans (
    id BLOB PRIMARY KEY,
    case_id BLOB NOT NULL REFERENCES cases (id),
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    author_id BLOB NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    submitted_at TEXT,
    approved_at TEXT,
    agreed_at TEXT,
    agreement_note TEXT,
    UNIQUE (case_id, version)
);

CREATE TABLE plan_reviewers (
    plan_id BLOB NOT NULL REFERENCES plans (id),
    user_id BLOB NOT NULL REFERENCES users (id),
    PRIMARY KEY (plan_id, user_id)
);

CREATE TABLE plan_needs (
    id BLOB PRIMARY KEY,
    plan_id BLOB NOT NULL REFERENCES plans (id),
    position INTEGER NOT NULL,
    area TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE INDEX plan_needs_plan ON plan_needs (plan_id, position);

CREATE TABLE plan_actions (
    id BLOB PRIMARY KEY,
    plan_id BLOB NOT NULL REFERENCES plans (id),
    position INTEGER NOT NULL,
    area TEXT NOT NULL,
    description TEXT NOT NULL,
    responsible_organisation_id BLOB NOT NULL REFERENCES organisations (id),
    due_date TEXT,
    status TEXT NOT NULL,
    status_note TEXT,
    status_changed_at TEXT
);
CREATE INDEX plan_actions_plan ON plan_actions (plan_id, position);

CREATE TABLE plan_reviews (
    id BLOB PRIMARY KEY,
    plan_id BLOB NOT NULL REFERENCES plans (id),
    reviewer_id BLOB NOT NULL REFERENCES users (id),
    verdict TEXT NOT NULL,
    comment TEXT,
    at TEXT NOT NULL
);
CREATE INDEX plan_reviews_plan ON plan_reviews (plan_id, at);

CREATE TABLE audit_events (
    id BLOB PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id BLOB,
    actor_email TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    region TEXT,
    detail TEXT
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_entity ON audit_events (entity, entity_id);
CREATE INDEX audit_events_actor ON audit_events (actor_id, at);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

-- The referral pathway: network, people, screenings, cases, plans, audit.
-- PostgreSQL dialect; sqlite/0001_pathway.sql is the same schema. Never edit a
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
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    region TEXT NOT NULL REFERENCES regions (code),
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (region, name)
);

CREATE TABLE users (
    id UUID PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation_id UUID REFERENCES organisations (id),
    region TEXT REFERENCES regions (code),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX users_organisation ON users (organisation_id);

-- Browser sessions and API tokens are stored as SHA-256 hashes of the secret.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

-- Failed logins, counted per e-mail to slow down password guessing.
CREATE TABLE login_failures (
    email TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);

CREATE TABLE persons (
    id UUID PRIMARY KEY,
    region TEXT NOT NULL REFERENCES regions (code),
    anonymous BOOLEAN NOT NULL,
    given_name TEXT,
    surname TEXT,
    alias TEXT,
    sex TEXT,
    date_of_birth DATE,
    nationality TEXT,
    phone TEXT,
    recorded_by UUID NOT NULL REFERENCES users (id),
    recorded_by_organisation UUID NOT NULL REFERENCES organisations (id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX persons_region ON persons (region, created_at);

CREATE TABLE screenings (
    id UUID PRIMARY KEY,
    person_id UUID NOT NULL REFERENCES persons (id),
    region TEXT NOT NULL REFERENCES regions (code),
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    recorded_by UUID NOT NULL REFERENCES users (id),
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
    languages JSONB NOT NULL,
    consent_to_referral BOOLEAN NOT NULL,
    notes TEXT,
    indicators JSONB NOT NULL,
    case_id UUID,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at TIMESTAMPTZ
);
CREATE INDEX screenings_person ON screenings (person_id);

CREATE TABLE cases (
    id UUID PRIMARY KEY,
    person_id UUID NOT NULL REFERENCES persons (id),
    region TEXT NOT NULL REFERENCES regions (code),
    state TEXT NOT NULL,
    priority TEXT NOT NULL,
    priority_rank INTEGER NOT NULL,
    screening_id UUID NOT NULL REFERENCES screenings (id),
    reported_by UUID NOT NULL REFERENCES users (id),
    reported_by_organisation UUID NOT NULL REFERENCES organisations (id),
    decision TEXT,
    zonal_group TEXT,
    case_manager_id UUID REFERENCES users (id),
    referred_to UUID REFERENCES organisations (id),
    closing_reason TEXT,
    opened_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    closed_at TIMESTAMPTZ
);
CREATE INDEX cases_queue ON cases (region, state, priority_rank, opened_at);
CREATE INDEX cases_person ON cases (person_id);

-- The zonal working group of a case: who may see it and review its plan.
CREATE TABLE case_team (
    case_id UUID NOT NULL REFERENCES cases (id),
    user_id UUID NOT NULL REFERENCES users (id),
    added_by UUID NOT NULL REFERENCES users (id),
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_team_user ON case_team (user_id);

-- The timeline: monitoring is computed from these rows, never typed in.
CREATE TABLE case_events (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT,
    actor_id UUID NOT NULL REFERENCES users (id),
    -- A value of the vocabulary the kind implies: the decision of an
    -- assessment, the verdict of a review, the reason a case closed.
    code TEXT,
    plan_version INTEGER,
    -- Words a person typed: a comment, a note on closing.
    note TEXT,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, at);

CREATE TABLE assessments (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases (id),
    assessed_by UUID NOT NULL REFERENCES users (id),
    decision TEXT NOT NULL,
    legal_status_checked TEXT,
    summary TEXT,
    zonal_group TEXT,
    case_manager_id UUID REFERENCES users (id),
    referred_to UUID REFERENCES organisations (id),
    reason TEXT,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX assessments_case ON assessments (case_id);

CREATE TABLE plans (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases (id),
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    author_id UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    submitted_at TIMESTAMPTZ,
    approved_at TIMESTAMPTZ,
    agreed_at TIMESTAMPTZ,
    agreement_note TEXT,
    UNIQUE (case_id, version)
);

CREATE TABLE plan_reviewers (
    plan_id UUID NOT NULL REFERENCES plans (id),
    user_id UUID NOT NULL REFERENCES users (id),
    PRIMARY KEY (plan_id, user_id)
);

CREATE TABLE plan_needs (
    id UUID PRIMARY KEY,
    plan_id UUID NOT NULL REFERENCES plans (id),
    position INTEGER NOT NULL,
    area TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE INDEX plan_needs_plan ON plan_needs (plan_id, position);

CREATE TABLE plan_actions (
    id UUID PRIMARY KEY,
    plan_id UUID NOT NULL REFERENCES plans (id),
    position INTEGER NOT NULL,
    area TEXT NOT NULL,
    description TEXT NOT NULL,
    responsible_organisation_id UUID NOT NULL REFERENCES organisations (id),
    due_date DATE,
    status TEXT NOT NULL,
    status_note TEXT,
    status_changed_at TIMESTAMPTZ
);
CREATE INDEX plan_actions_plan ON plan_actions (plan_id, position);

CREATE TABLE plan_reviews (
    id UUID PRIMARY KEY,
    plan_id UUID NOT NULL REFERENCES plans (id),
    reviewer_id UUID NOT NULL REFERENCES users (id),
    verdict TEXT NOT NULL,
    comment TEXT,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_reviews_plan ON plan_reviews (plan_id, at);

CREATE TABLE audit_events (
    id UUID PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor_id UUID,
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

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

-- Labs: courses run by training bodies, their sessions, the persons enrolled
-- from their plans and the class register. PostgreSQL dialect; sqlite/0011 is
-- the same schema.

CREATE TABLE courses (
    id UUID PRIMARY KEY,
    region TEXT NOT NULL REFERENCES regions (code),
    -- The training body that runs the lab.
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL CHECK (kind IN ('empowerment', 'professional')),
    -- Professional labs only.
    sector TEXT,
    -- Empowerment only: the modules covered, comma-separated.
    modules TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    planned_minutes INTEGER NOT NULL CHECK (planned_minutes > 0),
    completion_percent INTEGER NOT NULL CHECK (completion_percent BETWEEN 1 AND 100),
    hourly_allowance_cents BIGINT NOT NULL DEFAULT 0 CHECK (hourly_allowance_cents >= 0),
    allowance_threshold_percent INTEGER NOT NULL DEFAULT 0 CHECK (allowance_threshold_percent BETWEEN 0 AND 100),
    mediator TEXT,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    place TEXT,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    created_by UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX courses_region ON courses (region, ends_on);

CREATE TABLE course_sessions (
    id UUID PRIMARY KEY,
    course_id UUID NOT NULL REFERENCES courses (id),
    -- Italian civil time, as the class register reads it.
    starts_at TIMESTAMP NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    topic TEXT,
    module TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    cancelled_at TIMESTAMPTZ
);
CREATE INDEX course_sessions_course ON course_sessions (course_id, starts_at);

CREATE TABLE course_enrolments (
    id UUID PRIMARY KEY,
    course_id UUID NOT NULL REFERENCES courses (id),
    person_id UUID NOT NULL REFERENCES persons (id),
    case_id UUID NOT NULL REFERENCES cases (id),
    status TEXT NOT NULL CHECK (status IN ('enrolled', 'completed', 'withdrawn')),
    enrolled_at TIMESTAMPTZ NOT NULL,
    enrolled_by UUID NOT NULL REFERENCES users (id),
    completed_on DATE,
    withdrawn_at TIMESTAMPTZ,
    UNIQUE (course_id, person_id)
);
CREATE INDEX course_enrolments_person ON course_enrolments (person_id);
CREATE INDEX course_enrolments_case ON course_enrolments (case_id);

CREATE TABLE course_attendance (
    session_id UUID NOT NULL REFERENCES course_sessions (id),
    enrolment_id UUID NOT NULL REFERENCES course_enrolments (id),
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    recorded_by UUID NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, enrolment_id)
);
CREATE INDEX course_attendance_enrolment ON course_attendance (enrolment_id);

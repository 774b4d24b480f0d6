-- Identity and stay documents of a person, and the reminders before a
-- residence permit expires. PostgreSQL dialect; sqlite/0009 is the same schema.

CREATE TABLE person_documents (
    id UUID PRIMARY KEY,
    person_id UUID NOT NULL REFERENCES persons (id),
    kind TEXT NOT NULL,
    permit_type TEXT,
    number TEXT,
    issued_by TEXT,
    issued_on DATE,
    expires_on DATE,
    notes TEXT,
    recorded_by UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- Removed documents stay for the audit trail and the reminders raised on them.
    removed_at TIMESTAMPTZ
);
CREATE INDEX person_documents_person ON person_documents (person_id) WHERE removed_at IS NULL;
-- The reminder job reads the stay documents that expire soon.
CREATE INDEX person_documents_expiry ON person_documents (expires_on)
    WHERE removed_at IS NULL AND kind IN ('residence_permit', 'permit_receipt');

CREATE TABLE document_reminders (
    id UUID PRIMARY KEY,
    document_id UUID NOT NULL REFERENCES person_documents (id),
    person_id UUID NOT NULL REFERENCES persons (id),
    case_id UUID REFERENCES cases (id),
    stage INTEGER NOT NULL CHECK (stage IN (60, 30, 7)),
    expires_on DATE NOT NULL,
    due_on DATE NOT NULL,
    assigned_to UUID REFERENCES users (id),
    region TEXT NOT NULL REFERENCES regions (code),
    created_at TIMESTAMPTZ NOT NULL,
    done_at TIMESTAMPTZ,
    done_by UUID REFERENCES users (id),
    -- One reminder per stage of an expiry: the job may run twice, or on
    -- several servers at once, and raises each reminder once.
    UNIQUE (document_id, stage, expires_on)
);
CREATE INDEX document_reminders_open ON document_reminders (region, assigned_to) WHERE done_at IS NULL;
CREATE INDEX document_reminders_person ON document_reminders (person_id);

-- Identity and stay documents of a person, and the reminders before a
-- residence permit expires. SQLite dialect; postgres/0009 is the same schema.

CREATE TABLE person_documents (
    id BLOB PRIMARY KEY,
    person_id BLOB NOT NULL REFERENCES persons (id),
    kind TEXT NOT NULL,
    permit_type TEXT,
    number TEXT,
    issued_by TEXT,
    issued_on TEXT,
    expires_on TEXT,
    notes TEXT,
    recorded_by BLOB NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- Removed documents stay for the audit trail and the reminders raised on them.
    removed_at TEXT
);
CREATE INDEX person_documents_person ON person_documents (person_id) WHERE removed_at IS NULL;
-- The reminder job reads the stay documents that expire soon.
CREATE INDEX person_documents_expiry ON person_documents (expires_on)
    WHERE removed_at IS NULL AND kind IN ('residence_permit', 'permit_receipt');

CREATE TABLE document_reminders (
    id BLOB PRIMARY KEY,
    document_id BLOB NOT NULL REFERENCES person_documents (id),
    person_id BLOB NOT NULL REFERENCES persons (id),
    case_id BLOB REFERENCES cases (id),
    stage INTEGER NOT NULL CHECK (stage IN (60, 30, 7)),
    expires_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    assigned_to BLOB REFERENCES users (id),
    region TEXT NOT NULL REFERENCES regions (code),
    created_at TEXT NOT NULL,
    done_at TEXT,
    done_by BLOB REFERENCES users (id),
    -- One reminder per stage of an expiry: the job may run twice, or on
    -- several servers at once, and raises each reminder once.
    UNIQUE (document_id, stage, expires_on)
);
CREATE INDEX document_reminders_open ON document_reminders (region, assigned_to) WHERE done_at IS NULL;
CREATE INDEX document_reminders_person ON document_reminders (person_id);

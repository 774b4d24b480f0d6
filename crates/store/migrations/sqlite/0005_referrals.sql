-- Referrals: from a case to a service of the network, with what is shared,
-- the person's consent and the receiving service's answer and feedback.
-- sqlite dialect; the other backend's 0005 is the same schema.

CREATE TABLE referrals (
    id BLOB PRIMARY KEY,
    case_id BLOB NOT NULL REFERENCES cases (id),
    region TEXT NOT NULL REFERENCES regions (code),
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    area TEXT NOT NULL,
    description TEXT NOT NULL,
    due_date TEXT NOT NULL,
    -- JSON array of share names: identity, contact, languages, screening_summary, plan_actions.
    shares TEXT NOT NULL,
    consent BOOLEAN NOT NULL,
    consent_confirmed_by BLOB NOT NULL REFERENCES users (id),
    consent_confirmed_at TEXT NOT NULL,
    state TEXT NOT NULL,
    sent_by BLOB NOT NULL REFERENCES users (id),
    sent_at TEXT NOT NULL,
    answered_by BLOB REFERENCES users (id),
    answered_at TEXT,
    decline_reason TEXT,
    completed_at TEXT,
    feedback TEXT,
    cancelled_at TEXT
);
CREATE INDEX referrals_case ON referrals (case_id);
CREATE INDEX referrals_organisation ON referrals (organisation_id, state);
CREATE INDEX referrals_region ON referrals (region, state);

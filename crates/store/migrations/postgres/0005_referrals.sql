-- Referrals: from a case to a service of the network, with what is shared,
-- the person's consent and the receiving service's answer and feedback.
-- postgres dialect; the other backend's 0005 is the same schema.

CREATE TABLE referrals (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases (id),
    region TEXT NOT NULL REFERENCES regions (code),
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    area TEXT NOT NULL,
    description TEXT NOT NULL,
    due_date DATE NOT NULL,
    -- JSON array of share names: identity, contact, languages, screening_summary, plan_actions.
    shares JSONB NOT NULL,
    consent BOOLEAN NOT NULL,
    consent_confirmed_by UUID NOT NULL REFERENCES users (id),
    consent_confirmed_at TIMESTAMPTZ NOT NULL,
    state TEXT NOT NULL,
    sent_by UUID NOT NULL REFERENCES users (id),
    sent_at TIMESTAMPTZ NOT NULL,
    answered_by UUID REFERENCES users (id),
    answered_at TIMESTAMPTZ,
    decline_reason TEXT,
    completed_at TIMESTAMPTZ,
    feedback TEXT,
    cancelled_at TIMESTAMPTZ
);
CREATE INDEX referrals_case ON referrals (case_id);
CREATE INDEX referrals_organisation ON referrals (organisation_id, state);
CREATE INDEX referrals_region ON referrals (region, state);

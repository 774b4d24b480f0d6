-- ESF+ participants: what a case records about its person for the common
-- indicators of Regulation (EU) 2021/1057, Annex I (crates/domain/src/esf.rs):
-- the situation at entry, upon leaving and six months after leaving. NULL:
-- not recorded yet. Disability and minority are special categories of
-- personal data (GDPR art. 9): they may be 'prefers_not_to_say'.
-- PostgreSQL dialect; sqlite/0018 is the same schema.
CREATE TABLE esf_participants (
    case_id UUID PRIMARY KEY REFERENCES cases (id),
    labour_status TEXT,
    education TEXT,
    disability TEXT,
    foreign_background TEXT,
    minority TEXT,
    homeless TEXT,
    rural_area TEXT,
    job_searching_on_leaving BOOLEAN,
    in_education_on_leaving BOOLEAN,
    qualification_on_leaving BOOLEAN,
    employed_on_leaving BOOLEAN,
    employed_six_months_after BOOLEAN,
    improved_six_months_after BOOLEAN,
    -- Consent to the use of the pseudonymised data for the impact evaluation.
    research_consent BOOLEAN,
    updated_by UUID NOT NULL REFERENCES users (id),
    updated_at TIMESTAMPTZ NOT NULL
);

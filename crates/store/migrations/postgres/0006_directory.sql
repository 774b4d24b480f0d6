-- The services directory: what each organisation offers, for whom, in which
-- languages, where and when (shaped after Open Referral HSDS v3).
-- PostgreSQL dialect; sqlite/0006 is the same schema.
--
-- Searches must stay fast over a national directory (see BENCHMARKS.md), so
-- they read one table, service_hits: a row per location of a service with
-- the service's searchable fields copied onto it (or one row for a service
-- without locations), the province and region copied from the ISTAT
-- reference data when it is saved. Every test on a row is cheap: need areas
-- are a bitmask (bit n is the n-th need area), opening hours a bitmask of
-- the quarter hours of the week, languages a short list (" it pa hi ");
-- the words of the texts are an indexed table the search asks for ids.

CREATE TABLE services (
    id UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    -- The name folded (lower case, no accents), for sorting and prefix matches.
    name_key TEXT COLLATE "C" NOT NULL,
    description TEXT NOT NULL,
    need_areas INTEGER NOT NULL,
    eligibility TEXT,
    email TEXT,
    phone TEXT,
    url TEXT,
    active BOOLEAN NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX services_organisation ON services (organisation_id);
CREATE INDEX services_name ON services (name_key, id);

CREATE TABLE service_languages (
    service_id UUID NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (service_id, language)
);

CREATE TABLE service_locations (
    id UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    postcode TEXT,
    comune TEXT NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    accessibility TEXT
);
CREATE INDEX service_locations_service ON service_locations (service_id, position);

CREATE TABLE service_hours (
    location_id UUID NOT NULL REFERENCES service_locations (id) ON DELETE CASCADE,
    -- Monday is 0.
    day INTEGER NOT NULL,
    -- Minutes since midnight, Italian civil time; closes > opens.
    opens INTEGER NOT NULL,
    closes INTEGER NOT NULL
);
CREATE INDEX service_hours_location ON service_hours (location_id, day);

-- Every word (folded) of a service's name, description and eligibility:
-- text searches look words up by prefix here instead of reading every text.
CREATE TABLE service_words (
    word TEXT COLLATE "C" NOT NULL,
    service_id UUID NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    PRIMARY KEY (word, service_id)
);
CREATE INDEX service_words_service ON service_words (service_id);

-- What a search reads: written with the service, never edited on its own.
CREATE TABLE service_hits (
    service_id UUID NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    -- NULL for the one row of a service without locations.
    location_id UUID REFERENCES service_locations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    organisation_id UUID NOT NULL,
    need_areas INTEGER NOT NULL,
    -- The service's language codes between spaces: " it pa hi ".
    languages TEXT NOT NULL,
    name_key TEXT COLLATE "C" NOT NULL,
    kind TEXT,
    comune TEXT,
    province_code TEXT,
    region_code TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    -- Quarter hour q of the week (Monday 00:00 is 0) is bit q % 64 of
    -- open_{q / 64}: set when the location is open at any minute of it.
    open_0 BIGINT NOT NULL,
    open_1 BIGINT NOT NULL,
    open_2 BIGINT NOT NULL,
    open_3 BIGINT NOT NULL,
    open_4 BIGINT NOT NULL,
    open_5 BIGINT NOT NULL,
    open_6 BIGINT NOT NULL,
    open_7 BIGINT NOT NULL,
    open_8 BIGINT NOT NULL,
    open_9 BIGINT NOT NULL,
    open_10 BIGINT NOT NULL,
    -- Every interval starts and ends on a quarter hour, so the bits are
    -- exact; otherwise a set bit is checked against service_hours.
    hours_exact BOOLEAN NOT NULL
);
CREATE INDEX service_hits_service ON service_hits (service_id);
CREATE INDEX service_hits_name ON service_hits (name_key, service_id, position) WHERE active = TRUE;
CREATE INDEX service_hits_organisation ON service_hits (organisation_id);
CREATE INDEX service_hits_comune ON service_hits (comune);
CREATE INDEX service_hits_province ON service_hits (province_code);
CREATE INDEX service_hits_region ON service_hits (region_code);
CREATE INDEX service_hits_position ON service_hits (latitude, longitude);

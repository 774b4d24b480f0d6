-- One person, one record. A person recorded twice is reconciled by merging
-- the second record into the first: the merged record stays (for the audit
-- and for undoing) but points at its survivor and is hidden everywhere else.
ALTER TABLE persons ADD COLUMN merged_into BLOB REFERENCES persons (id);
-- Only merged records: "not merged" is nearly every row, which no index helps.
CREATE INDEX persons_merged_into ON persons (merged_into) WHERE merged_into IS NOT NULL;
-- The intake check reads the persons recorded since its last look.
CREATE INDEX persons_created_at ON persons (created_at);

-- A possible duplicate: two records the matching engine found alike, for
-- the secretariat to merge or mark distinct. person_a sorts before person_b,
-- so a pair is recorded once whichever record was found first; a pair
-- marked distinct keeps its row and is therefore never proposed again.
CREATE TABLE identity_pairs (
    id BLOB PRIMARY KEY,
    person_a BLOB NOT NULL REFERENCES persons (id),
    person_b BLOB NOT NULL REFERENCES persons (id),
    region_a TEXT NOT NULL REFERENCES regions (code),
    region_b TEXT NOT NULL REFERENCES regions (code),
    -- The engine's match weight in bits, and its explanation (JSON list of
    -- field, outcome, weight).
    score DOUBLE PRECISION NOT NULL,
    evidence TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'merged', 'distinct')),
    found_by BLOB NOT NULL REFERENCES users (id),
    found_at TEXT NOT NULL,
    decided_by BLOB REFERENCES users (id),
    decided_at TEXT,
    CHECK (person_a < person_b),
    UNIQUE (person_a, person_b)
);
CREATE INDEX identity_pairs_queue_a ON identity_pairs (region_a, status, score);
CREATE INDEX identity_pairs_queue_b ON identity_pairs (region_b, status, score);
CREATE INDEX identity_pairs_person_b ON identity_pairs (person_b);

-- A merge, and every row it moved from the merged person to the survivor,
-- so that undoing it moves exactly those rows back.
CREATE TABLE person_merges (
    id BLOB PRIMARY KEY,
    pair_id BLOB REFERENCES identity_pairs (id),
    survivor_id BLOB NOT NULL REFERENCES persons (id),
    merged_id BLOB NOT NULL REFERENCES persons (id),
    survivor_region TEXT NOT NULL REFERENCES regions (code),
    merged_region TEXT NOT NULL REFERENCES regions (code),
    merged_by BLOB NOT NULL REFERENCES users (id),
    merged_at TEXT NOT NULL,
    undone_by BLOB REFERENCES users (id),
    undone_at TEXT
);
CREATE INDEX person_merges_survivor ON person_merges (survivor_id);
CREATE INDEX person_merges_merged ON person_merges (merged_id);
-- Each server's index of persons (crates/app/src/identity/index.rs) reads
-- the merges made or undone since its last look.
CREATE INDEX person_merges_merged_at ON person_merges (merged_at);
CREATE INDEX person_merges_undone_at ON person_merges (undone_at);

CREATE TABLE person_merge_moves (
    merge_id BLOB NOT NULL REFERENCES person_merges (id),
    table_name TEXT NOT NULL,
    row_id BLOB NOT NULL,
    PRIMARY KEY (merge_id, table_name, row_id)
);

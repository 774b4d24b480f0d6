-- Public contacts of an organisation, for the "know your rights" page that
-- exploited workers read without signing in. Nothing is shown there until
-- public_listing is set. PostgreSQL dialect; sqlite/0003 is the same change.

ALTER TABLE organisations ADD COLUMN address TEXT;
ALTER TABLE organisations ADD COLUMN phone TEXT;
ALTER TABLE organisations ADD COLUMN opening_hours TEXT;
ALTER TABLE organisations ADD COLUMN public_listing BOOLEAN NOT NULL DEFAULT FALSE;

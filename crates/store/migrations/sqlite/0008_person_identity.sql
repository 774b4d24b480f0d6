-- Two identity fields of a person: the codice fiscale, as typed on the card
-- (normalised: uppercase, no spaces; omocodic codes kept as they are), and
-- the place of birth as declared (an Italian comune or a foreign state).
-- Both help to recognise the same person recorded twice.
ALTER TABLE persons ADD COLUMN codice_fiscale TEXT;
ALTER TABLE persons ADD COLUMN place_of_birth TEXT;
CREATE INDEX persons_codice_fiscale ON persons (codice_fiscale);

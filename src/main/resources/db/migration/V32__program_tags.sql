-- Program tags (issue 15): a therapist or a pair can belong to programs ("couples", "adolescents", a site), so
-- the insight figures can be grouped per program. A pair's programs are its own tags and its therapist's. Tags
-- are short labels checked by the API (letters, digits, '-', '_', '.', at most 64 characters, at most 20 each);
-- the checks below keep the database honest for any other writer. Arrays, not a join table: there are a few per
-- row, they are always read with the row, and the insight queries unnest them in one GROUP BY.
ALTER TABLE therapist ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT therapist_tags_bounded CHECK (cardinality(tags) <= 20);
ALTER TABLE pair ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT pair_tags_bounded CHECK (cardinality(tags) <= 20);

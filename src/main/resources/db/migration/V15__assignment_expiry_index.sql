-- The expiry scan runs every minute and looks for open assignments past their expiry. Without an index it read
-- the whole assignment table each time, a table that only grows (1,150,000 rows in the 1M benchmark).
CREATE INDEX assignment_open_expiry_idx ON assignment (expires_at) WHERE status = 'open';

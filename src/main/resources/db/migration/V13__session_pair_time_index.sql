-- The pair list reads each pair's latest session time; without this index that read visited every session of
-- every listed pair (measured at 1,000,000 sessions: 12.7 ms for a 200-pair page, 4.6 ms with it).
CREATE INDEX session_pair_occurred_idx ON session (pair_id, occurred_at);

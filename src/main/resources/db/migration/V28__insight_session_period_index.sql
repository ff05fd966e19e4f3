-- Issue 15 (agency insight): every insight query starts from an organization's sessions in a period
-- (session.organization_id, session.occurred_at). Without this index each read scans every session of every
-- organization. Not yet measured at 1,000,000 responses: the insight phases of src/bench/run.sh are still to come.
CREATE INDEX session_organization_occurred_idx ON session (organization_id, occurred_at);

-- Rows without an organization (the operator's) are found by IS NULL, which the chain index can filter on but
-- not read in order: finding a chain's head read and sorted the whole operator chain. A partial index orders it.
CREATE INDEX audit_event_operator_chain_idx ON audit_event (chain, seq DESC) WHERE organization_id IS NULL;

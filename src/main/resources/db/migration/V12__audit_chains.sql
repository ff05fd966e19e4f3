-- Appends to one hash chain are serialized until commit, so one chain per organization made every audited
-- request of a busy organization queue on one lock. Each organization now has several chains; a row joins one
-- at random. Existing rows are chain 0, whose links are unchanged.
ALTER TABLE audit_event ADD COLUMN chain smallint NOT NULL DEFAULT 0 CHECK (chain >= 0);
CREATE INDEX audit_event_chain_idx ON audit_event (organization_id, chain, seq DESC);

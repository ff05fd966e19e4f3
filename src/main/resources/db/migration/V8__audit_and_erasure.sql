-- The audit trail: one row per read or write of client data, appended and never changed. Rows hold ids only
-- (no names, e-mails or answers), so erasing a client leaves the trail intact. Each organization's rows form
-- a hash chain (hash = SHA-256 of prev_hash and the row), so a changed or removed row is detected by
-- io.rapport.audit.AuditChain. organization_id is NULL for calls that named no organization (bad credentials).
CREATE TABLE audit_event (
    seq             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              uuid         NOT NULL UNIQUE,
    organization_id uuid         REFERENCES organization (id),
    occurred_at     timestamptz  NOT NULL,
    actor           varchar(200) NOT NULL,
    action          varchar(32)  NOT NULL,
    route           varchar(200) NOT NULL,
    object_type     varchar(32)  NOT NULL,
    object_id       varchar(128),
    client_id       uuid,
    outcome         varchar(16)  NOT NULL CHECK (outcome IN ('allowed', 'denied')),
    status          integer,
    request_id      varchar(64),
    prev_hash       varchar(64)  NOT NULL,
    hash            varchar(64)  NOT NULL
);
CREATE INDEX audit_event_org_idx ON audit_event (organization_id, seq DESC);
CREATE INDEX audit_event_client_idx ON audit_event (organization_id, client_id, seq DESC) WHERE client_id IS NOT NULL;

-- Append-only even for a superuser or the table's owner (the embedded server connects as one): a trigger
-- refuses every change. In production the application's role must not own the table either (see README).
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;

-- An erased client keeps its row (ids, for the trail and the pairs that reference it) but nothing personal.
ALTER TABLE client ADD COLUMN erased_at timestamptz;

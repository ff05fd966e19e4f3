-- Sessions held together (a couple or family) share a group id; each client still has their own pair and trend.
ALTER TABLE session ADD COLUMN group_id uuid;
CREATE INDEX session_group_idx ON session (organization_id, group_id) WHERE group_id IS NOT NULL;

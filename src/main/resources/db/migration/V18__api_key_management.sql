-- Admins issue, list, revoke and rotate API keys (issue 14). A key stays usable while revoked_at is NULL or still in
-- the future: rotation sets the old key's revoked_at to the end of its grace period.

-- The first characters of the key ('rpk_' and 8 more), shown in lists so people can tell keys apart; far too short
-- to use. NULL for keys issued before this migration.
ALTER TABLE api_key ADD COLUMN prefix varchar(16);
-- An end the admin chose when issuing the key; NULL for keys that do not expire.
ALTER TABLE api_key ADD COLUMN expires_at timestamptz;
-- When an instance last looked the key up: at most once per rapport.security.api-key-cache-ttl, so approximate.
ALTER TABLE api_key ADD COLUMN last_used_at timestamptz;
-- The key a rotation issued in this key's place.
ALTER TABLE api_key ADD COLUMN replaced_by uuid REFERENCES api_key (id);

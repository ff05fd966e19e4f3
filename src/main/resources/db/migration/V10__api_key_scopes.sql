-- What a key may do: 'read' (GET), 'write' (changes) or both. NULL keeps a key's full access, so keys issued before
-- scopes existed work unchanged.
ALTER TABLE api_key ADD COLUMN scopes varchar(32) CHECK (scopes IN ('read', 'write', 'read write'));

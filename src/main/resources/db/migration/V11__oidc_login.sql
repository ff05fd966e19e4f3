-- Sign-ins in progress at an organization's OpenID Connect provider: written when the browser is sent there,
-- deleted when it comes back, so each state is used at most once. Only hashes of the state and of the cookie that
-- binds the sign-in to one browser are stored.
CREATE TABLE oidc_login (
    state_hash      varchar(64)  PRIMARY KEY,
    browser_hash    varchar(64)  NOT NULL,
    organization_id uuid         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    nonce           varchar(64)  NOT NULL,
    code_verifier   varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    expires_at      timestamptz  NOT NULL
);
CREATE INDEX oidc_login_expires_idx ON oidc_login (expires_at);

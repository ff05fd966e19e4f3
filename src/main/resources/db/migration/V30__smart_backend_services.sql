-- SMART Backend Services (issue 13, item 8): EHR systems authenticate at POST /oauth/token with a JWT signed by a
-- key of their registered JWKS (private_key_jwt) and get a short-lived opaque access token for /fhir. Everything
-- lives in PostgreSQL so that every instance behind the database honours the same clients, tokens and used jti.

-- A registered backend client. Its id is the OAuth client_id. Exactly one of jwks_url and jwks says where its
-- public keys are. scopes are the SMART system scopes it may ask for, space-separated. A disabled client gets no
-- token and its tokens stop working.
CREATE TABLE smart_client (
    id              uuid PRIMARY KEY,
    organization_id uuid          NOT NULL REFERENCES organization (id),
    name            varchar(200)  NOT NULL,
    jwks_url        varchar(2048),
    jwks            text,
    scopes          varchar(4000) NOT NULL,
    created_at      timestamptz   NOT NULL,
    disabled_at     timestamptz,
    CHECK ((jwks_url IS NULL) <> (jwks IS NULL)),
    UNIQUE (organization_id, id)
);

-- Issued access tokens, by SHA-256 of the token (the token itself is shown once, like an API key). The granted
-- scopes are the ones the request asked for, each covered by the client's registered scopes.
CREATE TABLE smart_access_token (
    token_hash      varchar(64)   PRIMARY KEY,
    organization_id uuid          NOT NULL,
    client_id       uuid          NOT NULL,
    scopes          varchar(4000) NOT NULL,
    issued_at       timestamptz   NOT NULL,
    expires_at      timestamptz   NOT NULL,
    FOREIGN KEY (organization_id, client_id) REFERENCES smart_client (organization_id, id)
);
-- The purge job deletes expired tokens.
CREATE INDEX smart_access_token_expiry ON smart_access_token (expires_at);

-- The jti of every accepted client assertion until the assertion expires: a second use of the same jti by the
-- same client is a replay, on whichever instance it arrives (the primary key decides). Purged after expiry.
CREATE TABLE smart_assertion_jti (
    organization_id uuid         NOT NULL,
    client_id       uuid         NOT NULL,
    jti             varchar(255) NOT NULL,
    expires_at      timestamptz  NOT NULL,
    PRIMARY KEY (client_id, jti),
    FOREIGN KEY (organization_id, client_id) REFERENCES smart_client (organization_id, id)
);
CREATE INDEX smart_assertion_jti_expiry ON smart_assertion_jti (expires_at);

-- People who sign in to the pages: therapists (who see their own pairs) and organization admins.
-- Usernames are unique across organizations because the login form asks for nothing else.
CREATE TABLE user_account (
    id              uuid PRIMARY KEY,
    organization_id uuid         NOT NULL REFERENCES organization (id),
    username        varchar(64)  NOT NULL UNIQUE CHECK (username = lower(username)),
    password_hash   varchar(100) NOT NULL,
    role            varchar(16)  NOT NULL CHECK (role IN ('therapist', 'admin')),
    therapist_id    uuid,
    active          boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    last_login_at   timestamptz,
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, therapist_id) REFERENCES therapist (organization_id, id),
    CHECK (role <> 'therapist' OR therapist_id IS NOT NULL)
);
CREATE INDEX user_account_organization_idx ON user_account (organization_id, created_at);

-- Server-side web sessions: the cookie holds a random token, the table only its SHA-256.
CREATE TABLE web_session (
    id              varchar(64) PRIMARY KEY,
    organization_id uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    csrf_token      varchar(64) NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    FOREIGN KEY (organization_id, account_id) REFERENCES user_account (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX web_session_account_idx ON web_session (account_id);
CREATE INDEX web_session_expires_idx ON web_session (expires_at);

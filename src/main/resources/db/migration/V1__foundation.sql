-- Every row carries organization_id; foreign keys include it so a row can only reference rows of its own
-- organization.

CREATE TABLE organization (
    id              uuid PRIMARY KEY,
    slug            varchar(64) NOT NULL UNIQUE,
    name            varchar(200) NOT NULL,
    link_ttl_hours  integer      NOT NULL DEFAULT 72 CHECK (link_ttl_hours BETWEEN 1 AND 2160),
    created_at      timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO organization (id, slug, name) VALUES ('00000000-0000-0000-0000-000000000001', 'default', 'Default organization');

CREATE TABLE api_key (
    id              uuid PRIMARY KEY,
    organization_id uuid         REFERENCES organization (id),
    name            varchar(200) NOT NULL,
    role            varchar(32)  NOT NULL CHECK (role IN ('admin', 'ehr', 'operator')),
    key_hash        varchar(64)    NOT NULL UNIQUE,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    revoked_at      timestamptz,
    CHECK ((role = 'operator') = (organization_id IS NULL))
);

CREATE TABLE therapist (
    id              uuid PRIMARY KEY,
    organization_id uuid         NOT NULL REFERENCES organization (id),
    external_id     varchar(128) NOT NULL,
    display_name    varchar(200),
    email           varchar(320),
    active          boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (organization_id, external_id),
    UNIQUE (organization_id, id)
);

CREATE TABLE client (
    id                 uuid PRIMARY KEY,
    organization_id    uuid         NOT NULL REFERENCES organization (id),
    external_id        varchar(128) NOT NULL,
    display_name       varchar(200),
    email              varchar(320),
    preferred_language varchar(16),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (organization_id, external_id),
    UNIQUE (organization_id, id)
);

CREATE TABLE pair (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL,
    client_id       uuid        NOT NULL,
    therapist_id    uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, client_id, therapist_id),
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, client_id) REFERENCES client (organization_id, id),
    FOREIGN KEY (organization_id, therapist_id) REFERENCES therapist (organization_id, id)
);
CREATE INDEX pair_therapist_idx ON pair (organization_id, therapist_id);
CREATE INDEX pair_client_idx ON pair (organization_id, client_id);

CREATE TABLE session (
    id              uuid PRIMARY KEY,
    organization_id uuid         NOT NULL,
    pair_id         uuid         NOT NULL,
    session_number  integer      NOT NULL CHECK (session_number > 0),
    occurred_at     timestamptz  NOT NULL,
    encounter_id    varchar(128),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (pair_id, session_number),
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, pair_id) REFERENCES pair (organization_id, id)
);
-- One encounter id may cover several pairs (a couple session), but only once per pair.
CREATE UNIQUE INDEX session_encounter_idx ON session (organization_id, encounter_id, pair_id) WHERE encounter_id IS NOT NULL;

CREATE TABLE assignment (
    id                    uuid PRIMARY KEY,
    organization_id       uuid         NOT NULL,
    session_id            uuid         NOT NULL,
    questionnaire_id      varchar(64) NOT NULL,
    questionnaire_version varchar(32)  NOT NULL,
    token_hash            varchar(64)    NOT NULL UNIQUE,
    status                varchar(16)  NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'expired', 'cancelled')),
    expires_at            timestamptz  NOT NULL,
    completed_at          timestamptz,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, session_id) REFERENCES session (organization_id, id)
);
CREATE INDEX assignment_session_idx ON assignment (session_id);

-- Replays of POST /api/v1/sessions: the first result is kept and returned again.
CREATE TABLE idempotency_key (
    organization_id uuid         NOT NULL REFERENCES organization (id),
    idempotency_key varchar(255) NOT NULL,
    request_hash    varchar(64)    NOT NULL,
    session_id      uuid         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, idempotency_key),
    FOREIGN KEY (organization_id, session_id) REFERENCES session (organization_id, id)
);

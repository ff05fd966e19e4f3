-- Transactional outbox, webhook endpoints with per-endpoint deliveries, and alerts. Every table carries
-- organization_id and its foreign keys include it, as in V1.

-- Events written in the same transaction as the data that caused them. seq orders the events of one pair:
-- Outbox.enqueue locks the pair row first, so per pair seq order is also commit order.
CREATE TABLE outbox (
    id              uuid PRIMARY KEY,
    seq             bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
    organization_id uuid         NOT NULL,
    pair_id         uuid         NOT NULL,
    type            varchar(64)  NOT NULL CHECK (type IN ('response.completed', 'alert.below-cutoff',
                        'alert.reliable-drop', 'alert.personal-drop', 'alert.repair', 'alert.unrepaired',
                        'alert.no-response', 'alert.split-alliance')),
    data            jsonb        NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, pair_id) REFERENCES pair (organization_id, id)
);

-- secret holds the signing secret encrypted with AES-GCM ('aesgcm:' prefix) or, when no key is configured,
-- as given ('plain:' prefix). event_types NULL means every type.
CREATE TABLE webhook_endpoint (
    id              uuid PRIMARY KEY,
    organization_id uuid          NOT NULL REFERENCES organization (id),
    url             varchar(2048) NOT NULL,
    description     varchar(500),
    event_types     varchar(64)[],
    secret          text          NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id)
);

-- One row per event and endpoint, created with the event. A claim (claim_token, claimed_until) is a lease:
-- one relay instance sends an attempt while the lease lasts, without holding a transaction open.
CREATE TABLE webhook_delivery (
    event_id         uuid         NOT NULL,
    endpoint_id      uuid         NOT NULL,
    organization_id  uuid         NOT NULL,
    pair_id          uuid         NOT NULL,
    event_seq        bigint       NOT NULL,
    status           varchar(16)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
    claim_token      uuid,
    claimed_until    timestamptz,
    last_status_code integer,
    last_error       varchar(200),
    delivered_at     timestamptz,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, endpoint_id),
    FOREIGN KEY (organization_id, event_id) REFERENCES outbox (organization_id, id),
    FOREIGN KEY (organization_id, endpoint_id) REFERENCES webhook_endpoint (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_order_idx ON webhook_delivery (endpoint_id, pair_id, event_seq) WHERE status = 'pending';

-- Unique per pair, questionnaire, type and session so that recomputing trends raises nothing twice.
CREATE TABLE alert (
    id               uuid PRIMARY KEY,
    organization_id  uuid         NOT NULL,
    pair_id          uuid         NOT NULL,
    questionnaire_id varchar(64)  NOT NULL,
    type             varchar(32)  NOT NULL CHECK (type IN ('below-cutoff', 'reliable-drop', 'personal-drop',
                         'repair', 'unrepaired', 'no-response', 'split-alliance')),
    session_number   integer      NOT NULL CHECK (session_number > 0),
    detail           jsonb        NOT NULL DEFAULT '{}',
    status           varchar(16)  NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged')),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    acknowledged_by  varchar(200),
    acknowledged_at  timestamptz,
    UNIQUE (pair_id, questionnaire_id, type, session_number),
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, pair_id) REFERENCES pair (organization_id, id),
    CHECK ((status = 'acknowledged') = (acknowledged_at IS NOT NULL))
);
CREATE INDEX alert_list_idx ON alert (organization_id, status, created_at);

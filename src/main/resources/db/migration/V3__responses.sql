-- Answers to assignments, the extra link tokens of the delivery channels, and the browser visits of the form.

-- Set once, by the reminder job's claim, so a reminder is never sent twice.
ALTER TABLE assignment ADD COLUMN reminder_sent_at timestamptz;

-- The link in assignment.token_hash is the one the API returned at creation. Every other channel (email, QR,
-- in-session, reminder) gets its own token here, because a stored hash cannot be shown again. All links of an
-- assignment work until it completes or expires; completing the assignment consumes them all at once.
CREATE TABLE assignment_link (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL,
    assignment_id   uuid        NOT NULL,
    token_hash      varchar(64) NOT NULL UNIQUE,
    channel         varchar(16) NOT NULL CHECK (channel IN ('email', 'qr', 'in-session', 'reminder')),
    expires_at      timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (organization_id, assignment_id) REFERENCES assignment (organization_id, id)
);
CREATE INDEX assignment_link_assignment_idx ON assignment_link (assignment_id);

-- One browser's visit to the form: the link token is exchanged for a cookie whose hash is the id, so the token
-- leaves the address bar and the history.
CREATE TABLE form_visit (
    id_hash         varchar(64) PRIMARY KEY,
    organization_id uuid        NOT NULL,
    session_id      uuid        NOT NULL,
    channel         varchar(16) NOT NULL,
    csrf_token      varchar(64) NOT NULL,
    first_served_at timestamptz,
    expires_at      timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (organization_id, session_id) REFERENCES session (organization_id, id)
);
CREATE INDEX form_visit_expires_idx ON form_visit (expires_at);

CREATE TABLE response (
    id                    uuid PRIMARY KEY,
    organization_id       uuid         NOT NULL,
    -- UNIQUE: whatever races happen above, one assignment has at most one response.
    assignment_id         uuid         NOT NULL UNIQUE,
    pair_id               uuid         NOT NULL,
    session_id            uuid         NOT NULL,
    questionnaire_id      varchar(64)  NOT NULL,
    questionnaire_version varchar(32)  NOT NULL,
    answers               jsonb        NOT NULL,
    score                 jsonb        NOT NULL,
    total                 numeric,
    scored                boolean      NOT NULL,
    scorer_version        varchar(32)  NOT NULL,
    started_at            timestamptz,
    submitted_at          timestamptz  NOT NULL,
    duration_ms           bigint CHECK (duration_ms >= 0),
    quality_flags         jsonb        NOT NULL DEFAULT '[]',
    channel               varchar(16)  NOT NULL CHECK (channel IN ('form', 'api', 'in-session')),
    language              varchar(16),
    FOREIGN KEY (organization_id, assignment_id) REFERENCES assignment (organization_id, id),
    FOREIGN KEY (organization_id, pair_id) REFERENCES pair (organization_id, id),
    FOREIGN KEY (organization_id, session_id) REFERENCES session (organization_id, id)
);
CREATE INDEX response_pair_idx ON response (organization_id, pair_id, submitted_at DESC);
-- The reminder job's scan.
CREATE INDEX assignment_reminder_idx ON assignment (created_at) WHERE status = 'open' AND reminder_sent_at IS NULL;

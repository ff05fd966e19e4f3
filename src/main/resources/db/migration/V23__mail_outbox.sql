-- Mail goes through a transactional outbox, like webhooks: the link e-mail and the reminder are written here in the
-- transaction that decides to send them, and io.rapport.delivery.MailRelay sends them afterwards, retrying with
-- backoff while the mail server refuses. A row holds no link and no address: the relay issues a fresh link and
-- reads the client's address when it sends, so no usable token is ever stored in clear.
CREATE TABLE mail_outbox (
    id              uuid         PRIMARY KEY,
    organization_id uuid         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    assignment_id   uuid         NOT NULL,
    kind            varchar(16)  NOT NULL CHECK (kind IN ('email', 'reminder')),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    -- While a relay holds a row, next_attempt_at is its lease; after a failure, the time of the next try.
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      varchar(200),
    -- sent: delivered to the mail server; dropped: the form was answered, cancelled or expired first, or the
    -- client has no address any more; failed: refused until the retry window closed.
    status          varchar(16)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dropped', 'failed')),
    finished_at     timestamptz,
    FOREIGN KEY (organization_id, assignment_id) REFERENCES assignment (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';

-- The therapist's side of the alliance (issue 16): after a session, the therapist rates it too, on forms that
-- mirror a client instrument item for item (questionnaires with rater: therapist). They are assignments of the
-- same session, answered through the pair page or a link mailed to the therapist, and stored as responses like
-- the client's, so scoring, versioning and the one-response-per-assignment rule are the same.

-- Who answers an assignment. Client pages, reminders and the client's link e-mail only ever touch 'client'
-- rows; the therapist's own link opens only 'therapist' rows. Copied from the catalog's rater when issued.
ALTER TABLE assignment ADD COLUMN rater varchar(16) NOT NULL DEFAULT 'client'
    CHECK (rater IN ('client', 'therapist'));

-- A visit shows the assignments of its session for one rater: the link that started it decides which.
ALTER TABLE form_visit ADD COLUMN rater varchar(16) NOT NULL DEFAULT 'client'
    CHECK (rater IN ('client', 'therapist'));

-- The therapist's link e-mail ("rate the session") is a third kind of queued mail, sent to the therapist.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check CHECK (kind IN ('email', 'reminder', 'therapist'));
ALTER TABLE assignment_link DROP CONSTRAINT assignment_link_channel_check;
ALTER TABLE assignment_link ADD CONSTRAINT assignment_link_channel_check
    CHECK (channel IN ('email', 'qr', 'in-session', 'reminder', 'therapist'));

-- The pair page's rating form is a channel of its own, so a response says where the therapist answered.
ALTER TABLE response DROP CONSTRAINT response_channel_check;
ALTER TABLE response ADD CONSTRAINT response_channel_check
    CHECK (channel IN ('form', 'api', 'in-session', 'fhir', 'pair-page'));

-- Finds a session's open therapist ratings, which keep the client's answers of that session from the therapist.
CREATE INDEX assignment_open_therapist_idx ON assignment (organization_id, session_id)
    WHERE rater = 'therapist' AND status = 'open';

-- The perspective-gap event (the therapist's prediction missed the client's rating by at least the reliable-change
-- threshold) goes to webhooks like the other events; it is not an alert.
ALTER TABLE outbox DROP CONSTRAINT outbox_type_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_type_check CHECK (type IN ('response.completed', 'perspective-gap',
    'alert.below-cutoff', 'alert.reliable-drop', 'alert.personal-drop', 'alert.repair', 'alert.unrepaired',
    'alert.no-response', 'alert.split-alliance', 'webhook.test'));

-- The FHIR facade (issue 13, items 4 and 5).
-- A QuestionnaireResponse the EHR posts is stored like any submission; its channel says it came through FHIR, so
-- the trail and exports can tell it from the client's own link.
ALTER TABLE response DROP CONSTRAINT response_channel_check;
ALTER TABLE response ADD CONSTRAINT response_channel_check CHECK (channel IN ('form', 'api', 'in-session', 'fhir'));
-- QuestionnaireResponse searches by authored / _lastUpdated (the submission time) over the whole organization,
-- newest first; the pair index serves only searches by patient.
CREATE INDEX response_submitted_idx ON response (organization_id, submitted_at DESC, id DESC);
-- Task searches by status only (what is still open?) list the organization's assignments newest first.
CREATE INDEX assignment_created_idx ON assignment (organization_id, created_at DESC, id DESC);

-- The database's ceiling for the submission's core write: one insert of a response-shaped row (same columns,
-- indexes and jsonb as response; bench_response has no foreign keys) per transaction.
INSERT INTO bench_response (id, organization_id, assignment_id, pair_id, session_id, questionnaire_id,
  questionnaire_version, answers, score, total, scored, scorer_version, submitted_at, quality_flags, channel)
VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', gen_random_uuid(), gen_random_uuid(),
  gen_random_uuid(), 'session-rating-4', '1.0.0', '{"1": 9.5, "2": 9, "3": 9, "4": 8.5}',
  '{"flags": [], "total": 36, "method": "sum", "scored": true, "version": "1.0.0", "subscales": {}, "imputedItems": [], "questionnaireId": "session-rating-4"}',
  36, true, '1.0.0', now(), '[]', 'api');

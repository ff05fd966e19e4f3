-- Benchmark dataset, made in SQL after Flyway ran. psql variables: responses (total completed responses),
-- open (open assignments whose tokens are 'bench-1' .. 'bench-<open>').
-- Organization: the default one. 1,000 therapists (T-0 .. T-999), 20,000 clients and pairs (one client each).
-- Pairs 1..200 belong to therapist T-0 (the caseload read); pair 1 has 100 sessions (the trend read); the other
-- responses are spread evenly over pairs 2..20000, one session, one session-rating-4 assignment and one
-- response each, stored as the service stores them (answers, score jsonb, total, completed assignment).
\set org '''00000000-0000-0000-0000-000000000001'''
SET synchronous_commit = off;
-- The pair's session summary (V14) is filled in once at the end instead of one pair update per session.
ALTER TABLE session DISABLE TRIGGER session_pair_summary;
-- So is the insight summary (V33): one computation over the organization instead of a mark per inserted row.
ALTER TABLE session DISABLE TRIGGER session_insight;
ALTER TABLE assignment DISABLE TRIGGER assignment_insight;
ALTER TABLE response DISABLE TRIGGER response_insight;

INSERT INTO therapist (id, organization_id, external_id, display_name, created_at, updated_at)
SELECT md5('t' || i)::uuid, :org, 'T-' || i, 'Therapist ' || i, now() - interval '400 days', now() - interval '400 days'
FROM generate_series(0, 999) i;

INSERT INTO client (id, organization_id, external_id, created_at, updated_at)
SELECT md5('c' || i)::uuid, :org, 'C-' || i, now() - interval '300 days', now() - interval '300 days'
FROM generate_series(1, 20000) i;

INSERT INTO pair (id, organization_id, client_id, therapist_id, created_at)
SELECT md5('p' || i)::uuid, :org, md5('c' || i)::uuid,
       md5('t' || CASE WHEN i <= 200 THEN 0 ELSE 1 + (i % 999) END)::uuid, now() - interval '300 days'
FROM generate_series(1, 20000) i;

-- Session s of the completed ones: pair 1 for s <= 100, else pair 2 + ((s-101) % 19999).
CREATE TEMP TABLE g AS
SELECT s,
       CASE WHEN s <= 100 THEN 1 ELSE 2 + ((s - 101) % 19999) END AS p,
       CASE WHEN s <= 100 THEN s ELSE (s - 101) / 19999 + 1 END AS n,
       -- Answers between 6 and 10 in half steps, a slight per-session drift.
       (12 + (hashint4(s) & 7))::numeric / 2 AS a1, (12 + (hashint4(s + 1) & 7))::numeric / 2 AS a2,
       (12 + (hashint4(s + 2) & 7))::numeric / 2 AS a3, (12 + (hashint4(s + 3) & 7))::numeric / 2 AS a4
FROM generate_series(1, :responses) s;

INSERT INTO session (id, organization_id, pair_id, session_number, occurred_at, encounter_id, created_at)
SELECT md5('s' || s)::uuid, :org, md5('p' || p)::uuid, n, now() - (interval '1 day' * (250 - n)), 'E-' || s,
       now() - (interval '1 day' * (250 - n))
FROM g;

INSERT INTO assignment (id, organization_id, session_id, questionnaire_id, questionnaire_version, token_hash, status,
                        expires_at, completed_at, created_at)
SELECT md5('a' || s)::uuid, :org, md5('s' || s)::uuid, 'session-rating-4', '1.0.0',
       encode(sha256(convert_to('done-' || s, 'UTF8')), 'hex'), 'completed',
       now() - (interval '1 day' * (247 - n)), now() - (interval '1 day' * (250 - n)) + interval '2 hours',
       now() - (interval '1 day' * (250 - n))
FROM g;

INSERT INTO response (id, organization_id, assignment_id, pair_id, session_id, questionnaire_id, questionnaire_version,
                      answers, score, total, scored, scorer_version, submitted_at, quality_flags, channel)
SELECT md5('r' || s)::uuid, :org, md5('a' || s)::uuid, md5('p' || p)::uuid, md5('s' || s)::uuid,
       'session-rating-4', '1.0.0',
       jsonb_build_object('1', a1, '2', a2, '3', a3, '4', a4),
       jsonb_build_object('flags', '[]'::jsonb, 'total', a1 + a2 + a3 + a4, 'method', 'sum', 'scored', true,
                          'version', '1.0.0', 'subscales', '{}'::jsonb, 'imputedItems', '[]'::jsonb,
                          'questionnaireId', 'session-rating-4'),
       a1 + a2 + a3 + a4, true, '1.0.0', now() - (interval '1 day' * (250 - n)) + interval '2 hours', '[]', 'api'
FROM g;

-- Open assignments for the submission load: token 'bench-<k>', one session each, on pairs 2..20000 after
-- their completed sessions (session numbers from 1000 on).
INSERT INTO session (id, organization_id, pair_id, session_number, occurred_at, encounter_id, created_at)
SELECT md5('os' || k)::uuid, :org, md5('p' || (2 + (k - 1) % 19999))::uuid, 1000 + (k - 1) / 19999,
       now() - interval '1 hour', 'OE-' || k, now() - interval '1 hour'
FROM generate_series(1, :open) k;

INSERT INTO assignment (id, organization_id, session_id, questionnaire_id, questionnaire_version, token_hash, status,
                        expires_at, created_at, reminder_sent_at)
SELECT md5('oa' || k)::uuid, :org, md5('os' || k)::uuid, 'session-rating-4', '1.0.0',
       encode(sha256(convert_to('bench-' || k, 'UTF8')), 'hex'), 'open', now() + interval '30 days',
       now() - interval '1 hour', now()
FROM generate_series(1, :open) k;

ALTER TABLE session ENABLE TRIGGER session_pair_summary;
ALTER TABLE session ENABLE TRIGGER session_insight;
ALTER TABLE assignment ENABLE TRIGGER assignment_insight;
ALTER TABLE response ENABLE TRIGGER response_insight;
-- Statistics first: on freshly loaded tables without them the planner picks nested loops that run for minutes.
ANALYZE session, assignment, response, alert, pair;
SELECT insight_compute(:org, NULL, NULL);
UPDATE pair p SET session_count = s.n, last_session_at = s.latest
FROM (SELECT pair_id, count(*) AS n, max(occurred_at) AS latest FROM session GROUP BY pair_id) s
WHERE s.pair_id = p.id;

-- A copy of response without foreign keys for pgbench's insert ceiling (same columns, indexes and defaults).
CREATE TABLE bench_response (LIKE response INCLUDING ALL);

ANALYZE;

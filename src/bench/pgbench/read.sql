-- The database's ceiling for the trend read: one indexed read of the 100-session pair's responses, newest first.
SELECT r.total, r.score, r.submitted_at, s.session_number, s.occurred_at
FROM response r JOIN session s ON s.id = r.session_id
WHERE r.organization_id = '00000000-0000-0000-0000-000000000001' AND r.pair_id = 'ec6ef230-f182-8039-ee79-4566b9c58adc'
ORDER BY r.submitted_at DESC;

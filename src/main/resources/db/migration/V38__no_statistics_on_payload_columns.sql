-- Planner statistics only for columns that queries filter, join or sort on (issue 18). ANALYZE of response spent
-- most of its time on the jsonb payloads: answers, score and quality flags are only ever read back, never searched,
-- yet every autovacuum analyze sampled and compared them. Measured on the benchmark's small dataset (30,000
-- responses): 1,010-1,110 ms of database CPU per ANALYZE of response before, 160-210 ms after. On the shared
-- 2-core machine that analyze, run by autovacuum after a burst of submissions, was enough to push trend reads at
-- 70 % of peak from a 36 ms to a 489 ms p99. The same goes for the audit trail's hashes (random, never compared
-- by value in a query) and the outbox payload.
ALTER TABLE response
    ALTER COLUMN answers SET STATISTICS 0,
    ALTER COLUMN score SET STATISTICS 0,
    ALTER COLUMN quality_flags SET STATISTICS 0;
ALTER TABLE audit_event
    ALTER COLUMN hash SET STATISTICS 0,
    ALTER COLUMN prev_hash SET STATISTICS 0;
ALTER TABLE outbox ALTER COLUMN data SET STATISTICS 0;
-- Statistics already gathered for these columns stay until the next ANALYZE replaces them; nothing reads them.

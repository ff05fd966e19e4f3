-- Insight rollups (issue 15, item 5). V33's summary has a row per pair and month: at 1,000,000 responses the
-- organization's view still read 120,000 of them in each of its statements and answered in 850 ms, four times
-- the target. The organization as a whole is now read from rows per month (insight_org_month, additive sums) and
-- from small histograms (insight_org_span) that make "distinct clients", "each pair's first total" and "each
-- pair's latest total" additive too: 121 rows for the benchmark's 1,000,000 responses. They grow with the months
-- covered and the distinct totals, not with the responses. A therapist's own figures still come from the
-- pair-month rows (an index on the therapist: tens or hundreds of rows).
--
-- How a histogram makes a distinct count additive: a client (or pair) is counted in each month it has rows,
-- with the previous such month beside it (other_month). The clients of the months [m1, m2) are the rows of
-- those months whose previous month is before m1: each client once, in its first month of the period. A pair's
-- latest total is its row whose next scored month is m2 or later.

-- Exact sums: added and later subtracted again, numeric cancels to zero where float8 would drift.
TRUNCATE insight_pair_month;
ALTER TABLE insight_pair_month ALTER COLUMN total_sum TYPE numeric, ALTER COLUMN total_squares TYPE numeric,
    ALTER COLUMN total_sum SET DEFAULT 0, ALTER COLUMN total_squares SET DEFAULT 0;
-- A client's rows across their pairs (the client histogram is recomputed per client).
CREATE INDEX insight_pair_month_client_idx ON insight_pair_month (organization_id, client_id);

-- The sums of all the organization's pair-month rows of a month and instrument ('' = sessions).
CREATE TABLE insight_org_month (
    organization_id uuid NOT NULL REFERENCES organization (id),
    questionnaire_id varchar(64) NOT NULL,
    month date NOT NULL,
    sessions bigint NOT NULL DEFAULT 0,
    sent bigint NOT NULL DEFAULT 0,
    completed bigint NOT NULL DEFAULT 0,
    expired bigint NOT NULL DEFAULT 0,
    cancelled bigint NOT NULL DEFAULT 0,
    open bigint NOT NULL DEFAULT 0,
    answer_bins integer[] NOT NULL DEFAULT array_fill(0, ARRAY[14]),
    scored bigint NOT NULL DEFAULT 0,
    total_sum numeric NOT NULL DEFAULT 0,
    total_squares numeric NOT NULL DEFAULT 0,
    ruptures bigint NOT NULL DEFAULT 0,
    repaired bigint NOT NULL DEFAULT 0,
    unrepaired bigint NOT NULL DEFAULT 0,
    open_unrepaired bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (organization_id, questionnaire_id, month)
);

-- kind 'client': clients with a session (questionnaire '') or a scored total of the instrument in the month;
--   other_month is the client's previous such month ('-infinity' for none).
-- kind 'first': pairs with a scored total in the month, other_month their previous scored month; the sums are of
--   the month's first total.
-- kind 'latest': the same with the next scored month ('infinity' for none) and the month's latest total, which is
--   also the value (so "latest below the cutoff" is a sum over values, for any cutoff).
CREATE TABLE insight_org_span (
    organization_id uuid NOT NULL REFERENCES organization (id),
    questionnaire_id varchar(64) NOT NULL,
    kind varchar(8) NOT NULL CHECK (kind IN ('client', 'first', 'latest')),
    month date NOT NULL,
    other_month date NOT NULL,
    value numeric NOT NULL DEFAULT 0,
    n bigint NOT NULL,
    total_sum numeric NOT NULL DEFAULT 0,
    total_squares numeric NOT NULL DEFAULT 0,
    PRIMARY KEY (organization_id, questionnaire_id, kind, month, other_month, value)
);
-- Combinations no longer present are deleted after each change (insight_tidy).
CREATE INDEX insight_org_span_empty_idx ON insight_org_span (organization_id) WHERE n = 0;

-- Element-wise sum of two time-to-answer bin arrays, and that as an aggregate.
CREATE FUNCTION insight_bins_add(a integer[], b integer[]) RETURNS integer[] LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i);
$$;
CREATE AGGREGATE insight_bins_sum(integer[]) (SFUNC = insight_bins_add, STYPE = integer[],
    INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0,0,0}');

-- Adds (p_sign 1) or removes (-1) what the given pairs' rows (or, with p_pairs null, every pair's) contribute to
-- the organization's month sums and its 'first' and 'latest' histograms. Called around every change of the rows,
-- so the rollups always equal the sum over the rows; a whole batch at once, because a row updated again in the
-- same transaction leaves a version behind that every later update walks past (per pair-month, 200 updates of the
-- same month rows made a flush 20 times slower).
CREATE FUNCTION insight_pair_contrib(p_org uuid, p_pairs uuid[], p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO insight_org_month AS o (organization_id, questionnaire_id, month, sessions, sent, completed, expired,
        cancelled, open, answer_bins, scored, total_sum, total_squares, ruptures, repaired, unrepaired,
        open_unrepaired)
    SELECT p_org, m.questionnaire_id, m.month, p_sign * sum(m.sessions), p_sign * sum(m.sent),
        p_sign * sum(m.completed), p_sign * sum(m.expired), p_sign * sum(m.cancelled), p_sign * sum(m.open),
        (SELECT array_agg(x * p_sign ORDER BY i) FROM unnest(insight_bins_sum(m.answer_bins)) WITH ORDINALITY t(x, i)),
        p_sign * sum(m.scored), p_sign * sum(m.total_sum), p_sign * sum(m.total_squares), p_sign * sum(m.ruptures),
        p_sign * sum(m.repaired), p_sign * sum(m.unrepaired), p_sign * sum(m.open_unrepaired)
    FROM insight_pair_month m
    WHERE m.organization_id = p_org AND (p_pairs IS NULL OR m.pair_id = ANY (p_pairs))
    GROUP BY m.questionnaire_id, m.month
    ON CONFLICT (organization_id, questionnaire_id, month) DO UPDATE SET sessions = o.sessions + EXCLUDED.sessions,
        sent = o.sent + EXCLUDED.sent, completed = o.completed + EXCLUDED.completed,
        expired = o.expired + EXCLUDED.expired, cancelled = o.cancelled + EXCLUDED.cancelled,
        open = o.open + EXCLUDED.open, answer_bins = insight_bins_add(o.answer_bins, EXCLUDED.answer_bins),
        scored = o.scored + EXCLUDED.scored, total_sum = o.total_sum + EXCLUDED.total_sum,
        total_squares = o.total_squares + EXCLUDED.total_squares, ruptures = o.ruptures + EXCLUDED.ruptures,
        repaired = o.repaired + EXCLUDED.repaired, unrepaired = o.unrepaired + EXCLUDED.unrepaired,
        open_unrepaired = o.open_unrepaired + EXCLUDED.open_unrepaired;

    -- The month's first and latest total follow the key's first 50 characters (see insight_compute).
    INSERT INTO insight_org_span AS o (organization_id, questionnaire_id, kind, month, other_month, value, n,
        total_sum, total_squares)
    WITH r AS (
        SELECT m.questionnaire_id AS q, m.month,
            coalesce(lag(m.month) OVER w, '-infinity') AS prev, coalesce(lead(m.month) OVER w, 'infinity') AS next,
            substr(m.first_key, 51)::numeric AS first, substr(m.last_key, 51)::numeric AS latest
        FROM insight_pair_month m
        WHERE m.organization_id = p_org AND (p_pairs IS NULL OR m.pair_id = ANY (p_pairs)) AND m.questionnaire_id <> ''
            AND m.scored > 0
        WINDOW w AS (PARTITION BY m.pair_id, m.questionnaire_id ORDER BY m.month)
    )
    SELECT p_org, q, 'first', month, prev, 0, p_sign * count(*), p_sign * sum(first), p_sign * sum(first * first)
    FROM r GROUP BY q, month, prev
    UNION ALL
    SELECT p_org, q, 'latest', month, next, latest, p_sign * count(*), p_sign * sum(latest),
        p_sign * sum(latest * latest)
    FROM r GROUP BY q, month, next, latest
    ON CONFLICT (organization_id, questionnaire_id, kind, month, other_month, value) DO UPDATE SET n = o.n + EXCLUDED.n,
        total_sum = o.total_sum + EXCLUDED.total_sum, total_squares = o.total_squares + EXCLUDED.total_squares;
END;
$$;

-- The same for the given clients' 'client' histogram rows (p_clients null: every client's). A client's months
-- are those of any of their pairs.
CREATE FUNCTION insight_client_contrib(p_org uuid, p_clients uuid[], p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO insight_org_span AS o (organization_id, questionnaire_id, kind, month, other_month, value, n)
    WITH c AS (
        SELECT DISTINCT m.client_id, m.questionnaire_id AS q, m.month
        FROM insight_pair_month m
        WHERE m.organization_id = p_org AND (p_clients IS NULL OR m.client_id = ANY (p_clients))
            AND (m.questionnaire_id = '' OR m.scored > 0)
    ), l AS (
        SELECT q, month, coalesce(lag(month) OVER (PARTITION BY client_id, q ORDER BY month), '-infinity') AS prev
        FROM c
    )
    SELECT p_org, q, 'client', month, prev, 0, p_sign * count(*) FROM l GROUP BY q, month, prev
    ON CONFLICT (organization_id, questionnaire_id, kind, month, other_month, value) DO UPDATE SET n = o.n + EXCLUDED.n;
END;
$$;

-- After a change has been subtracted and added back: the histogram combinations and months no longer present.
-- Once per change, not after each subtraction (most rows it empties, the addition fills again).
CREATE FUNCTION insight_tidy(p_org uuid) RETURNS void LANGUAGE sql AS $$
    DELETE FROM insight_org_span WHERE organization_id = p_org AND n = 0;
    -- A month whose last session moved away (sent = 0 leaves no assignment, scored = 0 no total).
    DELETE FROM insight_org_month WHERE organization_id = p_org AND sessions = 0 AND sent = 0 AND scored = 0
        AND ruptures = 0 AND repaired = 0 AND unrepaired = 0;
$$;

-- One writer of an organization's rollups at a time: they are shared by all its pairs, and two flushes adding
-- to the same rows from different snapshots would each miss the other's change.
CREATE FUNCTION insight_lock(p_org uuid, p_wait boolean) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF p_wait THEN
        PERFORM pg_advisory_xact_lock(hashtext('insight_summary'), hashtext(p_org::text));
        RETURN true;
    END IF;
    RETURN pg_try_advisory_xact_lock(hashtext('insight_summary'), hashtext(p_org::text));
END;
$$;

-- Every statement of these functions is planned with the call's values (force_custom_plan), so "argument is null
-- or equal" folds to an equality and a pair-month call uses the pair's indexes. V33's ranges (pair BETWEEN lo AND
-- hi) were estimated at thousands of sessions even for one pair, and the plan hashed the whole response table:
-- 1.5 s per pair-month at 1,000,000 responses.
--
-- insight_rows is V33's insight_compute without the rollups (insight_recompute keeps those in step), and each
-- pair's first and latest total are now by session time (then session number, then submission): a key that sorts
-- with the month, so the earliest month of a period holds the period's first total. Key: 20 characters of session
-- time (UTC, YYYYMMDDHH24MISSUS), 10 of session number, 20 of submission time, then the total.
CREATE FUNCTION insight_rows(p_org uuid, p_pair uuid, p_month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    from_at timestamptz := coalesce(p_month::timestamp AT TIME ZONE 'UTC', '-infinity');
    to_at timestamptz := coalesce((p_month + interval '1 month')::timestamp AT TIME ZONE 'UTC', 'infinity');
BEGIN
    DELETE FROM insight_pair_month m WHERE m.organization_id = p_org
        AND (p_pair IS NULL OR m.pair_id = p_pair) AND (p_month IS NULL OR m.month = p_month);
    INSERT INTO insight_pair_month (organization_id, pair_id, month, questionnaire_id, client_id, therapist_id,
        sessions, sent, completed, expired, cancelled, open, answer_bins, scored, total_sum, total_squares, first_key,
        last_key, ruptures, repaired, unrepaired, open_unrepaired)
    WITH s AS (
        SELECT s.organization_id, s.pair_id, s.id, s.session_number, s.occurred_at,
            date_trunc('month', s.occurred_at AT TIME ZONE 'UTC')::date AS month
        FROM session s
        WHERE s.organization_id = p_org AND (p_pair IS NULL OR s.pair_id = p_pair)
            AND s.occurred_at >= from_at AND s.occurred_at < to_at
    ), sess AS (
        SELECT pair_id, month, '' AS q, count(*)::int AS sessions FROM s GROUP BY 1, 2
    ), asg AS (
        SELECT s.pair_id, s.month, a.questionnaire_id AS q, count(*)::int AS sent,
            count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
            count(*) FILTER (WHERE a.status = 'expired')::int AS expired,
            count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled,
            count(*) FILTER (WHERE a.status = 'open')::int AS open,
            ARRAY[count(*) FILTER (WHERE b.bin = 0)::int, count(*) FILTER (WHERE b.bin = 1)::int,
                count(*) FILTER (WHERE b.bin = 2)::int, count(*) FILTER (WHERE b.bin = 3)::int,
                count(*) FILTER (WHERE b.bin = 4)::int, count(*) FILTER (WHERE b.bin = 5)::int,
                count(*) FILTER (WHERE b.bin = 6)::int, count(*) FILTER (WHERE b.bin = 7)::int,
                count(*) FILTER (WHERE b.bin = 8)::int, count(*) FILTER (WHERE b.bin = 9)::int,
                count(*) FILTER (WHERE b.bin = 10)::int, count(*) FILTER (WHERE b.bin = 11)::int,
                count(*) FILTER (WHERE b.bin = 12)::int, count(*) FILTER (WHERE b.bin = 13)::int] AS answer_bins
        FROM s JOIN assignment a ON a.organization_id = s.organization_id AND a.session_id = s.id
        -- The bin of a completed assignment's time to answer, 0 to 13; null for the others.
        CROSS JOIN LATERAL (SELECT CASE WHEN a.status = 'completed' AND a.completed_at IS NOT NULL THEN
            width_bucket(extract(epoch FROM a.completed_at - a.created_at)::float8, ARRAY[300, 900, 1800, 3600,
                7200, 14400, 28800, 43200, 86400, 172800, 259200, 604800, 1209600]::float8[]) END AS bin) b
        GROUP BY 1, 2, 3
    ), res AS (
        SELECT s.pair_id, s.month, r.questionnaire_id AS q, count(*)::int AS scored,
            sum(r.total) AS total_sum, sum(r.total * r.total) AS total_squares,
            min(k.key) AS first_key, max(k.key) AS last_key
        FROM s JOIN response r ON r.organization_id = s.organization_id AND r.pair_id = s.pair_id
            AND r.session_id = s.id
        CROSS JOIN LATERAL (SELECT to_char(s.occurred_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS')
            || lpad(s.session_number::text, 10, '0')
            || to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || r.total::text COLLATE "C" AS key) k
        WHERE r.scored AND r.total IS NOT NULL
        GROUP BY 1, 2, 3
    ), al AS (
        SELECT s.pair_id, s.month, al.questionnaire_id AS q,
            count(DISTINCT al.session_number) FILTER (WHERE al.type IN ('reliable-drop', 'personal-drop'))::int
                AS ruptures,
            count(*) FILTER (WHERE al.type = 'repair')::int AS repaired,
            count(*) FILTER (WHERE al.type = 'unrepaired')::int AS unrepaired,
            count(*) FILTER (WHERE al.type = 'unrepaired' AND al.status = 'open')::int AS open_unrepaired
        FROM s JOIN alert al ON al.organization_id = s.organization_id AND al.pair_id = s.pair_id
            AND al.session_number = s.session_number
        WHERE al.type IN ('reliable-drop', 'personal-drop', 'repair', 'unrepaired')
        GROUP BY 1, 2, 3
    ), k AS (
        SELECT pair_id, month, q FROM sess UNION SELECT pair_id, month, q FROM asg
        UNION SELECT pair_id, month, q FROM res UNION SELECT pair_id, month, q FROM al
    )
    SELECT p_org, k.pair_id, k.month, k.q, p.client_id, p.therapist_id, coalesce(sess.sessions, 0),
        coalesce(asg.sent, 0), coalesce(asg.completed, 0), coalesce(asg.expired, 0), coalesce(asg.cancelled, 0),
        coalesce(asg.open, 0), coalesce(asg.answer_bins, array_fill(0, ARRAY[14])), coalesce(res.scored, 0),
        coalesce(res.total_sum, 0), coalesce(res.total_squares, 0), res.first_key, res.last_key,
        coalesce(al.ruptures, 0), coalesce(al.repaired, 0), coalesce(al.unrepaired, 0), coalesce(al.open_unrepaired, 0)
    FROM k JOIN pair p ON p.organization_id = p_org AND p.id = k.pair_id
    LEFT JOIN sess USING (pair_id, month, q) LEFT JOIN asg USING (pair_id, month, q)
    LEFT JOIN res USING (pair_id, month, q) LEFT JOIN al USING (pair_id, month, q);
END;
$$;

-- Recomputes the rows of the pair-months (p_pairs[i], p_months[i]) and keeps the rollups in step; with both null,
-- every row of the organization.
CREATE FUNCTION insight_recompute(p_org uuid, p_pairs uuid[], p_months date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_pairs uuid[];
    v_clients uuid[];
    i integer;
BEGIN
    -- Waits only when called directly (migration, loader); insight_flush took the lock without waiting.
    PERFORM insight_lock(p_org, true);
    IF p_pairs IS NULL THEN
        DELETE FROM insight_org_month WHERE organization_id = p_org;
        DELETE FROM insight_org_span WHERE organization_id = p_org;
        PERFORM insight_rows(p_org, NULL, NULL);
        PERFORM insight_pair_contrib(p_org, NULL, 1);
        PERFORM insight_client_contrib(p_org, NULL, 1);
        RETURN;
    END IF;
    SELECT array_agg(DISTINCT x) INTO v_pairs FROM unnest(p_pairs) x;
    SELECT array_agg(DISTINCT client_id) INTO v_clients FROM pair WHERE organization_id = p_org AND id = ANY (v_pairs);
    PERFORM insight_pair_contrib(p_org, v_pairs, -1);
    PERFORM insight_client_contrib(p_org, v_clients, -1);
    FOR i IN 1 .. coalesce(array_length(p_pairs, 1), 0) LOOP
        PERFORM insight_rows(p_org, p_pairs[i], p_months[i]);
    END LOOP;
    PERFORM insight_pair_contrib(p_org, v_pairs, 1);
    PERFORM insight_client_contrib(p_org, v_clients, 1);
    PERFORM insight_tidy(p_org);
END;
$$;

-- V33's entry point, kept for the callers that recompute one pair-month or (nulls) a whole organization.
CREATE OR REPLACE FUNCTION insight_compute(p_org uuid, p_pair uuid, p_month date) RETURNS void LANGUAGE sql AS $$
    SELECT insight_recompute(p_org, CASE WHEN p_pair IS NOT NULL THEN ARRAY[p_pair] END,
        CASE WHEN p_pair IS NOT NULL THEN ARRAY[p_month] END);
$$;

-- As in V33, and an organization whose rollups another flush is changing is skipped, not waited for (the
-- reader retries, see InsightSummaryJob).
CREATE OR REPLACE FUNCTION insight_flush(p_org uuid, p_limit integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    o uuid;
    v_pairs uuid[];
    v_months date[];
    k integer;
    n integer := 0;
BEGIN
    FOR o IN SELECT DISTINCT organization_id FROM insight_dirty WHERE p_org IS NULL OR organization_id = p_org LOOP
        EXIT WHEN n >= p_limit;
        CONTINUE WHEN NOT insight_lock(o, false);
        WITH d AS (
            DELETE FROM insight_dirty x USING (
                SELECT organization_id, pair_id, month FROM insight_dirty
                WHERE organization_id = o
                ORDER BY pair_id, month LIMIT p_limit - n
                FOR UPDATE SKIP LOCKED) y
            WHERE x.organization_id = y.organization_id AND x.pair_id = y.pair_id AND x.month = y.month
            RETURNING x.pair_id, x.month
        )
        SELECT array_agg(pair_id), array_agg(month), count(*) INTO v_pairs, v_months, k FROM d;
        IF k > 0 THEN
            PERFORM insight_recompute(o, v_pairs, v_months);
            n := n + k;
        END IF;
    END LOOP;
    RETURN n;
END;
$$;

-- An erased pair's rows leave the rollups with it; its client's other pairs still count.
CREATE OR REPLACE FUNCTION insight_forget_pair() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM insight_lock(OLD.organization_id, true);
    PERFORM insight_pair_contrib(OLD.organization_id, ARRAY[OLD.id], -1);
    PERFORM insight_client_contrib(OLD.organization_id, ARRAY[OLD.client_id], -1);
    DELETE FROM insight_pair_month WHERE organization_id = OLD.organization_id AND pair_id = OLD.id;
    PERFORM insight_client_contrib(OLD.organization_id, ARRAY[OLD.client_id], 1);
    PERFORM insight_tidy(OLD.organization_id);
    RETURN NULL;
END;
$$;

ALTER FUNCTION insight_rows(uuid, uuid, date) SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION insight_pair_contrib(uuid, uuid[], integer) SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION insight_client_contrib(uuid, uuid[], integer) SET plan_cache_mode = force_custom_plan;

-- What is already stored, with the new keys and the rollups (as in V33: fresh statistics first).
DELETE FROM insight_dirty;
ANALYZE session, assignment, response, alert, pair;
SELECT insight_compute(o.id, NULL, NULL) FROM organization o;

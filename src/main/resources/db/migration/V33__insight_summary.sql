-- Insight summary (issue 15, item 5): the organization and therapist views must answer within 200 ms at 1,000,000
-- responses, and one scan of that many responses alone takes longer. So the insight room keeps one row per pair,
-- calendar month (UTC) of the session and instrument with the sums its figures need, and a period made of whole
-- months is answered from these rows (20,000 pairs × 12 months at most, instead of every response).
--
-- questionnaire_id '' is the row of all the pair's sessions in the month (sessions are counted whatever was sent);
-- the other rows hold one instrument's assignments, scored totals and alerts of those sessions.
CREATE TABLE insight_pair_month (
    organization_id uuid NOT NULL REFERENCES organization (id),
    pair_id uuid NOT NULL,
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    questionnaire_id varchar(64) NOT NULL,
    -- The pair's, copied so the figures need no join: a pair is one client with one therapist for good.
    client_id uuid NOT NULL,
    therapist_id uuid NOT NULL,
    sessions integer NOT NULL DEFAULT 0,
    sent integer NOT NULL DEFAULT 0,
    completed integer NOT NULL DEFAULT 0,
    expired integer NOT NULL DEFAULT 0,
    cancelled integer NOT NULL DEFAULT 0,
    open integer NOT NULL DEFAULT 0,
    -- Completed assignments by time to answer, bins with upper edges 5, 15, 30 min, 1, 2, 4, 8, 12, 24 h, 2, 3, 7,
    -- 14 days and one open bin: a median over any set of months is read from the summed bins.
    answer_bins integer[] NOT NULL DEFAULT array_fill(0, ARRAY[14]),
    scored integer NOT NULL DEFAULT 0,
    total_sum double precision NOT NULL DEFAULT 0,
    total_squares double precision NOT NULL DEFAULT 0,
    -- The month's first and latest scored total of the pair, each as one key that sorts as the published order
    -- (session number, then submission time): 10 digits of session number, 20 of UTC time (YYYYMMDDHH24MISSUS),
    -- then the total. The first and latest over several months are min(first_key) and max(last_key), plain
    -- aggregates, where per-pair ordered aggregates cost several times more.
    first_key text COLLATE "C",
    last_key text COLLATE "C",
    ruptures integer NOT NULL DEFAULT 0,
    repaired integer NOT NULL DEFAULT 0,
    unrepaired integer NOT NULL DEFAULT 0,
    open_unrepaired integer NOT NULL DEFAULT 0,
    -- No foreign key to pair: its check would share-lock the pair row, which a submission holds for update while
    -- it marks, so a flush and a submission could deadlock. An erased pair's rows go with a trigger (below).
    PRIMARY KEY (organization_id, questionnaire_id, pair_id, month)
);
CREATE INDEX insight_pair_month_therapist_idx ON insight_pair_month (organization_id, therapist_id, questionnaire_id);
-- How a pair-month's rows are replaced.
CREATE INDEX insight_pair_month_pair_idx ON insight_pair_month (organization_id, pair_id, month);

-- Pair-months whose rows are out of date. Writers only mark (a trigger, one small insert); the summary is
-- recomputed from the rows by a reader before it answers and by a background job, so a submission pays almost
-- nothing for it. Triggers, not Java events: every writer of these tables (the API, the form, FHIR, jobs, erasure,
-- the benchmark's SQL loader) marks without knowing about insight.
CREATE TABLE insight_dirty (
    organization_id uuid NOT NULL,
    pair_id uuid NOT NULL,
    month date NOT NULL,
    PRIMARY KEY (organization_id, pair_id, month),
    FOREIGN KEY (organization_id, pair_id) REFERENCES pair (organization_id, id) ON DELETE CASCADE
);

-- Recomputes the summary rows of one pair-month, or of a whole organization (p_pair and p_month null). The
-- filter is ranges, never "argument is null or ...", so the plan PL/pgSQL caches for a pair-month uses the
-- session index (pair_id, occurred_at), and the one-off whole-organization call gets a plan of its own (the first
-- calls of a session are planned with their values).
CREATE FUNCTION insight_compute(p_org uuid, p_pair uuid, p_month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    pair_lo uuid := coalesce(p_pair, '00000000-0000-0000-0000-000000000000');
    pair_hi uuid := coalesce(p_pair, 'ffffffff-ffff-ffff-ffff-ffffffffffff');
    month_lo date := coalesce(p_month, '-infinity');
    month_hi date := coalesce(p_month, 'infinity');
    from_at timestamptz := coalesce(p_month::timestamp AT TIME ZONE 'UTC', '-infinity');
    to_at timestamptz := coalesce((p_month + interval '1 month')::timestamp AT TIME ZONE 'UTC', 'infinity');
BEGIN
    DELETE FROM insight_pair_month m WHERE m.organization_id = p_org
        AND m.pair_id BETWEEN pair_lo AND pair_hi AND m.month BETWEEN month_lo AND month_hi;
    INSERT INTO insight_pair_month (organization_id, pair_id, month, questionnaire_id, client_id, therapist_id,
        sessions, sent, completed, expired, cancelled, open, answer_bins, scored, total_sum, total_squares, first_key,
        last_key, ruptures, repaired, unrepaired, open_unrepaired)
    WITH s AS (
        SELECT s.organization_id, s.pair_id, s.id, s.session_number,
            date_trunc('month', s.occurred_at AT TIME ZONE 'UTC')::date AS month
        FROM session s
        WHERE s.organization_id = p_org AND s.pair_id BETWEEN pair_lo AND pair_hi
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
            sum(r.total)::float8 AS total_sum, sum(r.total * r.total)::float8 AS total_squares,
            min(k.key) AS first_key, max(k.key) AS last_key
        FROM s JOIN response r ON r.organization_id = s.organization_id AND r.pair_id = s.pair_id
            AND r.session_id = s.id
        CROSS JOIN LATERAL (SELECT lpad(s.session_number::text, 10, '0')
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

-- Brings the marked pair-months of one organization (or, with p_org null, of any) up to date, at most p_limit of
-- them; returns how many. Marks another transaction holds (a writer not yet committed, another flush) are skipped,
-- never waited for, so a flush cannot deadlock with a writer; the caller retries them.
CREATE FUNCTION insight_flush(p_org uuid, p_limit integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    d record;
    n integer := 0;
BEGIN
    FOR d IN
        DELETE FROM insight_dirty x USING (
            SELECT organization_id, pair_id, month FROM insight_dirty
            WHERE p_org IS NULL OR organization_id = p_org
            ORDER BY organization_id, pair_id, month LIMIT p_limit
            FOR UPDATE SKIP LOCKED) y
        WHERE x.organization_id = y.organization_id AND x.pair_id = y.pair_id AND x.month = y.month
        RETURNING x.organization_id, x.pair_id, x.month
    LOOP
        PERFORM insight_compute(d.organization_id, d.pair_id, d.month);
        n := n + 1;
    END LOOP;
    RETURN n;
END;
$$;

-- DO UPDATE, not DO NOTHING: the writer then holds the mark's row lock until it commits, so a flush cannot take
-- an existing mark, compute without the writer's rows (not yet visible) and delete the mark the writer relied on.
-- A flush skips the writer's mark instead and takes it once the writer has committed.
CREATE FUNCTION insight_mark(p_org uuid, p_pair uuid, p_at timestamptz) RETURNS void LANGUAGE sql AS $$
    INSERT INTO insight_dirty (organization_id, pair_id, month)
    SELECT p_org, p_pair, date_trunc('month', p_at AT TIME ZONE 'UTC')::date
    WHERE p_org IS NOT NULL AND p_pair IS NOT NULL AND p_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM pair WHERE organization_id = p_org AND id = p_pair)
    ON CONFLICT (organization_id, pair_id, month) DO UPDATE SET month = EXCLUDED.month;
$$;

CREATE FUNCTION insight_mark_session() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM insight_mark(OLD.organization_id, OLD.pair_id, OLD.occurred_at);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM insight_mark(NEW.organization_id, NEW.pair_id, NEW.occurred_at);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER session_insight AFTER INSERT OR DELETE OR UPDATE OF pair_id, occurred_at, session_number
    ON session FOR EACH ROW EXECUTE FUNCTION insight_mark_session();

-- An assignment or response marks its session's pair-month, an alert of the kinds insight counts the pair-month of
-- its session; one whose session is gone marks nothing (the session's own delete marked it).
CREATE FUNCTION insight_mark_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        r := OLD;
    ELSE
        r := NEW;
    END IF;
    IF TG_TABLE_NAME <> 'alert' THEN
        PERFORM insight_mark(s.organization_id, s.pair_id, s.occurred_at)
            FROM session s WHERE s.organization_id = r.organization_id AND s.id = r.session_id;
    ELSIF r.type IN ('reliable-drop', 'personal-drop', 'repair', 'unrepaired') THEN
        PERFORM insight_mark(s.organization_id, s.pair_id, s.occurred_at)
            FROM session s WHERE s.pair_id = r.pair_id AND s.session_number = r.session_number
                AND s.organization_id = r.organization_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER assignment_insight AFTER INSERT OR DELETE OR UPDATE OF status, completed_at, created_at
    ON assignment FOR EACH ROW EXECUTE FUNCTION insight_mark_row();
CREATE TRIGGER response_insight AFTER INSERT OR DELETE OR UPDATE OF total, scored, submitted_at, session_id
    ON response FOR EACH ROW EXECUTE FUNCTION insight_mark_row();
CREATE TRIGGER alert_insight AFTER INSERT OR DELETE OR UPDATE OF status ON alert
    FOR EACH ROW EXECUTE FUNCTION insight_mark_row();

-- An erased pair's summary goes with it (there is no foreign key to cascade).
CREATE FUNCTION insight_forget_pair() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM insight_pair_month WHERE organization_id = OLD.organization_id AND pair_id = OLD.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER pair_insight AFTER DELETE ON pair FOR EACH ROW EXECUTE FUNCTION insight_forget_pair();

-- What is already stored, planned with fresh statistics (without them the planner chose nested loops that ran for
-- minutes on a freshly loaded database).
ANALYZE session, assignment, response, alert, pair;
SELECT insight_compute(o.id, NULL, NULL) FROM organization o;

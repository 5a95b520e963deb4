-- The fairness report's counts kept by month (issue 18, decision 0048).
--
-- The report used to aggregate every fact row of its period on each request (three parallel passes
-- over a million rows). Now the same figures are kept, per month of receipt (UK time) and per group
-- the report aggregates, in four small tables kept in step by statement-level triggers on
-- audit_case_facts itself: whatever changes a fact row (a filing, triage, a decision, an appeal, a
-- suspension, an overdue stage, a complainant joining, a counter-complaint link, a faction declared,
-- changed or withdrawn, a case deleted by retention) changes the kept counts in the same
-- transaction. A report over whole months reads these; the days of a partial month at either end
-- of its period are read from the facts as before. Reports filtered by region or CLP read the facts.
--
-- Operators: SELECT * FROM audit_fact_counts_mismatches(); compares every kept count with a full
-- recount (no rows: all agree); SELECT audit_fact_counts_recount(); rebuilds them from the facts
-- (returns how many kept rows were wrong), and audit_fact_counts_recount(days, conduct_days) does so
-- for other counter-complaint windows (evenhand.audit.counter-window-days / conduct-window-days:
-- until they match the settings here, reports read the facts instead). docs/fairness-audit.md.

-- The counter-complaint windows the kept counts were made with (one row).
CREATE TABLE audit_fact_count_settings (
    one                  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    counter_window_days  INT NOT NULL,
    conduct_window_days  INT NOT NULL
);
INSERT INTO audit_fact_count_settings (counter_window_days, conduct_window_days) VALUES (14, 3);

-- The protected characteristic triage recorded (cases.protected_characteristic, V11), so that its
-- days-to-decision histogram is kept like the others instead of joining the cases table.
ALTER TABLE audit_case_facts ADD COLUMN protected_characteristic TEXT;
UPDATE audit_case_facts f SET protected_characteristic = c.protected_characteristic
FROM cases c WHERE c.id = f.case_id AND c.protected_characteristic IS NOT NULL;

-- One row per month (and per quarter, and per year: a report over two years reads about 65,000 rows
-- instead of 150,000) and group of the report's main query; each column one of its counts
-- (Measure), the sanction in the key so that any list of severe sanctions can be summed.
CREATE TABLE audit_fact_counts (
    months               SMALLINT NOT NULL,   -- 1: a month; 3: a quarter; 12: a year
    month                DATE NOT NULL,       -- its first day
    respondent_faction   TEXT,
    complainant_faction  TEXT,
    cited_set            INT NOT NULL,
    engaged_set          INT,
    sanction             TEXT,
    cases                INT NOT NULL,
    triaged              INT NOT NULL,
    passed               INT NOT NULL,
    suspended            INT NOT NULL,
    decided              INT NOT NULL,
    upheld               INT NOT NULL,
    appealed             INT NOT NULL,
    appeal_decided       INT NOT NULL,
    overturned           INT NOT NULL,
    overdue              INT NOT NULL,
    pile_ons             INT NOT NULL,
    opened_c             INT NOT NULL,
    opened_r             INT NOT NULL,
    decided_c            INT NOT NULL,
    upheld_c             INT NOT NULL,
    decided_r            INT NOT NULL,
    upheld_r             INT NOT NULL,
    counter              INT NOT NULL,
    counter_decided      INT NOT NULL,
    counter_upheld       INT NOT NULL,
    countered            INT NOT NULL,
    countered_decided    INT NOT NULL,
    countered_upheld     INT NOT NULL,
    UNIQUE NULLS NOT DISTINCT (months, month, respondent_faction, complainant_faction, cited_set, engaged_set, sanction)
);

-- Decided complaints by days to decision: by the parties' factions (with the sanction), by clauses
-- engaged, and by protected characteristic.
CREATE TABLE audit_fact_days (
    months               SMALLINT NOT NULL,
    month                DATE NOT NULL,
    respondent_faction   TEXT,
    complainant_faction  TEXT,
    decision_days        INT NOT NULL,
    sanction             TEXT,
    cases                INT NOT NULL,
    UNIQUE NULLS NOT DISTINCT (months, month, respondent_faction, complainant_faction, decision_days, sanction)
);
CREATE TABLE audit_fact_clause_days (
    months               SMALLINT NOT NULL,
    month                DATE NOT NULL,
    engaged_set          INT,
    decision_days        INT NOT NULL,
    cases                INT NOT NULL,
    UNIQUE NULLS NOT DISTINCT (months, month, engaged_set, decision_days)
);
CREATE TABLE audit_fact_characteristic_days (
    months               SMALLINT NOT NULL,
    month                DATE NOT NULL,
    characteristic       TEXT NOT NULL,
    decision_days        INT NOT NULL,
    cases                INT NOT NULL,
    UNIQUE (months, month, characteristic, decision_days)
);

-- The one definition of what a fact row adds to each kept table: its key columns (and the
-- expressions over a fact row r that give them), its count columns (and the condition under which
-- a fact row counts in each; s: the settings), and which fact rows it holds at all. The triggers
-- below and the recount are generated from it, so they cannot disagree with each other; the
-- report's own SQL (Measure, FairnessQueries) is the independent check (KeptCountsTest).
-- After changing it, recreate the trigger functions (the DO block below) and run the recount.
CREATE FUNCTION audit_fact_count_shape(tbl TEXT, OUT keys TEXT[], OUT key_exprs TEXT[], OUT cols TEXT[],
                                       OUT conds TEXT[], OUT rows_held TEXT)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    counter CONSTANT TEXT := 'r.prior_gap_days <= s.counter_window_days AND r.prior_conduct_gap <= s.conduct_window_days';
    countered CONSTANT TEXT := 'r.countered_gap_days <= s.counter_window_days'
                               ' AND r.countered_conduct_gap <= s.conduct_window_days';
BEGIN
    cols := ARRAY['cases'];
    conds := ARRAY['TRUE'];
    rows_held := 'r.decision_days IS NOT NULL';
    CASE tbl
    WHEN 'audit_fact_counts' THEN
        keys := ARRAY['months', 'month', 'respondent_faction', 'complainant_faction', 'cited_set', 'engaged_set', 'sanction'];
        key_exprs := ARRAY['g.months', 'g.month', 'r.respondent_faction', 'r.complainant_faction', 'r.cited_set',
                           'r.engaged_set', 'r.sanction'];
        rows_held := 'TRUE';
        cols := ARRAY['cases', 'triaged', 'passed', 'suspended', 'decided', 'upheld', 'appealed', 'appeal_decided',
                      'overturned', 'overdue', 'pile_ons', 'opened_c', 'opened_r', 'decided_c', 'upheld_c',
                      'decided_r', 'upheld_r', 'counter', 'counter_decided', 'counter_upheld', 'countered',
                      'countered_decided', 'countered_upheld'];
        conds := ARRAY['TRUE', 'r.in_scope IS NOT NULL', 'r.in_scope', 'r.suspended_at IS NOT NULL AND r.in_scope',
                       'r.decision_days IS NOT NULL', 'r.upheld', 'r.appealed', 'r.appeal_decided', 'r.overturned',
                       'r.overdue > 0', 'r.complainants > 1', 'r.opened_by = 1', 'r.opened_by = 2',
                       'r.decision_days IS NOT NULL AND r.opened_by = 1', 'r.opened_by = 1 AND r.upheld',
                       'r.decision_days IS NOT NULL AND r.opened_by = 2', 'r.opened_by = 2 AND r.upheld',
                       counter, counter || ' AND r.decision_days IS NOT NULL', counter || ' AND r.upheld',
                       countered, countered || ' AND r.decision_days IS NOT NULL', countered || ' AND r.upheld'];
    WHEN 'audit_fact_days' THEN
        keys := ARRAY['months', 'month', 'respondent_faction', 'complainant_faction', 'decision_days', 'sanction'];
        key_exprs := ARRAY['g.months', 'g.month', 'r.respondent_faction', 'r.complainant_faction', 'r.decision_days', 'r.sanction'];
    WHEN 'audit_fact_clause_days' THEN
        keys := ARRAY['months', 'month', 'engaged_set', 'decision_days'];
        key_exprs := ARRAY['g.months', 'g.month', 'r.engaged_set', 'r.decision_days'];
    WHEN 'audit_fact_characteristic_days' THEN
        keys := ARRAY['months', 'month', 'characteristic', 'decision_days'];
        key_exprs := ARRAY['g.months', 'g.month', 'r.protected_characteristic', 'r.decision_days'];
        rows_held := 'r.decision_days IS NOT NULL AND r.protected_characteristic IS NOT NULL';
    END CASE;
END $$;

-- The SQL that aggregates signed fact rows (source: a query giving sign, then the columns of
-- audit_case_facts) into a kept table's rows, and (upsert) adds them to the table.
CREATE FUNCTION audit_fact_counts_sql(tbl TEXT, source TEXT, upsert BOOLEAN) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    sh RECORD;
    sums TEXT[];
    groups TEXT;
    q TEXT;
BEGIN
    sh := audit_fact_count_shape(tbl);
    SELECT array_agg(CASE WHEN c = 'TRUE' THEN 'sum(r.sign)' ELSE format('sum(CASE WHEN %s THEN r.sign ELSE 0 END)', c) END
                     ORDER BY i)
    INTO sums FROM unnest(sh.conds) WITH ORDINALITY AS x (c, i);
    SELECT string_agg(i::text, ', ') INTO groups FROM generate_series(1, cardinality(sh.keys)) i;
    -- each fact row counts three times: in its month, its quarter and its year (UK time)
    q := format('SELECT %s, %s FROM (%s) r CROSS JOIN audit_fact_count_settings s CROSS JOIN LATERAL (VALUES'
                ' (1::smallint, date_trunc(''month'', r.received_at AT TIME ZONE ''Europe/London'')::date),'
                ' (3::smallint, date_trunc(''quarter'', r.received_at AT TIME ZONE ''Europe/London'')::date),'
                ' (12::smallint, date_trunc(''year'', r.received_at AT TIME ZONE ''Europe/London'')::date))'
                ' AS g (months, month) WHERE %s GROUP BY %s',
                (SELECT string_agg(format('%s AS %s', e, k), ', ' ORDER BY i)
                 FROM unnest(sh.key_exprs, sh.keys) WITH ORDINALITY AS x (e, k, i)),
                (SELECT string_agg(format('%s AS %s', e, k), ', ' ORDER BY i)
                 FROM unnest(sums, sh.cols) WITH ORDINALITY AS x (e, k, i)),
                source, sh.rows_held, groups);
    IF NOT upsert THEN
        RETURN q;
    END IF;
    -- Only groups whose counts change; in key order, so that two writers never wait for each other's
    -- rows in opposite orders.
    RETURN format('INSERT INTO %s AS k (%s, %s) %s HAVING %s ORDER BY %s ON CONFLICT (%s) DO UPDATE SET %s',
                  tbl, array_to_string(sh.keys, ', '), array_to_string(sh.cols, ', '), q,
                  (SELECT string_agg(format('%s <> 0', e), ' OR ') FROM unnest(sums) e), groups,
                  array_to_string(sh.keys, ', '),
                  (SELECT string_agg(format('%1$s = k.%1$s + excluded.%1$s', k), ', ') FROM unnest(sh.cols) k));
END $$;

CREATE FUNCTION audit_fact_count_tables() RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['audit_fact_counts', 'audit_fact_days', 'audit_fact_clause_days', 'audit_fact_characteristic_days']
$$;

-- The triggers' functions, generated (static SQL, planned once per session like any other).
DO $gen$
DECLARE
    src_new CONSTANT TEXT := 'SELECT 1 AS sign, n.* FROM new_rows n';
    src_old CONSTANT TEXT := 'SELECT -1 AS sign, o.* FROM old_rows o';
    src_both CONSTANT TEXT := 'SELECT 1 AS sign, n.* FROM new_rows n UNION ALL SELECT -1 AS sign, o.* FROM old_rows o';
    decided_new CONSTANT TEXT := 'EXISTS (SELECT 1 FROM new_rows WHERE decision_days IS NOT NULL)';
    decided_old CONSTANT TEXT := 'EXISTS (SELECT 1 FROM old_rows WHERE decision_days IS NOT NULL)';
    ev RECORD;
    body TEXT;
BEGIN
    FOR ev IN SELECT * FROM (VALUES ('inserted', src_new, decided_new),
                                    ('updated', src_both, decided_new || ' OR ' || decided_old),
                                    ('deleted', src_old, decided_old)) v (name, src, decided) LOOP
        body := 'BEGIN ' || audit_fact_counts_sql('audit_fact_counts', ev.src, TRUE) || '; '
             -- the day histograms hold decided complaints only: most statements (a filing) skip them
             || 'IF ' || ev.decided || ' THEN '
             || audit_fact_counts_sql('audit_fact_days', ev.src, TRUE) || '; '
             || audit_fact_counts_sql('audit_fact_clause_days', ev.src, TRUE) || '; '
             || audit_fact_counts_sql('audit_fact_characteristic_days', ev.src, TRUE) || '; END IF; ';
        IF ev.name = 'inserted' THEN
            -- a case inserted with its characteristic already recorded (the data generator, a restore)
            body := body || 'UPDATE audit_case_facts f SET protected_characteristic = c.protected_characteristic'
                 || ' FROM new_rows n JOIN cases c ON c.id = n.case_id WHERE f.case_id = n.case_id'
                 || ' AND c.protected_characteristic IS NOT NULL; ';
        END IF;
        EXECUTE format('CREATE OR REPLACE FUNCTION audit_fact_counts_%s() RETURNS trigger LANGUAGE plpgsql AS %L',
                       ev.name, body || 'RETURN NULL; END');
    END LOOP;
END $gen$;

CREATE TRIGGER audit_fact_counts_ins AFTER INSERT ON audit_case_facts REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_fact_counts_inserted();
CREATE TRIGGER audit_fact_counts_upd AFTER UPDATE ON audit_case_facts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_fact_counts_updated();
CREATE TRIGGER audit_fact_counts_del AFTER DELETE ON audit_case_facts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_fact_counts_deleted();

-- Triage records or changes the protected characteristic: onto the facts (and so into the counts).
-- A row trigger with a WHEN clause: a case update that leaves it alone costs nothing here.
CREATE FUNCTION audit_facts_characteristic_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE audit_case_facts SET protected_characteristic = NEW.protected_characteristic WHERE case_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_facts_characteristic AFTER UPDATE OF protected_characteristic ON cases FOR EACH ROW
    WHEN (OLD.protected_characteristic IS DISTINCT FROM NEW.protected_characteristic)
    EXECUTE FUNCTION audit_facts_characteristic_changed();

-- The confidence survey's mixed answers (V12) counted by quarter, role, outcome band and faction:
-- for each question how many agreed (4 or 5) and the sum of the scores. Kept by the mix that moves
-- answers in (ten or more at once, in random order) and by the purge, so the counts tell no more
-- about who answered what than the answers table does. Answers still waiting to be mixed are few and
-- are read as they are (ConfidenceQueries).
CREATE TABLE audit_confidence_counts (
    quarter         DATE NOT NULL,
    role            TEXT NOT NULL,
    outcome_band    TEXT NOT NULL,
    faction         TEXT,
    answers         INT NOT NULL,
    heard_agree     INT NOT NULL,
    heard_sum       INT NOT NULL,
    neutral_agree   INT NOT NULL,
    neutral_sum     INT NOT NULL,
    respect_agree   INT NOT NULL,
    respect_sum     INT NOT NULL,
    trust_agree     INT NOT NULL,
    trust_sum       INT NOT NULL,
    UNIQUE NULLS NOT DISTINCT (quarter, role, outcome_band, faction)
);

-- The counts of a set of signed answers (source: sign, then the columns of confidence_answers).
CREATE FUNCTION audit_confidence_counts_sql(source TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT format('SELECT quarter, role, outcome_band, faction, sum(sign) AS answers,'
                  ' sum(CASE WHEN heard >= 4 THEN sign ELSE 0 END) AS heard_agree, sum(sign * heard) AS heard_sum,'
                  ' sum(CASE WHEN neutral >= 4 THEN sign ELSE 0 END) AS neutral_agree, sum(sign * neutral) AS neutral_sum,'
                  ' sum(CASE WHEN respect >= 4 THEN sign ELSE 0 END) AS respect_agree, sum(sign * respect) AS respect_sum,'
                  ' sum(CASE WHEN trust >= 4 THEN sign ELSE 0 END) AS trust_agree, sum(sign * trust) AS trust_sum'
                  ' FROM (%s) a GROUP BY 1, 2, 3, 4', source)
$$;

CREATE FUNCTION audit_confidence_counts_upsert_sql(source TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT 'INSERT INTO audit_confidence_counts AS k ' || audit_confidence_counts_sql(source)
        || ' ORDER BY 1, 2, 3, 4 ON CONFLICT (quarter, role, outcome_band, faction) DO UPDATE SET'
        || ' answers = k.answers + excluded.answers, heard_agree = k.heard_agree + excluded.heard_agree,'
        || ' heard_sum = k.heard_sum + excluded.heard_sum, neutral_agree = k.neutral_agree + excluded.neutral_agree,'
        || ' neutral_sum = k.neutral_sum + excluded.neutral_sum, respect_agree = k.respect_agree + excluded.respect_agree,'
        || ' respect_sum = k.respect_sum + excluded.respect_sum, trust_agree = k.trust_agree + excluded.trust_agree,'
        || ' trust_sum = k.trust_sum + excluded.trust_sum'
$$;

DO $gen$
BEGIN
    EXECUTE format('CREATE FUNCTION audit_confidence_counts_added() RETURNS trigger LANGUAGE plpgsql AS %L',
                   'BEGIN ' || audit_confidence_counts_upsert_sql('SELECT 1 AS sign, n.* FROM new_rows n')
                   || '; RETURN NULL; END');
    EXECUTE format('CREATE FUNCTION audit_confidence_counts_removed() RETURNS trigger LANGUAGE plpgsql AS %L',
                   'BEGIN ' || audit_confidence_counts_upsert_sql('SELECT -1 AS sign, o.* FROM old_rows o')
                   || '; RETURN NULL; END');
END $gen$;
CREATE TRIGGER audit_confidence_counts_ins AFTER INSERT ON confidence_answers REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_confidence_counts_added();
CREATE TRIGGER audit_confidence_counts_del AFTER DELETE ON confidence_answers REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_confidence_counts_removed();

-- Every kept row that disagrees with a full recount of the facts (kept rows whose counts are all
-- zero count as absent): the table, the group and its counts, as kept and as recounted.
CREATE FUNCTION audit_fact_counts_mismatches() RETURNS TABLE (tbl TEXT, side TEXT, grp JSONB)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    t TEXT;
    sh RECORD;
    fresh TEXT;
    kept TEXT;
BEGIN
    FOREACH t IN ARRAY audit_fact_count_tables() LOOP
        sh := audit_fact_count_shape(t);
        fresh := audit_fact_counts_sql(t, 'SELECT 1 AS sign, f.* FROM audit_case_facts f', FALSE);
        kept := format('SELECT %s, %s FROM %s WHERE (%s) IS DISTINCT FROM (%s)', array_to_string(sh.keys, ', '),
                       array_to_string(sh.cols, ', '), t, array_to_string(sh.cols, ', '),
                       array_to_string(array_fill(0, ARRAY[cardinality(sh.cols)]), ', '));
        IF cardinality(sh.cols) = 1 THEN
            kept := format('SELECT %s, cases FROM %s WHERE cases <> 0', array_to_string(sh.keys, ', '), t);
        END IF;
        RETURN QUERY EXECUTE format('SELECT %1$L, ''kept'', to_jsonb(x) FROM (%2$s EXCEPT ALL %3$s) x'
                                    ' UNION ALL SELECT %1$L, ''recounted'', to_jsonb(y) FROM (%3$s EXCEPT ALL %2$s) y',
                                    t, kept, fresh);
    END LOOP;
    fresh := audit_confidence_counts_sql('SELECT 1 AS sign, a.* FROM confidence_answers a');
    kept := 'SELECT * FROM audit_confidence_counts WHERE answers <> 0';
    RETURN QUERY EXECUTE format('SELECT %1$L, ''kept'', to_jsonb(x) FROM (%2$s EXCEPT ALL %3$s) x'
                                ' UNION ALL SELECT %1$L, ''recounted'', to_jsonb(y) FROM (%3$s EXCEPT ALL %2$s) y',
                                'audit_confidence_counts', kept, fresh);
END $$;

-- Rebuilds every kept count from the facts (for other counter-complaint windows if given); returns
-- how many kept rows disagreed with the recount before. Fact writers wait while it runs; reports do not.
CREATE FUNCTION audit_fact_counts_recount(counter_days INT DEFAULT NULL, conduct_days INT DEFAULT NULL)
RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    t TEXT;
    wrong BIGINT;
BEGIN
    LOCK TABLE audit_case_facts IN SHARE MODE;
    LOCK TABLE confidence_answers IN SHARE MODE;
    SELECT count(*) INTO wrong FROM audit_fact_counts_mismatches() m WHERE m.side = 'kept';
    UPDATE audit_fact_count_settings s
    SET counter_window_days = coalesce(counter_days, s.counter_window_days),
        conduct_window_days = coalesce(conduct_days, s.conduct_window_days);
    FOREACH t IN ARRAY audit_fact_count_tables() LOOP
        EXECUTE format('DELETE FROM %s', t);
        EXECUTE audit_fact_counts_sql(t, 'SELECT 1 AS sign, f.* FROM audit_case_facts f', TRUE);
    END LOOP;
    DELETE FROM audit_confidence_counts;
    EXECUTE audit_confidence_counts_upsert_sql('SELECT 1 AS sign, a.* FROM confidence_answers a');
    RETURN wrong;
END $$;

SELECT audit_fact_counts_recount();

-- Evenhand synthetic data generator: members (with CLPs, regions and declared factions) and
-- historical cases (triage, interim suspensions, panel decisions, appeals, overdue stages,
-- counter-complaints), with optional injected bias. Deterministic: every random draw is a hash of
-- (seed, row number, stream), so the same spec gives the same data on any run, in any plan.
--
-- This file only defines pg_temp.evenhand_generate(spec jsonb) (a session-local function, so
-- nothing is left behind in the schema). Run it with psql through seeds/generate.sql, or execute
-- it over JDBC and then call: SELECT pg_temp.evenhand_generate('{"members": 1000}'::jsonb);
-- The schema must exist (the application's Flyway migrations) and definition_versions must hold
-- the published versions (the application records them when it starts).
--
-- Generated cases are history only: no process instances exist for them.
--
-- Spec (every key optional; defaults in brackets):
--   prefix [GEN]             namespace for membership numbers ("GEN-1") and case refs ("GEN-0000001");
--                            must not have been used before in the database
--   seed [1], members [1000], cases [2000]
--   from [2024-07-01], to [2026-06-30]      cases are received uniformly between these dates
--   regions [9 English regions, Scotland, Wales], clps [60]   CLP k belongs to region k mod #regions
--   factions ["left","soft-left","centre","right"], faction_weights [0.25,0.3,0.3,0.15]
--   declared [0.7]           share of members who declare a faction
--   prefer_not_to_say [0.05] share of declarers who choose "prefer-not-to-say"
--   clauses                  [{"id","tier","weight"}], default the clauses common to 2024.1 and 2026.1
--   second_clause [0.2]      share of complaints citing a second clause (case tier = the gravest)
--   triage_pass {"2":0.55,"3":0.65,"4":0.8}, upheld {"2":0.45,"3":0.55,"4":0.7},
--   suspension {"2":0,"3":0.05,"4":0.3}   probabilities by case tier
--   appeal [0.15], overturn [0.25], open [0.04]  (open: share still undecided; half of them untriaged)
--   counter [0.1]            share of complaints answered by a counter-complaint (B reports A within
--                            counter_window_days [14] of A reporting B, conduct within 2 days)
--   opened_by_complainant [0.3]  chance the complainant opened the exchange (provoked) in a complaint
--   bias      {"faction","tier","upheld":x,"triage_pass":x,"suspension":x}  multiplies those
--             probabilities for respondents of that faction in cases of that tier (tier omitted = all)
--   mix       {"faction","tier","share"}  that share of complaints against that faction's members
--             are about clauses of that tier (case mix, with no bias inside any tier)
--   provoke   {"faction","share"}  complainants of that faction opened the exchange with this chance
--   slow      {"clause","factor"}  investigations of cases engaging that clause take factor times longer
--   characteristics {"race":0.35,...}  which protected characteristic triage records for an in-scope
--             complaint citing hateful-language (weights; default below; {} records none)
--   slow_characteristic {"characteristic","factor"}  investigations of those take factor times longer
--   survey [0.35]            share of the parties of an ended case who answered the confidence survey
--                            (the respondent only if told of it), in the quarter it ended; 0 for none
--   notice_version [generated]
-- A uniform draw in [0, 1) for row i from stream `stream`. PostgreSQL's hashint8extended(i, seed)
-- alone shows serial correlation between consecutive i (about -0.1 for some seeds), so the row
-- number is hashed first and the stream is mixed into the seed; consecutive rows and neighbouring
-- streams then correlate at under 0.003 (checked over 300,000 rows).
CREATE OR REPLACE FUNCTION pg_temp.gen_u(i bigint, stream bigint) RETURNS float8
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8extended(hashint8extended(i, 0), hashint8extended(stream, 1)) & 9007199254740991)::float8
                 / 9007199254740992.0 $$;

-- An exponential delay in whole days (at least 1) with the given mean.
CREATE OR REPLACE FUNCTION pg_temp.gen_days(u float8, mean float8) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT 1 + floor(-ln(1.0 - u) * mean)::int $$;

CREATE OR REPLACE FUNCTION pg_temp.evenhand_generate(spec jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $fn$
DECLARE
    s            jsonb := spec;
    prefix       text := coalesce(spec->>'prefix', 'GEN');
    seed         bigint := coalesce((spec->>'seed')::bigint, 1);
    n_members    int := coalesce((spec->>'members')::int, 1000);
    n_cases      int := coalesce((spec->>'cases')::int, 2000);
    d_from       date := coalesce((spec->>'from')::date, date '2024-07-01');
    d_to         date := coalesce((spec->>'to')::date, date '2026-06-30');
    regions      text[];
    n_clps       int := coalesce((spec->>'clps')::int, 60);
    factions     text[];
    fweights     float8[];
    declared     float8 := coalesce((spec->>'declared')::float8, 0.7);
    pnts         float8 := coalesce((spec->>'prefer_not_to_say')::float8, 0.05);
    clauses      jsonb := coalesce(spec->'clauses', '[
        {"id":"violent-threat","tier":4,"weight":0.06},
        {"id":"harassment","tier":3,"weight":0.18},
        {"id":"intimidation","tier":3,"weight":0.08},
        {"id":"hateful-language","tier":3,"weight":0.14},
        {"id":"bullying","tier":2,"weight":0.24},
        {"id":"doxxing","tier":4,"weight":0.05},
        {"id":"sexual-harassment","tier":4,"weight":0.04},
        {"id":"dehumanising-language","tier":3,"weight":0.13},
        {"id":"false-allegation","tier":3,"weight":0.08}]'::jsonb);
    second       float8 := coalesce((spec->>'second_clause')::float8, 0.2);
    p_pass       jsonb := coalesce(spec->'triage_pass', '{"1":0.5,"2":0.55,"3":0.65,"4":0.8}'::jsonb);
    p_upheld     jsonb := coalesce(spec->'upheld', '{"1":0.4,"2":0.45,"3":0.55,"4":0.7}'::jsonb);
    p_susp       jsonb := coalesce(spec->'suspension', '{"1":0,"2":0,"3":0.05,"4":0.3}'::jsonb);
    p_appeal     float8 := coalesce((spec->>'appeal')::float8, 0.15);
    p_overturn   float8 := coalesce((spec->>'overturn')::float8, 0.25);
    p_open       float8 := coalesce((spec->>'open')::float8, 0.04);
    p_counter    float8 := coalesce((spec->>'counter')::float8, 0.1);
    window_days  int := coalesce((spec->>'counter_window_days')::int, 14);
    p_opened     float8 := coalesce((spec->>'opened_by_complainant')::float8, 0.3);
    notice       text := coalesce(spec->>'notice_version', 'generated');
    bias_f       text := spec->'bias'->>'faction';
    bias_t       int := (spec->'bias'->>'tier')::int;
    bias_up      float8 := coalesce((spec->'bias'->>'upheld')::float8, 1);
    bias_pass    float8 := coalesce((spec->'bias'->>'triage_pass')::float8, 1);
    bias_susp    float8 := coalesce((spec->'bias'->>'suspension')::float8, 1);
    mix_f        text := spec->'mix'->>'faction';
    mix_t        int := (spec->'mix'->>'tier')::int;
    mix_share    float8 := coalesce((spec->'mix'->>'share')::float8, 0);
    prov_f       text := spec->'provoke'->>'faction';
    prov_share   float8 := coalesce((spec->'provoke'->>'share')::float8, 0);
    slow_clause  text := spec->'slow'->>'clause';
    slow_factor  float8 := coalesce((spec->'slow'->>'factor')::float8, 1);
    k            bigint := seed * 1000;   -- stream base: stream k+j is draw j of this seed
    fbuckets     text[] := '{}';
    cbuckets     text[] := '{}';
    tbuckets     text[] := '{}';
    p_chars      jsonb := coalesce(spec->'characteristics', '{"race":0.35,"religion-belief":0.25,
        "sexual-orientation":0.12,"disability":0.1,"sex":0.08,"gender-reassignment":0.06,"age":0.04}'::jsonb);
    pcbuckets    text[] := '{}';
    slow_pc      text := spec->'slow_characteristic'->>'characteristic';
    slow_pc_f    float8 := coalesce((spec->'slow_characteristic'->>'factor')::float8, 1);
    ctier        jsonb := '{}';
    total        float8;
    acc          float8;
    w            float8;
    j            int;
    r            record;
    n_decl       bigint;
    n_dec        bigint;
    n_app        bigint;
    n_susp       bigint;
    n_over       bigint;
    n_survey     bigint;
    p_survey     float8 := coalesce((spec->>'survey')::float8, 0.35);
BEGIN
    IF EXISTS (SELECT 1 FROM members WHERE membership_number = prefix || '-1') THEN
        RAISE EXCEPTION 'prefix % has already been generated in this database', prefix;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM definition_versions) THEN
        RAISE EXCEPTION 'definition_versions is empty: start the application once so it records the published versions';
    END IF;
    regions := coalesce(ARRAY(SELECT jsonb_array_elements_text(spec->'regions')), ARRAY[
        'North East', 'North West', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands',
        'East of England', 'London', 'South East', 'South West', 'Scotland', 'Wales']);
    IF cardinality(regions) = 0 THEN
        regions := ARRAY['Generated'];
    END IF;
    factions := coalesce(ARRAY(SELECT jsonb_array_elements_text(spec->'factions')),
        ARRAY['left', 'soft-left', 'centre', 'right']);
    IF cardinality(factions) = 0 THEN
        factions := ARRAY['left', 'soft-left', 'centre', 'right'];
    END IF;
    fweights := coalesce(ARRAY(SELECT jsonb_array_elements_text(spec->'faction_weights')::float8), '{}');
    IF cardinality(fweights) = 0 AND spec->'factions' IS NULL THEN
        fweights := ARRAY[0.25, 0.3, 0.3, 0.15];
    ELSIF cardinality(fweights) <> cardinality(factions) THEN
        fweights := ARRAY(SELECT 1.0::float8 FROM generate_series(1, cardinality(factions)));
    END IF;

    -- 1000-slot lookup arrays turn weighted choices into one array index per row.
    total := (SELECT sum(x) FROM unnest(fweights) x);
    acc := 0;
    FOR j IN 1 .. cardinality(factions) LOOP
        acc := acc + fweights[j] / total;
        WHILE cardinality(fbuckets) < round(acc * 1000) LOOP
            fbuckets := fbuckets || factions[j];
        END LOOP;
    END LOOP;
    total := (SELECT sum((c->>'weight')::float8) FROM jsonb_array_elements(clauses) c);
    acc := 0;
    FOR r IN SELECT c->>'id' AS id, (c->>'tier')::int AS tier, (c->>'weight')::float8 AS weight
             FROM jsonb_array_elements(clauses) c LOOP
        ctier := ctier || jsonb_build_object(r.id, r.tier);
        acc := acc + r.weight / total;
        WHILE cardinality(cbuckets) < round(acc * 1000) LOOP
            cbuckets := cbuckets || r.id;
        END LOOP;
    END LOOP;
    IF mix_t IS NOT NULL THEN
        total := (SELECT sum((c->>'weight')::float8) FROM jsonb_array_elements(clauses) c
                  WHERE (c->>'tier')::int = mix_t);
        IF total IS NULL THEN
            RAISE EXCEPTION 'mix: no clause of tier %', mix_t;
        END IF;
        acc := 0;
        FOR r IN SELECT c->>'id' AS id, (c->>'weight')::float8 AS weight
                 FROM jsonb_array_elements(clauses) c WHERE (c->>'tier')::int = mix_t LOOP
            acc := acc + r.weight / total;
            WHILE cardinality(tbuckets) < round(acc * 1000) LOOP
                tbuckets := tbuckets || r.id;
            END LOOP;
        END LOOP;
    END IF;

    -- Protected characteristics recorded at triage, by weight.
    total := (SELECT sum(value::float8) FROM jsonb_each_text(p_chars));
    acc := 0;
    FOR r IN SELECT key AS id, value::float8 AS weight FROM jsonb_each_text(p_chars) ORDER BY key LOOP
        acc := acc + r.weight / total;
        WHILE cardinality(pcbuckets) < round(acc * 1000) LOOP
            pcbuckets := pcbuckets || r.id;
        END LOOP;
    END LOOP;

    -- Members.
    INSERT INTO members (membership_number, username, display_name, email, clp, region, joined_on)
    SELECT prefix || '-' || i, NULL, 'Generated member ' || prefix || '-' || i, NULL,
           'CLP ' || lpad(clp::text, 3, '0'), regions[1 + clp % cardinality(regions)],
           date '2000-01-01' + floor(pg_temp.gen_u(i, k + 4) * (d_from - date '2000-01-01'))::int
    FROM (SELECT i, 1 + floor(pg_temp.gen_u(i, k + 3) * n_clps)::int AS clp
          FROM generate_series(1, n_members) i) m
    ORDER BY i;

    DROP TABLE IF EXISTS pg_temp.gen_m;
    CREATE TEMP TABLE gen_m (i int PRIMARY KEY, id bigint NOT NULL, faction text) ON COMMIT DROP;
    INSERT INTO gen_m
    SELECT x.i, x.id, CASE
             WHEN pg_temp.gen_u(x.i, k + 1) >= declared THEN NULL
             WHEN pg_temp.gen_u(x.i, k + 2) < pnts THEN 'prefer-not-to-say'
             ELSE fbuckets[1 + floor(pg_temp.gen_u(x.i, k + 5) * cardinality(fbuckets))::int] END
    FROM (SELECT substr(membership_number, length(prefix) + 2)::int AS i, id
          FROM members WHERE membership_number LIKE prefix || '-%') x;
    ANALYZE gen_m;

    INSERT INTO faction_declarations (member_id, faction, notice_version, purpose, declared_at, updated_at)
    SELECT id, faction, notice, 'fairness-audit', d_from::timestamptz, d_from::timestamptz
    FROM gen_m WHERE faction IS NOT NULL;
    GET DIAGNOSTICS n_decl = ROW_COUNT;
    INSERT INTO faction_consent_events (member_id, event, notice_version, purpose, at)
    SELECT id, 'given', notice, 'fairness-audit', d_from::timestamptz FROM gen_m WHERE faction IS NOT NULL;

    -- Cases: draws, then counter-complaint pairs, then parties and clauses, then the story.
    DROP TABLE IF EXISTS pg_temp.gen_c;
    CREATE TEMP TABLE gen_c ON COMMIT DROP AS
    WITH d AS (
        SELECT i,
               1 + floor(pg_temp.gen_u(i, k + 11) * n_members)::int AS r_i,
               1 + ((floor(pg_temp.gen_u(i, k + 11) * n_members)::int + 1
                     + floor(pg_temp.gen_u(i, k + 12) * (n_members - 1))::int) % n_members) AS c_i,
               d_from::timestamptz + pg_temp.gen_u(i, k + 13) * ((d_to - d_from + 1) * interval '1 day') AS recv,
               floor(pg_temp.gen_u(i, k + 14) * 30)::int AS back,
               (i % 2 = 0 AND pg_temp.gen_u(i, k + 30) < 2 * p_counter) AS is_counter
        FROM generate_series(1, n_cases) i
    ), p AS (
        SELECT d.i, d.is_counter,
               CASE WHEN d.is_counter THEN o.c_i ELSE d.r_i END AS r_i,
               CASE WHEN d.is_counter THEN o.r_i ELSE d.c_i END AS c_i,
               CASE WHEN d.is_counter
                    THEN o.recv + (1 + floor(pg_temp.gen_u(d.i, k + 15) * window_days)) * interval '1 day'
                    ELSE d.recv END AS recv,
               CASE WHEN d.is_counter
                    THEN (o.recv AT TIME ZONE 'Europe/London')::date - o.back + floor(pg_temp.gen_u(d.i, k + 16) * 3)::int
                    ELSE (d.recv AT TIME ZONE 'Europe/London')::date - d.back END AS conduct,
               -- who opened the exchange in the original complaint of a pair (or this one)
               CASE WHEN d.is_counter THEN pg_temp.gen_u(d.i - 1, k + 40) ELSE pg_temp.gen_u(d.i, k + 40) END AS u_open
        FROM d LEFT JOIN d o ON d.is_counter AND o.i = d.i - 1
    ), q AS (
        SELECT p.*, mr.id AS respondent_id, mc.id AS complainant_id, mr.faction AS rf, mc.faction AS cf,
               CASE WHEN mix_t IS NOT NULL AND mr.faction IS NOT DISTINCT FROM mix_f
                         AND pg_temp.gen_u(p.i, k + 17) < mix_share
                    THEN tbuckets[1 + floor(pg_temp.gen_u(p.i, k + 18) * cardinality(tbuckets))::int]
                    ELSE cbuckets[1 + floor(pg_temp.gen_u(p.i, k + 18) * cardinality(cbuckets))::int] END AS clause1,
               CASE WHEN pg_temp.gen_u(p.i, k + 19) < second
                    THEN cbuckets[1 + floor(pg_temp.gen_u(p.i, k + 20) * cardinality(cbuckets))::int] END AS clause2
        FROM p JOIN gen_m mr ON mr.i = p.r_i JOIN gen_m mc ON mc.i = p.c_i
    ), t AS (
        SELECT q.*,
               CASE WHEN q.clause2 IS NULL OR q.clause2 = q.clause1 THEN ARRAY[q.clause1]
                    ELSE ARRAY[q.clause1, q.clause2] END AS cited
        FROM q
    ), u AS (
        SELECT t.*, (SELECT max((ctier->>x)::int) FROM unnest(t.cited) x) AS tier,
               -- the opener, from the original complaint's point of view; flipped for its counter
               CASE WHEN t.u_open < CASE WHEN prov_f IS NOT NULL AND
                                             (CASE WHEN t.is_counter THEN t.rf ELSE t.cf END) IS NOT DISTINCT FROM prov_f
                                        THEN prov_share ELSE p_opened END THEN 'complainant'
                    WHEN t.u_open < 0.85 THEN 'respondent'
                    WHEN t.u_open < 0.93 THEN 'third-party'
                    ELSE 'unclear' END AS opened0
        FROM t
    ), v AS (
        SELECT u.*,
               CASE WHEN NOT u.is_counter THEN u.opened0
                    WHEN u.opened0 = 'complainant' THEN 'respondent'
                    WHEN u.opened0 = 'respondent' THEN 'complainant'
                    ELSE u.opened0 END AS opened_by,
               (bias_f IS NOT NULL AND u.rf IS NOT DISTINCT FROM bias_f AND (bias_t IS NULL OR u.tier = bias_t)) AS biased,
               CASE WHEN 'hateful-language' = ANY (u.cited) AND cardinality(pcbuckets) > 0
                    THEN pcbuckets[1 + floor(pg_temp.gen_u(u.i, k + 67) * cardinality(pcbuckets))::int] END AS pc,
               pg_temp.gen_u(u.i, k + 50) AS u_open_case,
               u.recv + pg_temp.gen_days(pg_temp.gen_u(u.i, k + 51), 3) * interval '1 day'
                      + floor(pg_temp.gen_u(u.i, k + 52) * 28800) * interval '1 second' AS triaged_at
        FROM u
    )
    SELECT v.*,
           CASE WHEN v.u_open_case < p_open / 2 THEN NULL
                ELSE pg_temp.gen_u(v.i, k + 53) < least(0.98, (p_pass->>v.tier::text)::float8
                                                      * CASE WHEN v.biased THEN bias_pass ELSE 1 END) END AS in_scope,
           v.u_open_case < p_open AS still_open,
           pg_temp.gen_u(v.i, k + 54) < least(0.98, (p_upheld->>v.tier::text)::float8
                                               * CASE WHEN v.biased THEN bias_up ELSE 1 END) AS upheld1,
           pg_temp.gen_u(v.i, k + 55) < least(0.98, (p_susp->>v.tier::text)::float8
                                               * CASE WHEN v.biased THEN bias_susp ELSE 1 END) AS suspended,
           pg_temp.gen_u(v.i, k + 56) < p_appeal AS appealed,
           pg_temp.gen_u(v.i, k + 57) < p_overturn AS overturned,
           pg_temp.gen_days(pg_temp.gen_u(v.i, k + 58), 14 * CASE WHEN slow_clause = ANY (v.cited) THEN slow_factor ELSE 1 END
                                                   * CASE WHEN v.pc = slow_pc THEN slow_pc_f ELSE 1 END) AS inv_days,
           pg_temp.gen_days(pg_temp.gen_u(v.i, k + 59), 6) AS panel_days,
           pg_temp.gen_days(pg_temp.gen_u(v.i, k + 60), 14) AS appeal_days,
           1 + floor(pg_temp.gen_u(v.i, k + 61) * 20)::int AS lodge_days,
           pg_temp.gen_u(v.i, k + 62) AS u_sanction1,
           pg_temp.gen_u(v.i, k + 63) AS u_sanction2,
           1 + floor(pg_temp.gen_u(v.i, k + 64) * 12)::int AS months,
           1 + floor(pg_temp.gen_u(v.i, k + 65) * 5)::int AS susp_after,
           floor(pg_temp.gen_u(v.i, k + 66) * 3)::int AS renewals
    FROM v;

    -- Derived dates and outcomes.
    ALTER TABLE gen_c ADD COLUMN investigated_at timestamptz, ADD COLUMN decided_at timestamptz,
        ADD COLUMN lodged_at timestamptz, ADD COLUMN appeal_decided_at timestamptz, ADD COLUMN closed_at timestamptz,
        ADD COLUMN upheld2 boolean, ADD COLUMN sanction1 text, ADD COLUMN sanction2 text, ADD COLUMN version_id text;
    UPDATE gen_c SET
        investigated_at = CASE WHEN in_scope THEN triaged_at + (14 + inv_days) * interval '1 day' END,
        decided_at = CASE WHEN in_scope AND NOT still_open THEN triaged_at + (14 + inv_days + panel_days) * interval '1 day' END;
    UPDATE gen_c SET
        lodged_at = CASE WHEN decided_at IS NOT NULL AND appealed THEN decided_at + lodge_days * interval '1 day' END,
        upheld1 = CASE WHEN decided_at IS NOT NULL THEN upheld1 END,
        sanction1 = CASE WHEN decided_at IS NULL THEN NULL
                         WHEN NOT upheld1 THEN 'no-action'
                         ELSE (ARRAY[ARRAY['advice-training', 'advice-training', 'advice-training'],
                                     ARRAY['advice-training', 'formal-warning', 'formal-warning'],
                                     ARRAY['advice-training', 'formal-warning', 'suspension'],
                                     ARRAY['formal-warning', 'suspension', 'referral-expulsion']])[tier][1 + floor(u_sanction1 * 3)::int] END;
    UPDATE gen_c SET
        appeal_decided_at = CASE WHEN lodged_at IS NOT NULL THEN lodged_at + appeal_days * interval '1 day' END,
        upheld2 = CASE WHEN lodged_at IS NOT NULL THEN (upheld1 <> overturned) END;
    UPDATE gen_c SET
        sanction2 = CASE WHEN lodged_at IS NULL THEN NULL
                         WHEN NOT overturned THEN sanction1
                         WHEN NOT upheld2 THEN 'no-action'
                         ELSE (ARRAY[ARRAY['advice-training', 'advice-training', 'advice-training'],
                                     ARRAY['advice-training', 'formal-warning', 'formal-warning'],
                                     ARRAY['advice-training', 'formal-warning', 'suspension'],
                                     ARRAY['formal-warning', 'suspension', 'referral-expulsion']])[tier][1 + floor(u_sanction2 * 3)::int] END,
        closed_at = CASE WHEN in_scope IS FALSE THEN triaged_at
                         WHEN lodged_at IS NOT NULL THEN appeal_decided_at
                         WHEN decided_at IS NOT NULL THEN decided_at + interval '21 days' END;
    -- The version in force on the conduct date (the first one for earlier conduct).
    UPDATE gen_c g SET version_id = v.id
    FROM (SELECT id, effective_from, lead(effective_from, 1, 'infinity'::date) OVER (ORDER BY effective_from) AS until,
                 row_number() OVER (ORDER BY effective_from) AS rn
          FROM definition_versions) v
    WHERE (g.conduct >= v.effective_from AND g.conduct < v.until) OR (v.rn = 1 AND g.conduct < v.effective_from);
    ANALYZE gen_c;

    INSERT INTO cases (ref, complainant_id, respondent_id, allegation, conduct_date, definition_version, cited_clauses,
                       status, outcome, received_at, closed_at, triaged_by, triaged_at, in_scope, engaged_clauses,
                       triage_reasons, investigator, investigation_report, investigated_at, exchange_opened_by,
                       protected_characteristic)
    SELECT prefix || '-' || lpad(i::text, 7, '0'), complainant_id, respondent_id,
           'Generated complaint ' || i || CASE WHEN is_counter THEN ' (a counter-complaint)' ELSE '' END,
           conduct, version_id, cited,
           CASE WHEN in_scope IS FALSE THEN 'DISMISSED' WHEN closed_at IS NOT NULL THEN 'CLOSED' ELSE 'OPEN' END,
           CASE WHEN in_scope IS FALSE THEN 'DISMISSED_AT_TRIAGE'
                WHEN lodged_at IS NOT NULL THEN CASE WHEN upheld2 THEN 'UPHELD' ELSE 'NOT_UPHELD' END
                WHEN decided_at IS NOT NULL THEN CASE WHEN upheld1 THEN 'UPHELD' ELSE 'NOT_UPHELD' END END,
           recv, closed_at,
           CASE WHEN in_scope IS NOT NULL THEN 'generator' END,
           CASE WHEN in_scope IS NOT NULL THEN triaged_at END,
           in_scope,
           CASE WHEN in_scope THEN cited WHEN in_scope IS FALSE THEN '{}'::text[] END,
           CASE WHEN in_scope IS NOT NULL THEN 'Generated triage' END,
           CASE WHEN in_scope THEN 'generator' END,
           CASE WHEN investigated_at IS NOT NULL AND NOT still_open THEN 'Generated report' END,
           CASE WHEN NOT still_open THEN investigated_at END,
           CASE WHEN in_scope IS NOT NULL THEN opened_by END,
           CASE WHEN in_scope THEN pc END
    FROM gen_c ORDER BY i;

    DROP TABLE IF EXISTS pg_temp.gen_ids;
    CREATE TEMP TABLE gen_ids ON COMMIT DROP AS
    SELECT substr(ref, length(prefix) + 2)::int AS i, id FROM cases WHERE ref LIKE prefix || '-%';
    ALTER TABLE gen_ids ADD PRIMARY KEY (i);
    ANALYZE gen_ids;

    INSERT INTO decisions (case_id, bench, definition_version, findings, upheld, sanction, sanction_months, reasons,
                           appeal_allowed, decided_at)
    SELECT x.id, 'decision', g.version_id,
           (SELECT jsonb_agg(jsonb_build_object('clause', c, 'upheld', g.upheld1)) FROM unnest(g.cited) c),
           g.upheld1, g.sanction1, CASE WHEN g.sanction1 = 'suspension' THEN g.months END, 'Generated decision', NULL,
           g.decided_at
    FROM gen_c g JOIN gen_ids x USING (i) WHERE g.decided_at IS NOT NULL;
    GET DIAGNOSTICS n_dec = ROW_COUNT;

    INSERT INTO appeals (case_id, lodged_by, party, grounds, statement, lodged_at)
    SELECT x.id, CASE WHEN g.upheld1 THEN g.respondent_id ELSE g.complainant_id END,
           CASE WHEN g.upheld1 THEN 'respondent' ELSE 'complainant' END, ARRAY['perverse-finding'],
           'Generated appeal', g.lodged_at
    FROM gen_c g JOIN gen_ids x USING (i) WHERE g.lodged_at IS NOT NULL;
    GET DIAGNOSTICS n_app = ROW_COUNT;

    INSERT INTO decisions (case_id, bench, definition_version, findings, upheld, sanction, sanction_months, reasons,
                           appeal_allowed, decided_at)
    SELECT x.id, 'appeal', g.version_id,
           (SELECT jsonb_agg(jsonb_build_object('clause', c, 'upheld', g.upheld2)) FROM unnest(g.cited) c),
           g.upheld2, g.sanction2, CASE WHEN g.sanction2 = 'suspension' THEN g.months END, 'Generated appeal decision',
           g.overturned, g.appeal_decided_at
    FROM gen_c g JOIN gen_ids x USING (i) WHERE g.lodged_at IS NOT NULL;

    INSERT INTO interim_suspensions (case_id, imposed_by, reasons, imposed_at, renewals, lifted_at, lift_reason)
    SELECT x.id, 'generator', 'Generated interim suspension', g.triaged_at + g.susp_after * interval '1 day',
           CASE WHEN g.closed_at IS NULL THEN 0 ELSE g.renewals END,
           CASE WHEN g.closed_at IS NULL THEN NULL
                ELSE least(g.closed_at, g.triaged_at + (g.susp_after + 28 * (g.renewals + 1)) * interval '1 day') END,
           CASE WHEN g.closed_at IS NULL THEN NULL ELSE 'generated' END
    FROM gen_c g JOIN gen_ids x USING (i) WHERE g.in_scope AND g.suspended;
    GET DIAGNOSTICS n_susp = ROW_COUNT;

    -- Overdue stages (the escalations the process raises when a stage target passes).
    INSERT INTO timeline_entries (case_id, at, actor, kind, summary, audience)
    SELECT x.id, o.at, 'process', 'overdue', 'Stage target passed; escalation raised: ' || o.stage, 'staff'
    FROM gen_c g JOIN gen_ids x USING (i)
    CROSS JOIN LATERAL (VALUES
        ('Deal with overdue triage', g.recv + interval '7 days',
            g.in_scope IS NOT NULL AND g.triaged_at > g.recv + interval '7 days'),
        ('Deal with overdue investigation', g.triaged_at + interval '42 days',
            g.in_scope AND g.inv_days > 28),
        ('Deal with overdue panel decision', g.investigated_at + interval '14 days',
            g.decided_at IS NOT NULL AND g.panel_days > 14),
        ('Deal with overdue appeal', g.lodged_at + interval '28 days',
            g.lodged_at IS NOT NULL AND g.appeal_days > 28)) AS o(stage, at, due)
    WHERE o.due;
    GET DIAGNOSTICS n_over = ROW_COUNT;

    -- The confidence survey (docs/data-protection/confidence-survey.md): of each ended case, a share of
    -- the parties answered (the respondent only if the allegation was put to them) within weeks of
    -- the end, with scores lower when the outcome went against them; most who had declared a faction
    -- gave it. Written as already mixed: no case, member or time, only the quarter.
    INSERT INTO confidence_answers (id, quarter, role, outcome_band, faction, heard, neutral, respect, trust)
    SELECT md5(prefix || '-' || a.i || '-' || a.role)::uuid,
           date_trunc('quarter', a.at AT TIME ZONE 'Europe/London')::date, a.role, a.band,
           CASE WHEN a.faction <> 'prefer-not-to-say' AND pg_temp.gen_u(a.i, k + a.s + 1) < 0.7 THEN a.faction END,
           greatest(1, least(5, round(a.base + 0.1 + (pg_temp.gen_u(a.i, k + a.s + 2) + pg_temp.gen_u(a.i, k + a.s + 3)
                + pg_temp.gen_u(a.i, k + a.s + 4) - 1.5) * 1.6)))::smallint,
           greatest(1, least(5, round(a.base + (pg_temp.gen_u(a.i, k + a.s + 5) + pg_temp.gen_u(a.i, k + a.s + 6)
                + pg_temp.gen_u(a.i, k + a.s + 7) - 1.5) * 1.6)))::smallint,
           greatest(1, least(5, round(a.base + 0.4 + (pg_temp.gen_u(a.i, k + a.s + 8) + pg_temp.gen_u(a.i, k + a.s + 9)
                + pg_temp.gen_u(a.i, k + a.s + 10) - 1.5) * 1.6)))::smallint,
           greatest(1, least(5, round(a.base - 0.2 + (pg_temp.gen_u(a.i, k + a.s + 11) + pg_temp.gen_u(a.i, k + a.s + 12)
                + pg_temp.gen_u(a.i, k + a.s + 13) - 1.5) * 1.6)))::smallint
    FROM (SELECT g.i, pp.role, pp.s, pp.faction,
                 CASE WHEN g.in_scope IS FALSE THEN 'dismissed-at-triage'
                      WHEN coalesce(g.upheld2, g.upheld1) THEN 'upheld' ELSE 'not-upheld' END AS band,
                 CASE WHEN g.in_scope IS FALSE THEN 2.3
                      WHEN coalesce(g.upheld2, g.upheld1) = (pp.role = 'complainant') THEN 3.9 ELSE 2.4 END AS base,
                 g.closed_at + pg_temp.gen_days(pg_temp.gen_u(g.i, k + pp.s), 7) * interval '1 day' AS at
          FROM gen_c g
          CROSS JOIN LATERAL (VALUES ('complainant', 70, g.cf), ('respondent', 90, g.rf)) AS pp(role, s, faction)
          WHERE g.closed_at IS NOT NULL AND (pp.role = 'complainant' OR g.in_scope)
            AND pg_temp.gen_u(g.i, k + pp.s + 14) < p_survey) a
    WHERE a.at <= now()
    ORDER BY 1;
    GET DIAGNOSTICS n_survey = ROW_COUNT;

    RETURN jsonb_build_object('prefix', prefix, 'members', n_members, 'declarations', n_decl, 'cases', n_cases,
                              'decisions', n_dec, 'appeals', n_app, 'suspensions', n_susp, 'overdue', n_over,
                              'survey_answers', n_survey);
END
$fn$;

-- Fairness audit (issue 5).
--
-- Faction declarations are special category data (UK GDPR Art. 9: political opinions). They are
-- kept apart from case data, in tables that only org.evenhand.audit reads or writes
-- (ArchitectureTest), and are used only in aggregate.

-- A member's current, self-declared faction. Withdrawal deletes the row.
CREATE TABLE faction_declarations (
    member_id       BIGINT PRIMARY KEY REFERENCES members (id),
    faction         TEXT NOT NULL,
    notice_version  TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    declared_at     TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- The consent record (Art. 7(1): consent must be demonstrable): who, when, which notice, which
-- purpose, and each change or withdrawal. It never holds the faction itself, so a withdrawal
-- leaves no trace of what was declared.
CREATE TABLE faction_consent_events (
    id              BIGSERIAL PRIMARY KEY,
    member_id       BIGINT NOT NULL REFERENCES members (id),
    event           TEXT NOT NULL CHECK (event IN ('given', 'changed', 'withdrawn')),
    notice_version  TEXT,
    purpose         TEXT,
    at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX faction_consent_member_idx ON faction_consent_events (member_id, id);

-- Reports kept: every quarterly report, and any report the NEC asked to keep. The report is
-- stored as generated (JSON); CSV and PDF are rendered from it, so they never drift apart.
CREATE TABLE audit_reports (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('quarterly', 'on-demand')),
    period_from     DATE NOT NULL,
    period_to       DATE NOT NULL,
    parameters      JSONB NOT NULL,
    generated_at    TIMESTAMPTZ NOT NULL,
    generated_by    TEXT NOT NULL,
    data_sha256     TEXT NOT NULL,
    report          JSONB NOT NULL
);
CREATE UNIQUE INDEX audit_reports_one_quarterly ON audit_reports (period_from, period_to) WHERE kind = 'quarterly';
CREATE INDEX audit_reports_generated_idx ON audit_reports (generated_at DESC);

-- ---------------------------------------------------------------------------------------------
-- Audit facts: one narrow row per case with what the fairness report counts, so that a report
-- over a million cases is one pass over one table (docs/decisions/0005-fairness-audit-facts.md).
-- Kept in step with the case tables by the statement-level triggers below, whoever writes them
-- (the application, the data generator, a repair by hand). It holds the parties' declared
-- factions too, so it is audit data: only org.evenhand.audit reads it.

-- Every distinct list of clauses cited or engaged, with the definition version it cites; the
-- report maps each to its severity tier and lead clause with that published version (which never
-- changes).
CREATE TABLE audit_clause_sets (
    id                  INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    definition_version  TEXT NOT NULL,
    clauses             TEXT[] NOT NULL,
    UNIQUE (definition_version, clauses)
);

CREATE TABLE audit_case_facts (
    case_id               BIGINT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    received_at           TIMESTAMPTZ NOT NULL,
    conduct_date          DATE NOT NULL,
    respondent_id         BIGINT NOT NULL,
    complainant_id        BIGINT NOT NULL,
    respondent_faction    TEXT,                 -- NULL: not declared
    complainant_faction   TEXT,
    cited_set             INT NOT NULL,         -- audit_clause_sets.id
    engaged_set           INT,                  -- once triage has found it in scope
    in_scope              BOOLEAN,              -- NULL until triaged
    opened_by             SMALLINT,             -- who opened the exchange, as triage read it: 1 complainant,
                                                --   2 respondent, 3 third party, 4 unclear (a number: cheaper to count)
    decision_days         INT,                  -- whole days from receipt to the panel's decision
    upheld                BOOLEAN,              -- final: the appeal panel's if there was an appeal
    sanction              TEXT,                 -- final
    appealed              BOOLEAN NOT NULL DEFAULT FALSE,
    appeal_decided        BOOLEAN NOT NULL DEFAULT FALSE,
    overturned            BOOLEAN NOT NULL DEFAULT FALSE,
    suspended_at          TIMESTAMPTZ,          -- first interim suspension
    suspension_ended_at   TIMESTAMPTZ,          -- NULL while one is in force
    overdue               SMALLINT NOT NULL DEFAULT 0,   -- stage escalations raised
    -- Counter-complaints: the latest earlier complaint with the parties reversed, and how far
    -- apart the two are (receipt, conduct); on that earlier complaint, the nearest such reply.
    prior_case_id         BIGINT,
    prior_gap_days        INT,
    prior_conduct_gap     INT,
    countered_gap_days    INT,
    countered_conduct_gap INT
);
CREATE INDEX audit_case_facts_received_idx ON audit_case_facts (received_at);
CREATE INDEX audit_case_facts_respondent_idx ON audit_case_facts (respondent_id);
CREATE INDEX audit_case_facts_parties_idx ON audit_case_facts (complainant_id, respondent_id, received_at);
CREATE INDEX audit_case_facts_suspended_idx ON audit_case_facts (received_at) WHERE suspended_at IS NOT NULL;
CREATE INDEX audit_case_facts_prior_idx ON audit_case_facts (prior_case_id) WHERE prior_case_id IS NOT NULL;
-- The report groups by these together; without joint statistics the planner guesses hundreds of
-- thousands of groups and sorts a million rows instead of hashing a few thousand groups.
CREATE STATISTICS audit_case_facts_groups (ndistinct)
    ON respondent_faction, complainant_faction, cited_set, engaged_set FROM audit_case_facts;
CREATE STATISTICS audit_case_facts_days (ndistinct)
    ON respondent_faction, complainant_faction, decision_days FROM audit_case_facts;
CREATE STATISTICS audit_case_facts_clause_days (ndistinct) ON engaged_set, decision_days FROM audit_case_facts;

CREATE FUNCTION audit_opener(opened_by TEXT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE opened_by WHEN 'complainant' THEN 1 WHEN 'respondent' THEN 2 WHEN 'third-party' THEN 3
                          WHEN 'unclear' THEN 4 END::smallint
$$;

-- Links complaints to the earlier complaint they answer (B reports A after A reported B): for the
-- given cases, and for any later complaint between the same two people whose link a newly
-- inserted (or removed) earlier complaint changes; then each answered complaint's nearest reply.
CREATE FUNCTION audit_facts_link_counters(ids BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    relink BIGINT[];
    reanswer BIGINT[];
BEGIN
    SELECT array_agg(DISTINCT x) INTO relink FROM (
        SELECT unnest(ids) AS x
        UNION
        SELECT q.case_id FROM audit_case_facts n
        JOIN audit_case_facts q ON q.complainant_id = n.respondent_id AND q.respondent_id = n.complainant_id
                               AND q.received_at >= n.received_at AND q.case_id <> n.case_id
        WHERE n.case_id IN (SELECT unnest(ids))) r;
    IF relink IS NULL THEN
        RETURN;
    END IF;
    SELECT array_agg(DISTINCT prior_case_id) INTO reanswer FROM audit_case_facts
    WHERE case_id IN (SELECT unnest(relink)) AND prior_case_id IS NOT NULL;
    UPDATE audit_case_facts f
    SET prior_case_id = p.case_id,
        prior_gap_days = floor(extract(epoch FROM f.received_at - p.received_at) / 86400)::int,
        prior_conduct_gap = abs(f.conduct_date - p.conduct_date)
    FROM (SELECT unnest(relink) AS case_id) r
    LEFT JOIN LATERAL (SELECT q.case_id, q.received_at, q.conduct_date
                       FROM audit_case_facts n, audit_case_facts q
                       WHERE n.case_id = r.case_id
                         AND q.complainant_id = n.respondent_id AND q.respondent_id = n.complainant_id
                         AND q.received_at <= n.received_at AND q.case_id <> n.case_id
                       ORDER BY q.received_at DESC, q.case_id DESC LIMIT 1) p ON TRUE
    WHERE f.case_id = r.case_id
      AND (f.prior_case_id IS DISTINCT FROM p.case_id OR p.case_id IS NOT NULL AND f.prior_gap_days IS NULL);
    SELECT array_agg(DISTINCT x) INTO reanswer FROM (
        SELECT unnest(reanswer) AS x
        UNION
        SELECT prior_case_id FROM audit_case_facts
        WHERE case_id IN (SELECT unnest(relink)) AND prior_case_id IS NOT NULL) a;
    UPDATE audit_case_facts f
    SET countered_gap_days = x.prior_gap_days, countered_conduct_gap = x.prior_conduct_gap
    FROM (SELECT unnest(reanswer) AS case_id) a
    LEFT JOIN LATERAL (SELECT c.prior_gap_days, c.prior_conduct_gap FROM audit_case_facts c
                       WHERE c.prior_case_id = a.case_id
                       ORDER BY c.prior_gap_days, c.prior_conduct_gap LIMIT 1) x ON TRUE
    WHERE f.case_id = a.case_id
      AND (f.countered_gap_days, f.countered_conduct_gap) IS DISTINCT FROM (x.prior_gap_days, x.prior_conduct_gap);
END $$;

CREATE FUNCTION audit_facts_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_clause_sets (definition_version, clauses)
    SELECT definition_version, cited_clauses FROM new_cases
    UNION SELECT definition_version, engaged_clauses FROM new_cases WHERE in_scope
    ON CONFLICT DO NOTHING;
    INSERT INTO audit_case_facts (case_id, received_at, conduct_date, respondent_id, complainant_id,
                                  respondent_faction, complainant_faction, cited_set, engaged_set, in_scope, opened_by)
    SELECT n.id, n.received_at, n.conduct_date, n.respondent_id, n.complainant_id, fr.faction, fc.faction,
           cs.id, es.id, n.in_scope, audit_opener(n.exchange_opened_by)
    FROM new_cases n
    JOIN audit_clause_sets cs ON cs.definition_version = n.definition_version AND cs.clauses = n.cited_clauses
    LEFT JOIN audit_clause_sets es ON n.in_scope AND es.definition_version = n.definition_version
                                   AND es.clauses = n.engaged_clauses
    LEFT JOIN faction_declarations fr ON fr.member_id = n.respondent_id
    LEFT JOIN faction_declarations fc ON fc.member_id = n.complainant_id;
    PERFORM audit_facts_link_counters(ARRAY(SELECT id FROM new_cases));
    RETURN NULL;
END $$;
CREATE TRIGGER audit_facts_cases_inserted AFTER INSERT ON cases
    REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_cases_inserted();

CREATE FUNCTION audit_facts_cases_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_clause_sets (definition_version, clauses)
    SELECT definition_version, cited_clauses FROM new_cases
    UNION SELECT definition_version, engaged_clauses FROM new_cases WHERE in_scope
    ON CONFLICT DO NOTHING;
    UPDATE audit_case_facts f
    SET received_at = n.received_at, conduct_date = n.conduct_date, cited_set = cs.id, engaged_set = es.id,
        in_scope = n.in_scope, opened_by = audit_opener(n.exchange_opened_by)
    FROM new_cases n
    JOIN audit_clause_sets cs ON cs.definition_version = n.definition_version AND cs.clauses = n.cited_clauses
    LEFT JOIN audit_clause_sets es ON n.in_scope AND es.definition_version = n.definition_version
                                   AND es.clauses = n.engaged_clauses
    WHERE f.case_id = n.id
      AND (f.received_at, f.conduct_date, f.cited_set, f.engaged_set, f.in_scope, f.opened_by)
          IS DISTINCT FROM (n.received_at, n.conduct_date, cs.id, es.id, n.in_scope, audit_opener(n.exchange_opened_by));
    RETURN NULL;
END $$;
CREATE TRIGGER audit_facts_cases_updated AFTER UPDATE ON cases
    REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_cases_updated();

-- A complaint removed (its facts go with it): complaints that answered it are linked afresh.
CREATE FUNCTION audit_facts_cases_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM audit_facts_link_counters(ARRAY(SELECT f.case_id FROM audit_case_facts f
                                            WHERE f.prior_case_id IN (SELECT id FROM old_cases)));
    RETURN NULL;
END $$;
CREATE TRIGGER audit_facts_cases_deleted AFTER DELETE ON cases
    REFERENCING OLD TABLE AS old_cases FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_cases_deleted();

-- Decisions, appeals and suspensions: the affected cases' columns are recomputed from the source.
CREATE FUNCTION audit_facts_refresh_decisions(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE audit_case_facts f
    SET decision_days = floor(extract(epoch FROM d1.decided_at - f.received_at) / 86400)::int,
        upheld = coalesce(d2.upheld, d1.upheld), sanction = coalesce(d2.sanction, d1.sanction),
        appeal_decided = d2.case_id IS NOT NULL, overturned = coalesce(d2.appeal_allowed, FALSE)
    FROM (SELECT DISTINCT unnest(ids) AS case_id) k
    LEFT JOIN decisions d1 ON d1.case_id = k.case_id AND d1.bench = 'decision'
    LEFT JOIN decisions d2 ON d2.case_id = k.case_id AND d2.bench = 'appeal'
    WHERE f.case_id = k.case_id
$$;

CREATE FUNCTION audit_facts_refresh_appeals(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE audit_case_facts f SET appealed = a.case_id IS NOT NULL
    FROM (SELECT DISTINCT unnest(ids) AS case_id) k
    LEFT JOIN appeals a ON a.case_id = k.case_id
    WHERE f.case_id = k.case_id
$$;

CREATE FUNCTION audit_facts_refresh_suspensions(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE audit_case_facts f
    SET suspended_at = s.first_imposed,
        suspension_ended_at = CASE WHEN s.active > 0 THEN NULL ELSE s.last_lifted END
    FROM (SELECT k.case_id, min(i.imposed_at) AS first_imposed, max(i.lifted_at) AS last_lifted,
                 count(i.id) FILTER (WHERE i.lifted_at IS NULL) AS active
          FROM (SELECT DISTINCT unnest(ids) AS case_id) k
          LEFT JOIN interim_suspensions i ON i.case_id = k.case_id
          GROUP BY k.case_id) s
    WHERE f.case_id = s.case_id
$$;

CREATE FUNCTION audit_facts_refresh_overdue(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE audit_case_facts f
    SET overdue = (SELECT count(*) FROM timeline_entries t WHERE t.case_id = f.case_id AND t.kind = 'overdue')
    WHERE f.case_id IN (SELECT unnest(ids))
$$;

CREATE FUNCTION audit_facts_child_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids BIGINT[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT case_id) INTO ids FROM old_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(DISTINCT case_id) INTO ids FROM (SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows) x;
    ELSE
        SELECT array_agg(DISTINCT case_id) INTO ids FROM new_rows;
    END IF;
    IF ids IS NULL THEN
        RETURN NULL;
    END IF;
    CASE TG_TABLE_NAME
        WHEN 'decisions' THEN PERFORM audit_facts_refresh_decisions(ids);
        WHEN 'appeals' THEN PERFORM audit_facts_refresh_appeals(ids);
        WHEN 'interim_suspensions' THEN PERFORM audit_facts_refresh_suspensions(ids);
        WHEN 'timeline_entries' THEN PERFORM audit_facts_refresh_overdue(ids);
    END CASE;
    RETURN NULL;
END $$;

CREATE TRIGGER audit_facts_decisions_ins AFTER INSERT ON decisions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_child_changed();
CREATE TRIGGER audit_facts_decisions_upd AFTER UPDATE ON decisions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_child_changed();
CREATE TRIGGER audit_facts_decisions_del AFTER DELETE ON decisions REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_child_changed();
CREATE TRIGGER audit_facts_appeals_ins AFTER INSERT ON appeals REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_child_changed();
CREATE TRIGGER audit_facts_appeals_upd AFTER UPDATE ON appeals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_child_changed();
CREATE TRIGGER audit_facts_appeals_del AFTER DELETE ON appeals REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_child_changed();
CREATE TRIGGER audit_facts_suspensions_ins AFTER INSERT ON interim_suspensions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_child_changed();
CREATE TRIGGER audit_facts_suspensions_upd AFTER UPDATE ON interim_suspensions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_child_changed();
CREATE TRIGGER audit_facts_suspensions_del AFTER DELETE ON interim_suspensions REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_child_changed();

-- Overdue stages: an insert adds to the count (so concurrent writers never lose one); a delete recounts.
CREATE FUNCTION audit_facts_overdue_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE audit_case_facts f SET overdue = f.overdue + x.n
    FROM (SELECT case_id, count(*) AS n FROM new_rows WHERE kind = 'overdue' GROUP BY case_id) x
    WHERE f.case_id = x.case_id;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_facts_timeline_ins AFTER INSERT ON timeline_entries REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_overdue_added();
CREATE TRIGGER audit_facts_timeline_del AFTER DELETE ON timeline_entries REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_child_changed();

-- A declaration, change or withdrawal moves the member's cases between factions. The member rows
-- are locked first: a case being filed against or by the member holds a key-share lock on them
-- (its foreign-key check) until it commits, so the two cannot interleave and leave a stale faction.
CREATE FUNCTION audit_facts_faction_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM 1 FROM members m WHERE m.id IN (SELECT member_id FROM old_rows) ORDER BY m.id FOR UPDATE;
        UPDATE audit_case_facts f SET respondent_faction = NULL
        FROM old_rows o WHERE f.respondent_id = o.member_id AND f.respondent_faction IS NOT NULL;
        UPDATE audit_case_facts f SET complainant_faction = NULL
        FROM old_rows o WHERE f.complainant_id = o.member_id AND f.complainant_faction IS NOT NULL;
    ELSE
        PERFORM 1 FROM members m WHERE m.id IN (SELECT member_id FROM new_rows) ORDER BY m.id FOR UPDATE;
        UPDATE audit_case_facts f SET respondent_faction = n.faction
        FROM new_rows n WHERE f.respondent_id = n.member_id AND f.respondent_faction IS DISTINCT FROM n.faction;
        UPDATE audit_case_facts f SET complainant_faction = n.faction
        FROM new_rows n WHERE f.complainant_id = n.member_id AND f.complainant_faction IS DISTINCT FROM n.faction;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_facts_faction_ins AFTER INSERT ON faction_declarations REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_faction_changed();
CREATE TRIGGER audit_facts_faction_upd AFTER UPDATE ON faction_declarations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_faction_changed();
CREATE TRIGGER audit_facts_faction_del AFTER DELETE ON faction_declarations REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_facts_faction_changed();

-- Members by declared faction ('*': all members), kept by the same kind of triggers, so that the
-- report's denominators cost nothing to read.
CREATE TABLE audit_member_counts (
    faction  TEXT PRIMARY KEY,
    members  BIGINT NOT NULL
);

CREATE FUNCTION audit_count_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'members' AND TG_OP = 'INSERT' THEN
        INSERT INTO audit_member_counts AS m (faction, members) SELECT '*', count(*) FROM new_rows
        ON CONFLICT (faction) DO UPDATE SET members = m.members + excluded.members;
    ELSIF TG_TABLE_NAME = 'members' THEN
        UPDATE audit_member_counts SET members = members - (SELECT count(*) FROM old_rows) WHERE faction = '*';
    ELSE
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO audit_member_counts AS m (faction, members)
            SELECT faction, count(*) FROM new_rows GROUP BY faction
            ON CONFLICT (faction) DO UPDATE SET members = m.members + excluded.members;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            UPDATE audit_member_counts m SET members = m.members - x.n
            FROM (SELECT faction, count(*) AS n FROM old_rows GROUP BY faction) x WHERE m.faction = x.faction;
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_count_members_ins AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_count_members();
CREATE TRIGGER audit_count_members_del AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_count_members();
CREATE TRIGGER audit_count_factions_ins AFTER INSERT ON faction_declarations REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_count_members();
CREATE TRIGGER audit_count_factions_upd AFTER UPDATE ON faction_declarations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_count_members();
CREATE TRIGGER audit_count_factions_del AFTER DELETE ON faction_declarations REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_count_members();

-- Facts for the cases already in the database.
INSERT INTO audit_clause_sets (definition_version, clauses)
SELECT definition_version, cited_clauses FROM cases
UNION SELECT definition_version, engaged_clauses FROM cases WHERE in_scope
ON CONFLICT DO NOTHING;
INSERT INTO audit_case_facts (case_id, received_at, conduct_date, respondent_id, complainant_id, cited_set,
                              engaged_set, in_scope, opened_by)
SELECT c.id, c.received_at, c.conduct_date, c.respondent_id, c.complainant_id, cs.id, es.id, c.in_scope,
       audit_opener(c.exchange_opened_by)
FROM cases c
JOIN audit_clause_sets cs ON cs.definition_version = c.definition_version AND cs.clauses = c.cited_clauses
LEFT JOIN audit_clause_sets es ON c.in_scope AND es.definition_version = c.definition_version
                               AND es.clauses = c.engaged_clauses;
SELECT audit_facts_refresh_decisions(ARRAY(SELECT DISTINCT case_id FROM decisions));
SELECT audit_facts_refresh_appeals(ARRAY(SELECT case_id FROM appeals));
SELECT audit_facts_refresh_suspensions(ARRAY(SELECT DISTINCT case_id FROM interim_suspensions));
SELECT audit_facts_refresh_overdue(ARRAY(SELECT DISTINCT case_id FROM timeline_entries WHERE kind = 'overdue'));
SELECT audit_facts_link_counters(ARRAY(SELECT case_id FROM audit_case_facts));
INSERT INTO audit_member_counts (faction, members)
SELECT '*', count(*) FROM members UNION ALL SELECT faction, count(*) FROM faction_declarations GROUP BY faction;

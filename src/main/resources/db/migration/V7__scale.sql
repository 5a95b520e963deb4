-- Party scale (issue 8). Decisions: docs/decisions/0010-intake-acknowledges-first.md,
-- 0011-trail-chained-behind-its-writers.md, 0012-pile-on-merging.md.

-- ---------------------------------------------------------------------------------------------
-- 1. Intake acknowledges first. POST /api/complaints stores the case with status RECEIVED and no
-- process; the starter (casework.ProcessStarter) starts the processes of received cases in
-- batches, one transaction per batch, with FOR UPDATE SKIP LOCKED so several nodes can share the
-- work and no case is started twice. A case whose start fails alone waits (start_after) and is
-- tried again; it is never dropped.
ALTER TABLE cases ADD COLUMN start_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN start_after    TIMESTAMPTZ;
ALTER TABLE cases ADD COLUMN start_error    TEXT;
CREATE INDEX cases_received_idx ON cases (id) WHERE status = 'RECEIVED';

-- The complaint's current stage (its wait state in the process) and that stage's deadline where a
-- party has one (response window, appeal window), written by the process in the transaction that
-- moves it, so that the member's view needs no engine query.
ALTER TABLE cases ADD COLUMN stage      TEXT;
ALTER TABLE cases ADD COLUMN stage_due  TIMESTAMPTZ;

-- ---------------------------------------------------------------------------------------------
-- 2. Pile-on merging. Complaints about the same conduct (same respondent, same post: by its
-- normalised link or by a keyed fingerprint of the normalised excerpt) within the merge window join
-- the first complaint's case. The first complainant stays on cases.complainant_id; the others are
-- here, each with their own allegation (sealed under the case's key), conduct date and clauses.
CREATE TABLE case_complainants (
    id                  BIGSERIAL PRIMARY KEY,
    case_id             BIGINT NOT NULL REFERENCES cases (id),
    member_id           BIGINT REFERENCES members (id),      -- NULL once erased or anonymised
    allegation          TEXT,                                -- sealed; NULL once erased
    conduct_date        DATE NOT NULL,
    conduct_link        TEXT,
    definition_version  TEXT NOT NULL REFERENCES definition_versions (id),
    cited_clauses       TEXT[] NOT NULL,
    matched_on          TEXT NOT NULL CHECK (matched_on IN ('link', 'excerpt')),
    filed_at            TIMESTAMPTZ NOT NULL,
    erased_at           TIMESTAMPTZ
);
CREATE UNIQUE INDEX case_complainants_member_idx ON case_complainants (case_id, member_id);
CREATE INDEX case_complainants_filed_idx ON case_complainants (member_id, filed_at);
CREATE INDEX case_complainants_case_filed_idx ON case_complainants (case_id, filed_at);

-- What identifies the conduct a case is about: 'link:' or 'excerpt:' and an HMAC (keyed with a key
-- derived from the master key, so the table cannot be used to confirm a guessed text).
CREATE TABLE conduct_keys (
    respondent_id  BIGINT NOT NULL REFERENCES members (id),
    conduct_key    TEXT NOT NULL,
    case_id        BIGINT NOT NULL REFERENCES cases (id),
    opened_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (respondent_id, conduct_key, case_id)
);
CREATE INDEX conduct_keys_case_idx ON conduct_keys (case_id);

-- The audit sees surges: how many complainants each case has (the first and those who joined).
-- The count is kept on the case's facts row (V4) by this trigger; it is never read by the process.
ALTER TABLE audit_case_facts ADD COLUMN complainants INT NOT NULL DEFAULT 1;
CREATE FUNCTION evenhand_audit_complainants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE audit_case_facts f SET complainants = f.complainants + n.joined
        FROM (SELECT case_id, count(*) AS joined FROM added GROUP BY case_id) n WHERE f.case_id = n.case_id;
    ELSE
        UPDATE audit_case_facts f SET complainants = greatest(1, f.complainants - o.left_)
        FROM (SELECT case_id, count(*) AS left_ FROM removed GROUP BY case_id) o WHERE f.case_id = o.case_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER case_complainants_audit_added AFTER INSERT ON case_complainants
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION evenhand_audit_complainants();
CREATE TRIGGER case_complainants_audit_removed AFTER DELETE ON case_complainants
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION evenhand_audit_complainants();

-- A timeline entry (letter) addressed to one complainant of several: only they (and staff) see it.
ALTER TABLE timeline_entries ADD COLUMN member_id BIGINT REFERENCES members (id);

-- ---------------------------------------------------------------------------------------------
-- 3. The action trail no longer serialises its writers. Actions are appended to trail_inbox with
-- no lock; the chainer (trail.TrailChainer, one node at a time under the chain's advisory lock)
-- moves them, in inbox order and in batches, into trail_entries with their hashes, and deletes
-- them from the inbox in the same transaction. trail_entries keeps its format and its verifier.
CREATE SEQUENCE trail_inbox_id_seq INCREMENT BY 50;
CREATE TABLE trail_inbox (
    id        BIGINT PRIMARY KEY DEFAULT nextval('trail_inbox_id_seq'),
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    case_ref  TEXT,
    detail    TEXT NOT NULL
);
ALTER SEQUENCE trail_inbox_id_seq OWNED BY trail_inbox.id;
CREATE INDEX trail_inbox_case_idx ON trail_inbox (case_ref);

-- The chained entry records which inbox row it came from (not part of the hash).
ALTER TABLE trail_entries ADD COLUMN inbox_id BIGINT;
CREATE UNIQUE INDEX trail_entries_inbox_idx ON trail_entries (inbox_id);

-- The inbox is as append-only as the trail, with one exception: a row may leave it once the
-- same entry (same time, actor, action, case and detail) is in the chain. So whoever can write to
-- it cannot make an action disappear before it is chained; they can only chain it.
CREATE FUNCTION evenhand_trail_inbox_chained_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unchained BIGINT;
BEGIN
    SELECT g.id INTO unchained FROM gone g
    WHERE NOT EXISTS (SELECT 1 FROM trail_entries e
                      WHERE e.inbox_id = g.id AND e.at = g.at AND e.actor = g.actor AND e.action = g.action
                        AND e.case_ref IS NOT DISTINCT FROM g.case_ref AND e.detail = g.detail)
    LIMIT 1;
    IF unchained IS NOT NULL THEN
        RAISE EXCEPTION 'DELETE on trail_inbox refused: entry % is not in the chain; the table is append-only', unchained
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER trail_inbox_chained_only AFTER DELETE ON trail_inbox
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION evenhand_trail_inbox_chained_only();
CREATE TRIGGER trail_inbox_append_only BEFORE UPDATE ON trail_inbox
    FOR EACH ROW EXECUTE FUNCTION evenhand_append_only();
CREATE TRIGGER trail_inbox_no_truncate BEFORE TRUNCATE ON trail_inbox
    FOR EACH STATEMENT EXECUTE FUNCTION evenhand_append_only();
REVOKE UPDATE, TRUNCATE ON trail_inbox FROM PUBLIC;

-- Everything recorded, chained or not yet: what readers of the trail (case views, subject access,
-- tests) query. One statement sees one snapshot, so an entry being moved is counted once.
CREATE VIEW trail_log AS
    SELECT id AS entry_id, inbox_id, at, actor, action, case_ref, detail, TRUE AS chained FROM trail_entries
    UNION ALL
    SELECT NULL::BIGINT, id, at, actor, action, case_ref, detail, FALSE FROM trail_inbox;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'evenhand_app') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON case_complainants, conduct_keys TO evenhand_app;
        GRANT SELECT, INSERT, DELETE ON trail_inbox TO evenhand_app;
        REVOKE UPDATE, TRUNCATE, TRIGGER, REFERENCES ON trail_inbox FROM evenhand_app;
        GRANT SELECT ON trail_log TO evenhand_app;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON trail_log FROM evenhand_app;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO evenhand_app;
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- 4. Rows a request writes several of (timeline entries, letters, evidence, trail actions) take
-- their ids from sequences in blocks of 50 (Hibernate's pooled optimizer), so that they are
-- inserted in one JDBC batch at commit instead of one round trip each. Inserts that use the
-- column default still work: each takes a whole block.
ALTER SEQUENCE timeline_entries_id_seq INCREMENT BY 50;
ALTER SEQUENCE notifications_id_seq INCREMENT BY 50;
ALTER SEQUENCE evidence_items_id_seq INCREMENT BY 50;

-- ---------------------------------------------------------------------------------------------
-- 5. The audit's insert trigger (V4) links counter-complaints only where a complaint between the
-- same two people the other way round exists; almost every filing has none, and the linking pass
-- cost about 0.85 ms of the 1 ms the trigger took per filing (pg_stat_statements under
-- bench/intake.sh). Without a reversed pair there is nothing to link, so the result is the same.
CREATE OR REPLACE FUNCTION audit_facts_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF EXISTS (SELECT 1 FROM new_cases n JOIN audit_case_facts q
               ON q.complainant_id = n.respondent_id AND q.respondent_id = n.complainant_id) THEN
        PERFORM audit_facts_link_counters(ARRAY(SELECT id FROM new_cases));
    END IF;
    RETURN NULL;
END $$;

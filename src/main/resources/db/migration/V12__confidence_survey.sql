-- Confidence in the process (issue 13): when a case ends, each party it was put to is invited to a
-- short anonymous survey; the fairness audit reports the answers by faction. The design, and why
-- each column is or is not here: docs/data-protection/confidence-survey.md. Only org.evenhand.audit
-- reads or writes these tables (ArchitectureTest).

-- An invitation: who may answer, about which case, in which role and outcome band, until when,
-- and whether they have. Never the answer, never when it was given. Deleted when it expires,
-- answered or not.
CREATE TABLE survey_invitations (
    id            UUID PRIMARY KEY,                  -- random: it says nothing about order or time
    member_id     BIGINT NOT NULL REFERENCES members (id),
    case_ref      TEXT NOT NULL REFERENCES cases (ref),
    role          TEXT NOT NULL CHECK (role IN ('complainant', 'respondent')),
    outcome_band  TEXT NOT NULL CHECK (outcome_band IN ('upheld', 'not-upheld', 'dismissed-at-triage')),
    expires_on    DATE NOT NULL,                     -- the last day it can be answered
    answered      BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (case_ref, member_id)
);
CREATE INDEX survey_invitations_member_idx ON survey_invitations (member_id);
CREATE INDEX survey_invitations_expiry_idx ON survey_invitations (expires_on);

-- An answer: no link to the case or the person (no case, no member, no invitation), no time finer
-- than the quarter it was given in, a random key, and the faction only where the member had
-- declared one and chose to count the answer under it (a copy of the name, not a reference).
CREATE TABLE confidence_answers (
    id            UUID PRIMARY KEY,
    quarter       DATE NOT NULL CHECK (extract(day FROM quarter) = 1 AND extract(month FROM quarter) IN (1, 4, 7, 10)),
    role          TEXT NOT NULL CHECK (role IN ('complainant', 'respondent')),
    outcome_band  TEXT NOT NULL CHECK (outcome_band IN ('upheld', 'not-upheld', 'dismissed-at-triage')),
    faction       TEXT,
    heard         SMALLINT NOT NULL CHECK (heard BETWEEN 1 AND 5),
    neutral       SMALLINT NOT NULL CHECK (neutral BETWEEN 1 AND 5),
    respect       SMALLINT NOT NULL CHECK (respect BETWEEN 1 AND 5),
    trust         SMALLINT NOT NULL CHECK (trust BETWEEN 1 AND 5)
);
CREATE INDEX confidence_answers_quarter_idx ON confidence_answers (quarter);

-- Answers as given, before they are mixed. A row written in the same transaction as the update
-- that marks an invitation answered carries the same transaction id (xmin), and rows lie in the
-- table in the order they were written; so answers wait here until at least
-- evenhand.audit.survey.mix-at of them have come in, and are then moved into confidence_answers
-- together, in random order, by one transaction (audit.SurveyHousekeeping).
CREATE TABLE confidence_answers_pending (LIKE confidence_answers INCLUDING ALL);

-- Answers are never changed, only deleted at the end of their retention (or moved, when mixed).
CREATE TRIGGER confidence_answers_unchanged BEFORE UPDATE ON confidence_answers
    FOR EACH ROW EXECUTE FUNCTION evenhand_append_only();
CREATE TRIGGER confidence_answers_pending_unchanged BEFORE UPDATE ON confidence_answers_pending
    FOR EACH ROW EXECUTE FUNCTION evenhand_append_only();
REVOKE UPDATE ON confidence_answers, confidence_answers_pending FROM PUBLIC;

-- The application's role (V5) gets the default DML grants on new tables; it never updates an answer.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'evenhand_app') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON survey_invitations TO evenhand_app;
        GRANT SELECT, INSERT, DELETE ON confidence_answers, confidence_answers_pending TO evenhand_app;
        REVOKE UPDATE, TRUNCATE, TRIGGER, REFERENCES ON confidence_answers, confidence_answers_pending
            FROM evenhand_app;
    END IF;
END
$$;

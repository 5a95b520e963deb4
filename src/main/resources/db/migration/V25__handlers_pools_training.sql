-- The complaints manager runs the handlers (issue 17, decision 0038).

-- Pools: the groups handlers are drawn from, each for one kind of work (the role it serves). A
-- handler's roles are the roles of the pools they sit in; a draw for a role takes the eligible from
-- every pool of that role. Pools are renamed, never deleted.
CREATE TABLE pools (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    role        TEXT NOT NULL CHECK (role IN ('caseworker', 'panel', 'manager')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX pools_name_idx ON pools (lower(name));

CREATE TABLE handler_pools (
    username  TEXT NOT NULL REFERENCES handlers (username),
    pool_id   BIGINT NOT NULL REFERENCES pools (id),
    PRIMARY KEY (username, pool_id)
);
CREATE INDEX handler_pools_pool_idx ON handler_pools (pool_id);

INSERT INTO pools (name, role) VALUES ('Caseworkers', 'caseworker'), ('Panel', 'panel'),
    ('Complaints managers', 'manager');
INSERT INTO handler_pools (username, pool_id)
    SELECT h.username, p.id FROM handlers h JOIN pools p ON p.role = h.role;
ALTER TABLE handlers DROP COLUMN role;

-- Training: a handler is drawn only while trained (a training date, on or before today) and their
-- training has not lapsed (today on or before its expiry). Handlers on record before this migration
-- were drawn without a training record: they are recorded as trained on the day of the upgrade, for
-- a year, marked 'upgrade' so that the manager's list shows the record is assumed, not known.
ALTER TABLE handlers
    ADD COLUMN trained_on            DATE,
    ADD COLUMN training_expires      DATE,
    ADD COLUMN training_recorded_by  TEXT,
    ADD COLUMN added_at              TIMESTAMPTZ,
    ADD COLUMN added_by              TEXT,
    ADD COLUMN deactivated_at        TIMESTAMPTZ,
    ADD COLUMN deactivated_by        TEXT,
    ADD COLUMN deactivation_reason   TEXT CHECK (length(deactivation_reason) <= 500),
    ADD CONSTRAINT handlers_training_check CHECK (training_expires IS NULL OR trained_on IS NULL
        OR training_expires > trained_on);
UPDATE handlers SET trained_on = CURRENT_DATE, training_expires = CURRENT_DATE + 365,
    training_recorded_by = 'upgrade';

-- Who put a declared interest on the register: null for the handler themselves, else the
-- complaints manager who recorded it for them.
ALTER TABLE declared_interests ADD COLUMN recorded_by TEXT;

-- Each stage a case enters, and when it left it (null while it is there; a case's last stage ends
-- when the case does, cases.closed_at), for the manager's time in stage. Kept from this migration on.
CREATE TABLE case_stage_visits (
    id          BIGSERIAL PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    stage       TEXT NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL,
    left_at     TIMESTAMPTZ
);
CREATE INDEX case_stage_visits_open_idx ON case_stage_visits (case_id) WHERE left_at IS NULL;
CREATE INDEX case_stage_visits_case_idx ON case_stage_visits (case_id, id);
CREATE INDEX cases_closed_at_idx ON cases (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX case_recusals_at_idx ON case_recusals (recused_at);

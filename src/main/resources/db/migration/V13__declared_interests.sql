-- Declared interests, people named as involved, and recusals (issue 14, decision 0024).

-- A handler's register of interests: members they are connected to (by membership number), CLPs
-- and other bodies they hold office in, each with the dates it was held. Ending an interest sets
-- to_date; rows are never deleted while the handler is a handler, so the register shows what was
-- declared when a case was drawn.
CREATE TABLE declared_interests (
    id           BIGSERIAL PRIMARY KEY,
    handler      TEXT NOT NULL REFERENCES handlers (username),
    kind         TEXT NOT NULL CHECK (kind IN ('member', 'clp', 'body')),
    value        TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
    from_date    DATE NOT NULL,
    to_date      DATE CHECK (to_date IS NULL OR to_date >= from_date),
    note         TEXT CHECK (length(note) <= 500),
    declared_at  TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ
);
CREATE INDEX declared_interests_handler_idx ON declared_interests (handler, id);

-- Handlers named in a complaint (its allegation or the excerpt given with it) as involved: found
-- when the complaint is filed or joins a case, by their full name, @login or membership number.
-- Only the login and where it was found are kept, never the text.
CREATE TABLE case_involved_handlers (
    case_id   BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    username  TEXT NOT NULL,
    found_in  TEXT NOT NULL CHECK (found_in IN ('complaint', 'joined-complaint')),
    found_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, username)
);

-- A handler who recused from a case, for good: the task they held or were offered, and their
-- reason (sealed under the case's key, like every other text about the case).
CREATE TABLE case_recusals (
    id          BIGSERIAL PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    username    TEXT NOT NULL,
    task_kind   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    recused_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_recusals_case_idx ON case_recusals (case_id);

-- Evenhand core schema. Camunda keeps its own ACT_* tables in the same database.

CREATE TABLE members (
    id                 BIGSERIAL PRIMARY KEY,
    membership_number  TEXT NOT NULL UNIQUE,
    username           TEXT UNIQUE,
    display_name       TEXT NOT NULL,
    email              TEXT,
    clp                TEXT NOT NULL,
    region             TEXT NOT NULL,
    joined_on          DATE NOT NULL DEFAULT CURRENT_DATE
);
CREATE INDEX members_display_name_idx ON members (lower(display_name));

-- Compliance staff and panel members who may handle cases. Their CLP drives recusal.
CREATE TABLE handlers (
    username      TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('caseworker', 'panel')),
    clp           TEXT,
    active        BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE definition_versions (
    id              TEXT PRIMARY KEY,
    effective_from  DATE NOT NULL,
    sha256          TEXT NOT NULL,
    first_seen_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE SEQUENCE case_ref_seq;

CREATE TABLE cases (
    id                    BIGSERIAL PRIMARY KEY,
    ref                   TEXT NOT NULL UNIQUE,
    complainant_id        BIGINT NOT NULL REFERENCES members (id),
    respondent_id         BIGINT NOT NULL REFERENCES members (id),
    allegation            TEXT NOT NULL,
    conduct_date          DATE NOT NULL,
    conduct_link          TEXT,
    definition_version    TEXT NOT NULL REFERENCES definition_versions (id),
    cited_clauses         TEXT[] NOT NULL,
    status                TEXT NOT NULL,
    outcome               TEXT,
    received_at           TIMESTAMPTZ NOT NULL,
    closed_at             TIMESTAMPTZ,
    process_instance_id   TEXT,
    triaged_by            TEXT,
    triaged_at            TIMESTAMPTZ,
    in_scope              BOOLEAN,
    engaged_clauses       TEXT[],
    triage_reasons        TEXT,
    response_statement    TEXT,
    responded_at          TIMESTAMPTZ,
    investigator          TEXT,
    investigation_report  TEXT,
    investigated_at       TIMESTAMPTZ,
    version               BIGINT NOT NULL DEFAULT 0,
    CHECK (complainant_id <> respondent_id)
);
CREATE INDEX cases_complainant_idx ON cases (complainant_id);
CREATE INDEX cases_respondent_idx ON cases (respondent_id);

CREATE TABLE panel_seats (
    case_id    BIGINT NOT NULL REFERENCES cases (id),
    bench      TEXT NOT NULL CHECK (bench IN ('decision', 'appeal')),
    username   TEXT NOT NULL REFERENCES handlers (username),
    drawn_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, bench, username)
);

CREATE TABLE panel_votes (
    id                BIGSERIAL PRIMARY KEY,
    case_id           BIGINT NOT NULL REFERENCES cases (id),
    bench             TEXT NOT NULL CHECK (bench IN ('decision', 'appeal')),
    username          TEXT NOT NULL,
    allow_appeal      BOOLEAN,
    findings          JSONB NOT NULL,
    sanction          TEXT NOT NULL,
    sanction_months   INTEGER,
    departure_reason  TEXT,
    reasons           TEXT NOT NULL,
    cast_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (case_id, bench, username)
);

CREATE TABLE decisions (
    id                  BIGSERIAL PRIMARY KEY,
    case_id             BIGINT NOT NULL REFERENCES cases (id),
    bench               TEXT NOT NULL CHECK (bench IN ('decision', 'appeal')),
    definition_version  TEXT NOT NULL,
    findings            JSONB NOT NULL,
    upheld              BOOLEAN NOT NULL,
    sanction            TEXT NOT NULL,
    sanction_months     INTEGER,
    departure_reason    TEXT,
    reasons             TEXT NOT NULL,
    appeal_allowed      BOOLEAN,
    decided_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (case_id, bench)
);

CREATE TABLE appeals (
    case_id     BIGINT PRIMARY KEY REFERENCES cases (id),
    lodged_by   BIGINT NOT NULL REFERENCES members (id),
    party       TEXT NOT NULL CHECK (party IN ('complainant', 'respondent')),
    grounds     TEXT[] NOT NULL,
    statement   TEXT NOT NULL,
    lodged_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE interim_suspensions (
    id            BIGSERIAL PRIMARY KEY,
    case_id       BIGINT NOT NULL REFERENCES cases (id),
    imposed_by    TEXT NOT NULL,
    reasons       TEXT NOT NULL,
    imposed_at    TIMESTAMPTZ NOT NULL,
    renewals      INTEGER NOT NULL DEFAULT 0,
    lifted_at     TIMESTAMPTZ,
    lift_reason   TEXT
);
CREATE UNIQUE INDEX one_active_suspension_per_case ON interim_suspensions (case_id) WHERE lifted_at IS NULL;

CREATE TABLE timeline_entries (
    id        BIGSERIAL PRIMARY KEY,
    case_id   BIGINT NOT NULL REFERENCES cases (id),
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT NOT NULL,
    kind      TEXT NOT NULL,
    summary   TEXT NOT NULL,
    audience  TEXT NOT NULL CHECK (audience IN ('parties', 'complainant', 'respondent', 'staff'))
);
CREATE INDEX timeline_case_idx ON timeline_entries (case_id, id);

-- Transactional outbox: written with the change it reports, sent (and retried) after commit.
CREATE TABLE notifications (
    id               BIGSERIAL PRIMARY KEY,
    case_id          BIGINT NOT NULL REFERENCES cases (id),
    recipient_id     BIGINT NOT NULL REFERENCES members (id),
    email            TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('pending', 'sent')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    last_error       TEXT
);
CREATE INDEX notifications_pending_idx ON notifications (next_attempt_at) WHERE status = 'pending';

-- Append-only action trail; each row's hash covers the previous row's hash.
CREATE TABLE trail_entries (
    id         BIGSERIAL PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    case_ref   TEXT,
    detail     TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL UNIQUE
);
CREATE INDEX trail_case_idx ON trail_entries (case_ref);

-- Evidence given by the parties, encryption keys per case, and the data-protection records.
-- Free text about people (allegation, statements, reasons, timeline entries, letters) is stored
-- sealed under the case's key from this version on; there is no production data before it.

CREATE TABLE case_keys (
    case_ref     TEXT PRIMARY KEY,
    wrapped_key  BYTEA,                -- NULL once shredded
    created_at   TIMESTAMPTZ NOT NULL,
    shredded_at  TIMESTAMPTZ
);

CREATE TABLE evidence_items (
    id                      BIGSERIAL PRIMARY KEY,
    case_id                 BIGINT NOT NULL REFERENCES cases (id),
    submitted_by            BIGINT REFERENCES members (id),
    party                   TEXT NOT NULL CHECK (party IN ('complainant', 'respondent')),
    kind                    TEXT NOT NULL CHECK (kind IN ('text', 'link', 'file')),
    content                 BYTEA,     -- sealed; NULL once withdrawn or destroyed
    thread_context          BYTEA,     -- sealed JSON array of the messages before the post
    filename                TEXT,
    media_type              TEXT,
    size_bytes              BIGINT,
    attested_party          BOOLEAN NOT NULL CHECK (attested_party),
    consent_notice_version  TEXT NOT NULL,
    consent_purpose         TEXT NOT NULL,
    consent_given_at        TIMESTAMPTZ NOT NULL,
    consent_withdrawn_at    TIMESTAMPTZ,
    lawful_basis            TEXT CHECK (lawful_basis IN ('consent', 'art-9-2-d', 'art-9-2-e', 'legal-claims')),
    lawful_basis_reason     TEXT,      -- sealed
    lawful_basis_by         TEXT,
    lawful_basis_at         TIMESTAMPTZ,
    sealed_at               TIMESTAMPTZ,
    sealed_reason           TEXT,
    created_at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX evidence_case_idx ON evidence_items (case_id);

-- Every read of evidence content: who, what, when.
CREATE TABLE evidence_reads (
    id           BIGSERIAL PRIMARY KEY,
    evidence_id  BIGINT NOT NULL REFERENCES evidence_items (id),
    reader       TEXT NOT NULL,
    capacity     TEXT NOT NULL,
    read_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX evidence_reads_evidence_idx ON evidence_reads (evidence_id);

-- Panels can be redrawn when a case returns to triage: seats and votes of an abandoned round
-- are kept, marked superseded.
ALTER TABLE panel_seats DROP CONSTRAINT panel_seats_pkey;
ALTER TABLE panel_seats ADD COLUMN id BIGSERIAL PRIMARY KEY;
ALTER TABLE panel_seats ADD COLUMN superseded_at TIMESTAMPTZ;
CREATE UNIQUE INDEX panel_seats_current ON panel_seats (case_id, bench, username) WHERE superseded_at IS NULL;
ALTER TABLE panel_votes DROP CONSTRAINT panel_votes_case_id_bench_username_key;
ALTER TABLE panel_votes ADD COLUMN superseded_at TIMESTAMPTZ;
CREATE UNIQUE INDEX panel_votes_current ON panel_votes (case_id, bench, username) WHERE superseded_at IS NULL;

-- Retention: after the set period the case's protected data is destroyed (dismissed, not upheld)
-- or the case is anonymised (upheld). Legal holds stop both.
ALTER TABLE cases ALTER COLUMN complainant_id DROP NOT NULL;
ALTER TABLE cases ALTER COLUMN respondent_id DROP NOT NULL;
ALTER TABLE cases ADD COLUMN retention_due_at TIMESTAMPTZ;
ALTER TABLE cases ADD COLUMN retention_action TEXT CHECK (retention_action IN ('destroy', 'anonymise'));
ALTER TABLE cases ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE cases ADD COLUMN erased_reason TEXT;

CREATE TABLE legal_holds (
    id              BIGSERIAL PRIMARY KEY,
    case_id         BIGINT NOT NULL REFERENCES cases (id),
    placed_by       TEXT NOT NULL,
    reason          TEXT NOT NULL,
    placed_at       TIMESTAMPTZ NOT NULL,
    released_by     TEXT,
    release_reason  TEXT,
    released_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX one_active_hold_per_case ON legal_holds (case_id) WHERE released_at IS NULL;

CREATE TABLE subject_access_requests (
    id            BIGSERIAL PRIMARY KEY,
    member_id     BIGINT NOT NULL REFERENCES members (id),
    requested_at  TIMESTAMPTZ NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    fulfilled_at  TIMESTAMPTZ,
    fulfilled_by  TEXT
);

CREATE TABLE erasure_requests (
    id                     BIGSERIAL PRIMARY KEY,
    member_id              BIGINT NOT NULL REFERENCES members (id),
    statement              TEXT NOT NULL,
    requested_at           TIMESTAMPTZ NOT NULL,
    due_at                 TIMESTAMPTZ NOT NULL,
    decided_at             TIMESTAMPTZ,
    decided_by             TEXT,
    approved               BOOLEAN,
    legal_claims_exception BOOLEAN,
    decision_reasons       TEXT,
    cases_erased           INTEGER
);

-- Letters are sealed under their case's key; the dispatcher needs the ref to open them.
ALTER TABLE notifications ADD COLUMN case_ref TEXT;
ALTER TABLE notifications DROP CONSTRAINT notifications_status_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'erased'));

-- The respondent sees the case from the moment the allegation is put to them.
ALTER TABLE cases ADD COLUMN respondent_notified_at TIMESTAMPTZ;

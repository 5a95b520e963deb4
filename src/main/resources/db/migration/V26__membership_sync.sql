-- Membership sync (issue 17, decision 0039): members created, updated and lapsed from the party's
-- membership system; their Keycloak users provisioned to match, behind the commit.

-- A lapsed member keeps their record and their cases; they cannot sign in (their Keycloak user is
-- disabled) nor file a new complaint.
ALTER TABLE members ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'lapsed'));

-- Every sync applied (a dry run leaves nothing): where it came from, who sent it, how many of each change.
-- Which members changed, and how, is on the action trail (membership numbers and field names only).
CREATE TABLE membership_syncs (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    source       TEXT NOT NULL CHECK (source IN ('api', 'page', 'file')),
    actor        TEXT NOT NULL,
    mode         TEXT NOT NULL CHECK (mode IN ('upsert', 'full')),
    file_name    TEXT,
    sha256       TEXT NOT NULL,
    records      INT NOT NULL,
    created      INT NOT NULL,
    updated      INT NOT NULL,
    lapsed       INT NOT NULL,
    reactivated  INT NOT NULL,
    unchanged    INT NOT NULL
);

-- Members whose Keycloak user must be made to match their record (created, updated, disabled), one row
-- each however often they changed: the provisioner reads the record as it is when it gets there, so a
-- retry after Keycloak was down applies the latest state. Written in the sync's transaction.
CREATE TABLE keycloak_provisioning (
    member_id        BIGINT PRIMARY KEY REFERENCES members (id),
    queued_at        TIMESTAMPTZ NOT NULL,
    attempts         INT NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT
);
CREATE INDEX keycloak_provisioning_due_idx ON keycloak_provisioning (next_attempt_at);

-- A file a complaints manager uploaded and previewed, kept until they confirm it (or for a day).
CREATE TABLE membership_uploads (
    id           BIGSERIAL PRIMARY KEY,
    uploaded_by  TEXT NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL,
    file_name    TEXT,
    mode         TEXT NOT NULL CHECK (mode IN ('upsert', 'full')),
    content      TEXT NOT NULL
);

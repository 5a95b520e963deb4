-- Confirmation before sending (issue 15, decision 0037).

-- A file chosen on the filing form, held while the member checks their complaint before sending it.
-- It has passed the checks a file given with a complaint must pass (type from its bytes, size, it
-- decodes, no active content); its name and bytes are sealed under a key derived from the master key
-- for this purpose alone (no case exists yet). The complaint takes it when it is sent; otherwise it is
-- deleted when it expires (an hour after it was chosen), by the sweep in evidence.HeldFiles.
CREATE TABLE held_files (
    token      UUID PRIMARY KEY,
    member_id  BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    content    BYTEA NOT NULL,
    held_at    TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX held_files_by_expiry ON held_files (expires_at);

-- A complaint sent from the pages, for a day: a keyed fingerprint of what the member sent, so that the
-- same complaint confirmed again (a second click, a replayed form, the page sent again from the
-- browser's history) leads to the case it opened instead of opening another. Nothing of the complaint
-- can be read from it; rows older than a day are deleted by the sweep in intake.FilingOnce.
CREATE TABLE complaints_sent (
    member_id BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    digest    TEXT NOT NULL,
    case_ref  TEXT,
    sent_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, digest)
);
CREATE INDEX complaints_sent_by_time ON complaints_sent (sent_at);

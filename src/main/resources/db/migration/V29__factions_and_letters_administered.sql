-- Factions and letters administered by the complaints manager (issue 17, decision 0043).

-- The faction list, versioned: each version is the whole list (every faction ever offered, the
-- retired ones marked), with the version of the privacy notice a member consents to when declaring
-- under it. A version is never changed; a new one is published. Version 1 is written at the first
-- boot from evenhand.audit.factions and evenhand.audit.notice.version (FactionLists), so that a
-- deployment keeps the list it had. A faction is never deleted: members may have declared it.
CREATE TABLE faction_lists (
    version         INTEGER PRIMARY KEY CHECK (version >= 1),
    notice_version  TEXT NOT NULL CHECK (length(notice_version) BETWEEN 1 AND 20),
    published_at    TIMESTAMPTZ NOT NULL,
    published_by    TEXT NOT NULL
);
CREATE TABLE faction_list_entries (
    version   INTEGER NOT NULL REFERENCES faction_lists (version),
    position  INTEGER NOT NULL,
    key       TEXT NOT NULL CHECK (key ~ '^[a-z][a-z0-9-]{0,39}$'),
    label     TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    retired   BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (version, key)
);
-- Each declaration keeps the list version it was made under (null: before lists were versioned).
ALTER TABLE faction_declarations ADD COLUMN list_version INTEGER;
ALTER TABLE faction_consent_events ADD COLUMN list_version INTEGER;

-- Letter templates: per kind and language, each published version's subject and body (Qute, with only
-- the placeholders the bundled template uses). Version 1 is the bundled text and is not stored; the
-- latest stored version, if any, is the one letters use. Never changed once published.
CREATE TABLE letter_versions (
    id            BIGSERIAL PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind ~ '^[a-zA-Z]{1,40}$'),
    locale        TEXT NOT NULL CHECK (locale IN ('en-GB', 'cy')),
    version       INTEGER NOT NULL CHECK (version >= 2),
    subject       TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
    body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    published_at  TIMESTAMPTZ NOT NULL,
    published_by  TEXT NOT NULL,
    UNIQUE (kind, locale, version)
);

-- A letter in the outbox names the template version it was written from; its text was rendered when it
-- was queued and is never rendered again.
ALTER TABLE notifications ADD COLUMN letter_kind TEXT;
ALTER TABLE notifications ADD COLUMN letter_version INTEGER;

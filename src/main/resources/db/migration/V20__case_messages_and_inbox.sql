-- Secure messages on a case, and the inbox (issue 15, decision 0033).

-- A message between one member who is a party and the case's caseworkers. Each party member has
-- their own thread with staff (member_id names it); a party never reads another's thread and a
-- panel never reads any. The text is sealed under the case's key like every other text about the
-- case, so destroying the case (its key shredded) destroys the messages too. member_id is cleared
-- when the case is anonymised or the member's link to it erased; a joined complainant's thread is
-- deleted with their own complaint.
CREATE TABLE case_messages (
    id         BIGSERIAL PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    member_id  BIGINT REFERENCES members (id),
    party      TEXT NOT NULL CHECK (party IN ('complainant', 'respondent')),
    from_staff BOOLEAN NOT NULL,
    author     TEXT NOT NULL,
    body       TEXT NOT NULL,
    sent_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_messages_by_case ON case_messages (case_id, id);
CREATE INDEX case_messages_by_member ON case_messages (member_id, sent_at);
CREATE INDEX case_messages_by_time ON case_messages (sent_at) WHERE NOT from_staff;

-- When each person (member or staff, by login) last looked at their inbox: what changed since is new.
CREATE TABLE inbox_seen (
    username TEXT PRIMARY KEY,
    seen_at  TIMESTAMPTZ NOT NULL
);


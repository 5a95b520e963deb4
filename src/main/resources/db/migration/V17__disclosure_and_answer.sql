-- Disclosure and answer (issue 14, decision 0030).

-- When the investigation report was disclosed to both parties (the comment window opened then).
ALTER TABLE cases ADD COLUMN report_disclosed_at TIMESTAMPTZ;

-- Each party's one comment on the investigation report, sealed under the case's key like every
-- other text about the case; it goes to the panel. A member comments once per round: a case sent
-- back to triage supersedes the round's comments. member_id is cleared when the case is anonymised
-- or the member's link to it erased.
CREATE TABLE report_comments (
    id            BIGSERIAL PRIMARY KEY,
    case_id       BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    member_id     BIGINT REFERENCES members (id),
    party         TEXT NOT NULL CHECK (party IN ('complainant', 'respondent')),
    statement     TEXT NOT NULL,
    commented_at  TIMESTAMPTZ NOT NULL,
    superseded_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX one_comment_per_member_per_round ON report_comments (case_id, member_id)
    WHERE superseded_at IS NULL;

-- A panel member's findings, recorded before they choose a sanction (step one of the panel's
-- form): only then are the respondent's live sanctions shown to them.
CREATE TABLE panel_findings (
    id            BIGSERIAL PRIMARY KEY,
    case_id       BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    bench         TEXT NOT NULL,
    username      TEXT NOT NULL,
    findings      JSONB NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    superseded_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX one_findings_per_seat ON panel_findings (case_id, bench, username) WHERE superseded_at IS NULL;

-- A complainant withdrawing their complaint (decision 0031): each complainant's own withdrawal;
-- the case ends through the process when no complainant remains.
ALTER TABLE cases ADD COLUMN complainant_withdrawn_at TIMESTAMPTZ;
ALTER TABLE cases ADD COLUMN withdrawal_reason TEXT;
ALTER TABLE case_complainants ADD COLUMN withdrawn_at TIMESTAMPTZ;

-- Sanctions on a member's record once a decision stands (decision 0031): a term that ends is applied
-- by the sanction-term process, which marks it lapsed and tells the member.
CREATE TABLE sanctions (
    id                 BIGSERIAL PRIMARY KEY,
    case_id            BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    member_id          BIGINT NOT NULL,
    sanction           TEXT NOT NULL,
    rung               INT NOT NULL,
    definition_version TEXT NOT NULL,
    months             INT,
    takes_effect_at    TIMESTAMPTZ NOT NULL,
    ends_at            TIMESTAMPTZ,
    lapsed_at          TIMESTAMPTZ,
    UNIQUE (case_id),
    CHECK (ends_at IS NULL OR ends_at > takes_effect_at),
    CHECK (lapsed_at IS NULL OR ends_at IS NOT NULL)
);
CREATE INDEX sanctions_live_idx ON sanctions (member_id) WHERE lapsed_at IS NULL;

-- Who complained is told to the respondent unless anonymity is granted (decision 0029).
-- anonymity: NULL when none was asked for; 'asked' until triage decides; then 'granted' or 'refused'
-- (a decision stands for the life of the case). The complainant's reasons and the caseworker's are
-- sealed under the case's key, as all free text about people is (decision 0005).
ALTER TABLE cases ADD COLUMN anonymity TEXT
    CHECK (anonymity IN ('asked', 'granted', 'refused'));
ALTER TABLE cases ADD COLUMN anonymity_ground TEXT
    CHECK (anonymity_ground IN ('reprisal', 'pile-on', 'other'));
ALTER TABLE cases ADD COLUMN anonymity_reasons TEXT;
ALTER TABLE cases ADD COLUMN anonymity_decided_by TEXT;
ALTER TABLE cases ADD COLUMN anonymity_decided_at TIMESTAMPTZ;
ALTER TABLE cases ADD COLUMN anonymity_decision_reasons TEXT;
ALTER TABLE cases ADD CONSTRAINT cases_anonymity_ground_given
    CHECK ((anonymity IS NULL) = (anonymity_ground IS NULL));
ALTER TABLE cases ADD CONSTRAINT cases_anonymity_decided
    CHECK ((anonymity IN ('granted', 'refused')) = (anonymity_decided_at IS NOT NULL));

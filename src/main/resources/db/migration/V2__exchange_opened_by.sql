-- Who opened the exchange the complaint is about, as triage read it from the thread context:
-- the raw material for the audit's provocation -> reaction -> accusation analysis.
ALTER TABLE cases ADD COLUMN exchange_opened_by TEXT
    CHECK (exchange_opened_by IN ('complainant', 'respondent', 'third-party', 'unclear'));

-- Covering partial indexes: the fairness report reads suspended complaints, and complaints linked
-- to a counter-complaint, from these alone (index-only scans) instead of the whole facts table.
DROP INDEX audit_case_facts_suspended_idx;
CREATE INDEX audit_case_facts_suspended_idx ON audit_case_facts (received_at)
    INCLUDE (respondent_faction, complainant_faction, in_scope, suspended_at, suspension_ended_at)
    WHERE suspended_at IS NOT NULL;
CREATE INDEX audit_case_facts_counter_idx ON audit_case_facts (received_at)
    INCLUDE (respondent_faction, complainant_faction, cited_set, engaged_set, decision_days, upheld, prior_gap_days,
             prior_conduct_gap, countered_gap_days, countered_conduct_gap)
    WHERE prior_gap_days IS NOT NULL OR countered_gap_days IS NOT NULL;

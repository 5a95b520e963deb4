package org.evenhand.audit;

/**
 * The counts the report takes from each group of cases, as one aggregate each in a single pass
 * over audit_case_facts (FairnessQueries). Parameters: counter-complaint windows (receipt, conduct).
 */
enum Measure {
    CASES("cases", "count(*)"),
    TRIAGED("triaged", "count(in_scope)"),
    PASSED("passed-triage", "count(*) FILTER (WHERE in_scope)"),
    SUSPENDED("suspended", "count(*) FILTER (WHERE in_scope AND suspended_at IS NOT NULL)"),
    DECIDED("decided", "count(decision_days)"),
    UPHELD("upheld", "count(*) FILTER (WHERE decision_days IS NOT NULL AND upheld)"),
    APPEALED("appealed", "count(*) FILTER (WHERE decision_days IS NOT NULL AND appealed)"),
    APPEAL_DECIDED("appeals-decided", "count(*) FILTER (WHERE appeal_decided)"),
    OVERTURNED("overturned", "count(*) FILTER (WHERE appeal_decided AND overturned)"),
    OVERDUE("overdue", "count(*) FILTER (WHERE overdue > 0)"),
    OVERDUE_STAGES("overdue-stages", "coalesce(sum(overdue), 0)"),
    OPENED_BY_COMPLAINANT("opened-by-complainant", "count(*) FILTER (WHERE opened_by = 'complainant')"),
    OPENED_BY_RESPONDENT("opened-by-respondent", "count(*) FILTER (WHERE opened_by = 'respondent')"),
    OPENED_BY_THIRD_PARTY("opened-by-third-party", "count(*) FILTER (WHERE opened_by = 'third-party')"),
    OPENED_UNCLEAR("opener-unclear", "count(*) FILTER (WHERE opened_by = 'unclear')"),
    DECIDED_COMPLAINANT_OPENED("decided-complainant-opened",
            "count(*) FILTER (WHERE opened_by = 'complainant' AND decision_days IS NOT NULL)"),
    UPHELD_COMPLAINANT_OPENED("upheld-complainant-opened",
            "count(*) FILTER (WHERE opened_by = 'complainant' AND decision_days IS NOT NULL AND upheld)"),
    DECIDED_RESPONDENT_OPENED("decided-respondent-opened",
            "count(*) FILTER (WHERE opened_by = 'respondent' AND decision_days IS NOT NULL)"),
    UPHELD_RESPONDENT_OPENED("upheld-respondent-opened",
            "count(*) FILTER (WHERE opened_by = 'respondent' AND decision_days IS NOT NULL AND upheld)"),
    COUNTER("counter-complaints", "count(*) FILTER (WHERE prior_gap_days <= ?1 AND prior_conduct_gap <= ?2)"),
    COUNTER_DECIDED("counter-complaints-decided",
            "count(*) FILTER (WHERE prior_gap_days <= ?1 AND prior_conduct_gap <= ?2 AND decision_days IS NOT NULL)"),
    COUNTER_UPHELD("counter-complaints-upheld",
            "count(*) FILTER (WHERE prior_gap_days <= ?1 AND prior_conduct_gap <= ?2 AND decision_days IS NOT NULL AND upheld)"),
    COUNTERED("countered", "count(*) FILTER (WHERE countered_gap_days <= ?1 AND countered_conduct_gap <= ?2)"),
    COUNTERED_DECIDED("countered-decided",
            "count(*) FILTER (WHERE countered_gap_days <= ?1 AND countered_conduct_gap <= ?2 AND decision_days IS NOT NULL)"),
    COUNTERED_UPHELD("countered-upheld",
            "count(*) FILTER (WHERE countered_gap_days <= ?1 AND countered_conduct_gap <= ?2 AND decision_days IS NOT NULL AND upheld)");

    final String id;
    final String sql;

    Measure(String id, String sql) {
        this.id = id;
        this.sql = sql;
    }
}

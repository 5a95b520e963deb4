package org.evenhand.audit;

/**
 * The counts the report takes from each group of cases, as one aggregate each (FairnessQueries):
 * most in the single pass over every complaint of the period; those about counter-complaints in a
 * pass over the few complaints linked to another (a partial index). Parameters: ?1, ?2 the
 * counter-complaint windows (receipt, conduct); ?3 the severe sanctions. The facts make the
 * expressions short: upheld, sanction and appealed are set only once a case is decided (V4).
 */
enum Measure {
    CASES("cases", "count(*)"),
    TRIAGED("triaged", "count(in_scope)"),
    PASSED("passed-triage", "count(*) FILTER (WHERE in_scope)"),
    SUSPENDED("suspended", "count(suspended_at) FILTER (WHERE in_scope)"),
    DECIDED("decided", "count(decision_days)"),
    UPHELD("upheld", "count(*) FILTER (WHERE upheld)"),
    APPEALED("appealed", "count(*) FILTER (WHERE appealed)"),
    APPEAL_DECIDED("appeals-decided", "count(*) FILTER (WHERE appeal_decided)"),
    OVERTURNED("overturned", "count(*) FILTER (WHERE overturned)"),
    OVERDUE("overdue", "count(*) FILTER (WHERE overdue > 0)"),
    PILE_ON("pile-ons", "count(*) FILTER (WHERE complainants > 1)"),
    OPENED_BY_COMPLAINANT("opened-by-complainant", "count(*) FILTER (WHERE opened_by = 1)"),
    OPENED_BY_RESPONDENT("opened-by-respondent", "count(*) FILTER (WHERE opened_by = 2)"),
    DECIDED_COMPLAINANT_OPENED("decided-complainant-opened",
            "count(decision_days) FILTER (WHERE opened_by = 1)"),
    UPHELD_COMPLAINANT_OPENED("upheld-complainant-opened",
            "count(*) FILTER (WHERE opened_by = 1 AND upheld)"),
    DECIDED_RESPONDENT_OPENED("decided-respondent-opened",
            "count(decision_days) FILTER (WHERE opened_by = 2)"),
    UPHELD_RESPONDENT_OPENED("upheld-respondent-opened",
            "count(*) FILTER (WHERE opened_by = 2 AND upheld)"),
    SEVERE_SANCTION("severe", "count(*) FILTER (WHERE sanction = ANY (?3))"),
    COUNTER("counter-complaints", "count(*) FILTER (WHERE prior_gap_days <= ?1 AND prior_conduct_gap <= ?2)"),
    COUNTER_DECIDED("counter-complaints-decided",
            "count(decision_days) FILTER (WHERE prior_gap_days <= ?1 AND prior_conduct_gap <= ?2)"),
    COUNTER_UPHELD("counter-complaints-upheld",
            "count(*) FILTER (WHERE prior_gap_days <= ?1 AND prior_conduct_gap <= ?2 AND upheld)"),
    COUNTERED("countered", "count(*) FILTER (WHERE countered_gap_days <= ?1 AND countered_conduct_gap <= ?2)"),
    COUNTERED_DECIDED("countered-decided",
            "count(decision_days) FILTER (WHERE countered_gap_days <= ?1 AND countered_conduct_gap <= ?2)"),
    COUNTERED_UPHELD("countered-upheld",
            "count(*) FILTER (WHERE countered_gap_days <= ?1 AND countered_conduct_gap <= ?2 AND upheld)");

    final String id;
    final String sql;

    Measure(String id, String sql) {
        this.id = id;
        this.sql = sql;
    }

    /** Counted in the pass over complaints linked as counter-complaints (or answered by one). */
    boolean aboutCounters() {
        return name().startsWith("COUNTER");
    }
}

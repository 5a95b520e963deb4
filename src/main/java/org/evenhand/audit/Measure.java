package org.evenhand.audit;

/**
 * The counts the report takes from each group of cases, as one aggregate each (FairnessQueries):
 * most in the single pass over every complaint of the period; those about counter-complaints in a
 * pass over the few complaints linked to another (a partial index). Parameters: ?1, ?2 the
 * counter-complaint windows (receipt, conduct); ?3 the severe sanctions. The facts make the
 * expressions short: upheld, sanction and appealed are set only once a case is decided (V4). The
 * same counts are kept by month in audit_fact_counts (V33, audit_fact_count_shape: the same
 * conditions; KeptCountsTest holds the two to each other).
 */
enum Measure {
    CASES("cases", "cases", "count(*)"),
    TRIAGED("triaged", "triaged", "count(in_scope)"),
    PASSED("passed-triage", "passed", "count(*) FILTER (WHERE in_scope)"),
    SUSPENDED("suspended", "suspended", "count(suspended_at) FILTER (WHERE in_scope)"),
    DECIDED("decided", "decided", "count(decision_days)"),
    UPHELD("upheld", "upheld", "count(*) FILTER (WHERE upheld)"),
    APPEALED("appealed", "appealed", "count(*) FILTER (WHERE appealed)"),
    APPEAL_DECIDED("appeals-decided", "appeal_decided", "count(*) FILTER (WHERE appeal_decided)"),
    OVERTURNED("overturned", "overturned", "count(*) FILTER (WHERE overturned)"),
    OVERDUE("overdue", "overdue", "count(*) FILTER (WHERE overdue > 0)"),
    PILE_ON("pile-ons", "pile_ons", "count(*) FILTER (WHERE complainants > 1)"),
    OPENED_BY_COMPLAINANT("opened-by-complainant", "opened_c", "count(*) FILTER (WHERE opened_by = 1)"),
    OPENED_BY_RESPONDENT("opened-by-respondent", "opened_r", "count(*) FILTER (WHERE opened_by = 2)"),
    DECIDED_COMPLAINANT_OPENED("decided-complainant-opened", "decided_c",
            "count(decision_days) FILTER (WHERE opened_by = 1)"),
    UPHELD_COMPLAINANT_OPENED("upheld-complainant-opened", "upheld_c",
            "count(*) FILTER (WHERE opened_by = 1 AND upheld)"),
    DECIDED_RESPONDENT_OPENED("decided-respondent-opened", "decided_r",
            "count(decision_days) FILTER (WHERE opened_by = 2)"),
    UPHELD_RESPONDENT_OPENED("upheld-respondent-opened", "upheld_r",
            "count(*) FILTER (WHERE opened_by = 2 AND upheld)"),
    SEVERE_SANCTION("severe", null, "count(*) FILTER (WHERE sanction = ANY (?3))"),
    COUNTER("counter-complaints", "counter", "count(*) FILTER (WHERE prior_gap_days <= ?1 AND prior_conduct_gap <= ?2)"),
    COUNTER_DECIDED("counter-complaints-decided", "counter_decided",
            "count(decision_days) FILTER (WHERE prior_gap_days <= ?1 AND prior_conduct_gap <= ?2)"),
    COUNTER_UPHELD("counter-complaints-upheld", "counter_upheld",
            "count(*) FILTER (WHERE prior_gap_days <= ?1 AND prior_conduct_gap <= ?2 AND upheld)"),
    COUNTERED("countered", "countered", "count(*) FILTER (WHERE countered_gap_days <= ?1 AND countered_conduct_gap <= ?2)"),
    COUNTERED_DECIDED("countered-decided", "countered_decided",
            "count(decision_days) FILTER (WHERE countered_gap_days <= ?1 AND countered_conduct_gap <= ?2)"),
    COUNTERED_UPHELD("countered-upheld", "countered_upheld",
            "count(*) FILTER (WHERE countered_gap_days <= ?1 AND countered_conduct_gap <= ?2 AND upheld)");

    final String id;
    /** Its column in audit_fact_counts (V33), where it is kept by month; null: summed from the sanction key. */
    final String kept;
    final String sql;

    Measure(String id, String kept, String sql) {
        this.id = id;
        this.kept = kept;
        this.sql = sql;
    }

    /** Counted in the pass over complaints linked as counter-complaints (or answered by one). */
    boolean aboutCounters() {
        return name().startsWith("COUNTER");
    }
}

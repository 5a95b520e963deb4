package org.evenhand.audit;

import java.util.List;

/**
 * What the report measures: the roles a member can have in a complaint, the rates compared
 * (numerator over denominator, and by which clauses they are stratified), and the indices of the
 * counts beyond {@link Measure} (opener known, severe sanction, each sanction).
 */
final class Metrics {

    private Metrics() {
    }

    enum Role {
        RESPONDENT("respondent", "R"), COMPLAINANT("complainant", "C");

        final String id;
        final String code;

        Role(String id, String code) {
            this.id = id;
            this.code = code;
        }
    }

    /** Which clauses a rate is stratified by: none, those cited in the complaint, those engaged at triage. */
    enum Strata {
        NONE, CITED, ENGAGED;

        String code() {
            return this == CITED ? "c" : "e";
        }

        String label() {
            return this == CITED ? "clauses cited" : "clauses engaged";
        }
    }

    static final int M = Measure.values().length;
    static final int KNOWN = M;
    static final int SEVERE = M + 1;
    static final int SANCTIONS = M + 2;
    static final int MEMBERS = -1;

    record MetricDef(String id, String label, String description, int num, int den, Strata strata, Role only,
            String numLabel, String denLabel) {
    }

    static final List<MetricDef> METRICS = List.of(
            new MetricDef("complaints", "Complaints per 1,000 members",
                    "Complaints received in the period involving members of the group in this role, per 1,000 of the"
                            + " group's current members.",
                    Measure.CASES.ordinal(), MEMBERS, Strata.NONE, null, "complaints", "members"),
            new MetricDef("passed-triage", "Passed triage",
                    "Share of triaged complaints found to engage the definition of abuse (in scope).",
                    Measure.PASSED.ordinal(), Measure.TRIAGED.ordinal(), Strata.CITED, null, "in scope", "triaged"),
            new MetricDef("interim-suspension", "Interim suspension",
                    "Share of in-scope complaints in which the respondent was suspended pending the outcome.",
                    Measure.SUSPENDED.ordinal(), Measure.PASSED.ordinal(), Strata.ENGAGED, null, "suspended",
                    "in scope"),
            new MetricDef("upheld", "Upheld", "Share of decided complaints upheld (after any appeal).",
                    Measure.UPHELD.ordinal(), Measure.DECIDED.ordinal(), Strata.ENGAGED, null, "upheld", "decided"),
            new MetricDef("severe-sanction", "Severe sanction",
                    "Share of upheld complaints ending in suspension or referral for expulsion.", SEVERE,
                    Measure.UPHELD.ordinal(), Strata.ENGAGED, null, "severe sanction", "upheld"),
            new MetricDef("appealed", "Appealed", "Share of decided complaints appealed by either party.",
                    Measure.APPEALED.ordinal(), Measure.DECIDED.ordinal(), Strata.ENGAGED, null, "appealed",
                    "decided"),
            new MetricDef("overturned", "Overturned on appeal", "Share of decided appeals that were allowed.",
                    Measure.OVERTURNED.ordinal(), Measure.APPEAL_DECIDED.ordinal(), Strata.ENGAGED, null,
                    "overturned", "appeals decided"),
            new MetricDef("overdue", "Overdue stage",
                    "Share of complaints in which at least one stage passed its target and was escalated.",
                    Measure.OVERDUE.ordinal(), Measure.CASES.ordinal(), Strata.CITED, null, "with an overdue stage",
                    "complaints"),
            new MetricDef("pile-on", "Pile-ons",
                    "Share of complaints about the respondent that several members made about the same post (merged"
                            + " into one case). Volume is never a factor in a decision; this shows who surges target.",
                    Measure.PILE_ON.ordinal(), Measure.CASES.ordinal(), Strata.CITED, Role.RESPONDENT, "pile-ons",
                    "complaints"),
            new MetricDef("opened-exchange", "Respondent had opened the exchange",
                    "Among complaints where triage could tell who started the exchange (complainant or respondent):"
                            + " share where the respondent had.",
                    Measure.OPENED_BY_RESPONDENT.ordinal(), KNOWN, Strata.CITED, Role.RESPONDENT,
                    "respondent opened", "opener known"),
            new MetricDef("opened-exchange", "Complainant had opened the exchange",
                    "Among complaints where triage could tell who started the exchange (complainant or respondent):"
                            + " share where the complainant had, i.e. complained of a reaction to their own opening.",
                    Measure.OPENED_BY_COMPLAINANT.ordinal(), KNOWN, Strata.CITED, Role.COMPLAINANT,
                    "complainant opened", "opener known"),
            new MetricDef("counter-complaint", "Counter-complaints",
                    "Share of complaints made that answered a complaint against the complainant by the same person"
                            + " about the same exchange.",
                    Measure.COUNTER.ordinal(), Measure.CASES.ordinal(), Strata.CITED, Role.COMPLAINANT,
                    "counter-complaints", "complaints"));

    /** Pairs (part, whole) whose difference anyone can work out from a published rate: protected too. */
    static final int[][] PAIRS = {
            { Measure.UPHELD_RESPONDENT_OPENED.ordinal(), Measure.DECIDED_RESPONDENT_OPENED.ordinal() },
            { Measure.UPHELD_COMPLAINANT_OPENED.ordinal(), Measure.DECIDED_COMPLAINANT_OPENED.ordinal() },
            { Measure.COUNTER_UPHELD.ordinal(), Measure.COUNTER_DECIDED.ordinal() },
            { Measure.COUNTERED_UPHELD.ordinal(), Measure.COUNTERED_DECIDED.ordinal() } };

    static List<MetricDef> forRole(Role role) {
        return METRICS.stream().filter(m -> m.only() == null || m.only() == role).toList();
    }
}

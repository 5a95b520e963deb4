package org.evenhand.audit;

import java.util.List;
import java.util.Locale;
import org.evenhand.audit.FairnessReport.GroupRate;
import org.evenhand.audit.FairnessReport.RateMetric;
import org.evenhand.audit.FairnessReport.RoleSection;
import org.evenhand.audit.FairnessReport.Stratified;
import org.evenhand.audit.Metrics.MetricDef;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Rules;
import org.evenhand.audit.stats.Verdict;

/**
 * The words of the findings: one sentence per comparison, the Mantel-Haenszel and Breslow-Day
 * results said plainly, the summary and the method. Figures are formatted here and only here.
 */
final class Wording {

    private final Rules rules;

    Wording(Rules rules) {
        this.rules = rules;
    }

    String sentence(MetricDef m, String who, Comparison c) {
        if (c.ratio() == null) {
            return "for " + who + ", " + m.label().toLowerCase(Locale.UK) + ": " + c.reason() + ".";
        }
        return "for " + who + ", " + m.label().toLowerCase(Locale.UK) + " is " + ratio(c.ratio())
                + " times the rest's (" + rules.percent() + " interval " + ratio(c.ciLower()) + "-" + ratio(c.ciUpper())
                + ", " + c.test() + " p " + pEq(c.pValue()) + "): " + c.reason() + ".";
    }

    String stratifiedSentence(Stratified st) {
        if (st.riskRatio() == null) {
            return st.reason();
        }
        return "Mantel-Haenszel ratio " + ratio(st.riskRatio()) + ", " + rules.percent() + " interval "
                + ratio(st.ciLower()) + "-" + ratio(st.ciUpper()) + ", CMH p " + pEq(st.cmhPValue()) + "; "
                + st.reason();
    }

    /** What the Breslow-Day test says, for a reader who does not know it. */
    String heterogeneity(Stratified st, String unit) {
        if (st.breslowDayPValue() == null) {
            return "";
        }
        if (Boolean.TRUE.equals(st.heterogeneous())) {
            return " The Breslow-Day test (p " + pEq(st.breslowDayPValue()) + ") finds that the disparity is not the"
                    + " same in every " + unit + ": the combined figure averages over differences between " + unit
                    + "s, so look at the " + unit + "s one by one.";
        }
        return " The Breslow-Day test (p " + pEq(st.breslowDayPValue()) + ") finds no sign that the disparity differs"
                + " from " + unit + " to " + unit + ": the combined figure describes each " + unit + " fairly.";
    }

    static String stratumName(Comparisons.Stratum s, CaseCounts counts) {
        if (s.pooled()) {
            return "the " + (s.clauses().size() == 1 ? "clause " : "clauses ") + String.join(", ", s.clauses())
                    + " of tier " + s.tier() + " (taken together: too few cases to compare one by one)";
        }
        return "clause \"" + counts.clauseTitle(s.clauses().get(0)) + "\" (" + s.clauses().get(0) + ", tier "
                + s.tier() + ")";
    }

    String summary(List<RoleSection> roles, long flagged) {
        int n = 0;
        int insufficient = 0;
        for (RoleSection r : roles) {
            for (RateMetric m : r.rates()) {
                for (GroupRate g : m.groups()) {
                    if (g.assessment() != null) {
                        n++;
                        insufficient += g.assessment().verdict() == Verdict.INSUFFICIENT_EVIDENCE ? 1 : 0;
                    }
                }
            }
        }
        return flagged + " finding" + (flagged == 1 ? "" : "s") + " flagged over " + n + " comparisons of a faction"
                + " with the rest; " + insufficient + " comparisons have too little data to tell (insufficient"
                + " evidence, which is not the same as fair treatment); the rest show no material disparity once"
                + " case mix is taken into account.";
    }

    List<String> method(FairnessAnalysis.Settings s, long analysed) {
        return List.of(
                "Cases: complaints received from " + s.period().from() + " to " + s.period().to()
                        + " (UK time), with their outcomes as known when the report was made; later reports of the"
                        + " same period will include complaints decided since.",
                "Factions: as declared by members, with consent, at the time the report was made; members who"
                        + " withdrew a declaration are counted as undeclared. Each faction is compared with everyone"
                        + " else (all other factions, prefer-not-to-say and undeclared).",
                "Disparity ratio: the faction's rate over the rest's, with a " + rules.percent()
                        + " confidence interval (Katz log method for shares; Poisson for complaints per member)."
                        + " Flagged only when the ratio is outside " + rules.bandLower() + "-"
                        + rules.bandUpper() + " and the interval excludes 1.",
                "Tests: Fisher's exact test when an expected count is under 5, otherwise Pearson's chi-squared;"
                        + " chi-squared across all factions; exact binomial test for complaints per member"
                        + " (Apache Commons Statistics).",
                "The call compares like with like: within each clause (the gravest clause of the complaint, in its"
                        + " severity tier), combined over the clauses by the Mantel-Haenszel method (Cochran-"
                        + "Mantel-Haenszel test, common risk and odds ratios). Clauses with fewer than "
                        + Comparisons.MIN_STRATUM + " cases on a side are taken together within their tier, and"
                        + " the report says so. The raw figures and the comparison within severity tiers are shown"
                        + " as context: when clauses of one tier are upheld at different rates, a difference in the"
                        + " mix of clauses can make them differ although like cases are treated alike.",
                "Each clause is also compared on its own. A clause flagged in the opposite direction to the"
                        + " combined comparison is reported as a finding of its own. The Breslow-Day test says"
                        + " whether the disparity differs between clauses (then the combined figure is an average"
                        + " of unlike parts).",
                "Too little data (under " + rules.minimumGroupSize() + " cases on a side, under 5 with or"
                        + " without the outcome, or an interval too wide to tell) is reported as insufficient"
                        + " evidence, never as fair treatment.",
                "Many comparisons are made in one report: the combined comparisons, the comparisons within single"
                        + " clauses and those within tiers are each adjusted for their number (Benjamini-Hochberg,"
                        + " false discovery rate " + rules.alpha() + "). Even so a flag is a reason to look closer"
                        + " at those cases, not proof of unfair treatment.",
                "Times: median and 90th percentile in whole days; compared by the ratio of medians and the"
                        + " Mann-Whitney rank-sum test.",
                "Every count from 1 to " + (s.threshold() - 1) + " is suppressed, with secondary suppression so"
                        + " that no total reveals one. A zero for a group with no case at all (or a total of zero)"
                        + " is shown: it describes an absence, not a person. " + analysed + " complaints were read;"
                        + " the SHA-256 above is of the aggregated data the report was computed from, so a rerun"
                        + " can be checked against it.");
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String ratio(Double r) {
        return r == null ? "-" : String.format(Locale.UK, "%.2f", r);
    }

    static String pEq(Double p) {
        return p == null ? "withheld" : p < 0.0001 ? "< 0.0001" : "= " + String.format(Locale.UK, "%.4f", p);
    }

    static String pct(double x) {
        return String.format(Locale.UK, "%.0f%%", 100 * x);
    }
}

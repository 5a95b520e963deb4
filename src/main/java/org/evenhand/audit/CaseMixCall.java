package org.evenhand.audit;

import static org.evenhand.audit.FairnessReport.ALL;

import java.util.ArrayList;
import java.util.List;
import org.evenhand.audit.FairnessReport.Assessment;
import org.evenhand.audit.FairnessReport.Stratified;
import org.evenhand.audit.Metrics.MetricDef;
import org.evenhand.audit.Metrics.Role;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Verdict;

/**
 * The call on one faction, role and metric, and the findings it gives. Decided by the comparison
 * within clauses (each clause nested in its tier; thin clauses of a tier together), combined by
 * Mantel-Haenszel; or by a single clause flagged on its own. The raw figures and the comparison
 * within tiers are context: a disparity they show that disappears within clauses is explained as
 * the mix of clauses. A clause flagged in the opposite direction is a finding of its own.
 */
final class CaseMixCall {

    private final CaseCounts counts;
    private final ReportCells cells;
    private final Wording words;

    CaseMixCall(CaseCounts counts, ReportCells cells, Wording words) {
        this.counts = counts;
        this.cells = cells;
        this.words = words;
    }

    Assessment assess(Role role, MetricDef m, String g, Comparison crude, Stratified byTier, Stratified byClause,
            Comparisons.Deciding deciding, List<String> findings) {
        String who = g + " " + role.id + "s";
        String head = m.label() + " (" + role.id + "s, " + g + ")";
        if (byClause == null) {
            Assessment a = new Assessment(crude.verdict(), Wording.capital(words.sentence(m, who, crude)));
            if (a.verdict() == Verdict.FLAGGED) {
                findings.add(head + ": " + a.explanation());
            }
            return a;
        }
        List<Comparisons.Stratum> flagged = deciding.strata().stream()
                .filter(s -> s.comparison().verdict() == Verdict.FLAGGED).toList();
        if (byClause.verdict() == Verdict.FLAGGED) {
            boolean higher = deciding.mh().riskRatio() > 1;
            StringBuilder b = new StringBuilder("Comparing like with like (within each clause), ").append(who)
                    .append(" differ from the rest: ").append(words.stratifiedSentence(byClause)).append('.');
            List<Comparisons.Stratum> same = flagged.stream().filter(s -> higher(s) == higher).toList();
            if (!same.isEmpty()) {
                b.append(" Most marked within ").append(Wording.stratumName(same.get(0), counts)).append(": ")
                        .append(stratumSentence(role, m, g, who, same.get(0)));
            }
            b.append(words.heterogeneity(byClause, "clause"));
            if (crude.verdict() != Verdict.FLAGGED) {
                b.append(" The raw figures do not show this: case mix hides it.");
            }
            findings.add(head + ": " + b);
            List<String> opposite = opposite(role, m, g, who, head, flagged, higher, findings);
            return new Assessment(Verdict.FLAGGED, b + String.join("", opposite));
        }
        if (!flagged.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (Comparisons.Stratum s : flagged) {
                String one = "Within " + Wording.stratumName(s, counts) + ", " + stratumSentence(role, m, g, who, s)
                        + " Over all clauses together the comparison is not flagged (" + byClause.reason() + ")."
                        + words.heterogeneity(byClause, "clause");
                findings.add(head + ", " + (higher(s) ? "higher" : "lower") + ": " + one);
                b.append(b.length() == 0 ? "" : " Separately: ").append(one);
            }
            return new Assessment(Verdict.FLAGGED, b.toString());
        }
        boolean rawFlag = crude.verdict() == Verdict.FLAGGED
                || byTier != null && byTier.verdict() == Verdict.FLAGGED;
        if (rawFlag && byClause.verdict() == Verdict.NOT_FLAGGED) {
            String explanation = context(m, who, crude, byTier) + " This is explained by the mix of clauses: within"
                    + " each clause, " + who + " fare like the rest (" + words.stratifiedSentence(byClause) + ")."
                    + caseMix(role, m, g, crude) + " The raw difference comes from case mix, not from how like cases"
                    + " are treated (Simpson's paradox); the comparison within clauses is the fair one.";
            findings.add(head + ": not flagged after allowing for case mix. " + explanation);
            return new Assessment(Verdict.NOT_FLAGGED, explanation);
        }
        if (rawFlag) {
            return new Assessment(Verdict.INSUFFICIENT_EVIDENCE, context(m, who, crude, byTier) + " Within clauses"
                    + " there is too little data to tell whether this is case mix (" + byClause.reason() + ").");
        }
        Verdict v = Verdict.worst(crude.verdict(), byClause.verdict());
        if (v == Verdict.INSUFFICIENT_EVIDENCE) {
            String why = crude.verdict() == Verdict.INSUFFICIENT_EVIDENCE ? crude.reason() : byClause.reason();
            return new Assessment(v, "Insufficient evidence for " + who + ": " + why + ".");
        }
        return new Assessment(v, "No material disparity for " + who + ": " + crude.reason() + "; "
                + byClause.reason() + ".");
    }

    private static boolean higher(Comparisons.Stratum s) {
        return s.comparison().ratio() != null ? s.comparison().ratio() > 1
                : (double) s.a() * s.n0() > (double) s.c() * s.n1();
    }

    /** Clauses flagged against the direction of the combined comparison: each a finding of its own. */
    private List<String> opposite(Role role, MetricDef m, String g, String who, String head,
            List<Comparisons.Stratum> flagged, boolean higher, List<String> findings) {
        List<String> out = new ArrayList<>();
        for (Comparisons.Stratum s : flagged) {
            if (higher(s) != higher) {
                String one = "In the opposite direction to the comparison over all clauses, within "
                        + Wording.stratumName(s, counts) + ", " + stratumSentence(role, m, g, who, s);
                findings.add(head + ", " + (higher(s) ? "higher" : "lower") + ": " + one);
                out.add(" Separately: " + one);
            }
        }
        return out;
    }

    /** The stratum's own comparison, with its figures if publishing them reveals no suppressed count. */
    private String stratumSentence(Role role, MetricDef m, String g, String who, Comparisons.Stratum s) {
        return words.sentence(m, who, published(role, m, g, s) ? s.comparison() : s.comparison().withheld());
    }

    boolean published(Role role, MetricDef m, String g, Comparisons.Stratum s) {
        for (String clause : s.clauses()) {
            String key = CaseCounts.clauseKey(m.strata(), s.tier(), clause);
            if (!cells.published(cells.cell(role, g, key, m.num()), cells.cell(role, g, key, m.den()),
                    cells.cell(role, ALL, key, m.num()), cells.cell(role, ALL, key, m.den()))) {
                return false;
            }
        }
        return true;
    }

    private String context(MetricDef m, String who, Comparison crude, Stratified byTier) {
        String s = "Raw figures: " + words.sentence(m, who, crude);
        if (byTier != null && byTier.verdict() == Verdict.FLAGGED) {
            s += " Within severity tiers alone the difference remains (" + words.stratifiedSentence(byTier) + "),"
                    + " because clauses of the same tier differ in how often the outcome follows.";
        } else if (byTier != null && byTier.riskRatio() != null) {
            s += " Within severity tiers: " + words.stratifiedSentence(byTier) + ".";
        }
        return s;
    }

    /** Which clause the group's cases crowd into, where the outcome is more (or less) common for everyone. */
    private String caseMix(Role role, MetricDef m, String g, Comparison crude) {
        double n1 = counts.value(role, g, m.den());
        double n = counts.value(role, ALL, m.den());
        double overall = n == 0 ? 0 : counts.value(role, ALL, m.num()) / n;
        boolean higher = crude.ratio() != null ? crude.ratio() > 1
                : counts.value(role, g, m.num()) * n > counts.value(role, ALL, m.num()) * n1;
        String best = null;
        double bestScore = 0;
        for (int t : counts.tiers(m.strata())) {
            for (String clause : counts.clauses(m.strata(), t)) {
                String key = CaseCounts.clauseKey(m.strata(), t, clause);
                double mine = counts.value(role, g, key, m.den());
                double total = counts.value(role, ALL, key, m.den());
                double share = n1 == 0 ? 0 : mine / n1;
                double rest = n - n1 == 0 ? 0 : (total - mine) / (n - n1);
                double rate = total == 0 ? 0 : counts.value(role, ALL, key, m.num()) / total;
                double score = (share - rest) * (higher ? rate - overall : overall - rate);
                if (score > bestScore && cells.published(cells.cell(role, g, key, m.den()),
                        cells.cell(role, ALL, key, m.den()), cells.cell(role, ALL, key, m.num()),
                        cells.cell(role, g, m.den()), cells.cell(role, ALL, m.den()), cells.cell(role, ALL, m.num()))) {
                    bestScore = score;
                    best = " Their complaints more often engage \"" + counts.clauseTitle(clause) + "\" (" + clause
                            + ", tier " + t + ": " + Wording.pct(share) + " of theirs, " + Wording.pct(rest)
                            + " of the rest's), where the rate is " + (higher ? "higher" : "lower") + " for everyone ("
                            + Wording.pct(rate) + ", against " + Wording.pct(overall) + " overall).";
                }
            }
        }
        return best == null ? " Their complaints are spread across the clauses differently from the rest's." : best;
    }
}

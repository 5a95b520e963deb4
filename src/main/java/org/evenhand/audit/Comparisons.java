package org.evenhand.audit;

import static org.evenhand.audit.FairnessReport.ALL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.audit.FairnessReport.Stratified;
import org.evenhand.audit.Metrics.MetricDef;
import org.evenhand.audit.Metrics.Role;
import org.evenhand.audit.Metrics.Strata;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.FalseDiscovery;
import org.evenhand.audit.stats.Histogram;
import org.evenhand.audit.stats.MantelHaenszel;
import org.evenhand.audit.stats.RankSum;
import org.evenhand.audit.stats.Rules;
import org.evenhand.audit.stats.TwoByTwo;
import org.evenhand.audit.stats.Verdict;

/**
 * Every comparison of a faction with the rest, before any wording: within severity tiers (context)
 * and within the finest case-mix strata the data support (the call): each clause nested in its
 * tier, with the clauses too thin to stand alone pooled into the rest of their tier. The
 * Mantel-Haenszel combination over those strata, and each stratum's own comparison, are adjusted
 * for the number made in the report (Benjamini-Hochberg), so that a flag is not a chance finding
 * among many.
 */
final class Comparisons {

    /** Fewest cases on each side (the faction, the rest) for a clause to be a stratum of its own. */
    static final int MIN_STRATUM = 10;

    /** A stratum of the call: one clause, or the clauses of a tier too thin to stand alone. */
    record Stratum(int tier, List<String> clauses, boolean pooled, long a, long n1, long c, long n0,
            Comparison comparison) {
        String key(Strata st) {
            return pooled ? null : CaseCounts.clauseKey(st, tier, clauses.get(0));
        }
    }

    /** The comparison within clauses for one faction, role and metric: the strata and the combination. */
    record Deciding(List<Stratum> strata, MantelHaenszel.Result mh, Verdict verdict, String reason, String basis,
            Double pAdjusted) {
    }

    private final CaseCounts counts;
    private final Rules rules;
    private final Map<String, Comparison> tierComparisons = new LinkedHashMap<>();
    private final Map<String, Deciding> deciding = new LinkedHashMap<>();

    Comparisons(CaseCounts counts, Rules rules) {
        this.counts = counts;
        this.rules = rules;
        compareWithinTiers();
        compareWithinClauses();
    }

    private static String key(Role role, MetricDef m, String g) {
        return role.id + "|" + m.id() + "|" + m.num() + "|" + g;
    }

    Comparison tier(Role role, MetricDef m, String g, int t) {
        return tierComparisons.get(key(role, m, g) + "|" + t);
    }

    Deciding deciding(Role role, MetricDef m, String g) {
        return deciding.get(key(role, m, g));
    }

    private long[] table(Role role, MetricDef m, String g, String stratum) {
        long a = counts.value(role, g, stratum, m.num());
        long n1 = counts.value(role, g, stratum, m.den());
        return new long[] { a, n1, counts.value(role, ALL, stratum, m.num()) - a,
                counts.value(role, ALL, stratum, m.den()) - n1 };
    }

    /** Within-tier comparisons (context), adjusted together for their number. */
    private void compareWithinTiers() {
        Map<String, Comparison> raw = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            for (MetricDef m : Metrics.forRole(role)) {
                if (m.strata() == Strata.NONE) {
                    continue;
                }
                for (String g : counts.factionGroups) {
                    for (int t : counts.tiers(m.strata())) {
                        long[] k = table(role, m, g, CaseCounts.tierKey(m.strata(), t));
                        raw.put(key(role, m, g) + "|" + t, TwoByTwo.compare(k[0], k[1], k[2], k[3], rules));
                    }
                }
            }
        }
        tierComparisons.putAll(adjust(raw, "within-tier comparisons in this report"));
    }

    /** The strata of the call for each faction, their comparisons and the Mantel-Haenszel combination. */
    private void compareWithinClauses() {
        Map<String, List<Stratum>> strata = new LinkedHashMap<>();
        Map<String, Comparison> raw = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            for (MetricDef m : Metrics.forRole(role)) {
                if (m.strata() == Strata.NONE) {
                    continue;
                }
                for (String g : counts.factionGroups) {
                    List<Stratum> list = strata(role, m, g);
                    strata.put(key(role, m, g), list);
                    for (int i = 0; i < list.size(); i++) {
                        raw.put(key(role, m, g) + "|" + i, list.get(i).comparison());
                    }
                }
            }
        }
        Map<String, Comparison> adjusted = adjust(raw, "within-clause comparisons in this report");
        Map<String, MantelHaenszel.Result> results = new LinkedHashMap<>();
        Map<String, Double> cmhP = new LinkedHashMap<>();
        strata.forEach((k, list) -> {
            List<Stratum> adj = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Stratum s = list.get(i);
                adj.add(new Stratum(s.tier(), s.clauses(), s.pooled(), s.a(), s.n1(), s.c(), s.n0(),
                        adjusted.get(k + "|" + i)));
            }
            strata.put(k, adj);
            long n1 = adj.stream().mapToLong(Stratum::n1).sum();
            long n0 = adj.stream().mapToLong(Stratum::n0).sum();
            if (n1 >= rules.minimumGroupSize() && n0 >= rules.minimumGroupSize()) {
                MantelHaenszel.Result r = MantelHaenszel.analyse(
                        adj.stream().map(s -> new long[] { s.a(), s.n1(), s.c(), s.n0() }).toList(), rules.z());
                results.put(k, r);
                if (r.riskRatio() != null) {
                    cmhP.put(k, r.cmhP());
                }
            }
        });
        List<String> tested = new ArrayList<>(cmhP.keySet());
        double[] p = FalseDiscovery.adjust(tested.stream().mapToDouble(cmhP::get).toArray());
        Map<String, Double> pAdj = new LinkedHashMap<>();
        for (int i = 0; i < tested.size(); i++) {
            pAdj.put(tested.get(i), p[i]);
        }
        strata.forEach((k, list) -> deciding.put(k, decide(list, results.get(k), pAdj.get(k), tested.size())));
    }

    private Deciding decide(List<Stratum> list, MantelHaenszel.Result r, Double pAdj, int family) {
        String basis = basis(list);
        if (r == null) {
            return new Deciding(list, null, Verdict.INSUFFICIENT_EVIDENCE, "fewer than " + rules.minimumGroupSize()
                    + " cases on one side", basis, null);
        }
        if (r.riskRatio() == null) {
            return new Deciding(list, r, Verdict.INSUFFICIENT_EVIDENCE, "no clause has the outcome on both sides,"
                    + " so no common ratio can be estimated", basis, null);
        }
        Rules.Call call = rules.call(r.riskRatio(), r.rrLower(), r.rrUpper());
        if (call.verdict() == Verdict.FLAGGED && pAdj != null && pAdj >= rules.alpha()) {
            return new Deciding(list, r, Verdict.INSUFFICIENT_EVIDENCE, "within clauses: " + call.reason()
                    + ", but not after allowing for the " + family + " such comparisons in this report"
                    + " (Benjamini-Hochberg adjusted p " + String.format(java.util.Locale.UK, "%.3g", pAdj)
                    + "): it could be chance", basis, pAdj);
        }
        return new Deciding(list, r, call.verdict(), "within clauses: " + call.reason(), basis, pAdj);
    }

    private static String basis(List<Stratum> list) {
        List<String> pooled = new ArrayList<>();
        for (Stratum s : list) {
            if (s.pooled()) {
                pooled.add("tier " + s.tier() + " (" + String.join(", ", s.clauses()) + ")");
            }
        }
        long single = list.stream().filter(s -> !s.pooled()).count();
        String b = "each clause within its severity tier (" + single + " clause" + (single == 1 ? "" : "s")
                + " on their own";
        if (pooled.isEmpty()) {
            return b + ")";
        }
        return b + "); clauses with fewer than " + MIN_STRATUM + " cases on a side are taken together within"
                + " their tier: " + String.join("; ", pooled);
    }

    /** Each clause of each tier, or the thin clauses of a tier together (a coarser stratum). */
    private List<Stratum> strata(Role role, MetricDef m, String g) {
        List<Stratum> out = new ArrayList<>();
        for (int t : counts.tiers(m.strata())) {
            List<String> thin = new ArrayList<>();
            long[] pool = new long[4];
            for (String clause : counts.clauses(m.strata(), t)) {
                long[] k = table(role, m, g, CaseCounts.clauseKey(m.strata(), t, clause));
                if (k[1] >= MIN_STRATUM && k[3] >= MIN_STRATUM) {
                    out.add(new Stratum(t, List.of(clause), false, k[0], k[1], k[2], k[3],
                            TwoByTwo.compare(k[0], k[1], k[2], k[3], rules)));
                } else if (k[1] + k[3] > 0) {
                    thin.add(clause);
                    for (int i = 0; i < 4; i++) {
                        pool[i] += k[i];
                    }
                }
            }
            if (!thin.isEmpty()) {
                out.add(new Stratum(t, List.copyOf(thin), true, pool[0], pool[1], pool[2], pool[3],
                        TwoByTwo.compare(pool[0], pool[1], pool[2], pool[3], rules)));
            }
        }
        return out;
    }

    private Map<String, Comparison> adjust(Map<String, Comparison> raw, String family) {
        List<String> tested = raw.entrySet().stream().filter(e -> e.getValue().pValue() != null)
                .map(Map.Entry::getKey).toList();
        double[] adjusted = FalseDiscovery.adjust(tested.stream().mapToDouble(k -> raw.get(k).pValue()).toArray());
        Map<String, Comparison> out = new LinkedHashMap<>(raw);
        for (int i = 0; i < tested.size(); i++) {
            out.put(tested.get(i), raw.get(tested.get(i)).adjusted(adjusted[i], rules.alpha(),
                    tested.size() + " " + family));
        }
        return out;
    }

    /** The comparison within severity tiers, as context for the call. */
    Stratified byTier(Role role, MetricDef m, String g, boolean figures) {
        List<long[]> strata = new ArrayList<>();
        for (int t : counts.tiers(m.strata())) {
            strata.add(table(role, m, g, CaseCounts.tierKey(m.strata(), t)));
        }
        long n1 = strata.stream().mapToLong(k -> k[1]).sum();
        long n0 = strata.stream().mapToLong(k -> k[3]).sum();
        if (n1 < rules.minimumGroupSize() || n0 < rules.minimumGroupSize()) {
            return stratified(null, Verdict.INSUFFICIENT_EVIDENCE, "fewer than " + rules.minimumGroupSize()
                    + " cases on one side", "severity tier", null, figures, null);
        }
        MantelHaenszel.Result r = MantelHaenszel.analyse(strata, rules.z());
        if (r.riskRatio() == null) {
            return stratified(r, Verdict.INSUFFICIENT_EVIDENCE, "no tier has the outcome on both sides",
                    "severity tier", null, figures, null);
        }
        Rules.Call call = rules.call(r.riskRatio(), r.rrLower(), r.rrUpper());
        return stratified(r, call.verdict(), "within severity tiers: " + call.reason(), "severity tier", null,
                figures, null);
    }

    /** The comparison within clauses (the call) as published. */
    Stratified byClause(Deciding d, boolean figures) {
        return stratified(d.mh(), d.verdict(), d.reason(), d.basis(), d.pAdjusted(), figures,
                d.mh() == null ? null : d.strata().size());
    }

    private Stratified stratified(MantelHaenszel.Result r, Verdict verdict, String reason, String basis,
            Double pAdjusted, boolean figures, Integer strata) {
        Boolean heterogeneous = r == null || r.breslowDayP() == null ? null : r.breslowDayP() < rules.alpha();
        if (r == null || !figures) {
            return new Stratified(r == null ? null : r.strata(), null, null, null, null, null, null, null, null, null,
                    null, null, heterogeneous, verdict, r == null || figures ? reason
                            : reason + " (figures withheld: small numbers)", basis, null);
        }
        return new Stratified(r.strata(), r.riskRatio(), r.rrLower(), r.rrUpper(), r.oddsRatio(), r.orLower(),
                r.orUpper(), r.cmh(), r.cmhP(), r.breslowDay(), r.breslowDayDf(), r.breslowDayP(), heterogeneous,
                verdict, reason, basis, pAdjusted);
    }

    record TimeCall(Double ratio, Double superiority, Double p, Verdict verdict, String reason) {
    }

    /** Median ratio with the rank-sum test: flagged outside the band when the test rejects equal distributions. */
    static TimeCall timeCall(Histogram group, Histogram rest, Rules rules) {
        int min = rules.minimumGroupSize();
        if (group.size() < min || rest.size() < min) {
            return new TimeCall(null, null, null, Verdict.INSUFFICIENT_EVIDENCE,
                    "fewer than " + min + " cases on one side");
        }
        double mg = group.quantile(0.5);
        double mr = rest.quantile(0.5);
        RankSum r = RankSum.test(group, rest);
        if (mr <= 0) {
            return new TimeCall(null, r.superiority(), r.pValue(), Verdict.INSUFFICIENT_EVIDENCE,
                    "the rest's median is zero days");
        }
        double ratio = mg / mr;
        boolean significant = r.pValue() < rules.alpha();
        if (rules.outsideBand(ratio) && significant) {
            return new TimeCall(ratio, r.superiority(), r.pValue(), Verdict.FLAGGED, (ratio > 1 ? "slower" : "faster")
                    + ": median " + Wording.ratio(ratio) + " times the rest's, and the rank-sum test rejects equal"
                    + " times");
        }
        if (rules.outsideBand(ratio)) {
            return new TimeCall(ratio, r.superiority(), r.pValue(), Verdict.INSUFFICIENT_EVIDENCE,
                    "the medians differ by more than the band, but not significantly");
        }
        return new TimeCall(ratio, r.superiority(), r.pValue(), Verdict.NOT_FLAGGED,
                "median within " + rules.bandLower() + "-" + rules.bandUpper() + " of the rest's");
    }
}

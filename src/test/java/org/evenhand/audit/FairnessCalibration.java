package org.evenhand.audit;

import java.util.Locale;
import java.util.function.Consumer;
import org.evenhand.audit.FairnessReport.GroupRate;
import org.evenhand.audit.FairnessReport.RateMetric;
import org.evenhand.audit.FairnessReport.RoleSection;
import org.evenhand.audit.stats.Verdict;
import org.junit.jupiter.api.Test;

/**
 * How often the report's call is wrong, measured: many periods made in memory (the model of
 * seeds/generator.sql, see SyntheticPeriod), each analysed by the full report code (every metric,
 * both roles, suppression and the report's own multiple-comparison control).
 * <ul>
 * <li>No bias anywhere, but strong case-mix confounding within tier 3 (one faction's tier-3
 * complaints are mostly about the clause upheld 85% of the time, everyone else's about the one
 * upheld 30%): the false-flag rate is the share of periods with any flagged finding at all.</li>
 * <li>The same, with one faction's complaints about one clause upheld 1.5 times as often: the
 * detection rate is the share of periods in which that faction is flagged for that clause.</li>
 * </ul>
 * Not part of the test suite (the name does not end in Test): run it with bench/calibration.sh.
 * The number of periods and complaints per period can be set with -Dcalibration.periods and
 * -Dcalibration.cases.
 */
class FairnessCalibration {

    static final int PERIODS = Integer.getInteger("calibration.periods", 200);
    static final int CASES = Integer.getInteger("calibration.cases", 6000);

    record Tally(int periods, int anyFlag, int upheldFlag, int comparisons, int flaggedComparisons) {
    }

    static SyntheticPeriod confounded(long seed) {
        SyntheticPeriod p = CaseMixCallTest.clauseMixWithinTier3();
        p.seed = seed;
        p.cases = CASES;
        return p;
    }

    @Test
    void calibrate() {
        long t0 = System.nanoTime();
        int[] noBias = new int[4];
        int[] rawWouldFlag = new int[1];
        java.util.List<String> falseFlags = new java.util.ArrayList<>();
        run(1_000, p -> {
        }, r -> {
            noBias[0]++;
            long flagged = r.roles().stream().flatMap(x -> x.rates().stream()).flatMap(m -> m.groups().stream())
                    .filter(g -> g.assessment() != null && g.assessment().verdict() == Verdict.FLAGGED).count();
            noBias[1] += flagged > 0 ? 1 : 0;
            noBias[2] += (int) comparisons(r);
            noBias[3] += (int) flagged;
            if (flagged > 0 && falseFlags.size() < 5) {
                r.findings().stream().skip(1).filter(f -> !f.contains("not flagged after allowing for case mix"))
                        .map(f -> f.length() > 220 ? f.substring(0, 220) + "..." : f).forEach(falseFlags::add);
            }
            GroupRate left = CaseMixCallTest.rate(r, "respondent", "upheld", "left");
            rawWouldFlag[0] += left.byTier().verdict() == Verdict.FLAGGED ? 1 : 0;
        });
        int[] main = detect("centre", "bullying", 2_000);
        int[] hard = detect("right", "harassment", 3_000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println();
        System.out.println("Fairness calibration: " + PERIODS + " periods per scenario, " + CASES
                + " complaints per period (" + String.format(Locale.UK, "%.0f", seconds) + " s)");
        System.out.println(String.format(Locale.UK, "  no bias, clause mix confounded within tier 3:"
                + " false-flag rate %.1f%% of periods (%d of %d; target at most 5%%);"
                + " %d of %d comparisons flagged (%.2f%%); the tier-only call would have flagged the"
                + " confounded faction in %d of %d", 100.0 * noBias[1] / noBias[0], noBias[1], noBias[0], noBias[3],
                noBias[2], 100.0 * noBias[3] / noBias[2], rawWouldFlag[0], noBias[0]));
        falseFlags.forEach(f -> System.out.println("    false flag: " + f));
        print("centre, clause bullying (tier 2)", main);
        print("right, clause harassment (tier 3)", hard);
    }

    static void print(String what, int[] d) {
        System.out.println(String.format(Locale.UK, "  upheld x1.5 for %s: detection rate %.1f%% (%d of %d;"
                + " target at least 80%%); faction flagged at all %d; biased faction's decided complaints on that"
                + " clause per period: median %d", what, 100.0 * d[1] / d[0], d[1], d[0], d[2], d[3]));
    }

    /** {periods, flagged for that clause, flagged at all, median decided cases of the faction on the clause}. */
    int[] detect(String faction, String clause, long seedBase) {
        int[] d = new int[4];
        int[] sizes = new int[PERIODS];
        run(seedBase, p -> {
            p.biasFaction = faction;
            p.bias.put(clause, 1.5);
        }, r -> {
            GroupRate g = CaseMixCallTest.rate(r, "respondent", "upheld", faction);
            var stratum = g.clauses().stream().filter(c -> c.clauses().contains(clause)).findFirst().orElseThrow();
            boolean forClause = g.assessment().verdict() == Verdict.FLAGGED
                    && (stratum.comparison().verdict() == Verdict.FLAGGED
                            || g.byClause().verdict() == Verdict.FLAGGED
                                    && g.assessment().explanation().contains("(" + clause + ","));
            sizes[d[0]] = stratum.denominator().published() ? stratum.denominator().value().intValue() : 0;
            d[0]++;
            d[1] += forClause ? 1 : 0;
            d[2] += g.assessment().verdict() == Verdict.FLAGGED ? 1 : 0;
        });
        java.util.Arrays.sort(sizes);
        d[3] = sizes[PERIODS / 2];
        return d;
    }

    static long comparisons(FairnessReport r) {
        long n = 0;
        for (RoleSection role : r.roles()) {
            for (RateMetric m : role.rates()) {
                n += m.groups().stream().filter(g -> g.assessment() != null).count();
            }
        }
        return n;
    }

    static void run(long seedBase, Consumer<SyntheticPeriod> setup, Consumer<FairnessReport> check) {
        for (int i = 0; i < PERIODS; i++) {
            SyntheticPeriod p = confounded(seedBase + i);
            setup.accept(p);
            check.accept(p.report());
        }
    }
}

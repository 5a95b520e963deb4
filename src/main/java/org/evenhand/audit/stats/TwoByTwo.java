package org.evenhand.audit.stats;

import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * A group against the rest on a yes/no outcome:
 * <pre>
 *            event   no event
 *   group      a        n1-a
 *   rest       c        n0-c
 * </pre>
 * The disparity ratio is the risk ratio (a/n1)/(c/n0) with the Katz log interval; with a zero cell,
 * 0.5 is added to every cell (Haldane-Anscombe). The test is Fisher's exact test when any expected
 * count is under 5, otherwise Pearson's chi-squared (1 df, no continuity correction), both from
 * Apache Commons Statistics.
 */
public final class TwoByTwo {

    private TwoByTwo() {
    }

    public static Comparison compare(long a, long n1, long c, long n0, Rules rules) {
        if (a < 0 || c < 0 || a > n1 || c > n0) {
            throw new IllegalArgumentException("inconsistent table " + a + "/" + n1 + ", " + c + "/" + n0);
        }
        if (n1 < rules.minimumGroupSize() || n0 < rules.minimumGroupSize()) {
            return Comparison.insufficient("fewer than " + rules.minimumGroupSize() + " cases on one side ("
                    + n1 + " in the group, " + n0 + " in the rest)");
        }
        long events = a + c;
        long nonEvents = (n1 - a) + (n0 - c);
        if (events < 5 || nonEvents < 5) {
            return Comparison.insufficient("fewer than 5 cases " + (events < 5 ? "with" : "without")
                    + " the outcome in all");
        }
        double[] ratio = riskRatio(a, n1, c, n0, rules.z());
        Significance test = test(a, n1 - a, c, n0 - c);
        Rules.Call call = rules.call(ratio[0], ratio[1], ratio[2]);
        return new Comparison(ratio[0], ratio[1], ratio[2], test.name(), test.p(), call.verdict(), call.reason());
    }

    /** Risk ratio and its Katz log interval: {ratio, lower, upper}. */
    public static double[] riskRatio(double a, double n1, double c, double n0, double z) {
        if (a == 0 || c == 0 || a == n1 || c == n0) {
            a += 0.5;
            c += 0.5;
            n1 += 1;
            n0 += 1;
        }
        double rr = (a / n1) / (c / n0);
        double se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0);
        return new double[] { rr, rr * Math.exp(-z * se), rr * Math.exp(z * se) };
    }

    public record Significance(String name, double statistic, double p) {
    }

    /** Fisher's exact test (two-sided) when an expected count is under 5; otherwise Pearson's chi-squared. */
    public static Significance test(long a, long b, long c, long d) {
        double n = a + b + c + d;
        double minExpected = Math.min(Math.min((a + b) * (a + c) / n, (a + b) * (b + d) / n),
                Math.min((c + d) * (a + c) / n, (c + d) * (b + d) / n));
        if (minExpected < 5 && n <= Integer.MAX_VALUE) {
            SignificanceResult r = FisherExactTest.withDefaults()
                    .test(new int[][] { { (int) a, (int) b }, { (int) c, (int) d } });
            return new Significance("fisher-exact", r.getStatistic(), r.getPValue());
        }
        SignificanceResult r = ChiSquareTest.withDefaults().test(new long[][] { { a, b }, { c, d } });
        return new Significance("chi-squared", r.getStatistic(), r.getPValue());
    }
}

package org.evenhand.audit.stats;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * A group against the rest within strata (severity tier, clause), so that a difference in case
 * mix can neither create nor hide a disparity. Apache Commons Statistics has no stratified
 * analysis, so these are written out here, from the published formulae:
 * <ul>
 * <li>Cochran-Mantel-Haenszel test of no association given the strata, without continuity
 * correction (Agresti, Categorical Data Analysis, 3rd ed., sec. 6.4; as SAS PROC FREQ and
 * statsmodels StratifiedTable.test_null_odds report it);</li>
 * <li>Mantel-Haenszel common odds ratio with the Robins-Breslow-Greenland (1986) variance;</li>
 * <li>Mantel-Haenszel common risk ratio with the Greenland-Robins (1985) variance: the stratified
 * disparity ratio, on the same scale as the unstratified one;</li>
 * <li>Breslow-Day test that the odds ratio is the same in every stratum (unadjusted, as SAS and
 * statsmodels test_equal_odds(adjust=False)).</li>
 * </ul>
 * Each stratum is {a, n1, c, n0}: events and cases in the group, events and cases in the rest.
 */
public final class MantelHaenszel {

    private MantelHaenszel() {
    }

    public record Result(int strata, double cmh, double cmhP, Double oddsRatio, Double orLower, Double orUpper,
            Double riskRatio, Double rrLower, Double rrUpper, Double breslowDay, Integer breslowDayDf,
            Double breslowDayP) {
    }

    public static Result analyse(List<long[]> strata, double z) {
        double sumA = 0;
        double sumE = 0;
        double sumV = 0;
        double r = 0;
        double s = 0;
        double pr = 0;
        double psqr = 0;
        double qs = 0;
        double rrNum = 0;
        double rrDen = 0;
        double rrVar = 0;
        int used = 0;
        for (long[] k : strata) {
            double a = k[0];
            double n1 = k[1];
            double c = k[2];
            double n0 = k[3];
            double n = n1 + n0;
            if (n1 == 0 || n0 == 0 || n < 2) {
                continue;
            }
            used++;
            double b = n1 - a;
            double d = n0 - c;
            double m1 = a + c;
            double m0 = b + d;
            sumA += a;
            sumE += n1 * m1 / n;
            sumV += n1 * n0 * m1 * m0 / (n * n * (n - 1));
            double rk = a * d / n;
            double sk = b * c / n;
            double pk = (a + d) / n;
            double qk = (b + c) / n;
            r += rk;
            s += sk;
            pr += pk * rk;
            psqr += pk * sk + qk * rk;
            qs += qk * sk;
            rrNum += a * n0 / n;
            rrDen += c * n1 / n;
            rrVar += (n1 * n0 * m1 - a * c * n) / (n * n);
        }
        double cmh = sumV > 0 ? (sumA - sumE) * (sumA - sumE) / sumV : 0;
        double cmhP = sumV > 0 ? ChiSquaredDistribution.of(1).survivalProbability(cmh) : 1;
        Double or = null;
        Double orLo = null;
        Double orHi = null;
        if (r > 0 && s > 0) {
            or = r / s;
            double se = Math.sqrt(pr / (2 * r * r) + psqr / (2 * r * s) + qs / (2 * s * s));
            orLo = or * Math.exp(-z * se);
            orHi = or * Math.exp(z * se);
        }
        Double rr = null;
        Double rrLo = null;
        Double rrHi = null;
        if (rrNum > 0 && rrDen > 0) {
            rr = rrNum / rrDen;
            double se = Math.sqrt(rrVar / (rrNum * rrDen));
            rrLo = rr * Math.exp(-z * se);
            rrHi = rr * Math.exp(z * se);
        }
        Double bd = null;
        Integer bdDf = null;
        Double bdP = null;
        if (or != null) {
            double stat = 0;
            int tables = 0;
            for (long[] k : strata) {
                double n1 = k[1];
                double n0 = k[3];
                double m1 = k[0] + k[2];
                if (n1 == 0 || n0 == 0 || m1 == 0 || m1 == n1 + n0) {
                    continue;
                }
                double expected = expectedA(or, n1, n0, m1);
                double v = 1 / (1 / expected + 1 / (n1 - expected) + 1 / (m1 - expected) + 1 / (n0 - m1 + expected));
                if (!(v > 0) || Double.isInfinite(v)) {
                    continue;
                }
                stat += (k[0] - expected) * (k[0] - expected) / v;
                tables++;
            }
            if (tables >= 2) {
                bd = stat;
                bdDf = tables - 1;
                bdP = ChiSquaredDistribution.of(bdDf).survivalProbability(stat);
            }
        }
        return new Result(used, cmh, cmhP, or, orLo, orHi, rr, rrLo, rrHi, bd, bdDf, bdP);
    }

    /**
     * The count in the group's event cell that gives the stratum the common odds ratio psi, with
     * the stratum's margins fixed: the root of a(n0 - m1 + a) = psi (n1 - a)(m1 - a) inside
     * [max(0, m1 - n0), min(n1, m1)].
     */
    static double expectedA(double psi, double n1, double n0, double m1) {
        double lo = Math.max(0, m1 - n0);
        double hi = Math.min(n1, m1);
        double qa = 1 - psi;
        double qb = n0 - m1 + psi * (n1 + m1);
        double qc = -psi * n1 * m1;
        if (Math.abs(qa) < 1e-12) {
            return -qc / qb;
        }
        double disc = Math.sqrt(qb * qb - 4 * qa * qc);
        double x1 = (-qb + disc) / (2 * qa);
        double x2 = (-qb - disc) / (2 * qa);
        return x1 >= lo - 1e-9 && x1 <= hi + 1e-9 ? x1 : x2;
    }
}

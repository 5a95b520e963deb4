package org.evenhand.audit.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Pearson's chi-squared test of independence across all groups at once (a groups x outcomes
 * table), from Apache Commons Statistics. Rows or columns that are empty are left out. The
 * approximation is trusted only when no expected count is under 1 and at most a fifth are
 * under 5 (Cochran's rule); otherwise the call is insufficient evidence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Independence(int groups, Double statistic, Integer degreesOfFreedom, Double pValue, Double minimumExpected,
        Verdict verdict, String reason) {

    public static Independence test(long[][] table, Rules rules) {
        List<long[]> rows = new ArrayList<>();
        int cols = table.length == 0 ? 0 : table[0].length;
        boolean[] keepCol = new boolean[cols];
        for (long[] row : table) {
            long sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += row[j];
                keepCol[j] |= row[j] > 0;
            }
            if (sum > 0) {
                rows.add(row);
            }
        }
        int keptCols = 0;
        for (boolean k : keepCol) {
            keptCols += k ? 1 : 0;
        }
        if (rows.size() < 2 || keptCols < 2) {
            return new Independence(rows.size(), null, null, null, null, Verdict.INSUFFICIENT_EVIDENCE,
                    "fewer than two groups or outcomes with any cases");
        }
        long[][] t = new long[rows.size()][keptCols];
        long[] rowSum = new long[t.length];
        long[] colSum = new long[keptCols];
        long total = 0;
        for (int i = 0; i < t.length; i++) {
            int jj = 0;
            for (int j = 0; j < cols; j++) {
                if (keepCol[j]) {
                    t[i][jj] = rows.get(i)[j];
                    rowSum[i] += t[i][jj];
                    colSum[jj] += t[i][jj];
                    total += t[i][jj];
                    jj++;
                }
            }
        }
        double minExpected = Double.MAX_VALUE;
        int under5 = 0;
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < keptCols; j++) {
                double e = (double) rowSum[i] * colSum[j] / total;
                minExpected = Math.min(minExpected, e);
                under5 += e < 5 ? 1 : 0;
            }
        }
        SignificanceResult r = ChiSquareTest.withDefaults().test(t);
        int df = (t.length - 1) * (keptCols - 1);
        long smallest = Long.MAX_VALUE;
        for (long s : rowSum) {
            smallest = Math.min(smallest, s);
        }
        Verdict verdict;
        String reason;
        if (minExpected < 1 || under5 * 5 > t.length * keptCols) {
            verdict = Verdict.INSUFFICIENT_EVIDENCE;
            reason = "too many small expected counts for the chi-squared approximation";
        } else if (r.getPValue() < rules.alpha()) {
            verdict = Verdict.FLAGGED;
            reason = "the groups differ more than chance would explain (p < "
                    + String.format(java.util.Locale.UK, "%.2g", rules.alpha()) + ")";
        } else if (smallest < rules.minimumGroupSize()) {
            verdict = Verdict.INSUFFICIENT_EVIDENCE;
            reason = "no significant difference, but a group has fewer than " + rules.minimumGroupSize() + " cases";
        } else {
            verdict = Verdict.NOT_FLAGGED;
            reason = "no significant difference across the groups";
        }
        return new Independence(t.length, r.getStatistic(), df, r.getPValue(), minExpected, verdict, reason);
    }
}

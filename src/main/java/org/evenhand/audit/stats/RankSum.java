package org.evenhand.audit.stats;

import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Mann-Whitney U (Wilcoxon rank-sum) test computed from two histograms of whole-day
 * durations, with mid-ranks for ties, the tie-corrected variance and a continuity correction
 * (the normal approximation; R's wilcox.test(exact = FALSE, correct = TRUE)). Apache Commons
 * Statistics' MannWhitneyUTest needs every observation in memory; the report keeps case rows in
 * the database, so the same statistic is computed here from the counts (checked against the
 * library in RankSumTest). Also gives the probability of superiority, U / (n1 n2): the chance
 * that a random case from the group took longer than one from the rest (ties count half).
 */
public record RankSum(double u, double z, double pValue, double superiority) {

    public static RankSum test(Histogram x, Histogram y) {
        double n1 = x.size();
        double n2 = y.size();
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        Map<Integer, long[]> values = new TreeMap<>();
        x.counts().forEach((v, c) -> values.computeIfAbsent(v, k -> new long[2])[0] += c);
        y.counts().forEach((v, c) -> values.computeIfAbsent(v, k -> new long[2])[1] += c);
        double rankSum1 = 0;
        double below = 0;
        double ties = 0;
        for (long[] c : values.values()) {
            double t = c[0] + c[1];
            double midRank = below + (t + 1) / 2;
            rankSum1 += c[0] * midRank;
            below += t;
            ties += t * t * t - t;
        }
        double n = n1 + n2;
        double u = rankSum1 - n1 * (n1 + 1) / 2;
        double mean = n1 * n2 / 2;
        double variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)));
        if (variance <= 0) {
            return new RankSum(u, 0, 1, u / (n1 * n2));
        }
        double diff = u - mean;
        double corrected = Math.max(0, Math.abs(diff) - 0.5);
        double z = Math.signum(diff) * corrected / Math.sqrt(variance);
        double p = Math.min(1, 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z)));
        return new RankSum(u, z, p, u / (n1 * n2));
    }
}

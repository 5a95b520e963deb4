package org.evenhand.audit.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The decision rule shared by every comparison: the disparity band (four-fifths rule, 0.8-1.25),
 * the confidence level of the intervals, and the least number of cases on each side of a
 * comparison before any call is made.
 */
public record Rules(double bandLower, double bandUpper, double confidence, int minimumGroupSize) {

    public static final Rules DEFAULT = new Rules(0.8, 1.25, 0.95, 30);

    public Rules {
        if (!(bandLower > 0 && bandLower < 1 && bandUpper > 1)) {
            throw new IllegalArgumentException("band must be below and above 1: " + bandLower + "-" + bandUpper);
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0.5 and 1: " + confidence);
        }
    }

    /** The two-sided normal quantile for the confidence level (1.959964 for 95%). */
    public double z() {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** The significance level matching the confidence level (0.05 for 95%). */
    public double alpha() {
        return 1 - confidence;
    }

    public boolean outsideBand(double ratio) {
        return ratio < bandLower || ratio > bandUpper;
    }

    /**
     * The call for a ratio and its interval. Flagged only when the ratio is outside the band and
     * the interval excludes 1; insufficient evidence when the interval includes 1 and also reaches
     * beyond the band (the data fit both parity and a material disparity).
     */
    public Call call(double ratio, double lower, double upper) {
        boolean excludesOne = lower > 1 || upper < 1;
        if (outsideBand(ratio) && excludesOne) {
            return new Call(Verdict.FLAGGED, (ratio > 1 ? "higher" : "lower") + ": the ratio is outside "
                    + bandLower + "-" + bandUpper + " and its " + percent() + " interval excludes 1");
        }
        if (!excludesOne && (lower < bandLower || upper > bandUpper)) {
            return new Call(Verdict.INSUFFICIENT_EVIDENCE, "the " + percent()
                    + " interval includes 1 but also reaches beyond " + bandLower + "-" + bandUpper
                    + ": these data cannot tell parity from a material disparity");
        }
        if (excludesOne) {
            return new Call(Verdict.NOT_FLAGGED, "a difference is detectable but the ratio is inside "
                    + bandLower + "-" + bandUpper);
        }
        return new Call(Verdict.NOT_FLAGGED, "the " + percent() + " interval lies inside "
                + bandLower + "-" + bandUpper + ": no material disparity");
    }

    public String percent() {
        return Math.round(confidence * 100) + "%";
    }

    public record Call(Verdict verdict, String reason) {
    }
}

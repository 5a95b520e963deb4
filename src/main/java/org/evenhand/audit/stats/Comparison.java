package org.evenhand.audit.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One group against the rest: the disparity ratio (the group's rate over the rest's) with its
 * confidence interval, the significance test used and its p-value, and the call.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(Double ratio, Double ciLower, Double ciUpper, String test, Double pValue, Double pAdjusted,
        Verdict verdict, String reason) {

    public Comparison(Double ratio, Double ciLower, Double ciUpper, String test, Double pValue, Verdict verdict,
            String reason) {
        this(ratio, ciLower, ciUpper, test, pValue, null, verdict, reason);
    }

    public static Comparison insufficient(String reason) {
        return new Comparison(null, null, null, null, null, Verdict.INSUFFICIENT_EVIDENCE, reason);
    }

    /** The same call with its figures withheld (they would reveal a suppressed count). */
    public Comparison withheld() {
        return new Comparison(null, null, null, test, null, null, verdict, reason + " (figures withheld: small numbers)");
    }

    /**
     * With the p-value adjusted for the many comparisons of its family (Benjamini-Hochberg); a flag
     * that does not survive the adjustment becomes insufficient evidence.
     */
    public Comparison adjusted(double p, double alpha, String family) {
        if (verdict == Verdict.FLAGGED && p >= alpha) {
            return new Comparison(ratio, ciLower, ciUpper, test, pValue, p, Verdict.INSUFFICIENT_EVIDENCE,
                    reason + ", but not after allowing for the " + family + " (Benjamini-Hochberg adjusted p "
                            + String.format(java.util.Locale.UK, "%.3g", p) + "): it could be chance");
        }
        return new Comparison(ratio, ciLower, ciUpper, test, pValue, p, verdict, reason);
    }
}

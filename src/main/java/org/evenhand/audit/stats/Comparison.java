package org.evenhand.audit.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One group against the rest: the disparity ratio (the group's rate over the rest's) with its
 * confidence interval, the significance test used and its p-value, and the call.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(Double ratio, Double ciLower, Double ciUpper, String test, Double pValue, Verdict verdict,
        String reason) {

    public static Comparison insufficient(String reason) {
        return new Comparison(null, null, null, null, null, Verdict.INSUFFICIENT_EVIDENCE, reason);
    }

    /** The same call with its figures withheld (they would reveal a suppressed count). */
    public Comparison withheld() {
        return new Comparison(null, null, null, test, null, verdict, reason + " (figures withheld: small numbers)");
    }
}

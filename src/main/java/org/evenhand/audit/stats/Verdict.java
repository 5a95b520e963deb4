package org.evenhand.audit.stats;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The call a comparison supports. There is deliberately no "no disparity": when the data cannot
 * tell parity from a material disparity, the call is {@link #INSUFFICIENT_EVIDENCE}.
 */
public enum Verdict {
    /** Outside the 0.8-1.25 band, and the 95% confidence interval excludes 1 (no difference). */
    FLAGGED("flagged"),
    /** Not flagged: the interval rules out a disparity beyond the band, or the point estimate is inside it and the interval excludes 1. */
    NOT_FLAGGED("not-flagged"),
    /** Too few cases, or an interval so wide that it covers both parity and a material disparity. */
    INSUFFICIENT_EVIDENCE("insufficient-evidence");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The more serious of two calls: flagged, then insufficient evidence, then not flagged. */
    public static Verdict worst(Verdict a, Verdict b) {
        if (a == FLAGGED || b == FLAGGED) {
            return FLAGGED;
        }
        if (a == INSUFFICIENT_EVIDENCE || b == INSUFFICIENT_EVIDENCE) {
            return INSUFFICIENT_EVIDENCE;
        }
        return NOT_FLAGGED;
    }
}

package org.evenhand.web;

import java.time.Duration;
import java.time.Instant;

/**
 * A deadline as a page shows it: when it falls, how long is left (or how long ago it passed),
 * and whether it is close. Pages render it as text; a small script keeps the count moving.
 */
public record Due(String label, Instant at, String when, String left, boolean overdue, boolean soon) {

    static final Duration SOON = Duration.ofDays(2);

    public static Due of(String label, Instant at, Instant now) {
        if (at == null) {
            return null;
        }
        Duration d = Duration.between(now, at);
        boolean overdue = d.isNegative() || d.isZero();
        String left = overdue ? "Overdue by " + Formats.span(d.negated()) : Formats.span(d) + " left";
        return new Due(label, at, Formats.when(at), left, overdue, !overdue && d.compareTo(SOON) < 0);
    }

    public String iso() {
        return Formats.iso(at);
    }

    /** The modifier for the countdown's style: overdue (red), soon (amber) or none. */
    public String state() {
        return overdue ? "overdue" : soon ? "soon" : "ok";
    }
}

package org.evenhand.web;

import java.time.Duration;
import java.time.Instant;

/**
 * A deadline as a page shows it: when it falls, how long is left (or how long ago it passed),
 * and whether it is close. The tag {@code due} words it in the page's language; a small script keeps
 * the count moving. {@code label} is the deadline's name as the caller gives it (a code on member
 * pages, which word it through their bundles).
 */
public record Due(String label, Instant at, Duration remaining, boolean overdue, boolean soon) {

    static final Duration SOON = Duration.ofDays(2);

    public static Due of(String label, Instant at, Instant now) {
        if (at == null) {
            return null;
        }
        Duration d = Duration.between(now, at);
        boolean overdue = d.isNegative() || d.isZero();
        return new Due(label, at, d, overdue, !overdue && d.compareTo(SOON) < 0);
    }

    /** How long ago it passed (zero if it has not). */
    public Duration late() {
        return overdue ? remaining.negated() : Duration.ZERO;
    }

    /** In UK English, for Java callers: "3 days left", "Overdue by 2 hours". */
    public String left() {
        return overdue ? "Overdue by " + Formats.span(late()) : Formats.span(remaining) + " left";
    }

    /** In UK English, for Java callers. */
    public String when() {
        return Formats.when(at);
    }

    public String iso() {
        return Formats.iso(at);
    }

    /** The modifier for the countdown's style: overdue (red), soon (amber) or none. */
    public String state() {
        return overdue ? "overdue" : soon ? "soon" : "ok";
    }
}

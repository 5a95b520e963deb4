package org.evenhand.casework.rules;

import java.time.Duration;
import java.time.Period;

/**
 * When a reminder goes (decision 0035): a configured lead before a party's window closes or a
 * stage's target passes, but never in the first half of the window, so that a short window (or a
 * long lead) does not remind someone the moment they were told. The answer is how long after the
 * stage opens the reminder goes, as an ISO-8601 duration its timer reads (the window and the lead
 * both in days: in days, as the window's own timer counts them; otherwise in hours).
 */
public final class Reminders {

    private Reminders() {
    }

    /** The process variable holding the reminder for the window or target held in {@code limitVariable}. */
    public static String variable(String limitVariable) {
        return "remind" + Character.toUpperCase(limitVariable.charAt(0)) + limitVariable.substring(1);
    }

    /** How long after a window of length {@code window} opens its reminder goes, with this lead. */
    public static String after(String window, String lead) {
        Integer windowDays = days(window);
        Integer leadDays = days(lead);
        if (windowDays != null && leadDays != null && (windowDays - leadDays) * 2 >= windowDays) {
            return Period.ofDays(windowDays - leadDays).toString();
        }
        if (windowDays != null && leadDays != null && windowDays % 2 == 0) {
            return Period.ofDays(windowDays / 2).toString();
        }
        Duration w = hours(window);
        Duration early = w.minus(hours(lead));
        Duration half = w.dividedBy(2);
        return (early.compareTo(half) < 0 ? half : early).toString();
    }

    /** The days of a duration of whole days (P14D, P2W), or null for one with hours or months. */
    private static Integer days(String iso) {
        if (iso.contains("T")) {
            return null;
        }
        Period p = Period.parse(iso);
        return p.getYears() == 0 && p.getMonths() == 0 ? p.getDays() : null;
    }

    private static Duration hours(String iso) {
        if (iso.contains("T")) {
            return Duration.parse(iso);
        }
        Integer d = days(iso);
        if (d == null) {
            throw new IllegalArgumentException("a window or reminder lead in days or hours, not months: " + iso);
        }
        return Duration.ofDays(d);
    }
}

package org.evenhand.casework.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether another case is a counter-complaint about the same exchange (decision 0030): the same two
 * members the other way round, about the same post (its link), or about conduct within a week of
 * each other when either has no link. The panel is told that one exists, never who made it.
 */
public final class SameExchange {

    /** How far apart the two conduct dates may be for conduct without a common link to be one exchange. */
    public static final long DAYS_APART = 7;

    private SameExchange() {
    }

    public static boolean isCounterComplaint(boolean partiesSwapped, String link, String otherLink, LocalDate conduct,
            LocalDate otherConduct) {
        if (!partiesSwapped) {
            return false;
        }
        if (link != null && otherLink != null) {
            return link.equals(otherLink) || withinAWeek(conduct, otherConduct);
        }
        return withinAWeek(conduct, otherConduct);
    }

    private static boolean withinAWeek(LocalDate a, LocalDate b) {
        return a != null && b != null && Math.abs(ChronoUnit.DAYS.between(a, b)) <= DAYS_APART;
    }
}

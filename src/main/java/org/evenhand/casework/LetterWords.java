package org.evenhand.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.evenhand.common.TimeSource;

/** How letters put dates and lists into words: "Saturday 12 September 2026", "12 September 2026", "a, b and c". */
public final class LetterWords {

    static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK)
            .withZone(TimeSource.ZONE);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private LetterWords() {
    }

    /** A moment as the day it falls on in the organisation's time zone, with its weekday (for deadlines). */
    public static String date(Instant at) {
        return at == null ? null : DEADLINE.format(at);
    }

    /** A calendar day in words ("12 September 2026"). */
    public static String day(LocalDate d) {
        return d == null ? null : DAY.format(d);
    }

    /** Items joined as in a sentence: "a", "a and b", "a, b and c". */
    public static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** A term in months in words: "1 month", "6 months". */
    public static String months(int n) {
        return n + (n == 1 ? " month" : " months");
    }
}

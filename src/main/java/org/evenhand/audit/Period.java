package org.evenhand.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;

/** A reporting period: cases received from the first day to the last, inclusive, UK time. */
public record Period(LocalDate from, LocalDate to) {

    static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    public Instant start() {
        return from.atStartOfDay(TimeSource.ZONE).toInstant();
    }

    public Instant endExclusive() {
        return to.plusDays(1).atStartOfDay(TimeSource.ZONE).toInstant();
    }

    public static Period quarter(int year, int q) {
        LocalDate from = YearMonth.of(year, (q - 1) * 3 + 1).atDay(1);
        return new Period(from, from.plusMonths(3).minusDays(1));
    }

    /** The last quarter that has ended before this date. */
    public static Period lastCompleteQuarter(LocalDate today) {
        int q = (today.getMonthValue() - 1) / 3 + 1;
        return q == 1 ? quarter(today.getYear() - 1, 4) : quarter(today.getYear(), q - 1);
    }

    /** From query parameters: quarter=2026-Q1, or from and to (ISO dates); 400 otherwise. */
    public static Period parse(String quarter, String from, String to, LocalDate today) {
        if (quarter != null && !quarter.isBlank()) {
            if (from != null || to != null) {
                throw ProblemException.invalidField("quarter", "give either quarter or from and to, not both");
            }
            Matcher m = QUARTER.matcher(quarter.strip());
            if (!m.matches()) {
                throw ProblemException.invalidField("quarter", "expected a quarter such as 2026-Q1");
            }
            return check(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), "quarter", today);
        }
        if (from == null || to == null || from.isBlank() || to.isBlank()) {
            throw ProblemException.invalidField(from == null || from.isBlank() ? "from" : "to",
                    "give the period as from and to (dates such as 2026-01-01), or as quarter=2026-Q1");
        }
        return check(new Period(date("from", from), date("to", to)), "to", today);
    }

    private static Period check(Period p, String field, LocalDate today) {
        if (p.to.isBefore(p.from)) {
            throw ProblemException.invalidField("to", "the period ends (" + p.to + ") before it starts (" + p.from + ")");
        }
        if (p.from.isBefore(EARLIEST)) {
            throw ProblemException.invalidField("from", "the period cannot start before " + EARLIEST);
        }
        if (p.from.isAfter(today)) {
            throw ProblemException.invalidField(field, "the period starts in the future");
        }
        if (p.from.plusYears(10).isBefore(p.to)) {
            throw ProblemException.invalidField("to", "a period is at most ten years");
        }
        return p;
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not a date (expected YYYY-MM-DD)");
        }
    }

    @Override
    public String toString() {
        return from + " to " + to;
    }
}

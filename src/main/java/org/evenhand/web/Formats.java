package org.evenhand.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.evenhand.common.TimeSource;

/** Dates and times as people read them in the UK, for every template. */
@TemplateExtension
public final class Formats {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(TimeSource.ZONE);
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(TimeSource.ZONE);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK).withZone(TimeSource.ZONE);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(TimeSource.ZONE);
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
    static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK).withZone(TimeSource.ZONE);

    private Formats() {
    }

    /** 3 August 2026 */
    public static String date(Instant at) {
        return at == null ? "" : DATE.format(at);
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** 3 Aug (a day in a chart's axis, where the year is plain) */
    public static String dayMonth(LocalDate d) {
        return d == null ? "" : DAY_MONTH.format(d);
    }

    /** 3 Aug 2026 */
    public static String shortDate(Instant at) {
        return at == null ? "" : SHORT.format(at);
    }

    /** Monday 3 August 2026 at 14:05 */
    public static String when(Instant at) {
        return at == null ? "" : DAY.format(at) + " at " + TIME.format(at);
    }

    /** For datetime attributes. */
    public static String iso(Instant at) {
        return at == null ? "" : ISO.format(at);
    }

    /**
     * A span as people say it, two units at most: "3 days 4 hours", "5 hours 10 minutes",
     * "2 minutes"; long spans in whole weeks, months or years ("about 6 years").
     */
    public static String span(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        if (days >= 730) {
            return "about " + plural(days / 365, "year");
        }
        if (days >= 60) {
            return "about " + plural(days / 30, "month");
        }
        if (days >= 14) {
            return plural(days / 7, "week") + (days % 7 > 0 ? " " + plural(days % 7, "day") : "");
        }
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        if (hours > 0) {
            return plural(hours, "hour") + (mins > 0 ? " " + plural(mins, "minute") : "");
        }
        return plural(Math.max(mins, 1), "minute");
    }

    static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** A configured ISO-8601 period in words: P14D → "14 days", P1M → "one month", P6Y → "6 years", PT12H → "12 hours". */
    public static String duration(String iso) {
        if (iso.startsWith("PT")) {
            return iso.substring(2).toLowerCase().replace("h", " hours").replace("m", " minutes");
        }
        Period p = Period.parse(iso);
        if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
            return p.getYears() == 1 ? "one year" : p.getYears() + " years";
        }
        if (p.getMonths() > 0 && p.getYears() == 0 && p.getDays() == 0) {
            return p.getMonths() == 1 ? "one month" : p.getMonths() + " months";
        }
        int days = p.getDays();
        if (p.getYears() == 0 && p.getMonths() == 0 && days % 7 == 0 && days > 0 && days <= 56) {
            return days == 7 ? "one week" : days / 7 + " weeks";
        }
        return p.getYears() == 0 && p.getMonths() == 0 ? days + (days == 1 ? " day" : " days") : iso;
    }
}

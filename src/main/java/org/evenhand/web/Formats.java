package org.evenhand.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.evenhand.common.TimeSource;

/**
 * Dates and times as people read them. In templates ({@code {x.date}}, {@code {x.day}}, {@code {x.when}},
 * {@code {d.span}}) they come in the page's or the letter's language (the template's locale: "3 Awst 2026"
 * in Welsh); from Java, in UK English (staff pages and the API's words).
 */
public final class Formats {

    static final Locale UK = Locale.UK;
    static final String DATE = "d MMMM yyyy";
    static final String SHORT = "d MMM yyyy";
    static final String DAY = "EEEE d MMMM yyyy";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", UK).withZone(TimeSource.ZONE);
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
    static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", UK);
    public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", UK).withZone(TimeSource.ZONE);

    private Formats() {
    }

    static DateTimeFormatter pattern(String pattern, Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(TimeSource.ZONE);
    }

    /** The locale a template was rendered with (a Locale, a tag, or none: UK English). */
    public static Locale locale(Object attribute) {
        if (attribute instanceof Locale l) {
            return l;
        }
        return attribute == null ? UK : Locale.forLanguageTag(attribute.toString());
    }

    /** 3 August 2026 */
    public static String date(Instant at) {
        return date(at, UK);
    }

    public static String date(Instant at, Locale locale) {
        return at == null ? "" : pattern(DATE, locale).format(at);
    }

    public static String date(LocalDate d) {
        return date(d, UK);
    }

    public static String date(LocalDate d, Locale locale) {
        return d == null ? "" : pattern(DATE, locale).format(d);
    }

    /** Monday 3 August 2026 (a deadline, with its weekday) */
    public static String day(Instant at, Locale locale) {
        return at == null ? "" : pattern(DAY, locale).format(at);
    }

    /** 3 Aug (a day in a chart's axis, where the year is plain) */
    public static String dayMonth(LocalDate d) {
        return d == null ? "" : DAY_MONTH.format(d);
    }

    /** 3 Aug 2026 */
    public static String shortDate(Instant at) {
        return at == null ? "" : pattern(SHORT, UK).format(at);
    }

    /** Monday 3 August 2026 at 14:05 */
    public static String when(Instant at) {
        return at == null ? "" : day(at, UK) + " at " + TIME.format(at);
    }

    /** For datetime attributes. */
    @TemplateExtension
    public static String iso(Instant at) {
        return at == null ? "" : ISO.format(at);
    }

    // ------------------------------------------------------------ in templates: the template's language

    @TemplateExtension(matchName = "date")
    static String dateIn(Instant at, @TemplateAttribute("locale") Object locale) {
        return date(at, locale(locale));
    }

    @TemplateExtension(matchName = "date")
    static String dateIn(LocalDate d, @TemplateAttribute("locale") Object locale) {
        return date(d, locale(locale));
    }

    @TemplateExtension(matchName = "shortDate")
    static String shortDateIn(Instant at, @TemplateAttribute("locale") Object locale) {
        return at == null ? "" : pattern(SHORT, locale(locale)).format(at);
    }

    @TemplateExtension(matchName = "day")
    static String dayIn(Instant at, @TemplateAttribute("locale") Object locale) {
        return day(at, locale(locale));
    }

    @TemplateExtension(matchName = "time")
    static String timeIn(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** Monday 3 August 2026 at 14:05; the joining word from the language's page words. */
    @TemplateExtension(matchName = "when")
    static String whenIn(Instant at, @TemplateAttribute("locale") Object locale) {
        Locale l = locale(locale);
        return at == null ? "" : words(l).dayAtTime(day(at, l), TIME.format(at));
    }

    /** A span in the template's language: "3 days 4 hours", "3 diwrnod 4 awr". */
    @TemplateExtension(matchName = "span")
    static String spanIn(Duration d, @TemplateAttribute("locale") Object locale) {
        return span(d, units(words(locale(locale))));
    }

    /** A configured period in the template's language: P14D → "14 days", "14 diwrnod". */
    @TemplateExtension(matchName = "inWords")
    static String periodIn(Period p, @TemplateAttribute("locale") Object locale) {
        return period(p, units(words(locale(locale))));
    }

    private static PageWords words(Locale l) {
        return Words.in(PageWords.class, l);
    }

    /** A language's page words as the units of a span. */
    static Units units(PageWords w) {
        return new Units() {
            public String years(long n) {
                return w.years(n);
            }

            public String months(long n) {
                return w.months(n);
            }

            public String weeks(long n) {
                return w.weeks(n);
            }

            public String days(long n) {
                return w.days(n);
            }

            public String hours(long n) {
                return w.hours(n);
            }

            public String minutes(long n) {
                return w.minutes(n);
            }

            public String about(String span) {
                return w.about(span);
            }

            public String two(String larger, String smaller) {
                return w.two(larger, smaller);
            }
        };
    }

    // ------------------------------------------------------------ spans and periods

    /**
     * A span as people say it, two units at most: "3 days 4 hours", "5 hours 10 minutes",
     * "2 minutes"; long spans in whole weeks, months or years ("about 6 years").
     */
    public static String span(Duration d) {
        return span(d, ENGLISH);
    }

    static String span(Duration d, Units u) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        if (days >= 730) {
            return u.about(u.years(days / 365));
        }
        if (days >= 60) {
            return u.about(u.months(days / 30));
        }
        if (days >= 14) {
            return days % 7 > 0 ? u.two(u.weeks(days / 7), u.days(days % 7)) : u.weeks(days / 7);
        }
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return hours > 0 ? u.two(u.days(days), u.hours(hours)) : u.days(days);
        }
        if (hours > 0) {
            return mins > 0 ? u.two(u.hours(hours), u.minutes(mins)) : u.hours(hours);
        }
        return u.minutes(Math.max(mins, 1));
    }

    /** A configured ISO-8601 period in words: P14D → "14 days", P1M → "one month", P6Y → "6 years", PT12H → "12 hours". */
    public static String duration(String iso) {
        if (iso.startsWith("PT")) {
            Duration d = Duration.parse(iso);
            return d.toMinutesPart() > 0 ? ENGLISH.minutes(d.toMinutes()) : ENGLISH.hours(d.toHours());
        }
        return period(Period.parse(iso), ENGLISH);
    }

    static String period(Period p, Units u) {
        if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
            return u.years(p.getYears());
        }
        if (p.getMonths() > 0 && p.getYears() == 0 && p.getDays() == 0) {
            return u.months(p.getMonths());
        }
        int days = p.getDays();
        if (p.getYears() == 0 && p.getMonths() == 0 && days % 7 == 0 && days > 0 && days <= 56) {
            return u.weeks(days / 7);
        }
        return p.getYears() == 0 && p.getMonths() == 0 ? u.days(days) : p.toString();
    }

    /** The words a span is made of, in one language (PageWords is one). */
    public interface Units {
        String years(long n);

        String months(long n);

        String weeks(long n);

        String days(long n);

        String hours(long n);

        String minutes(long n);

        /** "about 6 years" */
        String about(String span);

        /** "3 days 4 hours" */
        String two(String larger, String smaller);
    }

    static final Units ENGLISH = new Units() {
        public String years(long n) {
            return n == 1 ? "one year" : n + " years";
        }

        public String months(long n) {
            return n == 1 ? "one month" : n + " months";
        }

        public String weeks(long n) {
            return n == 1 ? "one week" : n + " weeks";
        }

        public String days(long n) {
            return n + (n == 1 ? " day" : " days");
        }

        public String hours(long n) {
            return n + (n == 1 ? " hour" : " hours");
        }

        public String minutes(long n) {
            return n + (n == 1 ? " minute" : " minutes");
        }

        public String about(String span) {
            return "about " + span;
        }

        public String two(String larger, String smaller) {
            return larger + " " + smaller;
        }
    };
}

package org.evenhand.audit;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.stats.Verdict;

/** How figures and text are written in the report's PDF (WinAnsi only: the standard fonts). */
final class PdfText {

    private PdfText() {
    }

    static final Map<Character, String> REPLACE = new HashMap<>(Map.of('\u2013', "-", '\u2014', "-",
            '\u2018', "'", '\u2019', "'", '\u201c', "\"", '\u201d', "\"", '\u2265', ">=", '\u2264', "<=", '\u00d7', "x",
            '\u2026', "..."));

    /** Keeps to what the standard PDF fonts can show (WinAnsi). */
    static String clean(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (REPLACE.containsKey(ch)) {
                b.append(REPLACE.get(ch));
            } else if (ch == '\n' || ch == '\t') {
                b.append(' ');
            } else if (ch >= 32 && ch < 127 || ch >= 160 && ch <= 255) {
                b.append(ch);
            } else {
                b.append('?');
            }
        }
        return b.toString();
    }

    static String show(Count c) {
        return c == null ? "" : c.published() ? Long.toString(c.value()) : "[s]";
    }

    static String pct(Double x) {
        return x == null ? "-" : String.format(Locale.UK, "%.1f%%", 100 * x);
    }

    static String num(Double x, int digits) {
        return x == null ? "-" : String.format(Locale.UK, "%." + digits + "f", x);
    }

    static String p(Double x) {
        return x == null ? "-" : x < 0.0001 ? "<0.0001" : String.format(Locale.UK, "%.4f", x);
    }

    static String interval(Double r, Double lo, Double hi) {
        return r == null ? "-" : String.format(Locale.UK, "%.2f (%.2f-%.2f)", r, lo, hi);
    }

    static String call(Verdict v) {
        return switch (v) {
            case FLAGGED -> "FLAGGED";
            case NOT_FLAGGED -> "not flagged";
            case INSUFFICIENT_EVIDENCE -> "insufficient evidence";
        };
    }

    static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

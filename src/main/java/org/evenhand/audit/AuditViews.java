package org.evenhand.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Verdict;

/** What the NEC's report page shows, as the template reads it, and how figures are written there. */
public final class AuditViews {

    private AuditViews() {
    }

    static final Map<String, String> GROUPS = Map.of("left", "Left", "soft-left", "Soft left", "centre", "Centre",
            "right", "Right", FairnessReport.PREFER_NOT_TO_SAY, "Prefer not to say", FairnessReport.UNDECLARED,
            "Undeclared", FairnessReport.ALL, "All members");

    /** A count as a cell shows it: the number, or that it is suppressed and why. */
    public record Cell(String text, boolean suppressed, String why) {

        static Cell of(Count c, int threshold) {
            if (c == null) {
                return new Cell("", false, null);
            }
            if (c.published()) {
                return new Cell(String.format(Locale.UK, "%,d", c.value()), false, null);
            }
            return new Cell("suppressed", true, "primary".equals(c.suppressed())
                    ? "fewer than " + threshold + " cases" : "would let a small count be worked out");
        }
    }

    public record Call(String code, String label, String explanation) {

        public boolean flagged() {
            return "flagged".equals(code);
        }
    }

    public record RateRow(String group, boolean faction, Cell numerator, Cell denominator, String rate, String ratio,
            String interval, Call call) {
    }

    public record RateTable(String id, String label, String description, String numerator, String denominator,
            boolean perThousand, List<RateRow> rows, Call across, boolean anyFlagged, List<LikeRow> like) {
    }

    /**
     * Comparing like with like, for one faction: within clauses (the call), within tiers, and
     * whether the disparity differs between clauses (Breslow-Day), in words.
     */
    public record LikeRow(String group, String clauseRatio, String clauseInterval, String tierRatio,
            String tierInterval, String differs, String basis) {
    }

    public record TimeRow(String group, Cell cases, String median, String p90, String ratio, Call call) {
    }

    public record TimeTable(String label, String description, List<TimeRow> rows) {
    }

    public record SanctionRow(String group, Cell decided, List<Cell> counts) {
    }

    /** One metric's calls for each faction, for the at-a-glance table. */
    public record GlanceRow(String id, String label, List<GlanceCell> cells) {
    }

    public record GlanceCell(String group, String ratio, Call call) {
    }

    public record RoleView(String id, String heading, String description, List<RateTable> rates, List<TimeTable> times,
            List<String> sanctionTitles, List<SanctionRow> sanctions, Call sanctionsAcross, String chartJson,
            List<String> factionLabels, List<GlanceRow> glance) {

        public String lower() {
            return heading.toLowerCase(Locale.UK);
        }
    }

    public record OpenerRow(String group, Cell firstDecided, Cell firstUpheld, String firstRate, Cell reactDecided,
            Cell reactUpheld, String reactRate, String ratio, Call call) {
    }

    public record CounterRow(String group, Cell complaints, Cell counters, Cell countersDecided, Cell countersUpheld,
            String countersRate, Cell drew, Cell drewDecided, Cell drewUpheld, String drewRate) {
    }

    public record ClauseRow(String title, String tier, Cell decided, String median, String p90, String ratio, Call call) {
    }

    public record Population(String group, Cell members) {
    }

    /** A kept report; published: when the NEC approved it for publication (quarterly ones only). */
    public record Kept(long id, String kind, String period, String made, String by, boolean quarterly,
            String published) {
    }

    public record Query(String quarter, String from, String to, String region, String clp) {

        public String params() {
            StringBuilder sb = new StringBuilder();
            add(sb, "quarter", quarter);
            add(sb, "from", from);
            add(sb, "to", to);
            add(sb, "region", region);
            add(sb, "clp", clp);
            return sb.toString();
        }

        private static void add(StringBuilder sb, String k, String v) {
            if (v != null && !v.isBlank()) {
                sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v,
                        StandardCharsets.UTF_8));
            }
        }
    }

    public record ReportPage(FairnessReport r, String title, String period, String made, Query query,
            List<String> quarters, String downloadBase, Long keptId, List<String> findings, List<Population> population,
            List<RoleView> roles, String provocationText, List<OpenerRow> openers, List<CounterRow> counters,
            String handlingText, List<ClauseRow> clauses, ClauseRow protectedRow, List<String> method,
            String disclosure, long suppressedCells, List<Kept> kept, String done, int threshold,
            List<String> regions, List<String> clps, InterferenceView interference, List<ClauseRow> characteristics,
            ConfidenceView confidence) {
    }

    /** Confidence in the process: the survey's answers by role, question and group (quarters: in words). */
    public record ConfidenceView(String description, String quarters, List<Term> terms,
            List<ConfidenceRoleView> roles, String disclosure) {
    }

    /** A term and its one-line plain meaning. */
    public record Term(String term, String meaning) {
    }

    public record ConfidenceRoleView(String id, String heading, String description, List<ConfidenceTable> questions) {
    }

    public record ConfidenceTable(String id, String label, List<ConfidenceRow> rows, Call across, boolean anyFlagged) {
    }

    /** A group's answers to one question; for a faction, the comparisons and the call (within outcome bands). */
    public record ConfidenceRow(String group, boolean faction, Cell answers, Cell agree, String share, String mean,
            String ratio, String bandRatio, String bandInterval, Call call) {
    }

    /** Recorded contacts about cases in the period. */
    public record InterferenceView(String description, Cell records, Cell cases, List<Part> byKind,
            List<Part> byChannel) {
    }

    public record Part(String label, Cell count) {
    }

    static Call call(Comparison c) {
        return c == null || c.verdict() == null ? null : call(c.verdict(), sentence(c.reason()));
    }

    static Call call(Verdict v, String explanation) {
        if (v == null) {
            return null;
        }
        String label = switch (v) {
            case FLAGGED -> "Flagged";
            case NOT_FLAGGED -> "Not flagged";
            case INSUFFICIENT_EVIDENCE -> "Too little data";
        };
        return new Call(v.code(), label, explanation);
    }

    static String group(String g) {
        return GROUPS.getOrDefault(g, g);
    }

    /** A group of the confidence survey's answers: a faction, those who gave none, or everyone who answered. */
    static String confidenceGroup(String g) {
        return ConfidenceSection.NONE.equals(g) ? "No faction given" : FairnessReport.ALL.equals(g)
                ? "Everyone who answered" : group(g);
    }

    static String percent(Double rate) {
        return rate == null ? "" : String.format(Locale.UK, "%.1f%%", rate * 100);
    }

    static String perThousand(Double rate) {
        return rate == null ? "" : String.format(Locale.UK, "%.1f", rate * 1000);
    }

    static String ratio(Double r) {
        return r == null ? "" : String.format(Locale.UK, "%.2f", r);
    }

    static String interval(Double lo, Double hi) {
        return lo == null || hi == null ? "" : String.format(Locale.UK, "%.2f to %.2f", lo, hi);
    }

    static String days(Double d) {
        return d == null ? "" : String.format(Locale.UK, "%.0f", d);
    }

    static String p(Double p) {
        return p == null ? "" : p < 0.0001 ? "< 0.0001" : String.format(Locale.UK, "%.3g", p);
    }

    static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    static String quarterOf(Period p) {
        return p.from().getYear() + "-Q" + ((p.from().getMonthValue() - 1) / 3 + 1);
    }

}

package org.evenhand.audit;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.audit.FairnessQueries.DaysRow;
import org.evenhand.audit.FairnessQueries.Row;
import org.evenhand.common.TimeSource;

/**
 * The report's counts as kept by month, quarter and year (V33, decision 0048): the same groups and
 * counts the queries over audit_case_facts give, summed over the whole months of a period from
 * tens of thousands of kept rows instead of a million facts. The days of a partial month at either end of the
 * period are still read from the facts (Span.scanned) and added.
 */
final class KeptCounts {

    private KeptCounts() {
    }

    /** Range of received_at, [from, to). */
    record Range(Instant from, Instant to) {
    }

    /** Kept counts for the months (1, 3 or 12) from this first day. */
    record Bucket(int months, LocalDate start) {
    }

    /**
     * Which part of a period is read from the kept counts (whole years, quarters and months, as few
     * as cover it) and which from the facts (the days of a partial month at either end).
     */
    record Span(List<Bucket> buckets, List<Range> scanned) {

        boolean kept() {
            return !buckets.isEmpty();
        }

        /** Everything from the facts. */
        static Span facts(Period p) {
            return new Span(List.of(), List.of(new Range(p.start(), p.endExclusive())));
        }

        /** The whole months inside the period from the kept counts, the days either side from the facts. */
        static Span of(Period p) {
            LocalDate first = p.from().withDayOfMonth(1);
            if (first.isBefore(p.from())) {
                first = first.plusMonths(1);
            }
            LocalDate end = p.to().plusDays(1).withDayOfMonth(1); // months before this one end inside the period
            if (!first.isBefore(end)) {
                return facts(p);
            }
            List<Range> scanned = new ArrayList<>();
            if (p.from().isBefore(first)) {
                scanned.add(new Range(p.start(), start(first)));
            }
            if (end.isBefore(p.to().plusDays(1))) {
                scanned.add(new Range(start(end), p.endExclusive()));
            }
            List<Bucket> buckets = new ArrayList<>();
            for (LocalDate m = first; m.isBefore(end);) {
                int months = m.getDayOfYear() == 1 && !m.plusYears(1).isAfter(end) ? 12
                        : (m.getMonthValue() - 1) % 3 == 0 && !m.plusMonths(3).isAfter(end) ? 3 : 1;
                buckets.add(new Bucket(months, m));
                m = m.plusMonths(months);
            }
            return new Span(List.copyOf(buckets), List.copyOf(scanned));
        }

        private static Instant start(LocalDate d) {
            return d.atStartOfDay(TimeSource.ZONE).toInstant();
        }
    }

    /**
     * Whether the kept counts can serve a report with these counter-complaint windows: they were
     * counted with the windows in audit_fact_count_settings (audit_fact_counts_recount changes them).
     */
    static boolean serve(Connection c, int counterWindowDays, int conductWindowDays) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT counter_window_days = ? AND conduct_window_days = ?"
                + " FROM audit_fact_count_settings")) {
            s.setInt(1, counterWindowDays);
            s.setInt(2, conductWindowDays);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static void months(Connection c, Q q, Span span) throws SQLException {
        String or = " WHERE ";
        for (int months : new int[] { 1, 3, 12 }) {
            Object[] starts = span.buckets().stream().filter(b -> b.months() == months).map(b -> Date.valueOf(b.start()))
                    .toArray();
            if (starts.length > 0) {
                q.param(or + "(months = " + months + " AND month = ANY (?))", c.createArrayOf("date", starts));
                or = " OR ";
            }
        }
    }

    /** Every count of the main query, by the same groups, added into rows (key: FairnessQueries.key). */
    static void main(Connection c, Span span, List<String> severe, Map<String, Row> rows) throws SQLException {
        Q q = new Q().sql("SELECT respondent_faction, complainant_faction, cited_set, engaged_set");
        for (Measure m : Measure.values()) {
            if (m.kept == null) {
                q.param(", sum(cases) FILTER (WHERE sanction = ANY (?))", c.createArrayOf("text", severe.toArray()));
            } else {
                q.sql(", sum(" + m.kept + ")");
            }
        }
        q.sql(" FROM audit_fact_counts");
        months(c, q, span);
        q.sql(" GROUP BY 1, 2, 3, 4 HAVING sum(cases) > 0");
        try (PreparedStatement s = q.prepare(c); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int engaged = r.getInt(4);
                Integer engagedSet = r.wasNull() ? null : engaged;
                Row row = new Row(text(r.getString(1)), text(r.getString(2)), r.getInt(3), engagedSet, true, true,
                        new long[Measure.values().length]);
                for (Measure m : Measure.values()) {
                    row.counts()[m.ordinal()] = r.getLong(5 + m.ordinal());
                }
                rows.put(FairnessQueries.key(row), row);
            }
        }
    }

    /** Days to decision by the parties' factions, with a count for each sanction. */
    static List<DaysRow> days(Connection c, Span span, List<String> sanctions) throws SQLException {
        Q q = new Q().sql("SELECT respondent_faction, complainant_faction, 0, decision_days, sum(cases)");
        for (String sanction : sanctions) {
            q.param(", sum(cases) FILTER (WHERE sanction = ?)", sanction);
        }
        q.sql(" FROM audit_fact_days");
        months(c, q, span);
        q.sql(" GROUP BY 1, 2, 4 HAVING sum(cases) > 0");
        return read(c, q, sanctions.size());
    }

    /** Days to decision by clauses engaged (factions "-"). */
    static List<DaysRow> clauseDays(Connection c, Span span) throws SQLException {
        Q q = new Q().sql("SELECT '-', '-', engaged_set, decision_days, sum(cases) FROM audit_fact_clause_days");
        months(c, q, span);
        q.sql(" GROUP BY 3, 4 HAVING sum(cases) > 0");
        return read(c, q, 0);
    }

    /** Days to decision by protected characteristic (in the respondent's faction's place). */
    static List<DaysRow> characteristicDays(Connection c, Span span) throws SQLException {
        Q q = new Q().sql("SELECT characteristic, '-', -1, decision_days, sum(cases) FROM audit_fact_characteristic_days");
        months(c, q, span);
        q.sql(" GROUP BY 1, 4 HAVING sum(cases) > 0");
        return read(c, q, 0);
    }

    private static List<DaysRow> read(Connection c, Q q, int sanctions) throws SQLException {
        List<DaysRow> rows = new ArrayList<>();
        try (PreparedStatement s = q.prepare(c); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long[] sc = sanctions == 0 ? null : new long[sanctions];
                for (int i = 0; i < sanctions; i++) {
                    sc[i] = r.getLong(6 + i);
                }
                rows.add(new DaysRow(text(r.getString(1)), text(r.getString(2)), r.getInt(3), true, true, r.getInt(4),
                        r.getLong(5), sc));
            }
        }
        return rows;
    }

    /** Rows of the same group (from the kept counts and from the days either side) added together. */
    static List<DaysRow> merge(List<DaysRow> rows) {
        Map<String, DaysRow> out = new LinkedHashMap<>();
        for (DaysRow d : rows) {
            String key = d.respondentFaction() + "|" + d.complainantFaction() + "|" + d.engagedSet() + "|"
                    + d.inRespondentScope() + "|" + d.inComplainantScope() + "|" + d.days();
            out.merge(key, d, (a, b) -> {
                long[] sc = a.sanctions() == null ? null : a.sanctions().clone();
                for (int i = 0; sc != null && i < sc.length; i++) {
                    sc[i] += b.sanctions()[i];
                }
                return new DaysRow(a.respondentFaction(), a.complainantFaction(), a.engagedSet(), a.inRespondentScope(),
                        a.inComplainantScope(), a.days(), a.cases() + b.cases(), sc);
            });
        }
        return new ArrayList<>(out.values());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}

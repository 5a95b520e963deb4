package org.evenhand.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * The report's reads: a few aggregating queries over audit_case_facts, so that no case row leaves
 * PostgreSQL. One pass gives every count by (respondent's faction, complainant's faction, clauses
 * cited, clauses engaged); one more gives the days-to-decision histogram; the suspension and
 * population queries touch a small part of the data. Also the SHA-256 of everything read, in a
 * canonical order, so that a report can be checked against a rerun.
 */
@ApplicationScoped
public class FairnessQueries {

    public record Filter(String region, String clp) {
        boolean any() {
            return region != null || clp != null;
        }
    }

    /** Counts for one group of cases; inRespondentScope/inComplainantScope say which role the filter admits it for. */
    public record Row(String respondentFaction, String complainantFaction, int citedSet, Integer engagedSet,
            boolean inRespondentScope, boolean inComplainantScope, long[] counts) {
    }

    /** Cases with this many days; for decision days by faction also how many ended in each sanction. */
    public record DaysRow(String respondentFaction, String complainantFaction, int engagedSet,
            boolean inRespondentScope, boolean inComplainantScope, int days, long cases, long[] sanctions) {
    }

    public record ClauseSet(int id, String definitionVersion, List<String> clauses) {
    }

    public record VersionRow(String id, LocalDate effectiveFrom, String sha256) {
    }

    /**
     * characteristicDays: days to decision of complaints triage recorded against a protected
     * characteristic (respondentFaction holds the characteristic; no faction is read).
     */
    public record Data(List<Row> rows, List<DaysRow> decisionDays, List<DaysRow> suspensionDays,
            List<DaysRow> characteristicDays, Map<String, Long> membersByFaction, long members, Map<Integer, ClauseSet> clauseSets,
            List<VersionRow> versions, List<String> sanctions, String sha256, long millis, Map<String, Long> timings,
            ConfidenceQueries.Data confidence) {
    }

    /** ?1: counter-complaint window in days; ?2: conduct window in days; ?3: severe sanctions (Measure). */
    private static final java.util.regex.Pattern PARAM = java.util.regex.Pattern.compile("\\?([123])");

    @Inject
    EntityManager em;

    /**
     * Reads everything the report needs for the period, in a read-only transaction of its own at
     * REPEATABLE READ: every query sees the same snapshot, so the counts agree with each other and
     * the hash describes one state of the data. (Its own transaction, because the action trail must
     * be written at READ COMMITTED.)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Data read(Period period, Filter filter, List<String> sanctions, List<String> severe,
            int counterWindowDays, int conductWindowDays, String workMem, Instant asOf) {
        return read(period, filter, sanctions, severe, counterWindowDays, conductWindowDays, workMem, asOf, true);
    }

    /**
     * kept: whole months from the counts kept by month (V33) where they can serve (no region or CLP
     * filter, the same counter-complaint windows); false: everything from the facts, as a check.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Data read(Period period, Filter filter, List<String> sanctions, List<String> severe,
            int counterWindowDays, int conductWindowDays, String workMem, Instant asOf, boolean kept) {
        long t0 = System.nanoTime();
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT set_config('work_mem', ?, true), set_config('jit', 'off', true)")) {
                s.setString(1, workMem);
                s.execute();
            }
            MessageDigest sha = sha256();
            digest(sha, "period", period.from(), period.to(), filter.region(), filter.clp(), counterWindowDays,
                    conductWindowDays, asOf, sanctions);
            Map<String, Long> timings = new LinkedHashMap<>();
            long t = System.nanoTime();
            KeptCounts.Span span = kept && !filter.any() && KeptCounts.serve(c, counterWindowDays, conductWindowDays)
                    ? KeptCounts.Span.of(period) : KeptCounts.Span.facts(period);
            List<Row> rows = main(c, span, filter, severe, counterWindowDays, conductWindowDays, sha);
            t = lap(timings, "main", t);
            List<DaysRow> days = days(c, span, filter, sanctions, sha);
            t = lap(timings, "days", t);
            List<DaysRow> suspensions = suspensions(c, period, filter, asOf, sha);
            t = lap(timings, "suspensions", t);
            List<DaysRow> characteristics = characteristics(c, span, filter, sha);
            t = lap(timings, "characteristics", t);
            Map<String, Long> byFaction = new TreeMap<>();
            long members = FairnessLookups.population(c, filter, byFaction, sha);
            t = lap(timings, "population", t);
            Map<Integer, ClauseSet> sets = FairnessLookups.clauseSets(c, sha);
            List<VersionRow> versions = FairnessLookups.versions(c, sha);
            t = lap(timings, "definitions", t);
            ConfidenceQueries.Data confidence = ConfidenceQueries.read(c, period, sha);
            lap(timings, "confidence", t);
            return new Data(rows, days, suspensions, characteristics, byFaction, members, sets, versions, sanctions,
                    HexFormat.of().formatHex(sha.digest()), (System.nanoTime() - t0) / 1_000_000, timings, confidence);
        });
    }

    /** Whether the filter admits the case for the respondent's role and for the complainant's. */
    private static void scope(Q q, Filter f) {
        if (!f.any()) {
            q.sql("TRUE, TRUE");
            return;
        }
        q.sql("(");
        memberMatch(q, "mr", f);
        q.sql("), (");
        memberMatch(q, "mc", f);
        q.sql(")");
    }

    static void memberMatch(Q q, String alias, Filter f) {
        String and = "";
        if (f.region() != null) {
            q.param(alias + ".region = ?", f.region());
            and = " AND ";
        }
        if (f.clp() != null) {
            q.param(and + alias + ".clp = ?", f.clp());
        }
    }

    private static void fromWhere(Q q, Filter f, KeptCounts.Span p, String extra) {
        fromWhere(q, f, p, "", extra);
    }

    /** The facts received in the span's days read from the facts (one range, or the ends of a period). */
    private static void fromWhere(Q q, Filter f, KeptCounts.Span p, String join, String extra) {
        q.sql(" FROM audit_case_facts f").sql(join);
        if (f.any()) {
            q.sql(" JOIN members mr ON mr.id = f.respondent_id JOIN members mc ON mc.id = f.complainant_id");
        }
        String or = " WHERE (";
        for (KeptCounts.Range range : p.scanned()) {
            q.param(or + "f.received_at >= ?", Timestamp.from(range.from()));
            q.param(" AND f.received_at < ?", Timestamp.from(range.to()));
            or = " OR ";
        }
        q.sql(")");
        q.sql(extra);
        if (f.any()) {
            q.sql(" AND ((");
            memberMatch(q, "mr", f);
            q.sql(") OR (");
            memberMatch(q, "mc", f);
            q.sql("))");
        }
    }

    /**
     * The main pass over every complaint, then the pass over counter-complaints, merged by group
     * (and added to the counts kept for the whole months of the span).
     */
    private List<Row> main(Connection c, KeptCounts.Span p, Filter f, List<String> severe, int window, int conduct,
            MessageDigest sha) throws SQLException {
        Object severeArray = c.createArrayOf("text", severe.toArray());
        Map<String, Row> rows = new java.util.HashMap<>();
        if (p.kept()) {
            KeptCounts.main(c, p, severe, rows);
        }
        // Plain columns in the GROUP BY, so that the planner's joint statistics apply (V4).
        for (boolean counters : new boolean[] { false, true }) {
            if (p.scanned().isEmpty()) {
                break;
            }
            Q q = new Q().sql("SELECT f.respondent_faction, f.complainant_faction, f.cited_set, f.engaged_set, ");
            scope(q, f);
            List<Measure> measures = java.util.Arrays.stream(Measure.values())
                    .filter(m -> m.aboutCounters() == counters).toList();
            for (Measure m : measures) {
                q.sql(", ");
                java.util.regex.Matcher param = PARAM.matcher(m.sql);
                int at = 0;
                while (param.find()) {
                    Object value = switch (param.group(1)) {
                        case "1" -> window;
                        case "2" -> conduct;
                        default -> severeArray;
                    };
                    q.sql(m.sql.substring(at, param.start())).param("?", value);
                    at = param.end();
                }
                q.sql(m.sql.substring(at));
            }
            fromWhere(q, f, p, counters
                    ? " AND (f.prior_gap_days IS NOT NULL OR f.countered_gap_days IS NOT NULL)" : "");
            q.sql(" GROUP BY 1, 2, 3, 4, 5, 6");
            try (PreparedStatement s = q.prepare(c); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int engaged = r.getInt(4);
                    Integer engagedSet = r.wasNull() ? null : engaged;
                    Row fresh = new Row(text(r.getString(1)), text(r.getString(2)), r.getInt(3), engagedSet,
                            r.getBoolean(5), r.getBoolean(6), new long[Measure.values().length]);
                    Row row = rows.putIfAbsent(key(fresh), fresh);
                    row = row == null ? fresh : row;
                    for (int i = 0; i < measures.size(); i++) {
                        row.counts()[measures.get(i).ordinal()] += r.getLong(7 + i);
                    }
                }
            }
        }
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(MAIN_ORDER);
        for (Row row : sorted) {
            digest(sha, "main", key(row), Arrays.toString(row.counts()));
        }
        return sorted;
    }

    /** Undeclared (NULL) as the empty string. */
    private static String text(String s) {
        return s == null ? "" : s;
    }

    static String key(Row r) {
        return r.respondentFaction() + "|" + r.complainantFaction() + "|" + r.citedSet() + "|" + r.engagedSet() + "|"
                + r.inRespondentScope() + "|" + r.inComplainantScope();
    }

    /**
     * Days to decision as two histograms: by both parties' factions, and by clauses engaged (a row of
     * the second has the factions "-"). Two plain parallel GROUP BYs beat one GROUPING SETS query,
     * which PostgreSQL cannot run in parallel.
     */
    private List<DaysRow> days(Connection c, KeptCounts.Span p, Filter f, List<String> sanctions, MessageDigest sha)
            throws SQLException {
        List<DaysRow> rows = new ArrayList<>();
        List<DaysRow> byClauses = new ArrayList<>();
        if (p.kept()) {
            rows.addAll(KeptCounts.days(c, p, sanctions));
            byClauses.addAll(KeptCounts.clauseDays(c, p));
        }
        if (!p.scanned().isEmpty()) {
            rows.addAll(daysRows(c, daysQuery(p, f, sanctions), sanctions.size()));
            byClauses.addAll(daysRows(c, clauseDaysQuery(p, f), 0));
        }
        rows = digest(sha, "days", KeptCounts.merge(rows));
        rows.addAll(digest(sha, "days-by-clause", KeptCounts.merge(byClauses)));
        return rows;
    }

    private static Q daysQuery(KeptCounts.Span p, Filter f, List<String> sanctions) {
        Q q = new Q().sql("SELECT f.respondent_faction, f.complainant_faction, 0, ");
        scope(q, f);
        q.sql(", f.decision_days, count(*)");
        for (String sanction : sanctions) {
            q.param(", count(*) FILTER (WHERE f.sanction = ?)", sanction);
        }
        fromWhere(q, f, p, " AND f.decision_days IS NOT NULL");
        q.sql(" GROUP BY 1, 2, 4, 5, 6");
        return q;
    }

    private static Q clauseDaysQuery(KeptCounts.Span p, Filter f) {
        Q byClause = new Q().sql("SELECT '-', '-', f.engaged_set, ");
        scope(byClause, f);
        byClause.sql(", f.decision_days, count(*)");
        fromWhere(byClause, f, p, " AND f.decision_days IS NOT NULL");
        byClause.sql(" GROUP BY 3, 4, 5, 6");
        return byClause;
    }

    private List<DaysRow> suspensions(Connection c, Period p, Filter f, Instant asOf, MessageDigest sha)
            throws SQLException {
        Q q = new Q().sql("SELECT f.respondent_faction, f.complainant_faction, 0, ");
        scope(q, f);
        q.param(", floor(extract(epoch FROM coalesce(f.suspension_ended_at, ?) - f.suspended_at) / 86400)::int,"
                + " count(*)", Timestamp.from(asOf));
        fromWhere(q, f, KeptCounts.Span.facts(p), " AND f.suspended_at IS NOT NULL AND f.in_scope");
        q.sql(" GROUP BY 1, 2, 3, 4, 5, 6");
        return digest(sha, "suspensions", daysRows(c, q, 0));
    }

    /** Days to decision by the protected characteristic triage recorded (V11), from the case itself. */
    private List<DaysRow> characteristics(Connection c, KeptCounts.Span p, Filter f, MessageDigest sha)
            throws SQLException {
        List<DaysRow> rows = new ArrayList<>(p.kept() ? KeptCounts.characteristicDays(c, p) : List.of());
        if (p.scanned().isEmpty()) {
            return digest(sha, "days-by-characteristic", rows);
        }
        Q q = new Q().sql("SELECT k.protected_characteristic, '-', -1, ");
        scope(q, f);
        q.sql(", f.decision_days, count(*)");
        fromWhere(q, f, p, " JOIN cases k ON k.id = f.case_id",
                " AND f.decision_days IS NOT NULL AND k.protected_characteristic IS NOT NULL");
        q.sql(" GROUP BY 1, 4, 5, 6");
        rows.addAll(daysRows(c, q, 0));
        return digest(sha, "days-by-characteristic", KeptCounts.merge(rows));
    }

    private static List<DaysRow> daysRows(Connection c, Q q, int sanctions) throws SQLException {
        List<DaysRow> rows = new ArrayList<>();
        try (PreparedStatement s = q.prepare(c); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long[] sc = sanctions == 0 ? null : new long[sanctions];
                for (int i = 0; i < sanctions; i++) {
                    sc[i] = r.getLong(8 + i);
                }
                rows.add(new DaysRow(text(r.getString(1)), text(r.getString(2)), r.getInt(3), r.getBoolean(4),
                        r.getBoolean(5), r.getInt(6), r.getLong(7), sc));
            }
        }
        return rows;
    }

    /** Sorted into the canonical order and added to the hash. */
    private static List<DaysRow> digest(MessageDigest sha, String label, List<DaysRow> rows) {
        rows.sort(DAYS_ORDER);
        for (DaysRow row : rows) {
            digest(sha, label, row.respondentFaction(), row.complainantFaction(), row.engagedSet(),
                    row.inRespondentScope(), row.inComplainantScope(), row.days(), row.cases(),
                    row.sanctions() == null ? "" : Arrays.toString(row.sanctions()));
        }
        return rows;
    }

    /** A canonical order for the hash: the database returns groups in no particular order. */
    static final Comparator<Row> MAIN_ORDER = Comparator.comparing(Row::respondentFaction)
            .thenComparing(Row::complainantFaction).thenComparingInt(Row::citedSet)
            .thenComparing(r -> r.engagedSet() == null ? -1 : r.engagedSet())
            .thenComparing(Row::inRespondentScope).thenComparing(Row::inComplainantScope);

    static final Comparator<DaysRow> DAYS_ORDER = Comparator.comparing(DaysRow::respondentFaction)
            .thenComparing(DaysRow::complainantFaction).thenComparingInt(DaysRow::engagedSet)
            .thenComparing(DaysRow::inRespondentScope).thenComparing(DaysRow::inComplainantScope)
            .thenComparingInt(DaysRow::days);

    private static long lap(Map<String, Long> timings, String name, long since) {
        long now = System.nanoTime();
        timings.put(name, (now - since) / 1_000_000);
        return now;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void digest(MessageDigest sha, Object... parts) {
        StringBuilder line = new StringBuilder();
        for (Object o : parts) {
            line.append(o).append('\t');
        }
        sha.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }
}

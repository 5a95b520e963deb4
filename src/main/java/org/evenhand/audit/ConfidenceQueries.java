package org.evenhand.audit;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The confidence survey's answers for a report, as one aggregate per role, outcome band and
 * faction (no answer row leaves PostgreSQL), read in the report's snapshot and added to its hash;
 * the mixed answers from their counts kept by quarter (V33, audit_confidence_counts).
 * Answers carry only the quarter they were given in, so a report counts the quarters that lie
 * wholly inside its period; mixed and still-waiting answers alike.
 */
final class ConfidenceQueries {

    private ConfidenceQueries() {
    }

    /**
     * One group of answers: role, outcome band, faction ("" for none), how many, and for each question
     * (SurveyAnswer.QUESTIONS) how many agreed (4 or 5) and the sum of the scores.
     */
    record Row(String role, String band, String faction, long answers, long[] agree, long[] sum) {
    }

    /** quarters: the first days of the quarters counted. */
    record Data(List<LocalDate> quarters, List<Row> rows) {

        static final Data NONE = new Data(List.of(), List.of());
    }

    /** The quarters wholly inside the period. */
    static List<LocalDate> quarters(Period p) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate q = ConfidenceSurvey.quarterStart(p.from());
        if (q.isBefore(p.from())) {
            q = q.plusMonths(3);
        }
        for (; !q.plusMonths(3).minusDays(1).isAfter(p.to()); q = q.plusMonths(3)) {
            out.add(q);
        }
        return out;
    }

    static Data read(Connection c, Period period, MessageDigest sha) throws SQLException {
        List<LocalDate> quarters = quarters(period);
        FairnessQueries.digest(sha, "confidence-quarters", quarters);
        if (quarters.isEmpty()) {
            return Data.NONE;
        }
        // The mixed answers as counted by quarter (V33), and the few still waiting to be mixed as they are.
        StringBuilder kept = new StringBuilder("SELECT quarter, role, outcome_band, faction, answers");
        StringBuilder waiting = new StringBuilder("SELECT quarter, role, outcome_band, faction, 1");
        StringBuilder sql = new StringBuilder("SELECT role, outcome_band, coalesce(faction, ''), sum(answers)");
        for (String q : SurveyAnswer.QUESTIONS) {
            kept.append(", ").append(q).append("_agree, ").append(q).append("_sum");
            waiting.append(", (").append(q).append(" >= 4)::int, ").append(q).append("::int");
            sql.append(", sum(").append(q).append("_agree), sum(").append(q).append("_sum)");
        }
        sql.append(" FROM (").append(kept).append(" FROM audit_confidence_counts UNION ALL ").append(waiting)
                .append(" FROM confidence_answers_pending) a (quarter, role, outcome_band, faction, answers");
        for (String q : SurveyAnswer.QUESTIONS) {
            sql.append(", ").append(q).append("_agree, ").append(q).append("_sum");
        }
        sql.append(") WHERE quarter >= ? AND quarter <= ? GROUP BY 1, 2, 3 HAVING sum(answers) > 0");
        List<Row> rows = new ArrayList<>();
        int n = SurveyAnswer.QUESTIONS.size();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            s.setObject(1, quarters.get(0));
            s.setObject(2, quarters.get(quarters.size() - 1));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long[] agree = new long[n];
                    long[] sum = new long[n];
                    for (int i = 0; i < n; i++) {
                        agree[i] = r.getLong(5 + 2 * i);
                        sum[i] = r.getLong(6 + 2 * i);
                    }
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), agree, sum));
                }
            }
        }
        // a canonical order for the hash, whatever the database's collation
        rows.sort(Comparator.comparing(Row::role).thenComparing(Row::band).thenComparing(Row::faction));
        for (Row row : rows) {
            FairnessQueries.digest(sha, "confidence", row.role(), row.band(), row.faction(), row.answers(),
                    Arrays.toString(row.agree()), Arrays.toString(row.sum()));
        }
        return new Data(List.copyOf(quarters), rows);
    }
}

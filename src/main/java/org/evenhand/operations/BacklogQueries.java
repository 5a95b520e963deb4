package org.evenhand.operations;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.Session;

/**
 * Reads {@link Backlogs} from PostgreSQL: one small statement per backlog, each on an index that
 * holds only the rows waiting (the pending letters, the received complaints, the open cases by
 * stage: V19), never a scan of the big tables; in one read-only transaction with a statement
 * time-out, so a slow database cannot hold a scrape.
 */
@ApplicationScoped
class BacklogQueries {

    static final String OUTBOX = "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)"
            + " FROM notifications WHERE status = 'pending'";
    static final String STARTER = "SELECT count(*), count(*) FILTER (WHERE start_attempts > 0),"
            + " coalesce(extract(epoch FROM now() - min(received_at)), 0) FROM cases WHERE status = 'RECEIVED'";
    static final String TRAIL_INBOX = "SELECT count(*), coalesce(extract(epoch FROM now() - min(at)), 0) FROM trail_inbox";
    /** Entries after the latest anchor, by id (the chain's order): the chain's head against the anchored entry. */
    static final String ANCHORS = "SELECT coalesce((SELECT max(id) FROM trail_entries), 0)"
            + " - coalesce((SELECT max(entry_id) FROM trail_anchors), 0),"
            + " coalesce(extract(epoch FROM now() - (SELECT max(anchored_at) FROM trail_anchors)), 0)";
    static final String STAGES = "SELECT CASE WHEN status = 'RECEIVED' THEN '" + Backlogs.RECEIVED + "'"
            + " ELSE coalesce(stage, '" + Backlogs.STARTING + "') END, count(*)"
            + " FROM cases WHERE status IN ('RECEIVED', 'OPEN') GROUP BY 1";

    @Inject
    EntityManager em;

    Backlogs read() {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(this::read));
    }

    private Backlogs read(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("SET LOCAL statement_timeout = '5s'");
            s.execute("SET TRANSACTION READ ONLY");
        }
        double[] outbox = row(db, OUTBOX, 2);
        double[] starter = row(db, STARTER, 3);
        double[] inbox = row(db, TRAIL_INBOX, 2);
        double[] anchors = row(db, ANCHORS, 2);
        Map<String, Long> stages = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement(STAGES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stages.put(rs.getString(1), rs.getLong(2));
            }
        }
        return new Backlogs((long) outbox[0], age(outbox[1]), (long) starter[0], (long) starter[1], age(starter[2]),
                (long) inbox[0], age(inbox[1]), Math.max(0, (long) anchors[0]), age(anchors[1]), Map.copyOf(stages));
    }

    private static double[] row(Connection db, String sql, int columns) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            double[] values = new double[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = rs.getDouble(i + 1);
            }
            return values;
        }
    }

    /** Seconds waited; never negative (a row stamped by the engine's clock, which tests move, may lie ahead). */
    private static double age(double seconds) {
        return Math.max(0, seconds);
    }
}

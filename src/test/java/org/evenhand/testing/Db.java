package org.evenhand.testing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct SQL for tests that must look at (or tamper with) what is stored. */
public final class Db {

    private Db() {
    }

    /** Waits until the starter has started the process of every received case (nothing is left RECEIVED). */
    public static void awaitAllStarted() {
        org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ZERO).pollInterval(java.time.Duration.ofMillis(10))
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM cases WHERE status = 'RECEIVED'") == 0);
    }

    public static long count(String sql, Object... params) {
        Object v = value(sql, params);
        return v == null ? 0 : ((Number) v).longValue();
    }

    public static Object value(String sql, Object... params) {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... params) {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

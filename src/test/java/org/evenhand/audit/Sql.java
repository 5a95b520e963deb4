package org.evenhand.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for tests that look at the database directly. */
final class Sql {

    private Sql() {
    }

    static List<String> strings(String sql, Object... params) {
        List<String> out = new ArrayList<>();
        query(sql, r -> out.add(r.getString(1)), params);
        return out;
    }

    static long number(String sql, Object... params) {
        long[] n = { 0 };
        query(sql, r -> n[0] = r.getLong(1), params);
        return n[0];
    }

    interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    static void query(String sql, RowReader reader, Object... params) {
        AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int update(String sql, Object... params) {
        AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.evenhand.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL text with its parameters in order, built together so they cannot drift apart. */
final class Q {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Q sql(String text) {
        sql.append(text);
        return this;
    }

    Q param(String text, Object value) {
        sql.append(text);
        params.add(value);
        return this;
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }
}

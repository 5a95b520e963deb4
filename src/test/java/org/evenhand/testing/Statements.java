package org.evenhand.testing;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate sends on the calling thread while a piece of work runs: for
 * tests that hold a read path to a fixed number of queries (CaseViewQueriesTest). Every other
 * thread's statements pass through untouched.
 */
@PersistenceUnitExtension
public class Statements implements StatementInspector {

    private static final ThreadLocal<List<String>> SEEN = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        List<String> seen = SEEN.get();
        if (seen != null) {
            seen.add(sql);
        }
        return sql;
    }

    /** The statements this work sent, in order. */
    public static List<String> of(Supplier<?> work) {
        List<String> seen = new ArrayList<>();
        SEEN.set(seen);
        try {
            work.get();
        } finally {
            SEEN.remove();
        }
        return seen;
    }
}

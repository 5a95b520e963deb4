package org.evenhand.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** When a failure means "the database is away" (503 and retry), not "we broke" (500). No Quarkus boot. */
@Tag("fast")
class DatabaseUnavailableTest {

    record Case(String what, Throwable failure, boolean unavailable) {
    }

    static Throwable commitFailedAsTheDatabaseStopped() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException("ARJUNA016053");
        rollback.addSuppressed(xa);
        return new RuntimeException("Error invoking subclass method", rollback);
    }

    @Test
    void eachFailureIsReadAsTheDatabaseSaysIt() {
        for (Case c : List.of(
                new Case("connection refused", new RuntimeException(new java.net.ConnectException("refused")), true),
                new Case("admin shutdown as a cause", new RuntimeException(new SQLException("bye", "57P01")), true),
                new Case("commit failed, the reason suppressed", commitFailedAsTheDatabaseStopped(), true),
                new Case("a constraint, not an outage", new RuntimeException(new SQLException("dup", "23505")), false),
                new Case("a bug", new IllegalStateException("no"), false),
                new Case("a bug with an unrelated suppressed one", withSuppressed(new IllegalStateException("x"),
                        new IllegalArgumentException("y")), false))) {
            assertEquals(c.unavailable(), FailureMappers.databaseUnavailable(c.failure()), c.what());
        }
    }

    private static Throwable withSuppressed(Throwable t, Throwable s) {
        t.addSuppressed(s);
        return t;
    }
}

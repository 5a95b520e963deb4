package org.evenhand.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The failures nobody planned for, still as problem+json: 429 with Retry-After, 503 with
 * Retry-After while the database cannot be reached (the app recovers by itself when it comes
 * back), 400 for values the database refuses as data, and otherwise 500 with an incident id that
 * is also in the log (never a stack trace to the caller).
 */
public class FailureMappers {

    private static final Logger LOG = Logger.getLogger(FailureMappers.class);
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e, UriInfo uri) {
        return Response.status(429).type(Problems.PROBLEM_JSON).header("Retry-After", e.retryAfterSeconds())
                .entity(e.toProblem(path(uri))).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            LOG.warnf("database unavailable for %s: %s", path(uri), rootMessage(e));
            return Response.status(503).type(Problems.PROBLEM_JSON)
                    .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS)
                    .entity(new Problem(Problems.TYPE_BASE + "service-unavailable", "Service unavailable", 503,
                            "the service cannot reach its database just now; nothing was changed. Try again shortly.",
                            path(uri), List.of()))
                    .build();
        }
        String state = sqlState(e);
        if (state != null && state.startsWith("22")) {
            LOG.warnf("data refused by the database for %s (SQLState %s): %s", path(uri), state, rootMessage(e));
            return Problems.response(400, "invalid-request", "Invalid request",
                    "a value in the request cannot be stored (it is malformed or out of range)", path(uri), List.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s for %s", incident, path(uri));
        return Problems.response(500, "internal-error", "Internal error",
                "something went wrong on our side; it has been logged as incident " + incident, path(uri), List.of());
    }

    /** True when the cause is that the database cannot be reached (connection refused, lost, shut down). */
    public static boolean databaseUnavailable(Throwable t) {
        return databaseUnavailable(t, 0);
    }

    /**
     * Walks the causes and the suppressed exceptions: a commit that fails because the database went
     * away arrives as a RollbackException whose XA error, and its PSQLException, are suppressed, not causes.
     */
    private static boolean databaseUnavailable(Throwable t, int nesting) {
        if (nesting > 3) {
            return false;
        }
        int depth = 0;
        for (Throwable c = t; c != null && depth < 30; c = next(c), depth++) {
            for (Throwable s : c.getSuppressed()) {
                if (databaseUnavailable(s, nesting + 1)) {
                    return true;
                }
            }
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException
                    || c instanceof SQLRecoverableException || c instanceof ConnectException
                    || c instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (c instanceof SQLException s) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                String msg = String.valueOf(s.getMessage()).toLowerCase();
                if (msg.contains("acquisition timeout") || msg.contains("connection has been closed")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable c) {
        if (c instanceof SQLException s && s.getNextException() != null && c.getCause() == null) {
            return s.getNextException();
        }
        return c.getCause() == c ? null : c.getCause();
    }

    private static String sqlState(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 30; c = next(c), depth++) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        int depth = 0;
        while (c.getCause() != null && c.getCause() != c && depth++ < 30) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}

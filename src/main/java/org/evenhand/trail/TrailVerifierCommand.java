package org.evenhand.trail;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Verifies the action trail straight from PostgreSQL, without the application (which may be the
 * thing under suspicion): {@code scripts/verify-trail.sh}. Reads the same settings as the app from
 * the environment: EVENHAND_DB_URL, EVENHAND_DB_USER, EVENHAND_DB_PASSWORD and EVENHAND_TRAIL_ANCHORS
 * (or {@code --anchors DIR}); a read-only role is enough. Exit status 0 when the trail is intact,
 * 1 when a link is broken, 2 when it could not be checked.
 */
public final class TrailVerifierCommand {

    private TrailVerifierCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String url = env.getOrDefault("EVENHAND_DB_URL", "jdbc:postgresql://127.0.0.1:5432/evenhand");
        String user = env.getOrDefault("EVENHAND_DB_USER", "postgres");
        String password = env.getOrDefault("EVENHAND_DB_PASSWORD", "postgres");
        String anchors = env.get("EVENHAND_TRAIL_ANCHORS");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--anchors" -> anchors = i + 1 < args.length ? args[++i] : null;
                case "--url" -> url = i + 1 < args.length ? args[++i] : url;
                case "--user" -> user = i + 1 < args.length ? args[++i] : user;
                case "-h", "--help" -> {
                    out.println("usage: verify-trail [--url JDBC_URL] [--user USER] [--anchors DIR]"
                            + " (password from EVENHAND_DB_PASSWORD)");
                    return 0;
                }
                default -> {
                    err.println("verify-trail: unknown argument " + args[i]);
                    return 2;
                }
            }
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "evenhand-verify-trail");
        try (Connection db = DriverManager.getConnection(url, props)) {
            db.setAutoCommit(false);
            db.setReadOnly(true);
            // one snapshot for the anchors and the chain
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            List<TrailChain.Anchor> known = new ArrayList<>(TrailChain.anchorsInDatabase(db));
            List<TrailChain.Problem> problems = new ArrayList<>();
            if (anchors != null && !anchors.isBlank()) {
                try {
                    List<TrailChain.Anchor> files = TrailChain.anchorsInDirectory(Path.of(anchors));
                    known.addAll(files);
                    out.println("anchor file: " + files.size() + " anchors in " + Path.of(anchors).toAbsolutePath());
                } catch (IOException e) {
                    problems.add(new TrailChain.Problem(0, "anchors-unreadable", e.getMessage()));
                }
            } else {
                out.println("anchor file: none given (--anchors DIR or EVENHAND_TRAIL_ANCHORS); database anchors only");
            }
            TrailChain.Result r = TrailChain.verify(db, known, problems);
            db.rollback();
            print(r, out);
            return r.intact() ? 0 : 1;
        } catch (SQLException e) {
            err.println("verify-trail: cannot read the trail from " + url + ": " + e.getMessage());
            return 2;
        }
    }

    static void print(TrailChain.Result r, PrintStream out) {
        out.println("entries: " + r.entries() + (r.head() == null ? "" : ", head " + r.head().id() + " " + r.head().hash()));
        out.println("anchors checked: " + r.anchorsChecked() + (r.latestAnchor() == null ? ""
                : ", latest at entry " + r.latestAnchor().entryId() + " (" + r.latestAnchor().anchoredAt() + ")"));
        if (r.intact()) {
            out.println("INTACT: every entry matches its hash and its link, and every anchor matches");
        } else {
            out.println("BROKEN: first broken link at entry " + r.firstBrokenLink().entryId() + " ("
                    + r.firstBrokenLink().kind() + "): " + r.firstBrokenLink().explanation());
            for (TrailChain.Problem p : r.problems()) {
                out.println("  - entry " + p.entryId() + " " + p.kind() + ": " + p.explanation());
            }
        }
    }
}

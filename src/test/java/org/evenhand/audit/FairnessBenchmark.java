package org.evenhand.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.evenhand.testing.Api;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The fairness report over a million complaints, timed through the real code path (HTTP, token,
 * role check, queries, statistics, suppression, JSON), beside the bare SQL GROUP BY over the same
 * rows. Not part of the test suite (the name does not end in Test): run it with bench/fairness.sh,
 * which points it at a database of its own.
 */
@QuarkusTest
class FairnessBenchmark {

    static final int MEMBERS = Integer.getInteger("bench.members", 500_000);
    static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    static final int RUNS = Integer.getInteger("bench.runs", 7);
    /** The generated complaints are received from FROM to GENERATED_TO (counter-complaints up to 14 days later). */
    static final String FROM = "2024-07-01";
    static final String GENERATED_TO = "2026-07-31";
    /** The report's period covers every generated complaint. */
    static final String TO = "2026-08-31";

    @Inject
    AgroalDataSource ds;

    @Test
    void fairnessReportOverAMillionComplaints() throws Exception {
        String db;
        try (Connection c = ds.getConnection()) {
            db = c.getCatalog();
        }
        assertTrue(db.contains("bench"), "run the benchmark against a database of its own (bench/fairness.sh), not " + db);
        long loadMillis = load();
        long inPeriod = count("SELECT count(*) FROM cases WHERE received_at >= ? AND received_at < ?");
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.UK, "Fairness report benchmark, %s, database %s", Instant.now(), db));
        out.add(String.format(Locale.UK, "Data: %,d members, %,d complaints received %s to %s%s", members(), inPeriod, FROM, TO,
                loadMillis > 0 ? String.format(Locale.UK, " (generated in %.0f s)", loadMillis / 1000.0)
                        : " (loaded earlier)"));
        out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average "
                + Files.readString(Path.of("/proc/loadavg")).strip());

        for (int i = 0; i < 2; i++) {
            report();
            bare(SQL_FACTS);
        }
        List<Long> wall = new ArrayList<>();
        List<String> server = new ArrayList<>();
        List<Long> facts = new ArrayList<>();
        List<Long> naive = new ArrayList<>();
        long analysed = 0;
        int bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            Reply r = report();
            wall.add(r.millis());
            server.add(r.timing());
            bytes = r.bytes();
            analysed = io.restassured.path.json.JsonPath.from(r.body()).getLong("casesAnalysed.value");
            facts.add(bare(SQL_FACTS));
            naive.add(bare(SQL_CASES));
        }
        assertEquals(inPeriod, analysed, "the report read every complaint in the period");
        out.add(String.format(Locale.UK, "GET /api/audit/fairness (%d runs, median / min / max ms): %d / %d / %d",
                RUNS, median(wall), Collections.min(wall), Collections.max(wall)));
        out.add("  server timing of the median run: " + server.get(wall.indexOf(median(wall))));
        out.add(String.format(Locale.UK, "  response: %,d bytes of JSON", bytes));
        out.add(String.format(Locale.UK, "Bare SQL GROUP BY respondent's faction over audit_case_facts: %d ms (median)",
                median(facts)));
        out.add(String.format(Locale.UK, "Bare SQL GROUP BY respondent's faction over cases JOIN faction_declarations:"
                + " %d ms (median)", median(naive)));
        boolean pass = median(wall) < 1000;
        out.add("Under 1 s: " + (pass ? "yes" : "NO"));
        out.add(String.format(Locale.UK, "FIGURE fairness median_ms=%d floor_ms=%d ratio=%.2f target_ratio=2.00 target_ms=1000",
                median(wall), median(facts), (double) median(wall) / Math.max(1, median(facts))));
        String text = String.join("\n", out) + "\n";
        System.out.println("\n" + text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/fairness.txt"), text, StandardCharsets.UTF_8);
        assertTrue(pass, text);
    }

    static final String SQL_FACTS = "SELECT coalesce(respondent_faction, ''), count(*) FROM audit_case_facts"
            + " WHERE received_at >= ? AND received_at < ? GROUP BY 1";
    static final String SQL_CASES = "SELECT coalesce(f.faction, ''), count(*) FROM cases c LEFT JOIN"
            + " faction_declarations f ON f.member_id = c.respondent_id WHERE c.received_at >= ? AND c.received_at < ?"
            + " GROUP BY 1";

    /** A plain HTTP client, so that the time is the server's and the network's, not a test library's. */
    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Reply(long millis, String timing, int bytes, String body) {
    }

    static Reply report() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ConfigProvider.getConfig()
                .getValue("quarkus.http.test-port", Integer.class) + "/api/audit/fairness?from=" + FROM + "&to=" + TO))
                .header("Authorization", "Bearer " + Api.token("nora")).header("Accept", "application/json").build();
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        return new Reply(ms, r.headers().firstValue("Server-Timing").orElse(""), r.body().length(), r.body());
    }

    /** The bare query, in a transaction with the same session settings as the report's. */
    long bare(String sql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL work_mem = '64MB'; SET LOCAL jit = off");
            }
            long t0 = System.nanoTime();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setTimestamp(1, Timestamp.from(new Period(java.time.LocalDate.parse(FROM),
                        java.time.LocalDate.parse(TO)).start()));
                s.setTimestamp(2, Timestamp.from(new Period(java.time.LocalDate.parse(FROM),
                        java.time.LocalDate.parse(TO)).endExclusive()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        r.getLong(2);
                    }
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            c.commit();
            return ms;
        }
    }

    long members() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM members")) {
            r.next();
            return r.getLong(1);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Period p = new Period(java.time.LocalDate.parse(FROM), java.time.LocalDate.parse(TO));
            s.setTimestamp(1, Timestamp.from(p.start()));
            s.setTimestamp(2, Timestamp.from(p.endExclusive()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Generates the data once (seeds/generator.sql), then vacuums and analyses it; 0 if already there. */
    long load() throws IOException, SQLException {
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM cases WHERE ref LIKE 'BENCH-%'")) {
                r.next();
                if (r.getLong(1) == CASES) {
                    return 0;
                }
                if (r.getLong(1) > 0) {
                    throw new IllegalStateException("the benchmark database holds a different data set; run"
                            + " bench/fairness.sh --reload");
                }
            }
            long t0 = System.nanoTime();
            System.out.printf("Generating %,d members and %,d complaints (a few minutes)...%n", MEMBERS, CASES);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(Files.readString(Path.of("seeds/generator.sql"), StandardCharsets.UTF_8));
                s.execute("SET LOCAL max_parallel_workers_per_gather = 0");
                s.execute("SELECT pg_temp.evenhand_generate(jsonb_build_object('prefix', 'BENCH', 'seed', 1,"
                        + " 'members', " + MEMBERS + ", 'cases', " + CASES + ", 'from', '" + FROM + "', 'to', '" + GENERATED_TO
                        + "'))");
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // A bulk load rewrites each fact row several times in one go (decisions, appeals, links);
                // in service the rows change over weeks and autovacuum reuses the space, so the table
                // stays near its compact size. Compact it to that state.
                s.execute("VACUUM (FULL, ANALYZE) audit_case_facts");
                s.execute("VACUUM ANALYZE");
            }
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}

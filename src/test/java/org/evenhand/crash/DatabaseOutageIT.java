package org.evenhand.crash;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.evenhand.testing.AccessRules;
import org.evenhand.testing.ChildApp;
import org.junit.jupiter.api.Test;

/**
 * Stops PostgreSQL under load and starts it again: while it is down every request that needs it is
 * answered 503 problem+json with Retry-After (never 500, never a hang), readiness reports DOWN, and
 * once it is back the application recovers by itself, with nothing lost or half-written. Runs on a
 * throwaway PostgreSQL cluster of its own (initdb in a temporary directory, port 5544), never on
 * the shared server.
 */
class DatabaseOutageIT {

    static final Path BIN = Path.of(System.getProperty("pg.bin", "/usr/lib/postgresql/15/bin"));
    static final int PORT = Integer.parseInt(System.getProperty("outage.pg.port",
            ChildApp.setting("EVENHAND_OUTAGE_PG_PORT", "5544")));
    /** The app's port; EVENHAND_OUTAGE_PORT (and EVENHAND_OUTAGE_PG_PORT) keep two engineers' runs apart. */
    static final int APP_PORT = Integer.parseInt(ChildApp.setting("EVENHAND_OUTAGE_PORT", "18098"));

    enum Phase { BEFORE, OUTAGE, AFTER }

    @Test
    void answers503DuringAnOutageAndRecoversAlone() throws Exception {
        Path data = Files.createTempDirectory("evenhand-pg-");
        long t0 = System.nanoTime();
        try {
            pg("initdb", "-D", data.toString(), "-A", "trust", "-U", "postgres", "--no-sync");
            start(data);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/postgres",
                    "postgres", ""); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE evenhand");
            }
            Path dir = Path.of("target/crash/outage");
            try (ChildApp app = new ChildApp(APP_PORT, "jdbc:postgresql://127.0.0.1:" + PORT + "/evenhand",
                    dir.resolve("app.log"), Map.of("quarkus.datasource.password", ""))) {
                app.start().awaitReady(Duration.ofSeconds(150));
                AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
                Map<Phase, Map<Integer, Integer>> seen = new ConcurrentHashMap<>();
                List<String> bad = Collections.synchronizedList(new ArrayList<>());
                Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
                AtomicInteger seq = new AtomicInteger();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService clients = Executors.newFixedThreadPool(4);
                for (int c = 0; c < 4; c++) {
                    int client = c;
                    clients.submit(() -> {
                        while (!stop.get()) {
                            int n = seq.getAndIncrement();
                            Phase p = phase.get();
                            try {
                                Response r = client % 2 == 0 ? app.file(n)
                                        : given().baseUri(app.url()).auth().oauth2(AccessRules.token(
                                                ChildApp.complainantOf(n), "member")).get("/api/me/cases");
                                seen.computeIfAbsent(p, k -> new java.util.concurrent.ConcurrentSkipListMap<>()).merge(r.statusCode(), 1, Integer::sum);
                                if (r.statusCode() == 201) {
                                    acknowledged.put(r.path("ref"), n);
                                }
                                if (r.statusCode() >= 500 && r.statusCode() != 503) {
                                    bad.add(p + ": " + r.statusCode() + " " + r.asString());
                                }
                                if (r.statusCode() == 503 && (!String.valueOf(r.contentType()).startsWith(
                                        "application/problem+json") || r.header("Retry-After") == null)) {
                                    bad.add(p + ": 503 without problem+json and Retry-After: " + r.contentType());
                                }
                                if (r.statusCode() == 503) {
                                    Thread.sleep(100);
                                }
                            } catch (Exception e) {
                                bad.add(p + ": no answer: " + e);
                            }
                        }
                    });
                }
                Thread.sleep(5000);
                pg("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
                phase.set(Phase.OUTAGE);
                Thread.sleep(1000);
                // during the outage: the API says 503 with a problem, readiness says DOWN
                Response filing = app.file(seq.getAndIncrement());
                assertEquals(503, filing.statusCode(), filing.asString());
                assertTrue(filing.contentType().startsWith("application/problem+json"));
                assertEquals("5", filing.header("Retry-After"));
                given().baseUri(app.url()).get("/q/health/ready").then().statusCode(503);
                given().baseUri(app.url()).get("/q/health/live").then().statusCode(200);
                Thread.sleep(6000);
                start(data);
                phase.set(Phase.AFTER);
                long back = System.nanoTime();
                int status = 0;
                while (System.nanoTime() - back < TimeUnit.SECONDS.toNanos(60)) {
                    status = app.file(seq.getAndIncrement()).statusCode();
                    if (status == 201) {
                        break;
                    }
                    Thread.sleep(250);
                }
                assertEquals(201, status, "the app recovers by itself once the database is back");
                System.out.printf("outage test: recovered %d ms after PostgreSQL came back%n",
                        (System.nanoTime() - back) / 1_000_000);
                Thread.sleep(3000);
                stop.set(true);
                clients.shutdown();
                assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
                System.out.println("outage test: statuses by phase " + seen);
                assertTrue(bad.isEmpty(), "answers other than a clean 503 problem: " + bad.subList(0,
                        Math.min(10, bad.size())));
                assertTrue(seen.get(Phase.OUTAGE).keySet().stream().allMatch(s -> s == 503 || s == 200 || s == 201),
                        "during the outage only 503 (and answers already under way): " + seen.get(Phase.OUTAGE));
                assertTrue(seen.get(Phase.OUTAGE).getOrDefault(503, 0) > 0);
                assertTrue(seen.get(Phase.AFTER).getOrDefault(201, 0) > 0, "filing again after the outage");
                given().baseUri(app.url()).get("/q/health/ready").then().statusCode(200);
                try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/evenhand",
                        "postgres", "")) {
                    for (String ref : acknowledged.keySet()) {
                        try (var ps = db.prepareStatement("SELECT count(*) FROM cases WHERE ref = ?")) {
                            ps.setString(1, ref);
                            try (var rs = ps.executeQuery()) {
                                rs.next();
                                assertEquals(1, rs.getLong(1), "acknowledged complaint " + ref + " is stored");
                            }
                        }
                    }
                    assertEquals(0, ChildApp.awaitStarted(db, Duration.ofSeconds(60)), "the starter caught up");
                    List<String> wrong = ChildApp.halfWritten(db);
                    assertTrue(wrong.isEmpty(), "half-written after the outage: " + wrong);
                }
            }
        } finally {
            try {
                pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            } catch (Exception alreadyStopped) {
                // fine
            }
            deleteTree(data);
        }
        System.out.printf("outage test: done in %d s%n", (System.nanoTime() - t0) / 1_000_000_000L);
    }

    static void start(Path data) throws Exception {
        pg("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-o",
                "-p " + PORT + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Runs a PostgreSQL program as the postgres OS user when we are root (PostgreSQL refuses root). */
    static void pg(String program, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(BIN.resolve(program).toString());
        cmd.addAll(List.of(args));
        if (root && program.equals("initdb")) {
            pgOwned(Path.of(args[1]));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    static void pgOwned(Path dir) throws Exception {
        Process p = new ProcessBuilder("chown", "postgres:postgres", dir.toString()).inheritIO().start();
        p.waitFor();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

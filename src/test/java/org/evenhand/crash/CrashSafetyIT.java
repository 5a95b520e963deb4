package org.evenhand.crash;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.evenhand.testing.AccessRules;
import org.evenhand.testing.ChildApp;
import org.junit.jupiter.api.Test;

/**
 * Files complaints from six clients at once, kills the application with SIGKILL in the middle of
 * the stream, restarts it on the same database and checks that every complaint that was answered
 * 201 is there, and that once the restarted starter has caught up each has exactly one live process
 * instance (none lost, none doubled); that nothing is half-written (no case without its process
 * instance, no process instance without its case, no case without its trail entry and letter); and
 * that the trail's hash chain is intact.
 */
class CrashSafetyIT {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:" + System.getProperty("crash.pg.port", "5432");
    /** Its own database and port; EVENHAND_CRASH_DB / EVENHAND_CRASH_PORT keep two engineers' runs apart. */
    static final String DB = ChildApp.setting("EVENHAND_CRASH_DB", "evenhand_crash");
    static final int APP_PORT = Integer.parseInt(ChildApp.setting("EVENHAND_CRASH_PORT", "18097"));
    static final String USER = System.getenv().getOrDefault("EVENHAND_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("EVENHAND_DB_PASSWORD", "postgres");

    static long count(Connection db, String sql, Object... params) throws java.sql.SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void killedMidStreamLosesNothingAndHalfWritesNothing() throws Exception {
        ChildApp.recreateDatabase(SERVER, DB, USER, PASSWORD);
        Path dir = Path.of("target/crash/sigkill");
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger seq = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        long t0 = System.nanoTime();
        try (ChildApp app = new ChildApp(APP_PORT, SERVER + "/" + DB, dir.resolve("app.log"), Map.of())) {
            app.start().awaitReady(Duration.ofSeconds(150));
            System.out.printf("crash test: app ready after %d s%n", (System.nanoTime() - t0) / 1_000_000_000L);
            ExecutorService clients = Executors.newFixedThreadPool(6);
            for (int c = 0; c < 6; c++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        int n = seq.getAndIncrement();
                        try {
                            Response r = app.file(n);
                            if (r.statusCode() == 201) {
                                acknowledged.put(r.path("ref"), n);
                            }
                        } catch (Exception connectionLost) {
                            unanswered.incrementAndGet();
                        }
                    }
                });
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (acknowledged.size() < 40 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            int beforeKill = acknowledged.size();
            app.kill(); // mid-stream: six requests in flight
            Thread.sleep(1500);
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
            System.out.printf("crash test: %d complaints acknowledged before SIGKILL, %d requests cut off%n",
                    beforeKill, unanswered.get());
            assertTrue(beforeKill >= 20, "enough load before the kill: " + beforeKill);

            app.start().awaitReady(Duration.ofSeconds(150));
            try (Connection db = DriverManager.getConnection(SERVER + "/" + DB, USER, PASSWORD)) {
                // every complaint answered 201 was stored before the answer
                List<String> lost = new ArrayList<>();
                for (String ref : acknowledged.keySet()) {
                    if (count(db, "SELECT count(*) FROM cases WHERE ref = ?", ref) != 1) {
                        lost.add(ref);
                    }
                }
                assertTrue(lost.isEmpty(), "acknowledged with 201 but not stored: " + lost);
                // the restarted starter takes up what was received but not started when the app died
                long received = count(db, "SELECT count(*) FROM cases WHERE status = 'RECEIVED'");
                assertEquals(0, ChildApp.awaitStarted(db, Duration.ofSeconds(60)), "the starter caught up");
                System.out.printf("crash test: %d cases were received but not started at the restart%n", received);
                List<String> missing = new ArrayList<>();
                for (String ref : acknowledged.keySet()) {
                    if (count(db, "SELECT count(*) FROM cases c JOIN act_ru_execution e ON e.business_key_ = c.ref"
                            + " AND e.parent_id_ IS NULL JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ AND d.key_ = 'complaint'"
                            + " WHERE c.ref = ? AND e.proc_inst_id_ = c.process_instance_id", ref) != 1
                            || count(db, "SELECT count(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_"
                                    + " WHERE e.business_key_ = ? AND e.parent_id_ IS NULL AND d.key_ = 'complaint'", ref) != 1) {
                        missing.add(ref);
                    }
                }
                assertTrue(missing.isEmpty(), "acknowledged with 201 but not exactly one live process: " + missing);
                List<String> wrong = ChildApp.halfWritten(db);
                assertTrue(wrong.isEmpty(), "half-written after SIGKILL: " + wrong);
            }
            // through the restarted app: the cases are there, at triage, and work goes on
            for (Map.Entry<String, Integer> e : acknowledged.entrySet()) {
                given().baseUri(app.url()).auth().oauth2(AccessRules.token(ChildApp.complainantOf(e.getValue()),
                        "member")).get("/api/me/cases/" + e.getKey()).then().statusCode(200)
                        .body("stage.step", org.hamcrest.Matchers.equalTo("triage"));
            }
            assertEquals(201, app.file(seq.getAndIncrement()).statusCode(), "filing works after the restart");
        }
        System.out.printf("crash test: done in %d s%n", (System.nanoTime() - t0) / 1_000_000_000L);
    }
}

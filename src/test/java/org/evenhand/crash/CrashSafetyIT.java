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
 * 201 is there with a live process instance, that nothing is half-written (no case without its
 * process instance, no process instance without its case, no case without its trail entry and
 * letter), and that the trail's hash chain is intact.
 */
class CrashSafetyIT {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:" + System.getProperty("crash.pg.port", "5432");
    static final String DB = "evenhand_crash";
    static final String USER = System.getenv().getOrDefault("EVENHAND_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("EVENHAND_DB_PASSWORD", "postgres");

    @Test
    void killedMidStreamLosesNothingAndHalfWritesNothing() throws Exception {
        ChildApp.recreateDatabase(SERVER, DB, USER, PASSWORD);
        Path dir = Path.of("target/crash/sigkill");
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger seq = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        long t0 = System.nanoTime();
        try (ChildApp app = new ChildApp(18097, SERVER + "/" + DB, dir.resolve("app.log"), Map.of())) {
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
                List<String> missing = new ArrayList<>();
                for (String ref : acknowledged.keySet()) {
                    try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM cases c JOIN act_ru_execution e"
                            + " ON e.proc_inst_id_ = c.process_instance_id AND e.parent_id_ IS NULL"
                            + " WHERE c.ref = ? AND e.business_key_ = c.ref")) {
                        ps.setString(1, ref);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) != 1) {
                                missing.add(ref);
                            }
                        }
                    }
                }
                assertTrue(missing.isEmpty(), "acknowledged with 201 but not there with a live process: " + missing);
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

package org.evenhand.crash;

import static io.restassured.RestAssured.given;
import static org.evenhand.crash.CrashSafetyIT.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
import org.evenhand.testing.LoadBalancer;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the packaged app on one database behind HAProxy (docs/operations.md, "Several
 * nodes"). Complaints are filed through the balancer from three clients; once both nodes have started
 * processes and timers have begun to fire, node A is killed with SIGKILL and filing goes on through
 * node B. Each case's triage has two short timers (a reminder and the target passing), so most of
 * them fall due after the kill, on node B alone, some of them held under node A's job locks. Checks:
 * every complaint answered 201 is stored; each case has exactly one complaint process; every timer
 * fired exactly once (one reminder and one escalation per case, nothing due left, no incident); the
 * trail's chain and anchors verify; and node B still serves the cases.
 */
class TwoNodesIT {

    static final String SERVER = CrashSafetyIT.SERVER;
    /** Its own database and ports; EVENHAND_NODES_DB / EVENHAND_NODES_PORT (three from it) keep runs apart. */
    static final String DB = ChildApp.setting("EVENHAND_NODES_DB", "evenhand_two_nodes");
    static final int PORT = Integer.parseInt(ChildApp.setting("EVENHAND_NODES_PORT", "18101"));
    static final Duration TRIAGE_TARGET = Duration.ofSeconds(20);
    static final Duration LOCK_TIME = Duration.ofSeconds(8);
    /** Clients filing at once, each pausing this long between complaints (a few hundred cases in all). */
    static final int CLIENTS = 3;
    static final Duration PAUSE = Duration.ofMillis(200);

    /** Short timers and a quick job executor, so timers fall due within the test; anchors every 10 s. */
    static Map<String, String> settings() {
        return Map.of("evenhand.process.targets.triage", TRIAGE_TARGET.toString(),
                "evenhand.process.reminders.handler", TRIAGE_TARGET.dividedBy(2).toString(),
                "quarkus.camunda.job-executor.generic-config.lock-time-in-millis", Long.toString(LOCK_TIME.toMillis()),
                "quarkus.camunda.job-executor.generic-config.wait-time-in-millis", "500",
                "quarkus.camunda.job-executor.generic-config.max-wait", "1000",
                "evenhand.trail.anchors.every", "10s");
    }

    @Test
    void filesThroughTwoNodesWhileOneIsKilled() throws Exception {
        ChildApp.recreateDatabase(SERVER, DB, CrashSafetyIT.USER, CrashSafetyIT.PASSWORD);
        Path dir = Path.of("target/crash/two-nodes");
        DatabaseOutageIT.deleteTree(dir.resolve("anchors")); // anchors of an earlier run name another database's trail
        String dbUrl = SERVER + "/" + DB;
        long t0 = System.nanoTime();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
        AtomicInteger cutOff = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger afterKill = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger seq = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        long firedBeforeKill;
        try (ChildApp a = new ChildApp(PORT, dbUrl, dir.resolve("node-a.log"), settings());
                ChildApp b = new ChildApp(PORT + 1, dbUrl, dir.resolve("node-b.log"), settings());
                Connection db = DriverManager.getConnection(dbUrl, CrashSafetyIT.USER, CrashSafetyIT.PASSWORD)) {
            // both at once on an empty database, as a first deployment of two replicas does
            a.start();
            b.start();
            a.awaitReady(Duration.ofSeconds(180));
            b.awaitReady(Duration.ofSeconds(180));
            System.out.printf("two nodes: both ready after %d s; the manifests' probes answer: %s%n", seconds(t0),
                    probesAnswer(b));
            try (LoadBalancer lb = LoadBalancer.haproxy(PORT + 2, dir, List.of(a, b))) {
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> {
                        while (!stop.get()) {
                            int n = seq.getAndIncrement();
                            try {
                                Response r = ChildApp.fileAt(lb.url(), n);
                                if (r.statusCode() == 201) {
                                    acknowledged.put(r.path("ref"), n);
                                    byNode.computeIfAbsent(String.valueOf(r.header(LoadBalancer.NODE_HEADER)),
                                            k -> new AtomicInteger()).incrementAndGet();
                                    if (killed.get()) {
                                        afterKill.incrementAndGet();
                                    }
                                } else {
                                    refused.incrementAndGet(); // 502/503 from the balancer: the request was cut off
                                }
                                Thread.sleep(PAUSE.toMillis());
                            } catch (InterruptedException e) {
                                return;
                            } catch (Exception connectionLost) {
                                cutOff.incrementAndGet();
                            }
                        }
                    });
                }
                // kill node A once both nodes have filed and the first timers have fired
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (System.nanoTime() < until && (acknowledged.size() < 30 || byNode.size() < 2
                        || count(db, "SELECT count(*) FROM timeline_entries WHERE kind = 'reminder'") == 0)) {
                    Thread.sleep(100);
                }
                int beforeKill = acknowledged.size();
                firedBeforeKill = count(db, "SELECT count(*) FROM timeline_entries WHERE kind IN ('reminder', 'overdue')");
                a.kill();
                killed.set(true);
                long locked = count(db, "SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
                System.out.printf("two nodes: node A killed after %d s: %d complaints acknowledged (%s), %d timers"
                        + " fired, %d engine jobs under a lock%n", seconds(t0), beforeKill, byNode, firedBeforeKill, locked);
                assertEquals(2, byNode.size(), "both nodes answered before the kill: " + byNode);
                Thread.sleep(6000);
                stop.set(true);
                clients.shutdown();
                assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
            }
            assertTrue(afterKill.get() > 0, "filing went on through node B after the kill");

            // every complaint answered 201 was stored, and the surviving starter took up the rest
            List<String> lost = new ArrayList<>();
            for (String ref : acknowledged.keySet()) {
                if (count(db, "SELECT count(*) FROM cases WHERE ref = ?", ref) != 1) {
                    lost.add(ref);
                }
            }
            assertTrue(lost.isEmpty(), "acknowledged with 201 but not stored: " + lost);
            assertEquals(0, ChildApp.awaitStarted(db, Duration.ofSeconds(60)), "node B's starter caught up");
            long stored = count(db, "SELECT count(*) FROM cases");

            // every timer of every case fires: the last ones TRIAGE_TARGET after the last filing, plus a lock time
            long waitFrom = System.nanoTime();
            long due;
            do {
                Thread.sleep(500);
                due = count(db, "SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM timeline_entries t"
                        + " WHERE t.case_id = c.id AND t.kind = 'overdue') = 0");
            } while (due > 0 && System.nanoTime() - waitFrom < TRIAGE_TARGET.plus(LOCK_TIME).plusSeconds(45).toNanos());
            // a moment for a second firing, if there were going to be one
            Thread.sleep(3000);

            List<String> wrong = new ArrayList<>(ChildApp.halfWritten(db));
            wrong.addAll(rows(db, "cases whose complaint process is not exactly one",
                    "SELECT c.ref || ': ' || count(p.id_) FROM cases c LEFT JOIN act_hi_procinst p ON p.business_key_ = c.ref"
                            + " AND p.proc_def_key_ = 'complaint' GROUP BY c.ref HAVING count(p.id_) <> 1"));
            for (String kind : List.of("reminder", "overdue")) {
                wrong.addAll(rows(db, "cases whose '" + kind + "' timer did not fire exactly once",
                        "SELECT c.ref || ': ' || count(t.id) FROM cases c LEFT JOIN timeline_entries t ON t.case_id = c.id"
                                + " AND t.kind = '" + kind + "' GROUP BY c.ref HAVING count(t.id) <> 1"));
            }
            wrong.addAll(rows(db, "cases whose escalation was not raised exactly once",
                    "SELECT c.ref || ': ' || count(p.id_) FROM cases c LEFT JOIN act_hi_procinst p ON p.business_key_ = c.ref"
                            + " AND p.proc_def_key_ = 'escalation' GROUP BY c.ref HAVING count(p.id_) <> 1"));
            wrong.addAll(rows(db, "timers due and not fired",
                    "SELECT id_ || ' due ' || duedate_ FROM act_ru_job WHERE type_ = 'timer' AND duedate_ < now()"));
            wrong.addAll(rows(db, "incidents", "SELECT incident_type_ || ': ' || incident_msg_ FROM act_ru_incident"));
            long reminders = count(db, "SELECT count(*) FROM timeline_entries WHERE kind = 'reminder'");
            long overdue = count(db, "SELECT count(*) FROM timeline_entries WHERE kind = 'overdue'");
            long processes = count(db, "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'complaint'");
            long firedAfterKill = reminders + overdue - firedBeforeKill;
            long entries = count(db, "SELECT count(*) FROM trail_entries");
            TrailCheck trail = verifyTrail(dbUrl, dir.resolve("anchors"));
            System.out.printf("two nodes: %d complaints sent, %d acknowledged (%d after the kill, through node B),"
                    + " %d cut off or refused; %d cases stored, %d complaint processes; timers fired: %d reminders"
                    + " and %d overdue escalations for %d cases (%d of them after the kill, on node B); trail of %d"
                    + " entries %s%n", seq.get(), acknowledged.size(), afterKill.get(), cutOff.get() + refused.get(),
                    stored, processes, reminders, overdue, stored, firedAfterKill, entries, trail.summary());
            assertTrue(wrong.isEmpty(), "after two nodes and a SIGKILL: " + wrong);
            assertEquals(stored, processes, "one complaint process per case");
            assertEquals(stored, reminders, "one reminder per case");
            assertEquals(stored, overdue, "one overdue escalation per case");
            assertTrue(trail.intact(), "the trail verifies against its anchors: " + trail.summary());

            // the surviving node serves every acknowledged case, at triage
            for (Map.Entry<String, Integer> e : acknowledged.entrySet()) {
                given().baseUri(b.url()).auth().oauth2(AccessRules.token(ChildApp.complainantOf(e.getValue()),
                        "member")).get("/api/me/cases/" + e.getKey()).then().statusCode(200)
                        .body("stage.step", org.hamcrest.Matchers.equalTo("triage"));
            }
        }
        System.out.printf("two nodes: done in %d s%n", seconds(t0));
    }

    /**
     * The probes of the generated Deployment (target/kubernetes/kubernetes.yml) asked of a running node: each
     * must be on the container's http port and answer 200 there. Returns the paths asked.
     */
    static List<String> probesAnswer(ChildApp node) throws Exception {
        JsonNode container = null;
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(Path.of("target/kubernetes/kubernetes.yml").toFile())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if ("Deployment".equals(doc.path("kind").asText())) {
                    container = doc.at("/spec/template/spec/containers/0");
                }
            }
        }
        assertTrue(container != null && !container.isMissingNode(), "a Deployment in the generated manifests");
        int http = -1;
        for (JsonNode port : container.path("ports")) {
            if ("http".equals(port.path("name").asText())) {
                http = port.path("containerPort").asInt();
            }
        }
        List<String> asked = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertTrue(get.path("port").asInt(-2) == http || "http".equals(get.path("port").asText()),
                    probe + " is on the http port, where health is served: " + get);
            String path = get.path("path").asText();
            given().baseUri(node.url()).get(path).then().statusCode(200);
            asked.add(path);
        }
        return asked;
    }

    record TrailCheck(boolean intact, String summary) {
    }

    /** scripts/verify-trail.sh, as an operator runs it: every entry, link and anchor (table and file). */
    static TrailCheck verifyTrail(String dbUrl, Path anchors) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "scripts/verify-trail.sh", "--url", dbUrl, "--anchors",
                anchors.toString()).redirectErrorStream(true);
        pb.environment().put("EVENHAND_DB_USER", CrashSafetyIT.USER);
        pb.environment().put("EVENHAND_DB_PASSWORD", CrashSafetyIT.PASSWORD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String said = String.join("; ", out.lines().filter(l -> l.startsWith("anchors checked") || l.startsWith("INTACT")
                || l.startsWith("BROKEN") || l.startsWith("verify-trail")).map(l -> l.split(":")[0].equals("INTACT")
                        ? "INTACT" : l).toList());
        return new TrailCheck(done && p.exitValue() == 0 && out.contains("INTACT"), "(verify-trail: " + said + ")");
    }

    static List<String> rows(Connection db, String what, String sql) throws java.sql.SQLException {
        List<String> found = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found.isEmpty() ? List.of() : List.of(what + ": " + found.subList(0, Math.min(10, found.size()))
                + (found.size() > 10 ? " and " + (found.size() - 10) + " more" : ""));
    }

    static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }
}

package org.evenhand.trail;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.AccessRules.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evenhand.testing.Api;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampering with the action trail in PostgreSQL, as someone with the database's superuser would
 * (replication mode switches the append-only triggers off): editing any column of one row,
 * deleting one row, moving one row, cutting the tail and rewriting the chain consistently. Each
 * is detected and the first broken link named. The tampering runs in a transaction that is rolled
 * back, with the verifier reading inside it, so the shared test database is never left broken.
 */
@QuarkusTest
class TrailTamperingTest {

    @Inject
    TrailVerifier verifier;
    @Inject
    TrailAnchors anchors;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    /** Ids of the last entries, oldest first; k is one in the middle of them. */
    List<Long> tail;
    long k;
    long next;

    @BeforeEach
    void someEntries() {
        Api.file("carol", "M100005", LocalDate.of(2026, 6, 8), List.of("harassment"),
                "Replies under every post I made about the council vote, calling me a liar to the branch.");
        Api.file("carol", "M100005", LocalDate.of(2026, 6, 9), List.of("harassment"),
                "Dozens of replies to my posts about the council vote, each tagging the branch secretary.");
        tail = new ArrayList<>(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM trail_entries ORDER BY id DESC LIMIT 6").getResultList().stream()
                .map(o -> ((Number) o).longValue()).toList()));
        java.util.Collections.reverse(tail);
        k = tail.get(2);
        next = tail.get(3);
        assertTrue(verifier.verify().intact(), "the trail is intact before tampering: " + verifier.verify());
    }

    TrailChain.Result tampered(String... statements) {
        AtomicReference<TrailChain.Result> result = new AtomicReference<>();
        rolledBack(() -> {
            em.createNativeQuery("SELECT set_config('session_replication_role', 'replica', true)").getSingleResult();
            for (String sql : statements) {
                em.createNativeQuery(sql).executeUpdate();
            }
            em.createNativeQuery("SELECT set_config('session_replication_role', 'origin', true)").getSingleResult();
            result.set(verifier.verify());
        });
        assertTrue(verifier.verify().intact(), "rolled back");
        return result.get();
    }

    static void brokenAt(TrailChain.Result r, long id, String kind) {
        assertFalse(r.intact(), "tampering detected");
        assertNotNull(r.firstBrokenLink());
        assertEquals(id, r.firstBrokenLink().entryId(), "first broken link: " + r.firstBrokenLink());
        assertEquals(kind, r.firstBrokenLink().kind(), r.firstBrokenLink().explanation());
    }

    @Test
    void editingAnyColumnOfOneRowIsDetectedAtThatRow() {
        for (String set : List.of("detail = detail || ' (softened)'", "actor = 'someone-else'",
                "action = 'task-completed'", "case_ref = 'EVH-2026-999999'", "at = at - interval '1 day'",
                "prev_hash = md5(prev_hash) || md5(prev_hash)", "hash = md5(hash) || md5(hash)")) {
            brokenAt(tampered("UPDATE trail_entries SET " + set + " WHERE id = " + k), k, "altered");
        }
    }

    @Test
    void deletingOneRowIsDetectedAtTheRowAfterIt() {
        TrailChain.Result r = tampered("DELETE FROM trail_entries WHERE id = " + k);
        brokenAt(r, next, "deleted");
        assertTrue(r.firstBrokenLink().explanation().contains("between entry " + tail.get(1) + " and entry " + next),
                r.firstBrokenLink().explanation());
    }

    @Test
    void deletingTheFirstRowIsDetected() {
        long first = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT min(id) FROM trail_entries").getSingleResult()).longValue());
        long second = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT min(id) FROM trail_entries WHERE id > " + first).getSingleResult()).longValue());
        brokenAt(tampered("DELETE FROM trail_entries WHERE id = " + first), second, "deleted");
    }

    @Test
    void reorderingIsDetected() {
        // swap two neighbours
        brokenAt(tampered("UPDATE trail_entries SET id = -1 WHERE id = " + k,
                "UPDATE trail_entries SET id = " + k + " WHERE id = " + next,
                "UPDATE trail_entries SET id = " + next + " WHERE id = -1"), k, "reordered");
        // move one row to the end
        brokenAt(tampered("UPDATE trail_entries SET id = " + (tail.get(5) + 1000) + " WHERE id = " + k), next,
                "reordered");
        // move one row to the front
        TrailChain.Result r = tampered("UPDATE trail_entries SET id = -" + k + " WHERE id = " + k);
        brokenAt(r, -k, "reordered");
    }

    @Test
    void cuttingTheTailIsCaughtByTheAnchorOnly() {
        TrailChain.Anchor anchor = anchors.export().orElseGet(() -> latestAnchor());
        assertEquals(tail.get(5), anchor.entryId(), "the head is anchored");
        AtomicReference<TrailChain.Result> chainOnly = new AtomicReference<>();
        TrailChain.Result r = tamperedThen(() -> chainOnly.set(em.unwrap(Session.class).doReturningWork(
                db -> TrailChain.verify(db, List.of(), new ArrayList<>()))),
                "DELETE FROM trail_entries WHERE id >= " + tail.get(4));
        assertTrue(chainOnly.get().intact(), "without anchors a cut tail leaves a consistent chain");
        brokenAt(r, tail.get(5), "anchor-missing");
        assertTrue(r.problems().stream().anyMatch(p -> p.explanation().contains("trail-anchors.jsonl")),
                "the copy in the anchor file (outside the database) catches it too: " + r.problems());
    }

    @Test
    void aConsistentRewriteIsCaughtByTheAnchor() {
        TrailChain.Anchor anchor = anchors.export().orElseGet(() -> latestAnchor());
        // rewrite entry k and re-hash every entry after it, so that every link is consistent again
        List<String> sql = new ArrayList<>();
        sql.add("UPDATE trail_entries SET detail = 'nothing to see here' WHERE id = " + k);
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id, at, actor, action, case_ref, detail, prev_hash FROM trail_entries WHERE id >= " + k
                        + " ORDER BY id").getResultList());
        String prev = null;
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            String detail = id == k ? "nothing to see here" : (String) row[5];
            String p = prev == null ? (String) row[6] : prev;
            Instant at = row[1] instanceof java.time.OffsetDateTime o ? o.toInstant()
                    : row[1] instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) row[1];
            String h = TrailChain.hash(p, at, (String) row[2], (String) row[3], (String) row[4], detail);
            sql.add("UPDATE trail_entries SET prev_hash = '" + p + "', hash = '" + h + "' WHERE id = " + id);
            prev = h;
        }
        TrailChain.Result r = tampered(sql.toArray(String[]::new));
        assertTrue(r.problems().stream().noneMatch(p -> p.kind().equals("altered") || p.kind().equals("deleted")),
                "the rewritten chain is consistent: " + r.problems());
        brokenAt(r, anchor.entryId(), "anchor-mismatch");
    }

    @Test
    void theEndpointIsForNecAndDpoOnly() {
        for (String[] who : new String[][] { { "nora", "nec" }, { "dara", "dpo" } }) {
            given().auth().oauth2(token(who[0], who[1])).get("/api/trail/verification").then().statusCode(200)
                    .body("intact", equalTo(true)).body("entries", greaterThan(0));
        }
        for (String[] who : new String[][] { { "alice", "member" }, { "quinn", "caseworker" }, { "pat", "panel" } }) {
            given().auth().oauth2(token(who[0], who[1])).get("/api/trail/verification").then().statusCode(403);
        }
        given().get("/api/trail/verification").then().statusCode(401);
    }

    @Test
    void theEndpointAndTheCommandNameTheFirstBrokenLink() throws Exception {
        // a committed edit this time (restored below), so that a separate process can see it
        String original = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT detail FROM trail_entries WHERE id = " + k).getSingleResult());
        bypassing("UPDATE trail_entries SET detail = detail || ' [edited]' WHERE id = " + k);
        try {
            given().auth().oauth2(token("nora", "nec")).get("/api/trail/verification").then().statusCode(200)
                    .body("intact", equalTo(false)).body("firstBrokenLink.entryId", equalTo((int) k))
                    .body("firstBrokenLink.kind", equalTo("altered"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = TrailVerifierCommand.run(new String[] { "--anchors", "target/trail-anchors" },
                    Map.of("EVENHAND_DB_URL", url, "EVENHAND_DB_USER", dbUser, "EVENHAND_DB_PASSWORD", dbPassword),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(1, exit, printed);
            assertTrue(printed.contains("BROKEN: first broken link at entry " + k + " (altered)"), printed);
        } finally {
            bypassing("UPDATE trail_entries SET detail = '" + original.replace("'", "''") + "' WHERE id = " + k);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TrailVerifierCommand.run(new String[0], Map.of("EVENHAND_DB_URL", url, "EVENHAND_DB_USER", dbUser,
                "EVENHAND_DB_PASSWORD", dbPassword), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("INTACT"));
    }

    @Test
    void theDatabaseRefusesChangesToAppendOnlyTables() throws SQLException {
        // as the role the app uses in dev and tests (the superuser): the triggers refuse
        for (String sql : List.of("UPDATE trail_entries SET detail = 'x' WHERE id = " + k,
                "DELETE FROM trail_entries WHERE id = " + k, "TRUNCATE trail_entries",
                "UPDATE trail_anchors SET entry_hash = 'x'", "DELETE FROM trail_anchors",
                "UPDATE interference_records SET asked = 'x'", "DELETE FROM interference_records",
                "TRUNCATE interference_records CASCADE")) {
            SQLException e = assertThrows(SQLException.class, () -> superuser(sql), sql);
            assertTrue(e.getMessage().contains("append-only"), sql + ": " + e.getMessage());
        }
        // as a login role in evenhand_app, as production runs: no privilege, and no way around the triggers
        superuser("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'evenhand_app_probe') THEN"
                + " CREATE ROLE evenhand_app_probe LOGIN PASSWORD 'probe' IN ROLE evenhand_app; END IF; END $$");
        try (Connection app = DriverManager.getConnection(url, "evenhand_app_probe", "probe")) {
            app.setAutoCommit(false);
            for (String sql : List.of("UPDATE trail_entries SET detail = 'x' WHERE id = " + k,
                    "DELETE FROM trail_entries WHERE id = " + k, "TRUNCATE trail_entries",
                    "ALTER TABLE trail_entries DISABLE TRIGGER trail_entries_append_only",
                    "SET session_replication_role = replica", "DELETE FROM interference_records",
                    "UPDATE trail_anchors SET entry_hash = 'x'")) {
                try (Statement st = app.createStatement()) {
                    SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                    assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("must be owner"),
                            sql + ": " + e.getMessage());
                }
                app.rollback();
            }
            try (Statement st = app.createStatement()) {
                st.execute("SELECT count(*) FROM trail_entries");
                st.execute("UPDATE cases SET version = version WHERE false");
            }
            app.rollback();
        }
    }

    TrailChain.Result tamperedThen(Runnable inside, String... statements) {
        AtomicReference<TrailChain.Result> result = new AtomicReference<>();
        rolledBack(() -> {
            em.createNativeQuery("SELECT set_config('session_replication_role', 'replica', true)").getSingleResult();
            for (String sql : statements) {
                em.createNativeQuery(sql).executeUpdate();
            }
            inside.run();
            result.set(verifier.verify());
        });
        return result.get();
    }

    /** Runs the work in a new transaction that is always rolled back. */
    static void rolledBack(Runnable work) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                work.run();
                QuarkusTransaction.setRollbackOnly();
            });
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException expected) {
            // the commit of a rollback-only transaction reports the rollback
        }
    }

    TrailChain.Anchor latestAnchor() {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(
                db -> TrailChain.anchorsInDatabase(db)).stream().reduce((a, b) -> b).orElseThrow());
    }

    void superuser(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** As a superuser who switches the triggers off for the session first. */
    void bypassing(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword); Statement st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.execute(sql);
        }
    }
}

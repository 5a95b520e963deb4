package org.evenhand.trail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evenhand.common.BackgroundLoop;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Chains the action trail behind its writers. Writers append to {@code trail_inbox} without any
 * lock; this moves committed inbox rows, oldest first, into {@code trail_entries} with their
 * hashes, in batches: one transaction per batch takes the chain's advisory lock (so one node at a
 * time chains, and ids in {@code trail_entries} stay the chain order), reads the head, inserts the
 * chained entries and deletes their inbox rows. A crash mid-batch rolls all of it back, so every
 * action is chained exactly once. The database refuses to delete an inbox row that is not in the
 * chain with the same content (V7), so an action cannot be removed before it is chained.
 *
 * <p>It runs on its own thread: woken after each transaction that appended (so the trail is
 * chained within milliseconds when the system is quiet), and every {@code evenhand.trail.chain.every}
 * in any case; under load its batches simply grow.
 */
@ApplicationScoped
public class TrailChainer {

    private static final Logger LOG = Logger.getLogger(TrailChainer.class);
    /** The chain's lock; the same key the writers took when they chained themselves (before V7). */
    static final long CHAIN_LOCK = 0x45564e48414e44L;

    @ConfigProperty(name = "evenhand.trail.chain.batch", defaultValue = "2000")
    int batch;
    @ConfigProperty(name = "evenhand.trail.chain.every", defaultValue = "200ms")
    Duration every;
    @ConfigProperty(name = "evenhand.trail.chain.linger", defaultValue = "5ms")
    Duration linger;
    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry registry;

    private BackgroundLoop loop;

    void start(@Observes StartupEvent event) {
        loop = new BackgroundLoop("trail-chainer", this::chainPending, every, linger, LOG);
        loop.start();
    }

    /** Before the anchors' shutdown export: stop the thread, then chain what is left. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
        try {
            chainAll();
        } catch (RuntimeException e) {
            LOG.warnf("trail entries left unchained at shutdown (chained at the next start): %s", e.getMessage());
        }
    }

    /** Wakes the chainer once the current transaction has committed. */
    public void wakeAfterCommit() {
        if (loop != null) {
            loop.wakeAfterCommit(registry);
        }
    }

    /** Chains what is in the inbox now, batch after batch; the number of entries chained. */
    public int chainPending() {
        int total = 0;
        int n;
        do {
            n = chainBatch();
            total += Math.max(n, 0);
        } while (n >= batch); // a batch short of full emptied the inbox as it stood: no second transaction to find it empty
        return total;
    }

    /**
     * Chains everything appended before this call, waiting for another node's chainer if it holds
     * the lock: for shutdown and for tests that look at the chain itself.
     */
    public int chainAll() {
        int total = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            int n = chainBatch();
            if (n > 0) {
                total += n;
            } else if (n == 0) {
                return total;
            } else {
                sleep(5);
            }
        }
        throw new IllegalStateException("the trail could not be chained within 30 s (lock held elsewhere)");
    }

    /** One batch in one transaction: the number chained, 0 if the inbox is empty, -1 if another chainer holds the lock. */
    int chainBatch() {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(this::chain));
    }

    private int chain(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, CHAIN_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return -1;
                }
            }
        }
        // read after the lock: the head another node committed is visible to this statement
        String prev = TrailChain.GENESIS;
        try (PreparedStatement ps = db.prepareStatement("SELECT hash FROM trail_entries ORDER BY id DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                prev = rs.getString(1);
            }
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement read = db.prepareStatement(
                "SELECT id, at, actor, action, case_ref, detail FROM trail_inbox ORDER BY id LIMIT ?");
                PreparedStatement insert = db.prepareStatement("INSERT INTO trail_entries"
                        + " (at, actor, action, case_ref, detail, prev_hash, hash, inbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            read.setInt(1, batch);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                    String actor = rs.getString(3);
                    String action = rs.getString(4);
                    String caseRef = rs.getString(5);
                    String detail = rs.getString(6);
                    String hash = TrailChain.hash(prev, at.toInstant(), actor, action, caseRef, detail);
                    insert.setObject(1, at);
                    insert.setString(2, actor);
                    insert.setString(3, action);
                    insert.setString(4, caseRef);
                    insert.setString(5, detail);
                    insert.setString(6, prev);
                    insert.setString(7, hash);
                    insert.setLong(8, id);
                    insert.addBatch();
                    ids.add(id);
                    prev = hash;
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            insert.executeBatch();
        }
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM trail_inbox WHERE id = ANY(?)")) {
            Array array = db.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, array);
            int deleted = delete.executeUpdate();
            if (deleted != ids.size()) {
                throw new IllegalStateException("chained " + ids.size() + " inbox entries but removed " + deleted);
            }
        }
        return ids.size();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.evenhand.trail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Exports the trail's head hash (an anchor) on a schedule and when the application stops: to the
 * {@code trail_anchors} table, to the log, and appended to {@code trail-anchors.jsonl} in the
 * configured directory, which in production lives outside the database server's reach (another
 * volume shipped to write-once storage). An anchor commits to every entry up to its head, so a
 * later truncation or rewrite of that part of the trail no longer matches it.
 */
@ApplicationScoped
public class TrailAnchors {

    private static final Logger LOG = Logger.getLogger(TrailAnchors.class);

    @ConfigProperty(name = "evenhand.trail.anchors.directory")
    Optional<String> directory;
    @ConfigProperty(name = "evenhand.trail.anchors.on-shutdown", defaultValue = "true")
    boolean onShutdown;
    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event) {
        if (directory.isEmpty()) {
            LOG.warn("evenhand.trail.anchors.directory (EVENHAND_TRAIL_ANCHORS) is not set: trail anchors go to the"
                    + " database and the log only; set it to a directory outside the database server's reach");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (onShutdown) {
            scheduled();
        }
    }

    @Scheduled(identity = "trail-anchor", every = "${evenhand.trail.anchors.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            export();
        } catch (RuntimeException e) {
            LOG.errorf("trail anchor not exported: %s", e.getMessage());
        }
    }

    /** Anchors the current head unless it is already anchored; the anchor written, if any. */
    public Optional<TrailChain.Anchor> export() {
        TrailChain.Anchor anchor = QuarkusTransaction.requiringNew().call(() -> {
            List<?> head = em.createNativeQuery("SELECT id, hash FROM trail_entries ORDER BY id DESC LIMIT 1")
                    .getResultList();
            if (head.isEmpty()) {
                return null;
            }
            Object[] row = (Object[]) head.get(0);
            long id = ((Number) row[0]).longValue();
            String hash = (String) row[1];
            List<?> last = em.createNativeQuery("SELECT entry_id FROM trail_anchors ORDER BY id DESC LIMIT 1")
                    .getResultList();
            if (!last.isEmpty() && ((Number) last.get(0)).longValue() == id) {
                return null;
            }
            long entries = ((Number) em.createNativeQuery("SELECT count(*) FROM trail_entries WHERE id <= ?1")
                    .setParameter(1, id).getSingleResult()).longValue();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            em.createNativeQuery("INSERT INTO trail_anchors (entry_id, entry_hash, entries, anchored_at)"
                    + " VALUES (?1, ?2, ?3, ?4)").setParameter(1, id).setParameter(2, hash).setParameter(3, entries)
                    .setParameter(4, now).executeUpdate();
            return new TrailChain.Anchor(id, hash, entries, now, "database");
        });
        if (anchor == null) {
            return Optional.empty();
        }
        LOG.infof("trail anchor: entry %d hash %s (%d entries)", anchor.entryId(), anchor.hash(), anchor.entries());
        directory.ifPresent(dir -> append(Path.of(dir), anchor));
        return Optional.of(anchor);
    }

    private static void append(Path dir, TrailChain.Anchor anchor) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TrailChain.ANCHOR_FILE), TrailChain.anchorLine(anchor) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            LOG.errorf("trail anchor for entry %d not written to %s: %s", anchor.entryId(), dir, e.getMessage());
        }
    }

    /** The directory anchor files are read from, if one is configured. */
    public Optional<Path> directory() {
        return directory.map(Path::of);
    }
}

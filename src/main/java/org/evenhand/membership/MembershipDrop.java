package org.evenhand.membership;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.common.BackgroundLoop;
import org.evenhand.common.ProblemException;
import org.jboss.logging.Logger;

/**
 * The file drop (decision 0039): the membership system (or an operator) puts membership files,
 * {@code *.csv}, in {@code evenhand.membership.drop.dir}; each is applied once, as the API would apply
 * it ({@code *.full.csv} as a full sync, any other as an upsert), then moved to {@code processed/}
 * with a report beside it, or, refused, to {@code failed/} with the refusals by line and nothing
 * changed. A file is left alone until it has not changed for {@code settle}, and while the database
 * cannot be reached (tried again on the next look). One node at a time looks (an advisory lock); a file
 * whose sync committed but that was not moved (a crash in between) is recognised by its name and
 * content and moved without being applied again.
 */
@ApplicationScoped
public class MembershipDrop {

    private static final Logger LOG = Logger.getLogger(MembershipDrop.class);
    static final String ACTOR = "membership-drop";
    static final long DROP_LOCK = 0x64726f70L;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final ObjectMapper REPORTS = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    MembershipConfig config;
    @Inject
    MembershipSync sync;
    @Inject
    MembershipCsv csv;
    @Inject
    EntityManager em;

    private BackgroundLoop loop;

    void start(@Observes StartupEvent event) throws IOException {
        if (config.drop().dir().isPresent()) {
            Files.createDirectories(Path.of(config.drop().dir().get()));
            loop = new BackgroundLoop("membership-drop", this::look, config.drop().every(), Duration.ZERO, LOG);
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Applies every settled file in the drop; how many were applied or refused. */
    public int look() {
        Path dir = Path.of(config.drop().dir().orElseThrow());
        List<Path> files = settledFiles(dir);
        int handled = 0;
        for (Path file : files) {
            Handled h;
            try {
                h = QuarkusTransaction.requiringNew().call(() -> {
                    Number got = (Number) em.createNativeQuery("SELECT CASE WHEN pg_try_advisory_xact_lock(" + DROP_LOCK
                            + ") THEN 1 ELSE 0 END").getSingleResult();
                    return got.intValue() == 1 ? handle(file) : null;
                });
            } catch (RefusedFile refused) { // its transaction rolled back: nothing of it is stored
                h = refused.handled;
            }
            if (h != null) { // moved once its sync has committed (or been refused): never lost, never applied twice
                move(dir, file, h.to(), h.report());
                handled++;
            }
        }
        return handled;
    }

    private record Handled(String to, Map<String, Object> report) {
    }

    /** A file the sync refused after it had begun: thrown so that its transaction rolls back. */
    private static final class RefusedFile extends RuntimeException {
        final transient Handled handled;

        RefusedFile(Handled handled) {
            super(null, null, false, false);
            this.handled = handled;
        }
    }

    /** One file, in the caller's transaction (which holds the drop's lock); null if it is gone. */
    private Handled handle(Path file) {
        String name = file.getFileName().toString();
        SyncRules.Mode mode = name.toLowerCase(java.util.Locale.ROOT).endsWith(".full.csv") ? SyncRules.Mode.FULL
                : SyncRules.Mode.UPSERT;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            return null; // another node moved it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", name);
        report.put("mode", mode.word());
        report.put("at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        MembershipBatch batch;
        try {
            batch = csv.read(csv.text(bytes));
            sync.check(batch);
        } catch (ProblemException refused) {
            return refused(name, report, refused);
        }
        String digest = MembershipSync.digest(mode, batch.rows().stream().map(r -> r.record().normalised().state())
                .toList());
        if (lastSyncWas(name, digest)) { // applied, then the node stopped before moving it
            report.put("outcome", "already applied");
            return new Handled("processed", report);
        }
        try {
            MembershipSync.Report done = sync.sync(batch, mode, false, new MembershipSync.Source("file", ACTOR, name));
            report.put("outcome", "applied");
            report.put("report", done);
        } catch (ProblemException refused) { // say, a full sync that would lapse too many: nothing changed
            throw new RefusedFile(refused(name, report, refused));
        }
        LOG.infof("membership file %s applied", name);
        return new Handled("processed", report);
    }

    private static Handled refused(String name, Map<String, Object> report, ProblemException refused) {
        report.put("outcome", "refused");
        report.put("problem", refused.toProblem(null));
        LOG.warnf("membership file %s refused: %s", name, refused.getMessage());
        return new Handled("failed", report);
    }

    /** Whether the last sync of all was this file's, with this content. */
    private boolean lastSyncWas(String name, String digest) {
        Number found = (Number) em.createNativeQuery("""
                SELECT count(*) FROM (SELECT source, file_name, sha256 FROM membership_syncs ORDER BY id DESC LIMIT 1) s
                WHERE s.source = 'file' AND s.file_name = ?1 AND s.sha256 = ?2""").setParameter(1, name)
                .setParameter(2, digest).getSingleResult();
        return found.intValue() > 0;
    }

    /** The drop's files that have not changed for the settle time, oldest first. */
    private List<Path> settledFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        Instant settled = Instant.now().minus(config.drop().settle());
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "*.{csv,CSV}")) {
            for (Path p : found) {
                if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toInstant().isBefore(settled)) {
                    files.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            LOG.warnf("the membership drop %s does not exist", dir);
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toInstant();
            } catch (IOException e) {
                return Instant.MAX;
            }
        }).thenComparing(Path::toString));
        return files;
    }

    /** Moves the file to {@code to/} (a timestamp before its name if one is there already) with its report. */
    private static void move(Path dir, Path file, String to, Map<String, Object> report) {
        try {
            Path target = dir.resolve(to);
            Files.createDirectories(target);
            Path dest = target.resolve(file.getFileName());
            if (Files.exists(dest)) {
                dest = target.resolve(STAMP.format(Instant.now()) + "-" + file.getFileName());
            }
            REPORTS.writeValue(target.resolve(dest.getFileName() + ".report.json").toFile(), report);
            Files.move(file, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

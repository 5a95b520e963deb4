package org.evenhand.definition;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evenhand.common.TimeSource;
import org.jboss.logging.Logger;

/**
 * The published versions of the definition: the repository's seeds (the YAML files listed in
 * {@code definition/published.txt}) and the versions the NEC published in the pages (rows of
 * {@code definition_versions} holding their canonical text), merged by effective date. Every
 * version is frozen by the SHA-256 of its text: a seed's hash is recorded on first sight and the
 * application refuses to start if its file later differs; a published row's text must match the
 * hash stored with it. Every version keeps {@link DefinitionRules}.
 *
 * <p>The list is read once and re-read when another node may have published (decision 0040): at
 * most every {@code evenhand.definition.refresh}, at once on this node after a publication, and
 * whenever a date later than the day of the last check is asked about. Since a version never takes
 * effect on the day it is published, the version in force on a date up to that day is always exact.
 */
@ApplicationScoped
public class DefinitionCatalog {

    static final String INDEX = "definition/published.txt";
    static final Pattern VERSION_ID = Pattern.compile("\\d{4}\\.\\d{1,4}");
    private static final Logger LOG = Logger.getLogger(DefinitionCatalog.class);

    /** A published version as frozen: the SHA-256 of its text, and whether it is a repository seed. */
    public record Frozen(DefinitionVersion version, String sha256, boolean seed, String text) {
    }

    /** What was read, how many versions published in the pages it counted, and when it was last known current. */
    private record Snapshot(List<Frozen> all, List<DefinitionVersion> versions, long stamp, LocalDate confirmedOn,
            long checkedAt, boolean stale) {

        Snapshot confirmed(LocalDate on, long at) {
            return new Snapshot(all, versions, stamp, on, at, false);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    TimeSource time;
    @ConfigProperty(name = "evenhand.definition.refresh", defaultValue = "10s")
    Duration refresh;

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private volatile List<Frozen> seeds;

    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::load);
    }

    /** Freezes the repository's versions (on first sight) and reads every published one, checking each. */
    synchronized void load() {
        if (snapshot.get() == null) {
            snapshot.set(read(today(), System.nanoTime()));
        }
    }

    /** Every published version, oldest first. */
    public List<DefinitionVersion> versions() {
        return fresh(null).versions();
    }

    /** Every published version as frozen, oldest first. */
    public List<Frozen> frozen() {
        return fresh(null).all();
    }

    public Optional<Frozen> frozen(String id) {
        Optional<Frozen> found = find(fresh(null), id);
        if (found.isEmpty() && id != null && VERSION_ID.matcher(id).matches()) {
            // perhaps published a moment ago on another node
            found = find(recheck(snapshot.get(), today()), id);
        }
        return found;
    }

    /** The latest published version: the one a new draft starts from. */
    public DefinitionVersion latest() {
        List<DefinitionVersion> all = versions();
        return all.get(all.size() - 1);
    }

    public DefinitionVersion current(LocalDate today) {
        return inForceOn(today).orElse(versions().get(0));
    }

    public Optional<DefinitionVersion> byId(String id) {
        return frozen(id).map(Frozen::version);
    }

    /** The version that governs conduct on this date: the latest whose effective date is not after it. */
    public Optional<DefinitionVersion> inForceOn(LocalDate conductDate) {
        DefinitionVersion found = null;
        for (DefinitionVersion v : fresh(conductDate).versions()) {
            if (!v.effectiveFrom().isAfter(conductDate)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A version was published here: the next question re-reads the list. */
    void invalidate() {
        snapshot.updateAndGet(s -> s == null ? null
                : new Snapshot(s.all(), s.versions(), s.stamp(), s.confirmedOn(), s.checkedAt(), true));
    }

    // ---------------------------------------------------------------- keeping the list current

    private Snapshot fresh(LocalDate asked) {
        Snapshot s = snapshot.get();
        if (s == null) {
            QuarkusTransaction.requiringNew().run(this::load);
            return snapshot.get();
        }
        LocalDate today = today();
        boolean expired = System.nanoTime() - s.checkedAt() > (refresh == null ? Duration.ofSeconds(10) : refresh).toNanos();
        // a version published after the last check takes effect after that day: only a later date can be affected
        boolean unconfirmed = asked != null && asked.isAfter(s.confirmedOn()) && s.confirmedOn().isBefore(today);
        if (s.stale() || expired || unconfirmed || today.isBefore(s.confirmedOn())) {
            return recheck(s, today);
        }
        return s;
    }

    private Snapshot recheck(Snapshot seen, LocalDate today) {
        long started = System.nanoTime();
        boolean callers = QuarkusTransaction.isActive();
        try {
            Snapshot next = inTransaction(() -> publishedCount() == seen.stamp() && !seen.stale()
                    ? seen.confirmed(today, started) : read(today, started));
            // of two answers, the one that counted more publications wins (rows are never deleted)
            return snapshot.accumulateAndGet(next, (a, b) -> b.stamp() >= a.stamp() ? b : a);
        } catch (RuntimeException e) {
            if (callers) {
                // the failed read has doomed the caller's transaction: its next statement would fail less clearly
                // (with the database down, a 500 where this gives the 503 of common.FailureMappers)
                throw e;
            }
            LOG.error("the published versions of the definition could not be re-read; serving those read before", e);
            return seen;
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        // inside the caller's transaction, on its connection: no second connection is taken from the pool
        return QuarkusTransaction.isActive() ? work.get() : QuarkusTransaction.requiringNew().call(work::get);
    }

    private long publishedCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM definition_versions WHERE source = 'published'")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }

    private Snapshot read(LocalDate today, long started) {
        List<Frozen> all = new ArrayList<>(seeds());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, effective_from, sha256, content FROM definition_versions"
                + " WHERE source = 'published'").setFlushMode(FlushModeType.COMMIT).getResultList();
        for (Object[] r : rows) {
            String id = (String) r[0];
            Frozen f = published(id, date(r[1]), (String) r[2], (String) r[3]);
            if (all.stream().noneMatch(x -> x.version().id().equals(id))) {
                all.add(f);
            }
        }
        all.sort(Comparator.comparing(f -> f.version().effectiveFrom()));
        for (int i = 1; i < all.size(); i++) {
            if (!all.get(i).version().effectiveFrom().isAfter(all.get(i - 1).version().effectiveFrom())) {
                throw new IllegalStateException("definition versions " + all.get(i - 1).version().id() + " and "
                        + all.get(i).version().id() + " take effect on the same day");
            }
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no published definition versions in " + INDEX);
        }
        return new Snapshot(List.copyOf(all), all.stream().map(Frozen::version).toList(), rows.size(), today, started,
                false);
    }

    private static Frozen published(String id, LocalDate effective, String sha, String text) {
        if (!VersionText.sha256(text).equals(sha)) {
            throw new IllegalStateException("published definition version " + id + " no longer matches the SHA-256"
                    + " it was published with: its stored text has been altered");
        }
        DefinitionVersion v = parse(text.getBytes(StandardCharsets.UTF_8), id);
        if (!effective.equals(v.effectiveFrom())) {
            throw new IllegalStateException("published definition version " + id + " says it takes effect on "
                    + v.effectiveFrom() + ", its row on " + effective);
        }
        return new Frozen(v, sha, false, text);
    }

    // ---------------------------------------------------------------- the repository's seeds

    private List<Frozen> seeds() {
        if (seeds == null) {
            List<Frozen> loaded = new ArrayList<>();
            for (String id : readIndex()) {
                byte[] bytes = resource("definition/versions/" + id + ".yaml");
                DefinitionVersion v = parse(bytes, id);
                String sha = VersionText.sha256(bytes);
                freeze(v, sha);
                loaded.add(new Frozen(v, sha, true, new String(bytes, StandardCharsets.UTF_8)));
            }
            seeds = List.copyOf(loaded);
        }
        return seeds;
    }

    private void freeze(DefinitionVersion v, String sha) {
        List<?> stored = em.createNativeQuery("SELECT sha256 FROM definition_versions WHERE id = ?1")
                .setParameter(1, v.id()).getResultList();
        if (stored.isEmpty()) {
            em.createNativeQuery("INSERT INTO definition_versions (id, effective_from, sha256) VALUES (?1, ?2, ?3)")
                    .setParameter(1, v.id()).setParameter(2, v.effectiveFrom()).setParameter(3, sha)
                    .executeUpdate();
        } else if (!sha.equals(stored.get(0))) {
            throw new IllegalStateException("published definition version " + v.id()
                    + " has been edited since it was published; publish the change as a new version instead");
        }
    }

    /** A version's text read and checked against {@link DefinitionRules}: it must declare the id it is filed under. */
    static DefinitionVersion parse(byte[] bytes, String id) {
        DefinitionVersion v;
        try {
            v = VersionText.parse(bytes, id);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (!id.equals(v.id())) {
            throw new IllegalStateException("definition version " + id + " declares id " + v.id());
        }
        if (v.effectiveFrom() == null) {
            throw new IllegalStateException("definition version " + id + " has no effective date");
        }
        List<DefinitionRules.Fault> faults = DefinitionRules.check(v);
        if (!faults.isEmpty()) {
            throw new IllegalStateException("definition version " + id + ": "
                    + faults.stream().map(DefinitionRules.Fault::words).collect(Collectors.joining("; ")));
        }
        return v;
    }

    private static List<String> readIndex() {
        String text = new String(resource(INDEX), StandardCharsets.UTF_8);
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static byte[] resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Frozen> find(Snapshot s, String id) {
        return s.all().stream().filter(f -> f.version().id().equals(id)).findFirst();
    }

    private LocalDate today() {
        return time == null ? LocalDate.MIN : time.today();
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}

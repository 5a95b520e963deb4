package org.evenhand.definition;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The published versions of the definition, read from the YAML files listed in
 * {@code definition/published.txt}. A version, once published, is frozen: its file's
 * SHA-256 is recorded on first sight and the application refuses to start if the file
 * later differs. A change must be published as a new version.
 */
@ApplicationScoped
public class DefinitionCatalog {

    static final String INDEX = "definition/published.txt";

    @Inject
    EntityManager em;

    private volatile List<DefinitionVersion> versions;
    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::load);
    }

    synchronized void load() {
        if (versions != null) {
            return;
        }
        List<DefinitionVersion> loaded = new ArrayList<>();
        for (String id : readIndex()) {
            byte[] bytes = resource("definition/versions/" + id + ".yaml");
            DefinitionVersion v;
            try {
                v = yaml.readValue(bytes, DefinitionVersion.class);
            } catch (IOException e) {
                throw new IllegalStateException("definition version " + id + " does not parse: " + e.getMessage(), e);
            }
            if (!id.equals(v.id())) {
                throw new IllegalStateException("definition file " + id + ".yaml declares id " + v.id());
            }
            check(v);
            freeze(v, sha256(bytes));
            loaded.add(v);
        }
        loaded.sort(Comparator.comparing(DefinitionVersion::effectiveFrom));
        if (loaded.isEmpty()) {
            throw new IllegalStateException("no published definition versions in " + INDEX);
        }
        versions = List.copyOf(loaded);
    }

    public List<DefinitionVersion> versions() {
        if (versions == null) {
            QuarkusTransaction.requiringNew().run(this::load);
        }
        return versions;
    }

    public DefinitionVersion current(LocalDate today) {
        return inForceOn(today).orElse(versions().get(0));
    }

    public Optional<DefinitionVersion> byId(String id) {
        return versions().stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The version that governs conduct on this date: the latest whose effective date is not after it. */
    public Optional<DefinitionVersion> inForceOn(LocalDate conductDate) {
        DefinitionVersion found = null;
        for (DefinitionVersion v : versions()) {
            if (!v.effectiveFrom().isAfter(conductDate)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
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

    private static void check(DefinitionVersion v) {
        Set<String> clauseIds = new HashSet<>();
        for (DefinitionVersion.Clause c : v.clauses()) {
            require(clauseIds.add(c.id()), v, "duplicate clause " + c.id());
            require(c.tier() >= 1 && c.tier() <= 4, v, "clause " + c.id() + " tier must be 1-4");
            require(!v.sanctionsForTier(c.tier()).isEmpty(), v, "no sanctions for tier " + c.tier());
            for (String f : concat(c.aggravating(), c.mitigating())) {
                require(v.factor(f).isPresent(), v, "clause " + c.id() + " names unknown factor " + f);
            }
        }
        v.tierSanctions().values().forEach(ids -> ids.forEach(
                s -> require(v.sanction(s).isPresent(), v, "tierSanctions names unknown sanction " + s)));
        require(v.sanction("no-action").isPresent(), v, "the ladder must include no-action");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a == null ? List.of() : a);
        all.addAll(b == null ? List.of() : b);
        return all;
    }

    private static void require(boolean ok, DefinitionVersion v, String message) {
        if (!ok) {
            throw new IllegalStateException("definition version " + v.id() + ": " + message);
        }
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

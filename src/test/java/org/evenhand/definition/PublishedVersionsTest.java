package org.evenhand.definition;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** A published version is frozen, and the human document says what the data says. */
@QuarkusTest
class PublishedVersionsTest {

    @Inject
    EntityManager em;
    @Inject
    DefinitionCatalog catalog;

    @Test
    void anEditedPublishedVersionStopsTheApplicationFromLoadingIt() {
        String original = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT sha256 FROM definition_versions WHERE id = '2024.1'").getSingleResult());
        try {
            // what the catalog would see if the 2024.1 file had been edited after publication
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE definition_versions SET sha256 = 'edited' WHERE id = '2024.1'").executeUpdate());
            DefinitionCatalog fresh = new DefinitionCatalog();
            fresh.em = em;
            IllegalStateException e = Assertions.assertThrows(IllegalStateException.class,
                    () -> QuarkusTransaction.requiringNew().run(fresh::load));
            assertTrue(e.getMessage().contains("publish the change as a new version"), e.getMessage());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE definition_versions SET sha256 = ?1 WHERE id = '2024.1'").setParameter(1, original)
                    .executeUpdate());
        }
    }

    @Test
    void theDocumentIsInStepWithTheCurrentVersion() throws Exception {
        String doc = Files.readString(Path.of("docs/definition-of-abuse.md"));
        // the latest of the repository's versions (tests publish later ones from the pages, far in the future)
        DefinitionVersion current = catalog.frozen().stream().filter(DefinitionCatalog.Frozen::seed)
                .reduce((a, b) -> b).orElseThrow().version();
        DefinitionVersion fromFile = JsonMapper.builder(new YAMLFactory()).addModule(new JavaTimeModule()).build()
                .readValue(Path.of("src/main/resources/definition/versions/" + current.id() + ".yaml").toFile(),
                        DefinitionVersion.class);
        Assertions.assertEquals(current, fromFile, "the app serves exactly the file");
        List<String> missing = new ArrayList<>();
        for (DefinitionVersion.Clause c : current.clauses()) {
            for (String text : concat(List.of(c.title(), c.test()), c.breachExamples(), c.notBreachExamples())) {
                if (!doc.contains(text)) {
                    missing.add(c.id() + ": " + text);
                }
            }
        }
        for (DefinitionVersion.NotAbuse n : current.notAbuse()) {
            for (String text : concat(List.of(n.title(), n.description()), n.examples())) {
                if (!doc.contains(text)) {
                    missing.add(n.id() + ": " + text);
                }
            }
        }
        for (DefinitionVersion v : catalog.frozen().stream().filter(DefinitionCatalog.Frozen::seed)
                .map(DefinitionCatalog.Frozen::version).toList()) {
            if (!doc.contains(v.id())) {
                missing.add("version " + v.id() + " in the history");
            }
        }
        assertTrue(missing.isEmpty(), "docs/definition-of-abuse.md is out of step: " + missing);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}

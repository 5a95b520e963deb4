package org.evenhand.definition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.evenhand.common.ProblemException;
import org.junit.jupiter.api.Test;

/** The definition is public, versioned, read-only, and binds citations to the version in force. */
@QuarkusTest
class DefinitionApiTest {

    @Inject
    Citations citations;
    @Inject
    DefinitionCatalog catalog;

    @Test
    void publicEndpointsNeedNoToken() {
        given().get("/api/definition").then().statusCode(200).body("id", equalTo("2026.1"))
                .body("clauses.id", hasItems("violent-threat", "coordinated-pile-on", "false-allegation"))
                .body("notAbuse.id", hasItems("forthright-opinion", "mild-rudeness", "satire-humour"));
        // the repository's versions come first; tests publish later ones from the pages, far in the future
        given().get("/api/definition/versions").then().statusCode(200).body("id[0..1]", equalTo(List.of("2024.1", "2026.1")))
                .body("find { it.id == '2026.1' }.current", equalTo(true))
                .body("find { it.id == '2026.1' }.source", equalTo("repository"))
                .body("find { it.id == '2026.1' }.sha256", equalTo(catalog.frozen("2026.1").orElseThrow().sha256()));
        given().get("/api/definition/versions/2024.1").then().statusCode(200)
                .body("clauses.id", not(hasItem("coordinated-pile-on")))
                .body("sanctions.find { it.id == 'formal-warning' }.expiresAfterMonths", equalTo(24));
        given().get("/api/definition/versions/1999.9").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void eachVersionsTextIsServedExactlyAsFrozen() throws Exception {
        byte[] file = getClass().getClassLoader().getResourceAsStream("definition/versions/2026.1.yaml").readAllBytes();
        byte[] served = given().get("/api/definition/versions/2026.1/text").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/yaml")).extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(file, served);
        org.junit.jupiter.api.Assertions.assertEquals(VersionText.sha256(file), given().get("/api/definition/versions")
                .then().extract().path("find { it.id == '2026.1' }.sha256"));
        given().get("/api/definition/versions/1999.9/text").then().statusCode(404);
    }

    @Test
    void diffNamesWhatChanged() {
        given().get("/api/definition/diff?from=2024.1&to=2026.1").then().statusCode(200)
                .body("clauses.added", equalTo(List.of("coordinated-pile-on")))
                .body("sanctions.changed.id", hasItem("formal-warning"));
        given().get("/api/definition/diff?from=2024.1").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/definition/diff?from=2024.1&to=nope").then().statusCode(400);
    }

    @Test
    void noEndpointWritesTheDefinition() {
        for (String path : List.of("/api/definition", "/api/definition/versions", "/api/definition/versions/2026.1")) {
            given().contentType("application/json").body("{\"id\":\"2026.1\",\"clauses\":[]}").put(path).then()
                    .statusCode(405);
            given().contentType("application/json").body("{}").post(path).then().statusCode(405);
            given().delete(path).then().statusCode(405);
        }
        given().get("/api/definition/versions/2026.1").then().body("clauses.size()", equalTo(10));
    }

    @Test
    void versionChosenByConductDateAcrossTheBoundary() {
        org.junit.jupiter.api.Assertions.assertEquals("2024.1",
                citations.versionFor(java.time.LocalDate.of(2025, 12, 31), List.of("harassment"), "clauses").id());
        org.junit.jupiter.api.Assertions.assertEquals("2026.1",
                citations.versionFor(java.time.LocalDate.of(2026, 1, 1), List.of("coordinated-pile-on"), "clauses").id());
        assertThrows(ProblemException.class, () -> citations.versionFor(java.time.LocalDate.of(2025, 12, 31),
                List.of("coordinated-pile-on"), "clauses"));
    }

    @Test
    void ladderFollowsTheGravestUpheldClause() {
        DefinitionVersion v = catalog.byId("2026.1").orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("no-action"), citations.allowedSanctions(v, List.of()));
        org.junit.jupiter.api.Assertions.assertEquals(v.sanctionsForTier(4),
                citations.allowedSanctions(v, List.of("bullying", "violent-threat")));
    }
}

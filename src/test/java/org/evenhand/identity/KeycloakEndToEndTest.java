package org.evenhand.identity;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitLetter;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.myCase;
import static org.evenhand.testing.Api.tasks;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api;
import org.evenhand.testing.Api.Held;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path with tokens issued by the real Keycloak server (scripts/keycloak.sh, realm
 * src/main/keycloak/evenhand-realm.json): roles come from realm_access, identity from
 * preferred_username, exactly as in production.
 */
@QuarkusTest
@TestProfile(RealKeycloak.class)
class KeycloakEndToEndTest {

    @BeforeAll
    static void keycloakTokens() {
        RealKeycloak.forgetTokens();
        Api.useTokens(RealKeycloak::token);
    }

    @AfterAll
    static void mintedTokens() {
        Api.useTokens(null);
    }

    @Test
    void complaintToDecisionWithKeycloakTokens() {
        String ref = file("dan", "M100005", LocalDate.of(2026, 7, 3), List.of("intimidation"),
                "After I spoke at the branch meeting the respondent messaged me that I would regret it.");
        Held triage = claimed(CASEWORKERS, ref, "triage");
        complete(triage, Map.of("inScope", true, "clauses", List.of("intimidation"), "reasons", "A veiled threat."));
        as("erin").body(Map.of("statement", "I meant they would regret the vote politically.")).post(
                "/api/me/cases/" + ref + "/response").then().statusCode(200);
        complete(tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", "Message confirmed; context read."));
        List<Held> panel = tasks(PANEL, ref, "panelDecision");
        assertEquals(3, panel.size());
        panel.forEach(p -> complete(p, Map.of("findings", List.of(Map.of("clause", "intimidation", "upheld", true)),
                "sanction", "advice-training", "reasons", "Read in context it was intimidating.")));
        assertEquals("UPHELD", myCase("dan", ref).getString("outcome"));
        assertEquals("advice-training", myCase("erin", ref).getString("decisions[0].sanction"));
        awaitLetter("erin@evenhand.test", "The panel's decision");
    }

    @Test
    void keycloakRolesAreEnforced() {
        as("alice").get("/api/tasks").then().statusCode(403);
        as("casey").get("/api/me/cases").then().statusCode(403);
        as("nora").get("/api/me/cases").then().statusCode(200);
        given().auth().oauth2("not-a-token").get("/api/me/cases").then().statusCode(401);
        given().get("/api/definition").then().statusCode(200).body("id", equalTo("2026.1"));
    }
}

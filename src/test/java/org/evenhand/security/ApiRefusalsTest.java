package org.evenhand.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.Test;

/**
 * Refusals of the API speak problem+json and are kept: no token, a token that is not a token, a token
 * not signed by the realm; each 401 carries the bearer challenge and lands on the trail with the
 * caller as far as the token says (unverified). Library messages never reach the caller.
 */
@QuarkusTest
class ApiRefusalsTest {

    static long refusals(String actor) {
        return Db.count("SELECT count(*) FROM trail_log WHERE action = 'access-refused' AND actor = ?", actor);
    }

    @Test
    void noTokenIsA401ProblemWithTheChallengeAndIsOnTheTrail() {
        long before = refusals("anonymous (no token)");
        given().get("/api/me/cases").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"))
                .body("detail", containsString("bearer token"));
        assertEquals(before + 1, refusals("anonymous (no token)"));
    }

    @Test
    void aForgedTokenIsA401ProblemAndTheTrailSaysWhoItClaimedToBe() {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = b64("{\"preferred_username\":\"alice\",\"azp\":\"admin-cli\",\"sub\":\"x\"}");
        String forged = header + "." + claims + "." + b64("not a signature");
        long before = refusals("unverified: alice via client admin-cli");
        given().header("Authorization", "Bearer " + forged).get("/api/me/cases").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", containsString("not accepted"));
        assertEquals(before + 1, refusals("unverified: alice via client admin-cli"));
        given().header("Authorization", "Bearer nonsense").post("/api/complaints").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void malformedJsonSaysWhereAndWrongTypesSayWhatIsExpected() {
        Api.as("frank").body("{\"respondentMembershipNumber\": \"M1\", ").post("/api/complaints").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("not valid JSON"))
                .body("detail", not(containsString("HTTP 400")));
        Api.as("frank").body("{\"respondentMembershipNumber\": 7}").post("/api/complaints").then().statusCode(400)
                .body("detail", containsString("'respondentMembershipNumber' must be text"))
                .body("detail", not(containsString("java.")));
    }

    @Test
    void aTaskPayloadOfTheWrongTypeSaysWhatIsExpectedWithoutLibraryWords() {
        String ref = Api.file("erin", "M100003", java.time.LocalDate.now().minusDays(3), java.util.List.of("bullying"),
                "Mocked my accent in the branch chat again after I asked her to stop.");
        Api.Held triage = Api.claimed(Api.CASEWORKERS, ref, "triage");
        Api.as(triage.user()).body("{\"inScope\": \"yes\", \"clauses\": [\"bullying\"], \"reasons\": \"In scope.\"}")
                .post("/api/tasks/" + triage.taskId() + "/complete").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("'inScope' must be true or false"))
                .body("detail", not(containsString("coerce")))
                .body("detail", not(containsString("java.")));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}

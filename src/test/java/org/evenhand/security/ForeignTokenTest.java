package org.evenhand.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.evenhand.testing.Db;
import org.evenhand.testing.TestOidcServer;
import org.junit.jupiter.api.Test;

/**
 * A token the realm signed for another of its clients (Keycloak's public admin-cli hands one to any
 * member who knows their password) is not Evenhand's: on every /api operation, public ones included,
 * it gets 401 problem+json with the bearer challenge, nothing is stored, and each refusal is on the
 * trail with the caller as the token names them.
 */
@QuarkusTest
class ForeignTokenTest {

    static final String ACTOR = "unverified: alice via client admin-cli";

    @Test
    void aTokenIssuedToAnotherClientIsRefusedOnEveryApiPath() {
        String foreign = TestOidcServer.foreignToken("alice", Set.of("member", "caseworker", "panel", "nec", "dpo"),
                "admin-cli");
        String ofAnotherAudience = TestOidcServer.foreignToken("alice", Set.of("member"), "account", "account");
        List<Endpoints.Operation> ops = Endpoints.fromOpenApi().stream().filter(o -> o.path().startsWith("/api/")).toList();
        long refusalsBefore = Db.count("SELECT count(*) FROM trail_log WHERE action = 'access-refused' AND actor = ?", ACTOR);
        long casesBefore = Db.count("SELECT count(*) FROM cases");
        long evidenceBefore = Db.count("SELECT count(*) FROM evidence_items");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoints.Operation op : ops) {
            String path = op.path().replaceAll("\\{ref}", "EVH-2026-000001").replaceAll("\\{membershipNumber}", "M100001")
                    .replaceAll("\\{[^}]+}", "1");
            for (String token : List.of(foreign, ofAnotherAudience)) {
                Response r = given().header("Authorization", "Bearer " + token).contentType("application/json")
                        .body(op.method().equals("GET") ? "" : "{}").request(op.method(), path);
                sent++;
                String type = String.valueOf(r.contentType());
                String challenge = r.header("WWW-Authenticate");
                if (r.statusCode() != 401 || !type.startsWith("application/problem+json") || challenge == null
                        || !challenge.startsWith("Bearer")) {
                    failures.add(op.key() + ": " + r.statusCode() + " " + type + " challenge=" + challenge);
                }
            }
        }
        System.out.println("foreign tokens: " + sent + " requests over " + ops.size() + " /api operations; "
                + failures.size() + " not refused with 401 problem+json");
        assertTrue(ops.size() > 30, "the API's operations were found: " + ops.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(refusalsBefore + ops.size(),
                Db.count("SELECT count(*) FROM trail_log WHERE action = 'access-refused' AND actor = ?", ACTOR),
                "each admin-cli refusal is on the trail, naming who the token claims to be");
        assertEquals(casesBefore, Db.count("SELECT count(*) FROM cases"), "nothing filed");
        assertEquals(evidenceBefore, Db.count("SELECT count(*) FROM evidence_items"), "nothing stored");
    }
}

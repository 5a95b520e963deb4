package org.evenhand.bench;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.tasks;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.evenhand.identity.RealKeycloak;
import org.evenhand.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * Not a test: bench/view.sh runs it (-Dtest=RealisticCasesSeeder) against the packaged app it started,
 * to give the member it views as a realistic mix of cases, each taken through the real API with real
 * Keycloak tokens: cases in investigation, decided, decided and appealed, and pile-ons (several
 * complainants about one post). Fresh cases are filed by the benchmark itself.
 */
class RealisticCasesSeeder {

    static final String URL = System.getProperty("bench.url", "http://127.0.0.1:8090");
    static final int EACH = Integer.getInteger("bench.each", 30);
    static final String RUN = System.getProperty("bench.run", Long.toString(System.currentTimeMillis()));
    static final String CLAUSE = "harassment";
    static final List<String> JOINERS = List.of("erin", "frank", "carol", "dan");

    private record Minted(String token, long at) {
    }

    @Test
    void seed() {
        RestAssured.baseURI = URL;
        RestAssured.port = -1;
        Map<String, Minted> cache = new ConcurrentHashMap<>();
        Api.useTokens(user -> cache.compute(user, (u, m) -> m != null && System.currentTimeMillis() - m.at() < 60_000 ? m
                : new Minted(fresh(u), System.currentTimeMillis())).token());
        try {
            for (int i = 0; i < EACH; i++) {
                investigating(i);
                String decided = decided("decided-" + i);
                appealed("appealed-" + i);
                pileOn(i);
                System.out.printf("seeded %d of %d of each kind (last decided: %s)%n", i + 1, EACH, decided);
            }
        } finally {
            Api.useTokens(null);
        }
    }

    /** A new token (RealKeycloak keeps its tokens for the life of the JVM; a seeding run outlives them). */
    private static String fresh(String user) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "evenhand-web", "client_secret",
                RealKeycloak.secret("EVENHAND_OIDC_SECRET"), "username", user, "password",
                RealKeycloak.secret("EVENHAND_DEMO_PASSWORD"), "scope", "openid"))
                .post(RealKeycloak.URL + "/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
    }

    private String filed(String key, String link) {
        String ref = as("alice").body(Map.of("respondentMembershipNumber", "M100002", "conductDate", "2026-06-10",
                "clauses", List.of(CLAUSE), "allegation", "Complaint " + RUN + "-" + key
                        + ": replies under every post I made about the housing motion, calling me a liar.",
                "conductLink", link)).post("/api/complaints").then().statusCode(201).extract().path("ref");
        Api.awaitStarted("alice", ref);
        return ref;
    }

    private String triaged(String key) {
        String ref = filed(key, "https://example.org/posts/" + RUN + "-" + key);
        complete(claimed(CASEWORKERS, ref, "triage"), Map.of("inScope", true, "clauses", List.of(CLAUSE),
                "reasons", "Engages " + CLAUSE + "."));
        return ref;
    }

    private void investigating(int i) {
        String ref = triaged("investigating-" + i);
        as("bob").body(Map.of("statement", "I replied to a public post; I did not mean it as harassment."))
                .post("/api/me/cases/" + ref + "/response").then().statusCode(200);
    }

    private String decided(String key) {
        String ref = triaged(key);
        as("bob").body(Map.of("statement", "I have nothing to add.")).post("/api/me/cases/" + ref + "/response")
                .then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !tasks(CASEWORKERS, ref, "investigate").isEmpty());
        complete(tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", "The messages are as described."));
        for (String party : List.of("alice", "bob")) {
            as(party).body(Map.of("comment", "I have read the report.")).post("/api/me/cases/" + ref + "/report-comment")
                    .then().statusCode(200);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks(PANEL, ref, "panelDecision").size() == 3);
        for (Api.Held h : tasks(PANEL, ref, "panelDecision")) {
            complete(h, Map.of("findings", List.of(Map.of("clause", CLAUSE, "upheld", true)), "sanction", "formal-warning",
                    "reasons", "Upheld on the messages."));
        }
        return ref;
    }

    private void appealed(String key) {
        String ref = decided(key);
        as("bob").body(Map.of("grounds", List.of("PERVERSE_FINDING"), "statement", "The replies were about the policy."))
                .post("/api/me/cases/" + ref + "/appeal").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks(PANEL, ref, "hearAppeal").size() == 3);
        for (Api.Held h : tasks(PANEL, ref, "hearAppeal")) {
            complete(h, Map.of("allow", false, "findings", List.of(Map.of("clause", CLAUSE, "upheld", true)),
                    "sanction", "formal-warning", "reasons", "The panel's finding was open to it."));
        }
    }

    private void pileOn(int i) {
        String link = "https://example.org/posts/" + RUN + "-pile-on-" + i;
        String ref = filed("pile-on-" + i, link);
        for (String joiner : JOINERS) {
            given().auth().oauth2(Api.token(joiner)).contentType(ContentType.JSON).body(Map.of(
                    "respondentMembershipNumber", "M100002", "conductDate", "2026-06-10", "clauses", List.of(CLAUSE),
                    "allegation", "I was tagged in the same post: " + ref + ".", "conductLink", link))
                    .post("/api/complaints").then().statusCode(201);
        }
    }
}

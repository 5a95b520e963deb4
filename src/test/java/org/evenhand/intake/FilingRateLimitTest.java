package org.evenhand.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evenhand.testing.AccessRules;
import org.evenhand.testing.EngineClock;
import org.junit.jupiter.api.Test;

/**
 * The per-member filing limit: 3 complaints an hour here. The 4th gets 429 problem+json with
 * Retry-After and stores nothing; parallel requests cannot squeeze past it; the window rolls on.
 */
@QuarkusTest
@TestProfile(FilingRateLimitTest.Limited.class)
class FilingRateLimitTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evenhand.intake.rate-limit.enabled", "true", "evenhand.intake.rate-limit.max-complaints",
                    "3", "evenhand.intake.rate-limit.window", "PT1H");
        }
    }

    @Inject
    EntityManager em;

    /** A member of their own for each test, so that earlier runs on the same database do not count. */
    String newMember() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO members (membership_number,"
                + " username, display_name, email, clp, region) VALUES (?1, ?2, ?3, ?4, 'Hull West', 'Yorkshire')")
                .setParameter(1, "RL-" + id).setParameter(2, "rl-" + id).setParameter(3, "Rate Limited " + id)
                .setParameter(4, "rl-" + id + "@evenhand.test").executeUpdate());
        return "rl-" + id;
    }

    Response file(String user) {
        return given().auth().oauth2(AccessRules.token(user, "member")).contentType(ContentType.JSON)
                .body(Map.of("respondentMembershipNumber", "M100006", "conductDate", "2026-03-14", "clauses",
                        List.of("harassment"), "allegation", "Replies to every post I made, calling me names."))
                .post("/api/complaints");
    }

    long casesOf(String user) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM"
                + " cases c JOIN members m ON m.id = c.complainant_id WHERE m.username = ?1").setParameter(1, user)
                .getSingleResult()).longValue());
    }

    @Test
    void theFourthComplaintInAnHourIsRefusedWithRetryAfter() {
        String member = newMember();
        for (int i = 0; i < 3; i++) {
            file(member).then().statusCode(201);
        }
        Response refused = file(member);
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString("3 complaints"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 3000 && retryAfter <= 3601, "Retry-After " + retryAfter);
        assertEquals(3, casesOf(member), "nothing stored for the refused complaint");
        // someone else is not affected
        file(newMember()).then().statusCode(201);
        // an hour later the window has moved on
        EngineClock.advance(Duration.ofMinutes(61));
        try {
            file(member).then().statusCode(201);
        } finally {
            EngineClock.reset();
        }
    }

    @Test
    void parallelFilingsCannotPassTheLimit() throws Exception {
        String member = newMember();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> file(member).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, casesOf(member));
    }
}

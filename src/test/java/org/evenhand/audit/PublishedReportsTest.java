package org.evenhand.audit;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The NEC approves a kept quarterly report for publication; then anyone, without signing in,
 * finds it on the public page and in the JSON list, with its parameters, data hash and definition
 * versions, and reads it exactly as kept. Reports kept on request are never published, and an
 * unpublished report is not public.
 */
@QuarkusTest
class PublishedReportsTest {

    @Inject
    FairnessReportService reports;

    @Test
    void theNecPublishesAKeptQuarterlyReportForAnyone() {
        reports.quarterly();
        Map<String, Object> quarterly = as("nora").get("/api/audit/reports").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("$").stream().filter(k -> "quarterly".equals(k.get("kind")))
                .findFirst().orElseThrow();
        Number id = (Number) quarterly.get("id");
        if (quarterly.get("publishedAt") == null) { // another test may have published it from the page
            given().get("/api/published/fairness-reports/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        as("alice").post("/api/audit/reports/" + id + "/publication").then().statusCode(403);
        given().post("/api/audit/reports/" + id + "/publication").then().statusCode(401);

        as("nora").post("/api/audit/reports/" + id + "/publication").then().statusCode(200)
                .body("id", equalTo(id.intValue())).body("publishedAt", org.hamcrest.Matchers.notNullValue());
        String again = as("nora").post("/api/audit/reports/" + id + "/publication").then().statusCode(200).extract()
                .path("publishedAt");
        assertNotNull(again);
        assertEquals(1, Sql.number("SELECT count(*) FROM trail_log WHERE action = 'audit-report-published'"
                + " AND detail LIKE ?", "quarterly fairness report " + id + " %"), "recorded once");

        List<Map<String, Object>> list = given().get("/api/published/fairness-reports").then().statusCode(200)
                .contentType("application/json").extract().jsonPath().getList("$");
        Map<String, Object> mine = list.stream().filter(x -> id.equals(x.get("id"))).findFirst().orElseThrow();
        assertEquals(quarterly.get("dataSha256"), mine.get("dataSha256"));
        assertEquals(quarterly.get("from"), ((Map<?, ?>) mine.get("parameters")).get("from"));
        assertEquals(10, ((Map<?, ?>) mine.get("parameters")).get("suppressionThreshold"));
        assertFalse(((List<?>) mine.get("definitionVersions")).isEmpty());
        given().get((String) mine.get("href")).then().statusCode(200)
                .body("dataSha256", equalTo(quarterly.get("dataSha256")))
                .body("disclosure.threshold", equalTo(10));
        byte[] pdf = given().get((String) mine.get("pdf")).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertArrayEquals("%PDF".getBytes(), java.util.Arrays.copyOf(pdf, 4));
        given().accept("text/html").get("/published/fairness-reports").then().statusCode(200)
                .body(containsString("Published fairness reports"))
                .body(containsString((String) quarterly.get("dataSha256")));
    }

    @Test
    void aReportKeptOnRequestIsNotPublished() {
        Number id = as("nora").body(Map.of("quarter", "2014-Q3")).post("/api/audit/reports").then().statusCode(201)
                .extract().path("id");
        as("nora").post("/api/audit/reports/" + id + "/publication").then().statusCode(409)
                .contentType("application/problem+json");
        as("nora").post("/api/audit/reports/999999999/publication").then().statusCode(404);
        given().get("/api/published/fairness-reports/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        assertTrue(given().get("/api/published/fairness-reports").then().statusCode(200).extract().jsonPath()
                .getList("id").stream().noneMatch(x -> id.equals(x)), "not in the public list");
    }
}

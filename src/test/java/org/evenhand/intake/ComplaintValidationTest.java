package org.evenhand.intake;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad complaints get a clear 400 problem+json and leave nothing behind: no case, no process, no trail. */
@QuarkusTest
class ComplaintValidationTest {

    @Inject
    AgroalDataSource db;

    Map<String, Object> valid() {
        Map<String, Object> body = new HashMap<>();
        body.put("respondentMembershipNumber", "M100002");
        body.put("conductDate", "2026-03-14");
        body.put("clauses", List.of("harassment"));
        body.put("allegation", "Repeated replies to every post I made over a week, calling me names.");
        return body;
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long[] counts() throws SQLException {
        org.evenhand.testing.Db.awaitAllStarted(); // earlier filings' processes start behind intake
        return new long[] { count("SELECT count(*) FROM cases"), count("SELECT count(*) FROM trail_log"),
                count("SELECT count(*) FROM act_ru_execution"), count("SELECT count(*) FROM notifications") };
    }

    void rejected(Map<String, Object> body, String field) throws SQLException {
        long[] before = counts();
        as("alice").body(body).post("/api/complaints").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        long[] after = counts();
        assertEquals(before[0], after[0], "no case stored");
        assertEquals(before[1], after[1], "no trail entry");
        assertEquals(before[2], after[2], "no process started");
        assertEquals(before[3], after[3], "no letter queued");
    }

    @Test
    void complaintAgainstOneselfIsRefused() throws SQLException {
        Map<String, Object> body = valid();
        body.put("respondentMembershipNumber", "M100001");
        rejected(body, "respondentMembershipNumber");
    }

    @Test
    void unknownRespondentIsRefused() throws SQLException {
        Map<String, Object> body = valid();
        body.put("respondentMembershipNumber", "M999999");
        rejected(body, "respondentMembershipNumber");
    }

    @Test
    void emptyAllegationIsRefused() throws SQLException {
        Map<String, Object> body = valid();
        body.put("allegation", "   ");
        rejected(body, "allegation");
    }

    @Test
    void clauseThatDidNotExistOnTheConductDateIsRefused() throws SQLException {
        Map<String, Object> body = valid();
        body.put("conductDate", "2025-12-31");
        body.put("clauses", List.of("coordinated-pile-on"));
        rejected(body, "clauses");
    }

    @Test
    void futureConductAndConductBeforeTheFirstDefinitionAreRefused() throws SQLException {
        Map<String, Object> body = valid();
        body.put("conductDate", "2099-01-01");
        rejected(body, "conductDate");
        body.put("conductDate", "2019-05-01");
        rejected(body, "conductDate");
    }

    @Test
    void malformedBodiesAreProblems() {
        as("alice").body("{\"respondentMembershipNumber\": ").post("/api/complaints").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> body = valid();
        body.put("conductDate", "yesterday");
        as("alice").body(body).post("/api/complaints").then().log().ifValidationFails().statusCode(400).body("errors.field", hasItem("conductDate"));
        body = valid();
        body.put("faction", "left");
        as("alice").body(body).post("/api/complaints").then().statusCode(400).body("detail", containsString("faction"));
    }

    @Test
    void conductJudgedUnderTheVersionInForceThatDay() {
        Map<String, Object> body = valid();
        body.put("conductDate", "2025-12-31");
        as("alice").body(body).post("/api/complaints").then().statusCode(201)
                .body("definitionVersion", equalTo("2024.1"));
        body.put("conductDate", "2026-01-01");
        body.put("clauses", List.of("coordinated-pile-on"));
        String location = as("alice").body(body).post("/api/complaints").then().statusCode(201)
                .body("definitionVersion", equalTo("2026.1")).body("ref", org.hamcrest.Matchers.matchesPattern(
                        "EVH-\\d{4}-\\d{6}"))
                .extract().header("Location");
        as("alice").get(location).then().statusCode(200).body("clausesCited[0].id", equalTo("coordinated-pile-on"));
    }

    @Test
    void unauthenticatedIsRefused() {
        given().contentType("application/json").body(valid()).post("/api/complaints").then().statusCode(401);
    }
}

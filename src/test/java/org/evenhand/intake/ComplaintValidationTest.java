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

    /** The API refuses in the words the filing page shows, field by field. */
    @Test
    void theApiSaysWhatThePageSays() throws SQLException {
        Map<String, Object> body = valid();
        body.put("conductDate", "2099-01-01");
        body.put("allegation", "Too short");
        body.put("conductLink", "not a link");
        body.put("evidence", Map.of("text", "You will regret this.", "attestPartyToExchange", false,
                "consent", org.evenhand.testing.Evidence.CONSENT));
        long[] before = counts();
        as("alice").body(body).post("/api/complaints").then().statusCode(400)
                .body("errors.find { it.field == 'conductDate' }.message",
                        equalTo("The date of the conduct cannot be in the future."))
                .body("errors.find { it.field == 'allegation' }.message", containsString("(at least 10 characters)"))
                .body("errors.find { it.field == 'conductLink' }.message",
                        equalTo("Give a web address starting with https:// or http://, or leave this empty."))
                .body("errors.find { it.field == 'attestPartyToExchange' }.message",
                        equalTo("Confirm that you took part in this exchange, or that it was addressed to you."));
        body = valid();
        body.put("respondentMembershipNumber", "M100001");
        as("alice").body(body).post("/api/complaints").then().statusCode(400)
                .body("errors.find { it.field == 'respondentMembershipNumber' }.message",
                        equalTo("You cannot complain about yourself."));
        assertEquals(before[0], counts()[0], "no case stored");
    }

    static io.restassured.specification.MultiPartSpecification complaintPart(Map<String, Object> complaint) {
        try {
            return new io.restassured.builder.MultiPartSpecBuilder(new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(complaint)).controlName("complaint").mimeType("application/json")
                    .charset("UTF-8").build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static io.restassured.specification.RequestSpecification multipart(String who) {
        return as(who).contentType("multipart/form-data");
    }

    Map<String, Object> withEvidence(String allegation, String link) {
        Map<String, Object> body = valid();
        body.put("respondentMembershipNumber", "M100009");
        body.put("allegation", allegation);
        body.put("conductLink", link);
        body.put("evidence", Map.of("threadContext", List.of("Harry: the minutes are attached."),
                "attestPartyToExchange", true, "consent", org.evenhand.testing.Evidence.CONSENT));
        return body;
    }

    /** Multipart: the complaint and its file in one step, the file under the complaint's attestation and consent. */
    @Test
    void aComplaintAndItsFileAreFiledTogether() {
        String ref = multipart("carol").multiPart(complaintPart(withEvidence("He doctored the minutes he sent to the"
                + " branch to show I had voted against the motion.", "https://social.example/posts/minutes-1")))
                .multiPart("file", "minutes.png", org.evenhand.testing.EvidenceFiles.png(40, 30), "image/png")
                .post("/api/complaints").then().statusCode(201).header("Location", containsString("/api/me/cases/"))
                .body("evidenceId", org.hamcrest.Matchers.nullValue())
                .body("fileEvidenceId", org.hamcrest.Matchers.notNullValue()).extract().path("ref");
        as("carol").get("/api/me/cases/" + ref + "/evidence").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].kind", equalTo("file")).body("[0].mediaType", equalTo("image/png"))
                .body("[0].consentNoticeVersion", equalTo(org.evenhand.testing.Evidence.NOTICE));
        // the JSON part alone, as multipart, is the plain filing
        multipart("carol").multiPart(complaintPart(withEvidence("He posted the doctored minutes again in the group",
                "https://social.example/posts/minutes-2"))).post("/api/complaints").then().statusCode(400)
                .body("errors.field", hasItem("threadContext")); // earlier messages need an excerpt or a file
    }

    /** A file refused from its bytes refuses the complaint: no case is opened, nothing is stored. */
    @Test
    void aRefusedFileOpensNoCase() throws SQLException {
        long[] before = counts();
        long items = count("SELECT count(*) FROM evidence_items");
        multipart("carol").multiPart(complaintPart(withEvidence("The minutes he circulated were doctored, with a"
                + " script in them.", "https://social.example/posts/minutes-3")))
                .multiPart("file", "minutes.pdf", org.evenhand.testing.EvidenceFiles.pdfWithOpenActionJavaScript(),
                        "application/pdf")
                .post("/api/complaints").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("file")).body("detail", containsString("JavaScript"));
        Map<String, Object> noEvidence = valid();
        noEvidence.put("allegation", "A file sent with no attestation or consent for it.");
        multipart("alice").multiPart(complaintPart(noEvidence))
                .multiPart("file", "shot.png", org.evenhand.testing.EvidenceFiles.png(8, 8), "image/png")
                .post("/api/complaints").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("attestPartyToExchange", "consent"));
        multipart("alice").multiPart("file", "shot.png", org.evenhand.testing.EvidenceFiles.png(8, 8), "image/png")
                .post("/api/complaints").then().statusCode(400).body("errors.field", hasItem("complaint"));
        multipart("alice").multiPart(new io.restassured.builder.MultiPartSpecBuilder("{\"respondentMembershipNumber\": ")
                .controlName("complaint").mimeType("application/json").build())
                .post("/api/complaints").then().statusCode(400).contentType("application/problem+json");
        multipart("alice").multiPart(complaintPart(valid())).multiPart("comment", "also this")
                .post("/api/complaints").then().statusCode(400).body("detail", containsString("no part 'comment'"));
        long[] after = counts();
        assertEquals(before[0], after[0], "no case opened");
        assertEquals(before[1], after[1], "no trail entry");
        assertEquals(before[3], after[3], "no letter queued");
        assertEquals(items, count("SELECT count(*) FROM evidence_items"), "no evidence stored");
    }

    @Test
    void unauthenticatedIsRefused() {
        given().contentType("application/json").body(valid()).post("/api/complaints").then().statusCode(401);
    }
}

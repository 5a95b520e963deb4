package org.evenhand.casework;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.AccessRules.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.AccessRules.Fixtures;
import org.evenhand.testing.Api;
import org.evenhand.trail.TrailEntry;
import org.junit.jupiter.api.Test;

/** The interference firewall: contact from outside the handlers goes on the record, for good. */
@QuarkusTest
class InterferenceTest {

    @Inject
    InterferenceRecords records;

    static Map<String, Object> report(String asked) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactName", "Morgan Whip");
        body.put("contactRole", "Member of the NEC");
        body.put("contactKind", "office-holder");
        body.put("contactedAt", "2026-11-02T18:30:00Z");
        body.put("channel", "phone");
        body.put("asked", asked);
        body.put("handlerResponse", "Told them I cannot discuss an open case and that the call is recorded.");
        return body;
    }

    @Test
    void aHandlerRecordsAContactAndItStaysOnTheCase() {
        String ref = Api.file("frank", "M100004", LocalDate.of(2026, 8, 1), List.of("harassment"),
                "Messages every evening for a month after the branch meeting, after I asked them to stop.");
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-11-03T00:00:00Z");
        long before = records.countByPeriod(from, to).records();
        given().auth().oauth2(token("quinn", "caseworker")).contentType(ContentType.JSON)
                .body(report("Asked me to go easy because the respondent is standing for selection."))
                .post("/api/cases/" + ref + "/interference").then().statusCode(201)
                .body("recordedBy", equalTo("quinn")).body("contactKind", equalTo("office-holder"))
                .body("channel", equalTo("phone"));
        given().auth().oauth2(token("quinn", "caseworker")).get("/api/cases/" + ref + "/interference").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].contactName", equalTo("Morgan Whip"));
        // on the staff view, on the staff timeline, and in the trail
        given().auth().oauth2(token("rowan", "caseworker")).get("/api/cases/" + ref).then().statusCode(200)
                .body("interference", hasSize(1)).body("interference[0].asked", equalTo(
                        "Asked me to go easy because the respondent is standing for selection."))
                .body("timeline.kind", hasItem("interference-recorded"))
                .body("trail.kind", hasItem("interference-recorded"));
        long inTrail = QuarkusTransaction.requiringNew().call(() -> TrailEntry.count(
                "caseRef = ?1 and action = 'interference-recorded' and actor = 'quinn'", ref));
        assertEquals(1, inTrail);
        // the parties never see it
        Api.myCase("frank", ref).getList("timeline.kind").forEach(k -> assertTrue(!"interference-recorded".equals(k)));
        // counted for the audit
        InterferenceRecords.Counts counts = records.countByPeriod(from, to);
        assertEquals(before + 1, counts.records());
        assertTrue(counts.byContactKind().get("office-holder") >= 1);
        assertTrue(counts.byChannel().get("phone") >= 1);
    }

    @Test
    void panelMembersRecordButSeeNoNamesAndOthersCannotRecord() {
        Fixtures f = Fixtures.get();
        given().auth().oauth2(token(f.seated, "panel")).contentType(ContentType.JSON)
                .body(report("Asked how I was minded to vote.")).post("/api/cases/" + f.caseA + "/interference").then()
                .statusCode(201);
        given().auth().oauth2(token(f.seated, "panel")).get("/api/cases/" + f.caseA).then().statusCode(200)
                .body("blind", equalTo(true)).body("interference", hasSize(0));
        given().auth().oauth2(token(f.unseated, "panel")).contentType(ContentType.JSON).body(report("x"))
                .post("/api/cases/" + f.caseA + "/interference").then().statusCode(404);
        given().auth().oauth2(token("casey", "caseworker")).contentType(ContentType.JSON).body(report("x"))
                .post("/api/cases/" + f.caseA + "/interference").then().statusCode(404);
        given().auth().oauth2(token("alice", "member")).contentType(ContentType.JSON).body(report("x"))
                .post("/api/cases/" + f.caseA + "/interference").then().statusCode(403);
    }

    @Test
    void incompleteOrFutureReportsAreRefused() {
        Fixtures f = Fixtures.get();
        Map<String, Object> body = report("Asked for the file.");
        body.put("contactedAt", "2099-01-01T00:00:00Z");
        given().auth().oauth2(token("quinn", "caseworker")).contentType(ContentType.JSON).body(body)
                .post("/api/cases/" + f.caseA + "/interference").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("contactedAt"));
        body = report(" ");
        body.put("contactKind", "friend");
        given().auth().oauth2(token("quinn", "caseworker")).contentType(ContentType.JSON).body(body)
                .post("/api/cases/" + f.caseA + "/interference").then().statusCode(400)
                .contentType("application/problem+json");
    }
}

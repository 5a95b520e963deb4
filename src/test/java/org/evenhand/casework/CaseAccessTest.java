package org.evenhand.casework;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.tasks;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api.Held;
import org.junit.jupiter.api.Test;

/** Who may see and do what on a case: members their own, handlers only where no conflict, panels blind. */
@QuarkusTest
class CaseAccessTest {

    static final String ALLEGATION = "The respondent posted my home address in a reply and told people to visit.";

    @Test
    void aMemberSeesOnlyTheirOwnCases() {
        String ref = file("alice", "M100002", LocalDate.of(2026, 5, 2), List.of("doxxing"), ALLEGATION);
        as("dan").get("/api/me/cases/" + ref).then().statusCode(404).contentType("application/problem+json");
        as("dan").get("/api/me/cases").then().statusCode(200).body("ref", not(org.hamcrest.Matchers.hasItem(ref)));
        as("alice").get("/api/me/cases").then().statusCode(200).body("ref", org.hamcrest.Matchers.hasItem(ref));
        as("bob").get("/api/me/cases/" + ref).then().statusCode(404); // not yet told: triage pending
        as("dan").body(Map.of("statement", "not my case")).post("/api/me/cases/" + ref + "/response").then()
                .statusCode(404);
        as("alice").body(Map.of("statement", "I am not the respondent")).post("/api/me/cases/" + ref + "/response")
                .then().statusCode(403);
    }

    /**
     * Erasure at a party's request removes their link to the case (Erasing.eraseForParty): the other
     * party's views and the staff view still open, naming them "[erased]" (a null respondent once
     * made the complainant's whole case list a 500).
     */
    @Test
    void aCaseWhoseOtherPartyWasErasedStillOpensForEveryoneElse() {
        String ref = file("erin", "M100008", LocalDate.of(2026, 5, 20), List.of("bullying"), "Erased party "
                + java.util.UUID.randomUUID() + ": " + ALLEGATION);
        org.evenhand.testing.Db.update("UPDATE cases SET respondent_id = NULL WHERE ref = ?", ref);
        as("erin").get("/api/me/cases/" + ref).then().statusCode(200).body("otherParty", equalTo("[erased]"));
        as("erin").get("/api/me/cases").then().statusCode(200).body("ref", org.hamcrest.Matchers.hasItem(ref));
        String page = org.evenhand.testing.Pages.as("erin", () -> org.evenhand.testing.Pages.page().get("/me").then()
                .statusCode(200).extract().asString());
        assertTrue(page.contains(ref), "the case list opens, with the case");
        as("quinn").get("/api/cases/" + ref).then().statusCode(200).body("respondent", equalTo("[erased]"))
                .body("respondentMembershipNumber", nullValue());
    }

    @Test
    void aMemberCannotUseStaffEndpoints() {
        as("alice").get("/api/tasks").then().statusCode(403).contentType("application/problem+json");
        as("alice").get("/api/cases/EVH-2026-000001").then().statusCode(403);
        as("alice").body(Map.of("reasons", "I would like them suspended please, today.")).post(
                "/api/cases/EVH-2026-000001/interim-suspension").then().statusCode(403);
        as("casey").body(Map.of("respondentMembershipNumber", "M100002", "conductDate", "2026-01-05",
                "clauses", List.of("bullying"), "allegation", ALLEGATION)).post("/api/complaints").then().statusCode(403);
        given().get("/api/me/cases").then().statusCode(401);
    }

    @Test
    void handlersFromEitherPartysClpAreNeverAssigned() {
        // alice and carol are in Leeds Central, as is caseworker casey.
        String ref = file("alice", "M100004", LocalDate.of(2026, 6, 1), List.of("bullying"), ALLEGATION);
        assertTrue(tasks(List.of("casey"), ref, "triage").isEmpty(), "casey shares alice's CLP");
        assertEquals(2, tasks(List.of("quinn", "rowan"), ref, "triage").size());
        as("casey").get("/api/cases/" + ref).then().statusCode(404);
        as("quinn").get("/api/cases/" + ref).then().statusCode(200).body("complainant", equalTo("Alice Adeyemi"));
    }

    @Test
    void panelsAreBlindAndTheInvestigatorNeverSits() {
        String ref = file("erin", "M100006", LocalDate.of(2026, 6, 1), List.of("bullying"), ALLEGATION);
        Held triage = claimed(CASEWORKERS, ref, "triage");
        complete(triage, Map.of("inScope", true, "clauses", List.of("bullying"), "reasons", "Repeated belittling."));
        org.evenhand.testing.EngineClock.advance(java.time.Duration.ofDays(15));
        try {
            org.evenhand.testing.EngineClock.fireDueTimers(ref);
        } finally {
            org.evenhand.testing.EngineClock.reset();
        }
        Held inv = tasks(CASEWORKERS, ref, "investigate").get(0);
        complete(inv, Map.of("report", "Facts established."));
        org.evenhand.testing.EngineClock.endCommentWindow(ref);
        List<Held> panel = tasks(PANEL, ref, "panelDecision");
        assertEquals(3, panel.size());
        assertFalse(panel.stream().anyMatch(p -> p.user().equals(inv.user())));
        String member = panel.get(0).user();
        as(member).get("/api/cases/" + ref).then().statusCode(200).body("blind", equalTo(true))
                .body("complainant", equalTo("Complainant")).body("respondent", equalTo("Respondent"))
                .body("complainantMembershipNumber", nullValue()).body("investigator", nullValue());
        String outsider = PANEL.stream().filter(p -> panel.stream().noneMatch(h -> h.user().equals(p))).findFirst()
                .orElseThrow();
        as(outsider).get("/api/cases/" + ref).then().statusCode(404);
        // someone else's task is invisible, and a sanction outside the ladder needs a recorded reason
        as(outsider).body(Map.of()).post("/api/tasks/" + panel.get(0).taskId() + "/complete").then().statusCode(404);
        Map<String, Object> offLadder = Map.of("findings", List.of(Map.of("clause", "bullying", "upheld", true)),
                "sanction", "referral-expulsion", "reasons", "Grave.");
        as(member).body(offLadder).post("/api/tasks/" + panel.get(0).taskId() + "/complete").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sanction"));
        Map<String, Object> withReason = Map.of("findings", List.of(Map.of("clause", "bullying", "upheld", true)),
                "sanction", "referral-expulsion", "departureReason", "Third breach in a year after two warnings.",
                "reasons", "Grave.");
        as(member).body(withReason).post("/api/tasks/" + panel.get(0).taskId() + "/complete").then().statusCode(204);
        as(member).body(Map.of("findings", List.of(Map.of("clause", "doxxing", "upheld", true)),
                "sanction", "no-action", "reasons", "x")).post("/api/tasks/" + panel.get(1).taskId() + "/complete")
                .then().statusCode(404);
    }
}

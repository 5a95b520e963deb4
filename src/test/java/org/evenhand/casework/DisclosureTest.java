package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitLetter;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.myCase;
import static org.evenhand.testing.Api.tasks;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api.Held;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.MailServer;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Disclosure and answer (decision 0030), over HTTP against PostgreSQL and the engine: both parties
 * get the investigation report (third parties struck out; the complainant struck out for the
 * respondent) and one comment each while the window is open; the comments reach the panel, blind.
 */
@QuarkusTest
class DisclosureTest {

    static final String REPORT = "Alice Adeyemi's account is borne out by the thread. Bob Brennan replied eleven times."
            + " Carol Chowdhury (M100003, carol@evenhand.test) also replied and asked him to stop; Carol saw it all.";

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    /** alice complains about bob; triaged in scope, bob responds, the investigator files the report. */
    static String reported(String clause, LocalDate conduct) {
        String ref = file("alice", "M100002", conduct, List.of(clause), "He replied to every post of mine, calling me"
                + " a parasite, after I asked him to stop.");
        complete(claimed(CASEWORKERS, ref, "triage"), Map.of("inScope", true, "clauses", List.of(clause),
                "reasons", "Engages " + clause + "."));
        as("bob").body(Map.of("statement", "I was annoyed.")).post("/api/me/cases/" + ref + "/response").then()
                .statusCode(200);
        complete(tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", REPORT));
        return ref;
    }

    @Test
    void bothPartiesGetTheReportAndTheirCommentsReachThePanel() {
        String ref = reported("harassment", LocalDate.of(2026, 5, 2));
        assertTrue(tasks(PANEL, ref, "panelDecision").isEmpty(), "no panel while the parties may comment");

        JsonPath alice = myCase("alice", ref);
        assertEquals("commentWindow", alice.getString("stage.step"));
        assertTrue(alice.getList("youCan").contains("comment"));
        String forAlice = alice.getString("investigationReport.report");
        assertTrue(forAlice.startsWith("Alice Adeyemi's account is borne out by the thread. Bob Brennan replied"), forAlice);
        assertFalse(forAlice.contains("Carol") || forAlice.contains("M100003") || forAlice.contains("carol@"), forAlice);
        assertTrue(forAlice.contains("[someone else] ([someone else], [an email address]) also replied and asked him to stop;"
                + " [someone else] saw it all."), forAlice);
        JsonPath bob = myCase("bob", ref);
        String forBob = bob.getString("investigationReport.report");
        // Alice did not ask for anonymity, so Bob is told who complained (decision 0029); third parties stay struck
        assertTrue(forBob.startsWith("Alice Adeyemi's account is borne out by the thread. Bob Brennan replied"), forBob);
        assertFalse(forBob.contains("Carol") || forBob.contains("M100001") || forBob.contains("alice@"), forBob);
        assertTrue(bob.getList("youCan").contains("comment"));
        assertEquals("commentWindow", bob.getString("deadlines[0].step"));

        awaitLetter("alice@evenhand.test", "The investigation report is ready for your comments");
        awaitLetter("bob@evenhand.test", "The investigation report is ready for your comments");
        String letter = ComplaintLifecycleTest.letterOn(bob, "report-disclosed");
        java.time.Instant closes = java.time.Instant.parse(bob.getString("investigationReport.commentsClose"));
        assertTrue(letter.contains("You may send one comment on the report by " + LetterWords.date(closes) + "."), letter);
        assertTrue(letter.contains("The names of anyone other than you and the complainant are struck out."), letter);

        as("alice").body(Map.of("comment", "The report leaves out that Bob Brennan messaged me privately too."))
                .post("/api/me/cases/" + ref + "/report-comment").then().statusCode(200);
        as("alice").body(Map.of("comment", "And one more thing.")).post("/api/me/cases/" + ref + "/report-comment")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals("The report leaves out that Bob Brennan messaged me privately too.",
                myCase("alice", ref).getString("investigationReport.yourComment"));
        assertFalse(myCase("alice", ref).getList("youCan").contains("comment"), "one comment each");
        as("bob").body(Map.of("comment", "")).post("/api/me/cases/" + ref + "/report-comment").then().statusCode(400);
        // the respondent comments through his case page's form
        Pages.as("bob", () -> {
            String form = "/me/cases/" + ref + "/comment";
            String html = Pages.page().formParam("_csrf", Pages.tokenFrom(form)).formParam("comment", " ").post(form)
                    .then().statusCode(400).extract().asString();
            assertEquals("Write your comment on the report. If you do not wish to comment, you need not send anything.",
                    Pages.fieldError(html, "comment"));
            Pages.page().formParam("_csrf", Pages.tokenFrom(form))
                    .formParam("comment", "Alice Adeyemi had blocked me; I could not see her request to stop.").post(form)
                    .then().statusCode(303).header("Location", containsString("done=commented"));
        });

        // both have commented: the window closes early and the panel is drawn
        List<Held> panel = tasks(PANEL, ref, "panelDecision");
        assertEquals(3, panel.size());
        JsonPath blind = as(panel.get(0).user()).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("complainant", "respondent"), blind.getList("reportComments.party"));
        assertEquals("The report leaves out that [the respondent] messaged me privately too.",
                blind.getString("reportComments[0].comment"));
        assertEquals("[the complainant] had blocked me; I could not see her request to stop.",
                blind.getString("reportComments[1].comment"));
        assertTrue(myCase("alice", ref).getList("timeline.kind").contains("report-comment"));
    }

    @Test
    void aCommentAfterTheWindowClosesIsRefusedAndNothingIsStored() {
        String ref = reported("harassment", LocalDate.of(2026, 5, 9));
        Pages.as("bob", () -> Pages.page().get("/me/cases/" + ref).then().statusCode(200)
                .body(containsString("Comment on the report")).body(containsString("Alice Adeyemi&#39;s account")));
        EngineClock.advance(Duration.ofDays(8));
        assertEquals(1, EngineClock.fireDueTimers(ref));
        assertEquals(3, tasks(PANEL, ref, "panelDecision").size(), "the panel is drawn when the window closes");
        as("bob").body(Map.of("comment", "Too late now.")).post("/api/me/cases/" + ref + "/report-comment").then()
                .statusCode(409).contentType("application/problem+json");
        JsonPath bob = myCase("bob", ref);
        assertNull(bob.getString("investigationReport.yourComment"));
        assertFalse(bob.getList("youCan").contains("comment"));
        assertNotNull(bob.getString("investigationReport.report"), "the report stays readable");
        String panelMember = tasks(PANEL, ref, "panelDecision").get(0).user();
        assertEquals(List.of(), as(panelMember).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath()
                .getList("reportComments"));
        Pages.as("bob", () -> Pages.page().get("/me/cases/" + ref + "/comment").then().statusCode(409));
        assertTrue(MailServer.lettersTo("carol@evenhand.test", ref).isEmpty(), "a third party is never written to");
    }

    @Test
    void evidenceTheComplainantAddsAfterTheRespondentWasToldIsDisclosedToThem() {
        String ref = file("alice", "M100002", LocalDate.of(2026, 5, 16), List.of("harassment"), "He sent me twenty"
                + " replies in an hour after I asked him to stop.");
        long before = org.evenhand.testing.Evidence.give("alice", ref, org.evenhand.testing.Evidence.text(
                "Stop replying to me. - You do not get to tell me what to do.", List.of()));
        complete(claimed(CASEWORKERS, ref, "triage"), Map.of("inScope", true, "clauses", List.of("harassment"),
                "reasons", "Engages harassment.", "lawfulBases", List.of(Map.of("evidenceId", before, "basis", "consent",
                        "reason", "Given by the complainant with consent."))));
        awaitLetter("bob@evenhand.test", "A complaint has been made about your conduct");
        assertTrue(MailServer.lettersTo("bob@evenhand.test", "[" + ref + "] The complainant has added evidence").isEmpty(),
                "evidence given before the allegation was put to him goes with the allegation");

        long later = org.evenhand.testing.Evidence.give("alice", ref, org.evenhand.testing.Evidence.text(
                "He wrote again the next morning: you will regret reporting me.", List.of()));
        String letter = ComplaintLifecycleTest.letterOn(myCase("bob", ref), "evidence-disclosed");
        assertTrue(letter.startsWith("The complainant has added evidence: The complainant has added evidence to the"
                + " case since the allegation was put to you: an excerpt of the exchange, given on "), letter);
        awaitLetter("bob@evenhand.test", "[" + ref + "] The complainant has added evidence");
        List<Object> ids = as("bob").get("/api/me/cases/" + ref + "/evidence").then().statusCode(200).extract()
                .jsonPath().getList("id");
        assertTrue(ids.stream().map(o -> ((Number) o).longValue()).toList().contains(later), ids.toString());
        as("bob").get("/api/me/cases/" + ref + "/evidence/" + later + "/content").then().statusCode(200)
                .body(containsString("you will regret reporting me"));
        assertFalse(myCase("alice", ref).getList("timeline.kind").contains("evidence-disclosed"),
                "the letter is the respondent's");
    }
}

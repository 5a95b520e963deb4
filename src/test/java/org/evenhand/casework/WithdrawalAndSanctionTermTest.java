package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitLetter;
import static org.evenhand.testing.Api.awaitStarted;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.myCase;
import static org.evenhand.testing.Api.tasks;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evenhand.testing.Db;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.MailServer;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A complainant withdraws before the panel decides and the process ends through its "complaint
 * withdrawn" event; a sanction with a term goes on the record when the case closes and lapses, with a
 * letter, when the term ends. Over HTTP, against PostgreSQL and the engine.
 */
@QuarkusTest
class WithdrawalAndSanctionTermTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    static int seq;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    static String member() {
        String user = "wd-" + TAG + "-" + (++seq);
        Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region)"
                + " VALUES (?, ?, ?, ?, 'Bristol West', 'South West')", user.toUpperCase(), user, "Member " + user,
                user + "@evenhand.test");
        return user;
    }

    static String fileAbout(String complainant, String respondent, String link) {
        String ref = as(complainant).body(Map.of("respondentMembershipNumber", respondent.toUpperCase(),
                "conductDate", "2026-06-01", "clauses", List.of("harassment"),
                "allegation", "Messages every night about my vote at the branch after I asked them to stop.",
                "conductLink", link)).post("/api/complaints").then().statusCode(201).extract().path("ref");
        awaitStarted(complainant, ref);
        return ref;
    }

    static void triageInScope(String ref) {
        complete(claimed(CASEWORKERS, ref, "triage"), Map.of("inScope", true, "clauses", List.of("harassment"),
                "reasons", "Repeated unwanted messages after being asked to stop."));
    }

    static String status(String ref) {
        return (String) Db.value("SELECT status FROM cases WHERE ref = ?", ref);
    }

    /** The case's complaint processes still running (retention, started when a case ends, is another). */
    static long openProcesses(String ref) {
        return Db.count("SELECT count(*) FROM act_ru_execution WHERE business_key_ = ? AND parent_id_ IS NULL"
                + " AND proc_def_id_ LIKE 'complaint:%'", ref);
    }

    @Test
    void withdrawnBeforeTriageEndsTheProcessAndTheRespondentIsNeverTold() {
        String alice = member();
        String bob = member();
        String ref = fileAbout(alice, bob, "https://x.com/wd" + TAG + "/status/1");
        assertTrue(myCase(alice, ref).getList("youCan").contains("withdraw"));

        JsonPath after = as(alice).body(Map.of("reason", "We talked and they apologised."))
                .post("/api/me/cases/" + ref + "/withdrawal").then().statusCode(200).extract().jsonPath();
        assertEquals("WITHDRAWN", after.getString("status"));
        assertEquals("Withdrawn", after.getString("stage.label"));
        assertFalse(after.getList("youCan").contains("withdraw"));
        assertEquals(List.of(), tasks(CASEWORKERS, ref, "triage"), "the triage task went with the process");
        assertEquals(0, openProcesses(ref), "the complaint's process has ended");
        awaitLetter(alice + "@evenhand.test", "Your complaint has been withdrawn");
        as(bob).get("/api/me/cases/" + ref).then().statusCode(404);
        assertTrue(MailServer.lettersTo(bob + "@evenhand.test", ref).isEmpty(), "the respondent was never told");
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE case_ref = ? AND action = 'complaint-withdrawn'", ref));

        String again = as(alice).body(Map.of()).post("/api/me/cases/" + ref + "/withdrawal").then().statusCode(409)
                .contentType("application/problem+json").extract().path("detail");
        assertTrue(again.contains("can no longer be withdrawn"), again);
    }

    @Test
    void withdrawnAfterTheRespondentWasToldTellsThemButNotWhy() {
        String alice = member();
        String bob = member();
        String ref = fileAbout(alice, bob, "https://x.com/wd" + TAG + "/status/2");
        triageInScope(ref);
        as(bob).body(Map.of()).post("/api/me/cases/" + ref + "/withdrawal").then().statusCode(403);

        as(alice).body(Map.of("reason", "I am worried about my own safety at the branch."))
                .post("/api/me/cases/" + ref + "/withdrawal").then().statusCode(200);
        assertEquals("WITHDRAWN", status(ref));
        awaitLetter(bob + "@evenhand.test", "The complaint about you has been withdrawn");
        JsonPath bobsView = myCase(bob, ref);
        assertEquals("Withdrawn", bobsView.getString("stage.label"));
        assertFalse(bobsView.prettify().contains("worried about my own safety"), "the reason is for caseworkers only");
        assertTrue(as(CASEWORKERS.get(0)).get("/api/cases/" + ref).then().statusCode(200).extract().asString()
                .contains("worried about my own safety"), "caseworkers read the reason");
        assertEquals(0, openProcesses(ref));
    }

    @Test
    void onceThePanelHasDecidedTheComplaintStands() {
        String alice = member();
        String bob = member();
        String ref = fileAbout(alice, bob, "https://x.com/wd" + TAG + "/status/3");
        decideWithFormalWarning(ref);
        assertFalse(myCase(alice, ref).getList("youCan").contains("withdraw"));
        as(alice).body(Map.of()).post("/api/me/cases/" + ref + "/withdrawal").then().statusCode(409);
        assertEquals("OPEN", status(ref));
        Pages.as(alice, () -> page().get("/me/cases/" + ref + "/withdraw").then().statusCode(409));
    }

    @Test
    void oneOfSeveralComplainantsWithdrawsOnlyTheirOwnPart() {
        String alice = member();
        String carla = member();
        String bob = member();
        String link = "https://x.com/wd" + TAG + "/status/4";
        String ref = fileAbout(alice, bob, link);
        assertEquals(ref, fileAbout(carla, bob, link), "the second complaint joined the case");

        Pages.as(alice, () -> {
            String form = page().get("/me/cases/" + ref + "/withdraw").then().statusCode(200).extract().asString();
            assertTrue(form.contains("the case goes on for them"), "the page says what withdrawing will do");
            page().formParam("_csrf", tokenFrom("/me/cases/" + ref + "/withdraw")).formParam("reason", "")
                    .post("/me/cases/" + ref + "/withdraw").then().statusCode(303);
        });
        assertEquals("OPEN", status(ref), "the case goes on for the other complainant");
        assertFalse(tasks(CASEWORKERS, ref, "triage").isEmpty(), "triage still waits");
        assertEquals(1, openProcesses(ref));
        awaitLetter(alice + "@evenhand.test", "You have withdrawn from the complaint");
        assertFalse(myCase(alice, ref).getList("youCan").contains("withdraw"));
        assertTrue(myCase(carla, ref).getList("youCan").contains("withdraw"));

        String html = Pages.as(carla, () -> page().get("/me/cases/" + ref + "/withdraw").then().statusCode(200)
                .extract().asString());
        assertTrue(html.contains("The case ends now"), "the last complainant standing ends the case");
        as(carla).body(Map.of()).post("/api/me/cases/" + ref + "/withdrawal").then().statusCode(200);
        assertEquals("WITHDRAWN", status(ref));
        assertEquals(0, openProcesses(ref));
    }

    @Test
    void aFormalWarningLapsesOnItsDateWithALetter() {
        String alice = member();
        String bob = member();
        String ref = fileAbout(alice, bob, "https://x.com/wd" + TAG + "/status/5");
        decideWithFormalWarning(ref);
        EngineClock.advance(Duration.ofDays(22));
        EngineClock.fireDueTimers(ref);
        assertEquals("CLOSED", status(ref));

        JsonPath onRecord = myCase(bob, ref);
        assertEquals("Formal warning", onRecord.getString("sanctionOnRecord.title"));
        Instant tookEffect = Instant.parse(onRecord.getString("sanctionOnRecord.tookEffect"));
        Instant ends = Instant.parse(onRecord.getString("sanctionOnRecord.ends"));
        long days = Duration.between(tookEffect, ends).toDays();
        assertTrue(days >= 545 && days <= 549, "18 calendar months: " + days + " days");
        assertNull(onRecord.get("sanctionOnRecord.lapsed"));
        assertNull(myCase(alice, ref).get("sanctionOnRecord"), "the record is the respondent's");
        String casePage = Pages.as(bob, () -> page().get("/me/cases/" + ref).then().statusCode(200).extract().asString());
        assertTrue(casePage.contains("On your record"), "the respondent's page shows it");

        EngineClock.advance(Duration.ofDays(30 * 17));
        EngineClock.fireDueTimers(ref);
        assertNull(myCase(bob, ref).get("sanctionOnRecord.lapsed"), "not yet: 17 months on");
        EngineClock.advance(Duration.ofDays(40));
        EngineClock.fireDueTimers(ref);
        JsonPath lapsed = myCase(bob, ref);
        assertNotNull(lapsed.get("sanctionOnRecord.lapsed"));
        assertEquals(0, Db.count("SELECT count(*) FROM sanctions s JOIN cases c ON c.id = s.case_id WHERE c.ref = ?"
                + " AND s.lapsed_at IS NULL", ref), "it no longer counts");
        awaitLetter(bob + "@evenhand.test", "Your formal warning has ended");
        String letter = ComplaintLifecycleTest.letterOn(lapsed, "sanction-lapsed");
        assertTrue(letter.contains("no longer counts for any purpose"), letter);
        assertFalse(letter.matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), "dates in words: " + letter);
    }

    static void decideWithFormalWarning(String ref) {
        triageInScope(ref);
        EngineClock.advance(Duration.ofDays(15));
        EngineClock.fireDueTimers(ref);
        EngineClock.reset();
        complete(tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", "The messages were sent as described."));
        EngineClock.endCommentWindow(ref);
        tasks(PANEL, ref, "panelDecision").forEach(h -> complete(h, Map.of(
                "findings", List.of(Map.of("clause", "harassment", "upheld", true)),
                "sanction", "formal-warning", "reasons", "Repeated messages after being asked to stop.")));
    }
}

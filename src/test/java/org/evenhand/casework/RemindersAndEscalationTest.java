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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
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
 * Decision 0035, driven by moving the engine clock: parties are reminded before their windows
 * close, handlers before a stage's target; an overdue stage raises a task for the complaints
 * manager (mona), who reassigns the overdue task; and every open stage shows the parties the date
 * it is expected by.
 */
@QuarkusTest
class RemindersAndEscalationTest {

    static final String ALLEGATION = "Replies under every post I made about the branch budget, calling me a parasite"
            + " and telling others to pile in.";

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    /** The deadline the member's view shows for the current stage: its step, its name and its date. */
    static Map<String, Object> deadline(String member, String ref, String step) {
        List<Map<String, Object>> list = myCase(member, ref).getList("deadlines");
        return list.stream().filter(d -> step.equals(d.get("step"))).findFirst()
                .orElseThrow(() -> new AssertionError("no deadline for " + step + " on " + list));
    }

    static long daysBetween(Instant from, Object due) {
        return Duration.between(from, Instant.parse((String) due)).toHours();
    }

    static boolean reminded(String address, String ref, String subject) {
        return !MailServer.lettersTo(address, "[" + ref + "] " + subject).isEmpty();
    }

    @Test
    void partiesAreRemindedBeforeEachWindowClosesAndEveryStageShowsItsExpectedDate() {
        String ref = file("alice", "M100002", LocalDate.of(2026, 4, 9), List.of("dehumanising-language"), ALLEGATION);
        // triage: the stage and the tracker agree, with the date triage is expected by (its target, a week)
        JsonPath filed = myCase("alice", ref);
        assertEquals("Triage", filed.getString("stage.label"));
        Map<String, Object> triage = deadline("alice", ref, "triage");
        assertEquals("Triage expected by", triage.get("name"));
        String list = Pages.as("alice", () -> Pages.page().get("/me").then().statusCode(200).extract().asString());
        assertTrue(list.contains("Triage expected by:"), "the list shows the expected date, not None");
        Held t = claimed(CASEWORKERS, ref, "triage");
        complete(t, Map.of("inScope", true, "clauses", List.of("dehumanising-language"), "exchangeOpenedBy", "respondent",
                "reasons", "Calling a member a parasite engages the dehumanising-language clause."));

        // the response window (14 days): the respondent is reminded 3 days before it closes, not earlier
        EngineClock.advance(Duration.ofDays(10));
        EngineClock.fireDueTimers(ref);
        assertFalse(myCase("bob", ref).getList("timeline.kind").contains("reminder"), "not yet: 4 days are left");
        EngineClock.advance(Duration.ofDays(1).plusHours(1));
        assertEquals(1, EngineClock.fireDueTimers(ref), "the reminder timer alone fires; the window stays open");
        awaitLetter("bob@evenhand.test", "[" + ref + "] Reminder: your response is due by");
        JsonPath bob = myCase("bob", ref);
        assertEquals("awaitResponse", bob.getString("stage.step"));
        assertTrue(bob.getList("youCan").contains("respond"));
        String reminder = ComplaintLifecycleTest.letterOn(bob, "reminder");
        assertTrue(reminder.contains("You have until") && !reminder.matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), reminder);
        assertFalse(reminded("alice@evenhand.test", ref, "Reminder"), "the complainant has nothing to do yet");

        as("bob").body(Map.of("statement", "I called the policy parasitic, not her.")).post("/api/me/cases/" + ref
                + "/response").then().statusCode(200).body("stage.label", equalTo("Investigation"));
        Map<String, Object> investigation = deadline("alice", ref, "investigate");
        assertEquals("Investigation expected by", investigation.get("name"));
        assertEquals("Investigation expected by", deadline("bob", ref, "investigate").get("name"));

        Held inv = tasks(CASEWORKERS, ref, "investigate").get(0);
        complete(inv, Map.of("report", "The replies were made as described; read in full, they are about her."));
        // the comment window (7 days): both parties reminded 3 days before it closes
        EngineClock.advance(Duration.ofDays(4).plusHours(1));
        assertEquals(1, EngineClock.fireDueTimers(ref));
        awaitLetter("alice@evenhand.test", "[" + ref + "] Reminder: comments on the investigation report close on");
        awaitLetter("bob@evenhand.test", "[" + ref + "] Reminder: comments on the investigation report close on");
        EngineClock.endCommentWindow(ref);

        assertEquals("Panel decision expected by", deadline("alice", ref, "panelDecision").get("name"));
        tasks(PANEL, ref, "panelDecision").forEach(h -> complete(h, Map.of(
                "findings", List.of(Map.of("clause", "dehumanising-language", "upheld", true)),
                "sanction", "formal-warning", "reasons", "The word was used of a person and is dehumanising.")));

        // the appeal window (21 days): both parties reminded 3 days before it closes
        assertEquals("appealWindow", myCase("bob", ref).getString("stage.step"));
        EngineClock.advance(Duration.ofDays(18).plusHours(1));
        assertEquals(1, EngineClock.fireDueTimers(ref));
        awaitLetter("alice@evenhand.test", "[" + ref + "] Reminder: the time to appeal ends on");
        awaitLetter("bob@evenhand.test", "[" + ref + "] Reminder: the time to appeal ends on");

        as("bob").body(Map.of("grounds", List.of("PERVERSE_FINDING"), "statement", "It was about the policy."))
                .post("/api/me/cases/" + ref + "/appeal").then().statusCode(200);
        Map<String, Object> hearing = deadline("alice", ref, "hearAppeal");
        assertEquals("Appeal hearing expected by", hearing.get("name"));
        String page = Pages.as("bob", () -> Pages.page().get("/me/cases/" + ref).then().statusCode(200).extract().asString());
        assertTrue(page.contains("Appeal hearing expected by:"), "the case page shows the hearing's expected date");
    }

    @Test
    void handlersAreRemindedAndAnOverdueStageGoesToTheManagerWhoReassignsIt() {
        String ref = file("carol", "M100004", LocalDate.of(2026, 4, 10), List.of("bullying"), ALLEGATION);
        Instant created = Instant.parse((String) deadline("carol", ref, "triage").get("due")).minus(Duration.ofDays(7));
        String caseworker = CASEWORKERS.stream().filter(u -> as(u).get("/api/cases/" + ref).statusCode() == 200)
                .findFirst().orElseThrow();

        // two days before the triage target: a reminder on the staff timeline
        EngineClock.advance(Duration.ofDays(5).plusHours(1));
        assertEquals(1, EngineClock.fireDueTimers(ref));
        JsonPath staffView = as(caseworker).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> timeline = staffView.getList("timeline");
        assertTrue(timeline.stream().anyMatch(e -> "reminder".equals(e.get("kind"))
                && ((String) e.get("summary")).startsWith("Reminder: the triage target is")), timeline.toString());
        assertFalse(staffView.getList("deadlines.name").contains("Triage target near"), "a reminder is no deadline");
        as("mona").get("/api/escalations").then().statusCode(200)
                .body("caseRef", org.hamcrest.Matchers.not(hasItem(ref)));

        // past the target: an escalation for the complaints manager, not for the caseworkers
        EngineClock.advance(Duration.ofDays(3));
        EngineClock.fireDueTimers(ref);
        assertTrue(tasks(CASEWORKERS, ref, "resolveEscalation").isEmpty(), "the pool does not chase itself");
        JsonPath mine = as("mona").get("/api/escalations").then().statusCode(200).extract().jsonPath();
        String escalation = mine.getString("find { it.caseRef == '" + ref + "' }.id");
        String overdueTask = mine.getString("find { it.caseRef == '" + ref + "' }.overdue[0].id");
        assertEquals("triage", mine.getString("find { it.caseRef == '" + ref + "' }.overdue[0].kind"));
        List<String> eligible = mine.getList("find { it.caseRef == '" + ref + "' }.overdue[0].eligible");
        assertTrue(eligible.contains(caseworker) && !eligible.contains("pat"), eligible.toString());
        assertTrue(daysBetween(created, mine.getString("find { it.caseRef == '" + ref + "' }.overdue[0].due")) >= 7 * 24);

        // someone not eligible is refused, and nothing changes
        as("mona").body(Map.of("task", overdueTask, "to", "pat", "reason", "Pat has time."))
                .post("/api/escalations/" + escalation + "/reassignment").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("pat may not take this task on"));
        as("mona").body(Map.of("task", overdueTask, "to", caseworker)).post("/api/escalations/" + escalation
                + "/reassignment").then().statusCode(400);
        // a caseworker cannot call the manager's endpoints
        as(caseworker).get("/api/escalations").then().statusCode(403);

        as("mona").body(Map.of("task", overdueTask, "to", caseworker, "reason", "Triage backlog; "
                + caseworker + " has capacity this week."))
                .post("/api/escalations/" + escalation + "/reassignment").then().statusCode(200)
                .body("to", equalTo(caseworker)).body("kind", equalTo("triage"));
        List<Map<String, Object>> theirs = as(caseworker).queryParam("q", ref).get("/api/tasks").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.caseRef == '" + ref + "' }");
        assertEquals(1, theirs.size(), theirs.toString());
        assertEquals("triage", theirs.get(0).get("kind"));
        assertEquals(caseworker, theirs.get(0).get("assignee"), "the new handler has the task");
        as("mona").get("/api/escalations").then().statusCode(200).body("caseRef", org.hamcrest.Matchers.not(hasItem(ref)));
        JsonPath after = as(caseworker).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = after.getList("timeline");
        assertTrue(entries.stream().anyMatch(e -> "reassigned".equals(e.get("kind")) && ((String) e.get("summary"))
                .contains("reassigned by the complaints manager mona to " + caseworker + ". Reason: Triage backlog")),
                entries.toString());
        assertTrue(entries.stream().anyMatch(e -> "escalation-resolved".equals(e.get("kind"))));
        assertTrue(after.getList("trail.kind").contains("task-reassigned"), after.getList("trail.kind").toString());
        // the member still sees triage, its expected date now passed
        assertEquals("Triage", myCase("carol", ref).getString("stage.label"));
    }

    @Test
    void theManagersPageListsTheOverdueStageAndDealsWithIt() {
        String ref = file("dan", "M100006", LocalDate.of(2026, 4, 11), List.of("harassment"), ALLEGATION);
        EngineClock.advance(Duration.ofDays(8));
        EngineClock.fireDueTimers(ref);
        String html = Pages.as("mona", () -> Pages.page().get("/manager").then().statusCode(200).extract().asString());
        assertTrue(html.contains("Case " + ref) && html.contains("Give it to") && html.contains("Triage"), html);
        String escalation = as("mona").get("/api/escalations").then().statusCode(200).extract().jsonPath()
                .getString("find { it.caseRef == '" + ref + "' }.id");
        // a reassignment without a reason is refused on the page, with the field's words
        String refused = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager"))
                .formParam("task", "x").formParam("to", "quinn").formParam("reason", "")
                .post("/manager/escalations/" + escalation + "/reassignment").then().statusCode(400).extract().asString());
        assertTrue(refused.contains("Give your reason for reassigning the task"), refused);
        Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager"))
                .formParam("note", "Asked the caseworkers to pick it up this morning.")
                .post("/manager/escalations/" + escalation + "/resolution").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/manager?done=resolved")));
        as("mona").get("/api/escalations").then().statusCode(200).body("caseRef", org.hamcrest.Matchers.not(hasItem(ref)));
        String caseworker = CASEWORKERS.stream().filter(u -> as(u).get("/api/cases/" + ref).statusCode() == 200)
                .findFirst().orElseThrow();
        List<Map<String, Object>> timeline = as(caseworker).get("/api/cases/" + ref).then().statusCode(200).extract()
                .jsonPath().getList("timeline");
        assertTrue(timeline.stream().anyMatch(e -> "escalation-resolved".equals(e.get("kind"))
                && ((String) e.get("summary")).contains("Asked the caseworkers to pick it up")), timeline.toString());
    }
}

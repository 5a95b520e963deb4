package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitStarted;
import static org.evenhand.testing.Api.tasks;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Conflicts of interest over HTTP: a declared interest in a party keeps a handler off the case, a
 * recusal redraws the task without the recused, a complainant joining the case takes it from a
 * handler of their CLP, a handler named in the complaint never gets it (decision 0024).
 */
@QuarkusTest
class ConflictsOfInterestTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    static int seq;

    /** A member of our own in this CLP; returns their login (membership number: upper case of it). */
    static String member(String clp) {
        String user = "coi-" + TAG + "-" + (++seq);
        Db.update("INSERT INTO members (membership_number, username, display_name, clp, region) VALUES (?, ?, ?, ?, 'Wales')",
                user.toUpperCase(), user, "Member " + user, clp);
        return user;
    }

    static String file(String complainant, String respondent, String link, String allegation) {
        Map<String, Object> body = new HashMap<>(Map.of("respondentMembershipNumber", respondent.toUpperCase(),
                "conductDate", "2026-05-01", "clauses", List.of("harassment"), "allegation", allegation));
        if (link != null) {
            body.put("conductLink", link);
        }
        String ref = as(complainant).body(body).post("/api/complaints").then().statusCode(201).extract().path("ref");
        awaitStarted(complainant, ref);
        return ref;
    }

    static Set<String> offeredTriage(String ref) {
        return tasks(CASEWORKERS, ref, "triage").stream().map(Api.Held::user).collect(Collectors.toSet());
    }

    static long timeline(String ref, String kind) {
        return Db.count("SELECT count(*) FROM timeline_entries t JOIN cases c ON c.id = t.case_id WHERE c.ref = ?"
                + " AND t.kind = ? AND t.audience = 'staff'", ref, kind);
    }

    static long trail(String ref, String action) {
        // the timeline entry leaves its own trail row ("timeline entry for staff"); this is the one saying what happened
        return Db.count("SELECT count(*) FROM trail_log WHERE case_ref = ? AND action = ? AND detail LIKE 'triage: %'",
                ref, action);
    }

    @AfterEach
    void forgetInterests() {
        Db.update("DELETE FROM declared_interests WHERE value LIKE ?", "%" + TAG.toUpperCase() + "%");
    }

    @Test
    void aHandlerWithADeclaredInterestInAPartyIsNeverOfferedTheCase() {
        String respondent = member("Resp CLP " + TAG);
        String location = as("rowan").body(Map.of("kind", "member", "value", respondent, "from", "2019-04-01",
                "note", "My brother-in-law")).post("/api/me/interests").then().statusCode(201)
                .body("value", equalTo(respondent.toUpperCase())).body("current", equalTo(true))
                .extract().header("Location");
        assertTrue(location.matches(".*/api/me/interests/\\d+"), location);
        as("rowan").get("/api/me/interests").then().statusCode(200).body("value", hasItem(respondent.toUpperCase()));
        as("quinn").get("/api/me/interests").then().statusCode(200).body("value",
                org.hamcrest.Matchers.not(hasItem(respondent.toUpperCase())));

        for (int i = 0; i < 3; i++) {
            String ref = file(member("Comp CLP " + TAG), respondent, null, "Case " + i + ": repeated insults in replies.");
            assertEquals(Set.of("casey", "quinn"), offeredTriage(ref), "rowan is never in the triage pool");
            as("rowan").get("/api/cases/" + ref).then().statusCode(404);
        }
        // an interest in a CLP works the same way, case-insensitively
        String clpRespondent = member("Hove " + TAG);
        as("casey").body(Map.of("kind", "clp", "value", "hove " + TAG, "from", "2020-01-01"))
                .post("/api/me/interests").then().statusCode(201);
        String ref = file(member("Comp CLP " + TAG), clpRespondent, null, "Insults in replies to a branch post.");
        assertEquals(Set.of("quinn", "rowan"), offeredTriage(ref));
        // an ended interest that ended before the conduct no longer excludes
        long id = Long.parseLong(location.replaceAll(".*/", ""));
        as("rowan").body(Map.of("to", "2020-01-01")).post("/api/me/interests/" + id + "/end").then().statusCode(200)
                .body("to", equalTo("2020-01-01")).body("current", equalTo(false));
        String later = file(member("Comp CLP " + TAG), respondent, null, "Another reply, another insult.");
        assertTrue(offeredTriage(later).contains("rowan"));
    }

    @Test
    void badDeclarationsAreProblems() {
        as("quinn").body(Map.of("kind", "friend", "value", "", "from", "2020-01-01")).post("/api/me/interests")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem(containsString("kind"))).body("errors.field", hasItem(containsString("value")));
        as("quinn").body(Map.of("kind", "member", "value", "NO-SUCH-" + TAG, "from", "2020-01-01"))
                .post("/api/me/interests").then().statusCode(400).body("errors.field", hasItem("value"));
        as("quinn").body(Map.of("kind", "body", "value", "Unite " + TAG, "from", "2020-01-01", "to", "2019-01-01"))
                .post("/api/me/interests").then().statusCode(400).body("errors.field", hasItem("to"));
        as("quinn").body(Map.of("kind", "body", "value", "Unite " + TAG, "from", LocalDate.now().plusDays(3).toString()))
                .post("/api/me/interests").then().statusCode(400).body("errors.field", hasItem("from"));
        as("alice").get("/api/me/interests").then().statusCode(403);
    }

    @Test
    void aRecusalRedrawsTheTaskWithoutTheRecused() {
        String ref = file(member("Comp CLP " + TAG), member("Resp CLP " + TAG), null, "Repeated insults in replies.");
        assertEquals(Set.of("casey", "quinn", "rowan"), offeredTriage(ref));
        Api.Held held = tasks(List.of("quinn"), ref, "triage").get(0);
        as("quinn").post("/api/tasks/" + held.taskId() + "/claim").then().statusCode(200);
        as("quinn").body(Map.of("reason", " ")).post("/api/tasks/" + held.taskId() + "/recusal").then().statusCode(400)
                .body("errors.field", hasItem(containsString("reason")));

        as("quinn").body(Map.of("reason", "I campaigned with the respondent last year."))
                .post("/api/tasks/" + held.taskId() + "/recusal").then().statusCode(200)
                .body("drawn", equalTo(false)).body("now", equalTo(List.of("casey", "rowan")));
        assertEquals(Set.of("casey", "rowan"), offeredTriage(ref), "offered again to the others, not the recused");
        as("quinn").get("/api/cases/" + ref).then().statusCode(404);
        assertEquals(1, timeline(ref, "recused"));
        assertEquals(1, trail(ref, "recused"));
        assertEquals(1, Db.count("SELECT count(*) FROM case_recusals r JOIN cases c ON c.id = r.case_id WHERE c.ref = ?"
                + " AND r.username = 'quinn' AND r.task_kind = 'triage' AND r.reason NOT LIKE '%campaigned%'", ref),
                "the reason is kept sealed");
        as("casey").get("/api/cases/" + ref).then().statusCode(200);

        // casey steps aside from the offered task too; rowan is the last, and may not leave it with nobody
        as("casey").body(Map.of("reason", "I know the complainant.")).post("/api/tasks/" + held.taskId() + "/recusal")
                .then().statusCode(200).body("now", equalTo(List.of("rowan")));
        as("rowan").body(Map.of("reason", "Busy.")).post("/api/tasks/" + held.taskId() + "/recusal")
                .then().statusCode(409).contentType(containsString("application/problem+json"));
        assertEquals(Set.of("rowan"), offeredTriage(ref));
        assertEquals(2, trail(ref, "recused"));
        // nobody may recuse from a task that is not theirs
        as("quinn").body(Map.of("reason", "Again.")).post("/api/tasks/" + held.taskId() + "/recusal").then().statusCode(404);
    }

    @Test
    void aJoinedComplainantsClpColleagueLosesTheTriageTask() {
        // casey's CLP is Leeds Central (seeds/demo/handlers.csv); the first complainant and respondent are elsewhere
        String link = "https://twitter.com/coi" + TAG + "/status/" + Math.abs(TAG.hashCode());
        String ref = file(member("Comp CLP " + TAG), member("Resp CLP " + TAG), link, "A post calling me a traitor.");
        Api.Held held = tasks(List.of("casey"), ref, "triage").get(0);
        as("casey").post("/api/tasks/" + held.taskId() + "/claim").then().statusCode(200);
        as("casey").get("/api/cases/" + ref).then().statusCode(200);

        String colleague = member("Leeds Central");
        String joined = as(colleague).body(Map.of("respondentMembershipNumber",
                Db.value("SELECT m.membership_number FROM cases c JOIN members m ON m.id = c.respondent_id WHERE c.ref = ?", ref),
                "conductDate", "2026-05-01", "clauses", List.of("harassment"), "allegation", "The same post about me.",
                "conductLink", link)).post("/api/complaints").then().statusCode(201).extract().path("ref");
        assertEquals(ref, joined, "the complaint joined the case");

        assertEquals(List.of(), tasks(List.of("casey"), ref, "triage"), "casey no longer holds or is offered it");
        assertEquals(Set.of("quinn", "rowan"), offeredTriage(ref));
        as("casey").get("/api/cases/" + ref).then().statusCode(404);
        assertEquals(1, timeline(ref, "handler-replaced"));
        assertEquals(1, trail(ref, "handler-replaced"));
    }

    @Test
    void aHandlerNamedInTheComplaintIsNotOfferedIt() {
        String ref = file(member("Comp CLP " + TAG), member("Resp CLP " + TAG), null,
                "Quinn  Quarshie egged the respondent on in the thread and @rowan liked every reply.");
        assertEquals(Set.of("casey"), offeredTriage(ref));
        assertEquals(2, Db.count("SELECT count(*) FROM case_involved_handlers i JOIN cases c ON c.id = i.case_id"
                + " WHERE c.ref = ?", ref));
    }

    @Test
    void thePagesKeepTheRegisterAndTakeARecusal() {
        String respondent = member("Resp CLP " + TAG);
        org.evenhand.testing.Pages.as("pete", () -> {
            String token = org.evenhand.testing.Pages.tokenFrom("/work/interests");
            String refused = org.evenhand.testing.Pages.page().formParam("_csrf", token).formParam("kind", "member")
                    .formParam("value", "").formParam("from", "2020-01-01").post("/work/interests").then()
                    .statusCode(400).extract().asString();
            assertTrue(refused.contains("There is a problem"), refused);
            assertTrue(org.evenhand.testing.Pages.fieldError(refused, "value") != null, "the message is beside the field");
            org.evenhand.testing.Pages.page().formParam("_csrf", token).formParam("kind", "member")
                    .formParam("value", respondent).formParam("from", "2020-01-01").post("/work/interests").then()
                    .statusCode(303).header("Location", containsString("/work/interests?done=declared"));
            String listed = org.evenhand.testing.Pages.page().get("/work/interests").then().statusCode(200).extract().asString();
            assertTrue(listed.contains(respondent.toUpperCase()), listed);
        });
        assertEquals(1, Db.count("SELECT count(*) FROM declared_interests WHERE handler = 'pete' AND value = ?",
                respondent.toUpperCase()));

        String ref = file(member("Comp CLP " + TAG), member("Resp CLP " + TAG), null, "Insults in replies, again.");
        Api.Held held = tasks(List.of("rowan"), ref, "triage").get(0);
        org.evenhand.testing.Pages.as("rowan", () -> {
            String task = org.evenhand.testing.Pages.page().get("/work/tasks/" + held.taskId()).then().statusCode(200)
                    .extract().asString();
            assertTrue(task.contains("/work/tasks/" + held.taskId() + "/recusal"), "the task page offers the recusal");
            String token = org.evenhand.testing.Pages.token(task);
            String refused = org.evenhand.testing.Pages.page().formParam("_csrf", token).formParam("reason", "")
                    .post("/work/tasks/" + held.taskId() + "/recusal").then().statusCode(400).extract().asString();
            assertTrue(org.evenhand.testing.Pages.fieldError(refused, "reason") != null, refused);
            org.evenhand.testing.Pages.page().formParam("_csrf", token).formParam("reason", "I know the respondent.")
                    .post("/work/tasks/" + held.taskId() + "/recusal").then().statusCode(303);
        });
        assertEquals(Set.of("casey", "quinn"), offeredTriage(ref));
        assertEquals(1, timeline(ref, "recused"));
    }
}

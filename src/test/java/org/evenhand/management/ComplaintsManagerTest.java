package org.evenhand.management;

import static org.evenhand.management.Manage.add;
import static org.evenhand.management.Manage.asRole;
import static org.evenhand.management.Manage.member;
import static org.evenhand.management.Manage.pool;
import static org.evenhand.management.Manage.tasksOf;
import static org.evenhand.management.Manage.timeline;
import static org.evenhand.management.Manage.today;
import static org.evenhand.management.Manage.trail;
import static org.evenhand.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.evenhand.testing.Db;
import org.evenhand.testing.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decision 0038 over HTTP, as the complaints manager (mona): handlers added through the API are
 * drawn; deactivated, untrained and lapsed ones never are, at any draw (the triage pool, the
 * investigator, a panel's seats, reassignment candidates); an interest the manager records keeps a
 * handler off a case and takes them off its open tasks; a task held by a deactivated handler waits
 * for the manager, who reassigns it; everything the manager changes is on the trail.
 */
@QuarkusTest
class ComplaintsManagerTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);

    /** Whether the member with this login waits for Keycloak (keycloak_provisioning: provisioning is off in tests). */
    static long queuedForKeycloak(String login) {
        return Db.count("SELECT count(*) FROM keycloak_provisioning k JOIN members m ON m.id = k.member_id"
                + " WHERE m.username = ?", login);
    }

    static String login(String what) {
        return "mgr" + TAG + what;
    }

    @AfterEach
    void standDownOurHandlers() {
        // handlers we added must never be drawn by other tests' cases
        Db.update("UPDATE handlers SET active = false WHERE username LIKE ?", "mgr" + TAG + "%");
        Db.update("DELETE FROM declared_interests WHERE value LIKE ?", "%" + TAG.toUpperCase() + "%");
    }

    @Test
    void addedHandlersAreDrawnAndDeactivatedUntrainedOrLapsedOnesNeverAre() {
        String clp = "Mgr CLP " + TAG;
        String tr = member(login("tr"), clp);
        String un = member(login("un"), clp);
        String la = member(login("la"), clp);
        String de = member(login("de"), clp);
        String resp = member(login("resp"), "Resp CLP " + TAG);
        long caseworkers = pool("Caseworkers");
        long panel = pool("Panel");

        JsonPath trained = add(tr, List.of(caseworkers), today().minusDays(30), today().plusDays(365));
        assertEquals(List.of("caseworker"), trained.getList("handler.roles"));
        assertEquals("in-standing", trained.getString("handler.standing"));
        assertEquals("Member " + tr, trained.getString("handler.name"));
        assertEquals(clp, trained.getString("handler.clp"), "the handler's CLP is their membership's");
        assertEquals("untrained", add(un, List.of(caseworkers, panel), null, null).getString("handler.standing"));
        assertEquals(List.of("caseworker", "panel"), as("mona").get("/api/manager/handlers/" + un).then().statusCode(200)
                .extract().jsonPath().getList("handler.roles"), "roles follow the pools");
        assertEquals("training-lapsed", add(la, List.of(caseworkers), today().minusDays(800), today().minusDays(1))
                .getString("handler.standing"));
        add(de, List.of(caseworkers), today().minusDays(10), today().plusDays(700));
        assertEquals(1, trail("handler-added", tr + " in Caseworkers (caseworker); trained "));
        assertEquals(1, queuedForKeycloak(tr), "their Keycloak user's roles follow, after the commit (decision 0038)");
        assertEquals(1, trail("handler-added", un + " in Caseworkers (caseworker), Panel (panel); no training recorded"));
        // the same member twice: refused, nothing added
        as("mona").body(Map.of("membershipNumber", tr.toUpperCase(), "pools", List.of(caseworkers)))
                .post("/api/manager/handlers").then().statusCode(409).body("detail", containsString("already a handler"));

        // the manager records interests for the demo caseworkers and five of the panel in the respondent, so that
        // (casey being of carol's CLP) the draws below have exactly one possible outcome if standing is respected
        for (String handler : List.of("quinn", "rowan", "pat", "pam", "pete", "paula", "percy")) {
            long recorded = trail("interest-recorded", "for " + handler + ": a declared interest (member)");
            as("mona").body(Map.of("handler", handler, "kind", "member", "value", resp.toUpperCase(),
                    "from", today().minusYears(2).toString(), "note", "Shares a house with them"))
                    .post("/api/manager/interests").then().statusCode(201).body("recordedBy", equalTo("mona"))
                    .body("handler", equalTo(handler));
            assertEquals(recorded + 1, trail("interest-recorded", "for " + handler + ": a declared interest (member)"));
        }

        String ref = Manage.file("carol", resp, "Messages every night about the branch vote, after I asked " + TAG
                + " to stop.");
        Map<String, Object> triage = only(tasksOf(ref), "triage");
        assertEquals(Set.of(tr, de), new HashSet<>(list(triage.get("offeredTo"))),
                "triage is offered to the eligible in standing: not the untrained, the lapsed, casey or the interested");

        // deactivating de takes the offer back at once (and queues their Keycloak user again, for the role to go)
        Db.update("DELETE FROM keycloak_provisioning WHERE member_id = (SELECT id FROM members WHERE username = ?)", de);
        JsonPath gone = as("mona").body(Map.of("reason", "Left the compliance unit.")).post("/api/manager/handlers/" + de
                + "/deactivation").then().statusCode(200).extract().jsonPath();
        assertEquals("inactive", gone.getString("handler.standing"));
        assertFalse(gone.getBoolean("handler.active"));
        assertEquals("Left the compliance unit.", gone.getString("handler.deactivationReason"));
        assertEquals(List.of(tr), list(only(tasksOf(ref), "triage").get("offeredTo")));
        assertEquals(1, timeline(ref, "offer-withdrawn"));
        assertEquals(1, trail("handler-deactivated", de + ": 1 offers withdrawn, 0 tasks held"));
        assertEquals(1, queuedForKeycloak(de));
        asRole(de, "caseworker").queryParam("q", ref).get("/api/tasks").then().statusCode(200).body("total", equalTo(0));
        // deactivating never deletes: de is still on the list, and again is refused
        assertTrue(as("mona").get("/api/manager/handlers").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.username == '" + de + "' && it.active == false }").size() == 1);
        as("mona").body(Map.of("reason", "Again.")).post("/api/manager/handlers/" + de + "/deactivation").then()
                .statusCode(409);
        // nor can the untrained claim a task (they are offered none; this one was offered to tr)
        asRole(un, "caseworker").post("/api/tasks/" + triage.get("id") + "/claim").then().statusCode(404);

        // tr, the one caseworker in standing and eligible, triages; the investigator is drawn: tr again
        asRole(tr, "caseworker").post("/api/tasks/" + triage.get("id") + "/claim").then().statusCode(200);
        asRole(tr, "caseworker").body(Map.of("inScope", true, "clauses", List.of("harassment"), "reasons",
                "Repeated unwanted messages engage the harassment clause.", "exchangeOpenedBy", "respondent"))
                .post("/api/tasks/" + triage.get("id") + "/complete").then().statusCode(204);
        as(resp).body(Map.of("statement", "I sent two messages, not dozens.")).post("/api/me/cases/" + ref + "/response")
                .then().statusCode(200);
        Map<String, Object> investigation = only(tasksOf(ref), "investigate");
        assertEquals(tr, investigation.get("heldBy"), "the added handler is drawn as investigator");
        assertEquals(List.of(), investigation.get("eligible"), "nobody out of standing is offered as a replacement");

        // the panel: of the panel pool only piper, prue and penn are eligible; un (untrained) never sits
        asRole(tr, "caseworker").body(Map.of("report", "The messages were sent as described.")).post("/api/tasks/"
                + investigation.get("id") + "/complete").then().statusCode(204);
        EngineClock.endCommentWindow(ref);
        List<Map<String, Object>> seats = tasksOf(ref).stream().filter(t -> "panelDecision".equals(t.get("kind"))).toList();
        assertEquals(Set.of("piper", "prue", "penn"), new HashSet<>(seats.stream().map(t -> (String) t.get("heldBy"))
                .toList()));
        seats.forEach(s -> assertEquals(List.of(), s.get("eligible"), "no replacement out of standing: " + s));

        // training recorded for un: now they may be drawn, and the list says so
        as("mona").body(Map.of("trainedOn", today().toString(), "trainingExpires", today().plusYears(2).toString()))
                .post("/api/manager/handlers/" + un + "/training").then().statusCode(200)
                .body("handler.standing", equalTo("in-standing")).body("handler.trainingRecordedBy", equalTo("mona"));
        assertEquals(1, trail("training-recorded", un + ": trained " + today()));
        assertTrue(list(only(tasksOf(ref), "panelDecision", "piper").get("eligible")).contains(un),
                "once trained, un may take a panel seat");
        as("mona").body(Map.of("trainedOn", today().toString(), "trainingExpires", today().toString()))
                .post("/api/manager/handlers/" + un + "/training").then().statusCode(400)
                .body("errors[0].field", equalTo("trainingExpires"));
    }

    @Test
    void anInterestTheManagerRecordsTakesTheHandlerOffTheCase() {
        String resp = member(login("r2"), "Resp2 CLP " + TAG);
        String ref = Manage.file("dan", resp, "Posts about me every day since the selection meeting " + TAG + ".");
        assertTrue(list(only(tasksOf(ref), "triage").get("offeredTo")).contains("quinn"));

        String location = as("mona").body(Map.of("handler", "quinn", "kind", "member", "value", resp.toLowerCase(),
                "from", today().minusYears(1).toString())).post("/api/manager/interests").then().statusCode(201)
                .extract().header("Location");
        assertFalse(list(only(tasksOf(ref), "triage").get("offeredTo")).contains("quinn"),
                "quinn is taken off the open task at once");
        assertEquals(1, timeline(ref, "handler-replaced"));
        as("quinn").get("/api/cases/" + ref).then().statusCode(404);
        JsonPath entry = as("mona").get(location).then().statusCode(200).extract().jsonPath();
        assertEquals(resp.toUpperCase(), entry.getString("value"), "a membership number is kept in capitals");
        assertTrue(entry.getBoolean("current"));
        assertEquals("mona", entry.getString("recordedBy"));
        List<Map<String, Object>> quinns = as("mona").queryParam("handler", "quinn").get("/api/manager/interests").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertTrue(quinns.stream().allMatch(e -> "quinn".equals(e.get("handler"))) && quinns.stream()
                .anyMatch(e -> entry.getLong("id") == ((Number) e.get("id")).longValue()), quinns.toString());
        // quinn sees it in their own register too
        assertTrue(as("quinn").get("/api/me/interests").then().statusCode(200).extract().jsonPath().getList("value")
                .contains(resp.toUpperCase()));

        // the manager ends it; refused for the future, for a stranger's id, and a second time
        as("mona").body(Map.of("to", today().plusDays(1).toString())).post(location + "/end").then().statusCode(400);
        as("mona").body(Map.of("to", today().toString())).post(location + "/end").then().statusCode(200)
                .body("to", equalTo(today().toString()));
        as("mona").body(Map.of("to", today().toString())).post(location + "/end").then().statusCode(409);
        as("mona").body(Map.of("to", today().toString())).post("/api/manager/interests/999999999/end").then()
                .statusCode(404);
        assertEquals(1, trail("interest-ended", "for quinn: declared interest " + entry.getLong("id") + " ended on "));
        // an unknown handler, a member who does not exist, an unknown filter: refused, nothing stored
        long before = Db.count("SELECT count(*) FROM declared_interests");
        as("mona").body(Map.of("handler", "nobody-" + TAG, "kind", "clp", "value", "Hove", "from", "2020-01-01"))
                .post("/api/manager/interests").then().statusCode(400).body("errors[0].field", equalTo("handler"));
        as("mona").body(Map.of("handler", "quinn", "kind", "member", "value", "M999999", "from", "2020-01-01"))
                .post("/api/manager/interests").then().statusCode(400).body("errors[0].field", equalTo("value"));
        as("mona").queryParam("handler", "nobody-" + TAG).get("/api/manager/interests").then().statusCode(400);
        assertEquals(before, Db.count("SELECT count(*) FROM declared_interests"));
        // nobody but a complaints manager keeps the register
        as("quinn").get("/api/manager/interests").then().statusCode(403);
        as("alice").body(Map.of("handler", "quinn", "kind", "clp", "value", "Hove", "from", "2020-01-01"))
                .post("/api/manager/interests").then().statusCode(403);
    }

    @Test
    void aTaskHeldByADeactivatedHandlerWaitsForTheManagerWhoReassignsIt() {
        String ho = member(login("ho"), "Ho CLP " + TAG);
        String resp = member(login("r3"), "Resp3 CLP " + TAG);
        add(ho, List.of(pool("Caseworkers")), today().minusDays(5), today().plusDays(360));
        String ref = Manage.file("erin", resp, "Screenshots of my messages shared in the branch group " + TAG + ".");
        Map<String, Object> triage = only(tasksOf(ref), "triage");
        asRole(ho, "caseworker").post("/api/tasks/" + triage.get("id") + "/claim").then().statusCode(200);
        as("mona").get("/api/manager/tasks").then().statusCode(200)
                .body("findAll { it.caseRef == '" + ref + "' }.size()", equalTo(0));

        as("mona").body(Map.of("reason", "On long-term leave.")).post("/api/manager/handlers/" + ho + "/deactivation")
                .then().statusCode(200).body("tasks[0].caseRef", equalTo(ref)).body("tasks[0].attention",
                        equalTo("holder-inactive"));
        assertEquals(1, timeline(ref, "holder-out"));
        assertEquals(1, trail("handler-deactivated", ho + ": 0 offers withdrawn, 1 tasks held"));
        JsonPath waiting = as("mona").get("/api/manager/tasks").then().statusCode(200).extract().jsonPath();
        Map<String, Object> task = waiting.getMap("find { it.caseRef == '" + ref + "' }");
        assertEquals("holder-inactive", task.get("attention"));
        assertEquals(ho, task.get("heldBy"));
        assertTrue(list(task.get("eligible")).contains("quinn") && !list(task.get("eligible")).contains(ho));
        // the deactivated holder may claim nothing new
        String other = Manage.file("frank", member(login("r4"), "Resp4 CLP " + TAG), "Mocking posts " + TAG + ".");
        Map<String, Object> otherTriage = only(tasksOf(other), "triage");
        assertFalse(list(otherTriage.get("offeredTo")).contains(ho));

        String id = (String) task.get("id");
        as("mona").body(Map.of("to", "pat", "reason", "Pat has time.")).post("/api/manager/tasks/" + id + "/reassignment")
                .then().statusCode(400).body("detail", containsString("pat may not take this task on"));
        as("mona").body(Map.of("to", "quinn")).post("/api/manager/tasks/" + id + "/reassignment").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as("mona").body(Map.of("to", "quinn", "reason", "x")).post("/api/manager/tasks/no-such-task/reassignment").then()
                .statusCode(404);
        as("quinn").body(Map.of("to", "quinn", "reason", "Mine now.")).post("/api/manager/tasks/" + id + "/reassignment")
                .then().statusCode(403);
        as("mona").body(Map.of("to", "quinn", "reason", "Ho is on leave; Quinn has capacity.")).post("/api/manager/tasks/"
                + id + "/reassignment").then().statusCode(200).body("from", equalTo(ho)).body("to", equalTo("quinn"))
                .body("kind", equalTo("triage"));
        assertEquals("quinn", only(tasksOf(ref), "triage").get("heldBy"));
        as("mona").get("/api/manager/tasks").then().statusCode(200)
                .body("findAll { it.caseRef == '" + ref + "' }.size()", equalTo(0));
        List<Map<String, Object>> entries = as("quinn").get("/api/cases/" + ref).then().statusCode(200).extract()
                .jsonPath().getList("timeline");
        assertTrue(entries.stream().anyMatch(e -> "reassigned".equals(e.get("kind")) && ((String) e.get("summary"))
                .contains("reassigned by the complaints manager mona from " + ho + " to quinn. Reason: Ho is on leave")),
                entries.toString());
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE actor = 'mona' AND action = 'task-reassigned'"
                + " AND case_ref = ? AND detail = ?", ref, "triage: " + ho + " -> quinn"));

        // reactivated, ho is in standing again
        Db.update("DELETE FROM keycloak_provisioning WHERE member_id = (SELECT id FROM members WHERE username = ?)", ho);
        as("mona").body(Map.of("reason", "Back from leave.")).post("/api/manager/handlers/" + ho + "/reactivation").then()
                .statusCode(200).body("handler.standing", equalTo("in-standing"));
        assertEquals(1, trail("handler-reactivated", ho + ": Back from leave."));
        assertEquals(1, queuedForKeycloak(ho));
        // a manager cannot deactivate themselves
        as("mona").body(Map.of("reason", "Tired.")).post("/api/manager/handlers/mona/deactivation").then().statusCode(409);
    }

    @Test
    void poolsAreAddedAndRenamedAndAHandlersPoolsDecideTheirRoles() {
        String name = "Welsh-language panel " + TAG;
        String location = as("mona").body(Map.of("name", "  " + name + "  ", "role", "panel")).post("/api/manager/pools")
                .then().statusCode(201).body("name", equalTo(name)).body("role", equalTo("panel"))
                .body("handlers", equalTo(0)).extract().header("Location");
        as("mona").body(Map.of("name", name.toUpperCase(), "role", "caseworker")).post("/api/manager/pools").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
        as("mona").body(Map.of("name", "x", "role", "judge")).post("/api/manager/pools").then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
        as("mona").body(Map.of("name", "Panel (Wales) " + TAG)).put(location).then().statusCode(200)
                .body("name", equalTo("Panel (Wales) " + TAG)).body("role", equalTo("panel"));
        as("mona").get(location).then().statusCode(200).body("name", equalTo("Panel (Wales) " + TAG));
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertEquals(1, trail("pool-added", "pool " + id + " '" + name + "' (panel)"));
        assertEquals(1, trail("pool-renamed", "pool " + id + " '" + name + "' -> 'Panel (Wales) " + TAG + "'"));

        // a handler moved from casework to the new panel pool: a panel member now, never offered casework
        String mv = member(login("mv"), "Mv CLP " + TAG);
        add(mv, List.of(pool("Caseworkers")), today().minusDays(3), today().plusDays(300));
        String ref = Manage.file("alice", member(login("r5"), "Resp5 CLP " + TAG), "Abuse after the AGM " + TAG + ".");
        assertTrue(list(only(tasksOf(ref), "triage").get("offeredTo")).contains(mv));
        Db.update("DELETE FROM keycloak_provisioning WHERE member_id = (SELECT id FROM members WHERE username = ?)", mv);
        as("mona").body(Map.of("pools", List.of(id))).put("/api/manager/handlers/" + mv + "/pools").then().statusCode(200)
                .body("handler.roles", equalTo(List.of("panel"))).body("handler.pools[0].id", equalTo((int) id));
        assertFalse(list(only(tasksOf(ref), "triage").get("offeredTo")).contains(mv), "the casework offer is withdrawn");
        assertEquals(1, trail("handler-pools-changed", mv + " now in Panel (Wales) " + TAG + " (panel)"));
        assertEquals(1, queuedForKeycloak(mv));
        // refused changes below queue nothing
        Db.update("DELETE FROM keycloak_provisioning WHERE member_id = (SELECT id FROM members WHERE username = ?)", mv);
        as("mona").get("/api/manager/pools").then().statusCode(200)
                .body("find { it.id == " + id + " }.handlers", equalTo(1)).body("find { it.id == " + id + " }.drawable",
                        equalTo(1));
        as("mona").body(Map.of("pools", List.of())).put("/api/manager/handlers/" + mv + "/pools").then().statusCode(400);
        as("mona").body(Map.of("pools", List.of(987654321))).put("/api/manager/handlers/" + mv + "/pools").then()
                .statusCode(400).body("errors[0].field", equalTo("pools"));
        assertEquals(0, queuedForKeycloak(mv));

        // finding members to add: by name or number, saying who has a login and who is a handler already
        JsonPath found = as("mona").queryParam("q", "Member " + login("mv")).get("/api/manager/members").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("active", found.getString("find { it.membershipNumber == '" + mv.toUpperCase() + "' }.handler"));
        assertEquals(false, as("mona").queryParam("q", "M100008").get("/api/manager/members").then().statusCode(200)
                .extract().jsonPath().getBoolean("[0].hasLogin"), "Gita Gill has no login");
        as("mona").body(Map.of("membershipNumber", "M100008", "pools", List.of(id))).post("/api/manager/handlers").then()
                .statusCode(400).body("errors[0].field", equalTo("membershipNumber"));
        as("mona").queryParam("q", "x").get("/api/manager/members").then().statusCode(400);
        as("casey").get("/api/manager/pools").then().statusCode(403);
        as("alice").get("/api/manager/handlers").then().statusCode(403);
    }

    static Map<String, Object> only(List<Map<String, Object>> tasks, String kind) {
        List<Map<String, Object>> found = tasks.stream().filter(t -> kind.equals(t.get("kind"))).toList();
        assertEquals(1, found.size(), kind + " in " + tasks);
        return found.get(0);
    }

    static Map<String, Object> only(List<Map<String, Object>> tasks, String kind, String heldBy) {
        return only(tasks.stream().filter(t -> heldBy.equals(t.get("heldBy"))).toList(), kind);
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Object o) {
        return (List<String>) o;
    }
}

package org.evenhand.management;

import static org.evenhand.management.Manage.member;
import static org.evenhand.management.Manage.pool;
import static org.evenhand.management.Manage.today;
import static org.evenhand.management.Manage.trail;
import static org.evenhand.testing.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.evenhand.testing.Db;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The complaints manager's pages (decision 0038) do what the API does, with the same refusals next
 * to the fields: add a handler, change their pools, record training, deactivate, keep the register,
 * reassign a task, read the dashboard; nobody else may open them.
 */
@QuarkusTest
class ManagerPagesTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);

    @AfterEach
    void standDown() {
        Db.update("UPDATE handlers SET active = false WHERE username LIKE ?", "pg" + TAG + "%");
        Db.update("DELETE FROM declared_interests WHERE value LIKE ?", "%" + TAG.toUpperCase() + "%");
    }

    static String get(String path) {
        return Pages.as("mona", () -> Pages.page().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void theManagerAddsAHandlerChangesThemAndDeactivatesThemFromThePages() {
        String who = member("pg" + TAG + "a", "Pages CLP " + TAG);
        long caseworkers = pool("Caseworkers");
        String found = get("/manager/handlers?q=" + who.toUpperCase());
        assertTrue(found.contains("value=\"" + who.toUpperCase() + "\"") && found.contains("Member " + who), found);
        // no pool chosen: refused next to the field, the member kept
        String refused = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/handlers"))
                .formParam("membershipNumber", who.toUpperCase()).formParam("trainedOn", today().toString())
                .post("/manager/handlers").then().statusCode(400).extract().asString());
        assertEquals("Choose at least one pool for the handler.", Pages.fieldError(refused, "pools"));
        assertEquals("Give both the day the training was completed and the last day it counts, or neither.",
                Pages.fieldError(refused, "trainingExpires"));
        assertTrue(refused.contains("value=\"" + who.toUpperCase() + "\""), "what was typed is kept");
        Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/handlers"))
                .formParam("membershipNumber", who.toUpperCase()).formParam("pools", Long.toString(caseworkers))
                .formParam("trainedOn", today().minusDays(2).toString())
                .formParam("trainingExpires", today().plusYears(1).toString())
                .post("/manager/handlers").then().statusCode(303)
                .header("Location", endsWith("/manager/handlers/" + who + "?done=added")));
        String list = get("/manager/handlers");
        assertTrue(list.contains("<a href=\"/manager/handlers/" + who + "\">Member " + who + "</a>")
                && list.contains("May be drawn"), list);
        String one = get("/manager/handlers/" + who + "?done=added");
        assertTrue(one.contains("The handler has been added.") && one.contains("Caseworker")
                && one.contains("recorded by mona") && !one.matches("(?s).*>\\d{4}-\\d{2}-\\d{2}<.*"), one);

        // training that ends before it began is refused next to the field
        String badTraining = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/handlers/"
                + who)).formParam("trainedOn", today().toString()).formParam("trainingExpires",
                        today().minusDays(1).toString()).post("/manager/handlers/" + who + "/training").then()
                .statusCode(400).extract().asString());
        assertEquals("The training must count until a day after it was completed.",
                Pages.fieldError(badTraining, "trainingExpires"));
        // deactivated from the page, with a reason; without one it is refused
        String noReason = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/handlers/"
                + who)).formParam("reason", " ").post("/manager/handlers/" + who + "/deactivation").then().statusCode(400)
                .extract().asString());
        assertEquals("Give your reason.", Pages.fieldError(noReason, "reason"));
        Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/handlers/" + who))
                .formParam("reason", "Moved to the organising team.").post("/manager/handlers/" + who + "/deactivation")
                .then().statusCode(303).header("Location", endsWith("?done=deactivated")));
        assertTrue(get("/manager/handlers/" + who).contains("Moved to the organising team."));
        assertEquals("inactive", as("mona").get("/api/manager/handlers/" + who).then().statusCode(200).extract()
                .jsonPath().getString("handler.standing"));
        assertEquals(1, trail("handler-deactivated", who + ":"));
    }

    @Test
    void theRegisterPoolsTasksAndDashboardPages() {
        String resp = member("pg" + TAG + "r", "Pages Resp CLP " + TAG);
        // record an interest for rowan from the page
        Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/interests"))
                .formParam("handler", "rowan").formParam("kind", "member").formParam("value", resp.toUpperCase())
                .formParam("from", today().minusYears(3).toString()).formParam("note", "Their cousin")
                .post("/manager/interests").then().statusCode(303).header("Location", endsWith("?done=recorded")));
        String register = get("/manager/interests?handler=rowan");
        assertTrue(register.contains(resp.toUpperCase() + " (Member " + resp + ")") && register.contains("Their cousin")
                && register.contains("<td data-label=\"Recorded by\">mona</td>"), register);
        String refused = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/interests"))
                .formParam("kind", "clp").formParam("value", "Hove").formParam("from", "2020-01-01")
                .post("/manager/interests").then().statusCode(400).extract().asString());
        assertEquals("Say whose interest it is: choose the handler.", Pages.fieldError(refused, "handler"));

        // a pool added and renamed from the page
        Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/pools"))
                .formParam("name", "Appeals panel " + TAG).formParam("role", "panel").post("/manager/pools").then()
                .statusCode(303));
        long id = pool("Appeals panel " + TAG);
        Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/pools"))
                .formParam("name", "Appeal panel " + TAG).post("/manager/pools/" + id).then().statusCode(303));
        String pools = get("/manager/pools");
        assertTrue(pools.contains(">Appeal panel " + TAG + "</th>") && pools.contains("Panel member"), pools);
        String clash = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/pools"))
                .formParam("name", "caseworkers").post("/manager/pools/" + id).then().statusCode(400).extract().asString());
        assertEquals("A pool has this name already.", Pages.fieldError(clash, "newName"));

        // a case's task reassigned from the page, with a reason
        String ref = Manage.file("bob", member("pg" + TAG + "r2", "Pages Resp2 CLP " + TAG), "Pile-on replies " + TAG
                + " after the hustings.");
        String tasks = get("/manager/tasks?case=" + ref);
        assertTrue(tasks.contains("Give it to") && tasks.contains("Triage"), tasks);
        String taskId = (String) ComplaintsManagerTest.only(Manage.tasksOf(ref), "triage").get("id");
        String noReason = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/tasks?case=" + ref))
                .formParam("to", "rowan").formParam("case", ref).post("/manager/tasks/" + taskId + "/reassignment")
                .then().statusCode(400).extract().asString());
        assertEquals("Give your reason for reassigning the task.", Pages.fieldError(noReason, "reason"));
        Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom("/manager/tasks?case=" + ref))
                .formParam("to", "rowan").formParam("case", ref).formParam("reason", "Rowan knows the hustings rules.")
                .post("/manager/tasks/" + taskId + "/reassignment").then().statusCode(303)
                .header("Location", endsWith("/manager/tasks?done=reassigned&case=" + ref)));
        assertEquals("rowan", ComplaintsManagerTest.only(Manage.tasksOf(ref), "triage").get("heldBy"));
        assertTrue(get("/manager/tasks?case=EVH-2099-999999").contains("There is no case EVH-2099-999999"));

        // every page of the manager's, and the sub-menu on each
        for (String page : List.of("/manager", "/manager/tasks", "/manager/handlers", "/manager/pools",
                "/manager/interests", "/manager/dashboard")) {
            String html = get(page);
            assertTrue(html.contains("aria-label=\"Complaints manager\"") && html.contains("aria-current=\"page\""), page);
        }
        // nobody else: a caseworker and a member are refused with a page
        for (String user : List.of("casey", "alice", "pat")) {
            for (String page : List.of("/manager/handlers", "/manager/pools", "/manager/interests", "/manager/tasks",
                    "/manager/dashboard")) {
                String html = Pages.as(user, () -> Pages.page().get(page).then().statusCode(403).extract().asString());
                assertTrue(html.contains("<h1"), user + " " + page);
            }
        }
    }
}
